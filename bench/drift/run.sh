#!/usr/bin/env bash
# bench/drift/run.sh: how well and how fast `provcheck locate` re-anchors
# citations after their sources changed, against a Hypothesis-style peer
# (bench/drift/peer) on the same generated cases, in the same run.
# See bench/README.md for the classes, the ground truth and the targets.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)

work=/tmp/provcheck-bench-drift
per_class=120
scale=0
runs=1
provcheck=""
seeds=""
build=1
regen=0
strict=0
out_json=$here/last-run.json

usage() {
    cat <<EOF
usage: bench/drift/run.sh [--scale] [options]

  --scale            also run the scale set: 20,000 documents, 200,000 quotes
  --per-class N      documents per class in the default set (default $per_class)
  --runs K           timed runs of each tool per set; the best counts (default 1)
  --work DIR         where the sets live (default $work; DIR/default, DIR/scale)
  --provcheck PATH   binary to measure (default build/provcheck, built first)
  --seeds DIR        seed articles (default ../shared/corpus/seeds)
  --no-build         do not build provcheck first
  --regen            generate the sets again even when they are current
  --strict           exit 1 when a target is missed (default: report only)
  --out FILE         where to write the record (default bench/drift/last-run.json)

Writes bench/drift/last-run.json (or --out). Needs python3, node and npm (the peer's
one dependency, approx-string-match, is installed from its package-lock.json
on the first run).
EOF
}

die() { echo "run.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
    case $1 in
        --per-class|--runs|--work|--provcheck|--seeds|--out)
            [ $# -ge 2 ] || die "$1 needs a value"
            case $1 in
                --per-class) per_class=$2 ;;
                --runs) runs=$2 ;;
                --work) work=$2 ;;
                --provcheck) provcheck=$2 ;;
                --seeds) seeds=$2 ;;
                --out) out_json=$2 ;;
            esac
            shift 2 ;;
        --scale) scale=1; shift ;;
        --no-build) build=0; shift ;;
        --regen) regen=1; shift ;;
        --strict) strict=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done
for n in "$per_class" "$runs"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: not a positive number: $n" >&2; exit 2; }
done

# --- tools ------------------------------------------------------------------
missing=()
for tool in python3 node npm; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "run.sh: missing ${missing[*]} (Debian packages python3, nodejs, npm)" >&2
    exit 2
fi
have_time=0
[ -x /usr/bin/time ] && have_time=1

# --- provcheck --------------------------------------------------------------
if [ -z "$provcheck" ]; then
    provcheck=$repo/build/provcheck
    if [ "$build" = 1 ]; then
        if [ -f "$repo/Makefile" ] && grep -q '^build[[:space:]]*:' "$repo/Makefile"; then
            make -C "$repo" build >&2 || die "build failed (make build)"
        else
            if [ ! -f "$repo/build/CMakeCache.txt" ]; then
                cmake -S "$repo" -B "$repo/build" -DCMAKE_BUILD_TYPE=Release >&2 \
                    || die "cmake configure failed"
            fi
            cmake --build "$repo/build" -j "$(nproc)" >&2 || die "build failed (cmake --build)"
        fi
    fi
fi
[ -x "$provcheck" ] || die "no provcheck binary at $provcheck (build it, or pass --provcheck)"
provcheck=$(realpath "$provcheck")
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$(dirname "$provcheck")/CMakeCache.txt" 2>/dev/null || true)
case $build_type in
    Release|RelWithDebInfo|MinSizeRel|"") ;;
    *) echo "run.sh: warning: $provcheck is a '$build_type' build; its speed is not comparable" >&2 ;;
esac

# --- the peer ---------------------------------------------------------------
peer_dir=$here/peer
lock=$peer_dir/package-lock.json
installed=$peer_dir/node_modules/.package-lock.json
if [ ! -f "$installed" ] || [ "$lock" -nt "$installed" ] \
        || [ ! -f "$peer_dir/node_modules/approx-string-match/package.json" ]; then
    echo "run.sh: installing the peer's dependencies (npm ci)" >&2
    (cd "$peer_dir" && npm ci --no-audit --no-fund --loglevel=error) >&2 \
        || die "npm ci failed in $peer_dir"
fi
peer=("node" "$peer_dir/locate.js")

# --- the sets ---------------------------------------------------------------
sets=("default")
[ "$scale" = 1 ] && sets+=("scale")
gen_args() {  # $1 = set name
    local a=(python3 "$here/gen.py" --work "$work/$1")
    [ -n "$seeds" ] && a+=(--seeds "$seeds")
    if [ "$1" = scale ]; then a+=(--scale); else a+=(--per-class "$per_class"); fi
    printf '%s\n' "${a[@]}"
}
for s in "${sets[@]}"; do
    mapfile -t g < <(gen_args "$s")
    if [ "$regen" = 1 ] || ! "${g[@]}" --check-current >/dev/null; then
        echo "run.sh: generating the $s set in $work/$s" >&2
        "${g[@]}" >&2 || die "the generator failed"
    else
        echo "run.sh: the $s set in $work/$s is current" >&2
    fi
done

# --- running both tools -----------------------------------------------------
# One run: wall clock from date(1) in nanoseconds, max RSS from
# /usr/bin/time when there is one. Output to DIR/out/TOOL.jsonl.
now_ns() { date +%s%N; }
run_once() {  # $1 = set dir, $2 = tool name, $3 = run number; then the command
    local dir=$1 tool=$2 k=$3; shift 3
    local out=$dir/out/$tool.jsonl err=$dir/out/$tool.err tv=$dir/out/$tool.time.$k
    local t0 t1 rc=0
    t0=$(now_ns)
    if [ "$have_time" = 1 ]; then
        /usr/bin/time -f '%M' -o "$tv" "$@" "$dir/selectors.jsonl" >"$out" 2>"$err" || rc=$?
    else
        "$@" "$dir/selectors.jsonl" >"$out" 2>"$err" || rc=$?
    fi
    t1=$(now_ns)
    echo "$tool $k $rc $(( t1 - t0 )) $(tail -n 1 "$tv" 2>/dev/null || echo '')" >>"$dir/out/runs.txt"
    if [ "$rc" != 0 ]; then
        echo "run.sh: $tool exited $rc on $dir/selectors.jsonl" >&2
        tail -n 20 "$err" >&2
        exit 1
    fi
}

set_args=()
for s in "${sets[@]}"; do
    dir=$work/$s
    rm -rf "$dir/out"
    mkdir -p "$dir/out"
    n=$(wc -l <"$dir/selectors.jsonl")
    echo "run.sh: $s set: $n quotes; provcheck and the peer, $runs run(s) each (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    # Warm the page cache for both: the first reader of 150 MB of documents
    # would otherwise pay for the disk and the second would not.
    cat "$dir/selectors.jsonl" >/dev/null
    find "$dir/text" "$dir/gone" -type f -print0 | xargs -0 -r cat >/dev/null
    for k in $(seq 1 "$runs"); do
        run_once "$dir" provcheck "$k" "$provcheck" locate
        run_once "$dir" peer "$k" "${peer[@]}"
    done
    python3 - "$dir/out/runs.txt" "$dir/out/timing.json" <<'EOF'
import json, sys
runs = {}
for line in open(sys.argv[1]):
    parts = line.split()
    tool, k, rc, ns = parts[0], int(parts[1]), int(parts[2]), int(parts[3])
    rss = int(parts[4]) if len(parts) > 4 and parts[4].isdigit() else None
    r = runs.setdefault(tool, {"wall_s": [], "max_rss_kb": None, "exit": 0})
    r["wall_s"].append(ns / 1e9)
    if rss is not None:
        r["max_rss_kb"] = max(r["max_rss_kb"] or 0, rss)
    r["exit"] = max(r["exit"], rc)
for r in runs.values():
    r["best_wall_s"] = min(r["wall_s"])
json.dump(runs, open(sys.argv[2], "w"), indent=1)
EOF
    set_args+=(--set "$s=$dir")
done

score=(python3 "$here/score.py" summarize "${set_args[@]}" --out "$out_json"
       --provcheck "$provcheck" --build-type "$build_type" --runs "$runs")
[ "$strict" = 1 ] && score+=(--strict)
"${score[@]}"
