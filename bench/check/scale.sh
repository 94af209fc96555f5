#!/usr/bin/env bash
# bench/check/scale.sh: how the cost of `check` grows with the workspace.
# For each workspace made by gen.py (e.g. 300/3k, 3,000/30k, 30,000/300k and
# 100,000/1M sources/claims), times the floor (xxhsum -H2 over every source,
# sidecar and claims file), a cold check (no .provcheck/) and a warm one
# (nothing changed), best of --runs each, with CPU time (user+sys) and max
# RSS from /usr/bin/time. Prints one Markdown table row per workspace.
#
#   bench/check/gen.py --workspace /work/bench-tmp/ws30k --sources 3000 --claims 30000 --force
#   bench/check/scale.sh --runs 3 /work/bench-tmp/ws3k /work/bench-tmp/ws30k ...
#
# CPU time is the figure a loaded machine changes least; wall clock is shown
# as the ratio to the floor measured right before it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
provcheck=$here/../../build/provcheck
runs=3
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --provcheck) provcheck=$2; shift 2 ;;
        -h|--help) sed -n 2,14p "$0"; exit 0 ;;
        *) break ;;
    esac
done
[ $# -gt 0 ] || { echo "usage: scale.sh [--runs K] [--provcheck PATH] WORKSPACE..." >&2; exit 2; }
for tool in xxhsum /usr/bin/time python3; do
    command -v "$tool" >/dev/null || { echo "scale.sh: missing $tool" >&2; exit 2; }
done

# One timed run: prints "wall cpu rss_kb" (seconds, seconds, KiB).
timed() {
    local f; f=$(mktemp)
    /usr/bin/time -f '%e %U %S %M' -o "$f" "$@" >/dev/null 2>&1 || { echo "scale.sh: failed: $*" >&2; rm -f "$f"; exit 1; }
    awk '{ printf "%s %.3f %s\n", $1, $2 + $3, $4 }' "$f"
    rm -f "$f"
}
best() {  # reads "wall cpu rss" lines; prints the best wall, best cpu, max rss
    sort -n | awk 'NR == 1 { w = $1 } { if (c == "" || $2 < c) c = $2; if ($3 > r) r = $3 } END { print w, c, r }'
}

echo "| sources | claims | floor best (s) | floor CPU (s) | cold best (s) | cold ÷ floor | cold CPU (s) | cold CPU ÷ floor CPU | cold max RSS (MiB) | warm best (s) | warm ÷ floor | warm max RSS (MiB) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for ws in "$@"; do
    params=$ws/.bench/params.json
    [ -f "$params" ] || { echo "scale.sh: $ws was not made by gen.py" >&2; exit 2; }
    read -r sources claims < <(python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); print(p["sources"], p["claims"])' "$params")
    list=$(mktemp)
    (cd "$ws" && find sources claims -type f) >"$list"
    (cd "$ws" && xargs xxhsum -H2 <"$list" >/dev/null 2>&1)  # warm the page cache
    floor=$(for _ in $(seq "$runs"); do (cd "$ws" && timed sh -c "xargs xxhsum -H2 <'$list'"); done | best)
    cold=$(for _ in $(seq "$runs"); do rm -rf "$ws/.provcheck"; timed "$provcheck" -C "$ws" check; done | best)
    "$provcheck" -C "$ws" check >/dev/null 2>&1 || true  # fold the cold run's WAL in
    warm=$(for _ in $(seq "$runs"); do timed "$provcheck" -C "$ws" check; done | best)
    rm -f "$list"
    python3 - "$sources" "$claims" "$floor" "$cold" "$warm" <<'EOF'
import sys
s, c = int(sys.argv[1]), int(sys.argv[2])
fw, fc, _r = map(float, sys.argv[3].split())
cw, cc, cr = map(float, sys.argv[4].split())
ww, wc, wr = map(float, sys.argv[5].split())
print(f"| {s:,} | {c:,} | {fw:.3f} | {fc:.2f} | {cw:.3f} | {cw / fw:.2f} | {cc:.2f} | {cc / fc:.2f} | {cr / 1024:.0f} | {ww:.3f} | {ww / fw:.2f} | {wr / 1024:.0f} |")
EOF
done
