#!/usr/bin/env bash
# bench/figures/run.sh: the figure extractor against Microsoft
# Recognizers-Text and, as the floor, ripgrep listing the digit runs of the
# same corpus; throughput and precision/recall on the labelled seeds, all in
# one run. See bench/README.md ("figures") for what is measured and why.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)

mb=52
slice_kb=8
runs=5
peer_runs=3
seeds=$(cd "$repo/.." && pwd)/shared/corpus/seeds
build=1
strict=0
work=$repo/build/tmp/figures-bench

usage() {
    cat <<EOF
usage: bench/figures/run.sh [options]

  --mb N           corpus size in MB (default $mb; at least 50 for the target)
  --slice-kb N     slice for Recognizers-Text in KB (default $slice_kb)
  --runs K         timed runs of provcheck and ripgrep; the best counts (default $runs)
  --peer-runs K    timed runs of Recognizers-Text on the slice (default $peer_runs)
  --seeds DIR      seed articles (default ../shared/corpus/seeds)
  --work DIR       where the corpus and workspaces are generated (default build/tmp/figures-bench)
  --no-build       do not build before timing
  --strict         exit 1 when a target is missed (default: report only)

Writes bench/figures/last-run.json. Needs hyperfine, rg (ripgrep), node and
npm, python3; installs the Recognizers-Text packages into bench/figures/peer
(npm ci, from the committed package-lock.json) when they are missing.
EOF
}

die() { echo "run.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
    case $1 in
        --mb|--slice-kb|--runs|--peer-runs|--seeds|--work)
            [ $# -ge 2 ] || die "$1 needs a value"
            case $1 in
                --mb) mb=$2 ;;
                --slice-kb) slice_kb=$2 ;;
                --runs) runs=$2 ;;
                --peer-runs) peer_runs=$2 ;;
                --seeds) seeds=$2 ;;
                --work) work=$2 ;;
            esac
            shift 2 ;;
        --no-build) build=0; shift ;;
        --strict) strict=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done
for n in "$slice_kb" "$runs" "$peer_runs"; do [[ $n =~ ^[0-9]+$ ]] || die "not a number: $n"; done
[[ $mb =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "not a number: $mb"

missing=()
for tool in hyperfine rg node npm python3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
    die "missing ${missing[*]}; run 'make deps' (Debian packages hyperfine, ripgrep, python3; node and npm from nodesource)"
fi
[ -d "$seeds" ] || die "no seed articles at $seeds (give --seeds DIR)"

# --- build --------------------------------------------------------------------
if [ "$build" = 1 ]; then
    if [ ! -f "$repo/build/CMakeCache.txt" ]; then
        cmake -S "$repo" -B "$repo/build" -DCMAKE_BUILD_TYPE=Release || die "cmake configure failed"
    fi
    cmake --build "$repo/build" -j "$(nproc)" --target provcheck provcheck_figures_bench || die "build failed"
fi
provcheck=$repo/build/provcheck
bench_bin=$repo/build/provcheck_figures_bench
[ -x "$provcheck" ] && [ -x "$bench_bin" ] || die "no build/provcheck or build/provcheck_figures_bench (build first)"
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$repo/build/CMakeCache.txt" 2>/dev/null || true)
[ "$build_type" = Release ] || echo "run.sh: warning: build type is '$build_type', not Release" >&2

# --- peer -------------------------------------------------------------------
if [ ! -d "$here/peer/node_modules/@microsoft/recognizers-text-number-with-unit" ] ||
   [ "$here/peer/package-lock.json" -nt "$here/peer/node_modules/.package-lock.json" ]; then
    echo "run.sh: installing Recognizers-Text into bench/figures/peer (npm ci)"
    (cd "$here/peer" && npm ci --no-audit --no-fund >/dev/null) || die "npm ci failed in bench/figures/peer"
fi

# --- corpus -----------------------------------------------------------------
mkdir -p "$work"
want=$(python3 - "$mb" "$slice_kb" <<'PY'
import json, sys
print(json.dumps({"mb": float(sys.argv[1]), "slice_kb": int(sys.argv[2])}, sort_keys=True))
PY
)
have=$(python3 - "$work/corpus.json" <<'PY' 2>/dev/null || true
import json, sys
m = json.load(open(sys.argv[1]))
print(json.dumps({"mb": m["mb"], "slice_kb": m["slice_kb"]}, sort_keys=True))
PY
)
if [ "$want" != "$have" ] || [ ! -f "$work/corpus.txt" ] || [ "$here/gen_corpus.py" -nt "$work/corpus.txt" ]; then
    echo "run.sh: generating a ${mb} MB corpus from $seeds"
    python3 "$here/gen_corpus.py" --seeds "$seeds" --out "$work" --mb "$mb" --slice-kb "$slice_kb" >/dev/null \
        || die "gen_corpus.py failed"
fi
corpus=$work/corpus.txt
slice=$work/slice.txt

# Workspaces for `provcheck figures`: the corpus as one source, the seeds as five.
make_ws() {  # $1 = folder, $2... = files
    local dir=$1; shift
    rm -rf "$dir" && mkdir -p "$dir"
    "$provcheck" -C "$dir" init >/dev/null && "$provcheck" -C "$dir" source add --allow-outside "$@" >/dev/null \
        || die "cannot make the workspace $dir"
}
make_ws "$work/ws-corpus" "$corpus"
make_ws "$work/ws-seeds" "$seeds"/*.txt

out=$(mktemp -d "${TMPDIR:-/tmp}/provcheck-bench-figures.XXXXXX")
trap 'rm -rf "$out"' EXIT

# --- accuracy ---------------------------------------------------------------
labels=$repo/tests/data/figures/seeds-labels.jsonl
"$provcheck" -C "$work/ws-seeds" figures --format json >"$out/provcheck-seeds.jsonl" || die "provcheck figures failed"
python3 "$here/score.py" "$labels" "$out/provcheck-seeds.jsonl" >"$out/provcheck-score.json"
echo "run.sh: scoring Recognizers-Text on the seeds (about a minute)"
node "$here/peer/recognize.js" score "$seeds"/*.txt >"$out/peer-seeds.jsonl" || die "recognize.js score failed"
python3 "$here/score.py" "$labels" "$out/peer-seeds.jsonl" >"$out/peer-score.json"

# --- throughput -------------------------------------------------------------
q=$(printf %q "$corpus")
echo "run.sh: timing provcheck and ripgrep on $(du -h "$corpus" | cut -f1) (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
hyperfine --runs "$runs" --warmup 1 --export-json "$out/hyperfine.json" \
    -n ripgrep "rg -o '[0-9]+' $q >$(printf %q "$out/rg.out")" \
    -n extractor "$(printf %q "$bench_bin") --runs 1 $q >$(printf %q "$out/bench.out")" \
    -n cli "$(printf %q "$provcheck") -C $(printf %q "$work/ws-corpus") figures --format json >$(printf %q "$out/cli.out")" \
    >"$out/hyperfine.log" || { cat "$out/hyperfine.log" >&2; die "hyperfine failed"; }
"$bench_bin" --runs "$runs" "$corpus" >"$out/inprocess.json" || die "provcheck_figures_bench failed"
echo "run.sh: timing Recognizers-Text on a $(wc -c <"$slice")-byte slice, best of $peer_runs (slow: a minute or two)"
node "$here/peer/recognize.js" time --runs "$peer_runs" "$slice" >"$out/peer-time.json" || die "recognize.js time failed"

report=(python3 "$here/report.py" --out "$here/last-run.json" --dir "$out" --corpus "$work/corpus.json"
        --repo "$repo" --runs "$runs" --peer-runs "$peer_runs" --build-type "$build_type")
[ "$strict" = 1 ] && report+=(--strict)
"${report[@]}"
