#!/usr/bin/env bash
# bench/check/run.sh: time `provcheck check` on an unchanged workspace of
# 3,000 sources and 30,000 claims, cold (no .provcheck/) and warm, against the
# floor `xxhsum -H2` over the same files, all in one hyperfine run.
# See bench/README.md for what is measured and why.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)

sources=3000
claims=30000
runs=5
ws=/tmp/provcheck-bench-check
provcheck=""
seeds=""
build=1
regen=0
strict=0

usage() {
    cat <<EOF
usage: bench/check/run.sh [--sources N] [--claims M] [options]

  --sources N        sources in the workspace (default 3000)
  --claims M         claims in the workspace (default 30000)
  --runs K           timed runs of each command; the best counts (default 5)
  --workspace DIR    where the generated workspace lives (default $ws)
  --provcheck PATH   binary to time (default build/provcheck, built first)
  --seeds DIR        seed articles (default ../shared/corpus/seeds)
  --no-build         do not run the build before timing
  --regen            regenerate the workspace even if it is current
  --strict           exit 1 when a target is missed (default: report only)

Writes bench/check/last-run.json. Needs hyperfine, xxhsum (xxhash),
/usr/bin/time (time) and python3: 'make deps' installs them.
EOF
}

die() { echo "run.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
    case $1 in
        --sources|--claims|--runs|--workspace|--provcheck|--seeds)
            [ $# -ge 2 ] || die "$1 needs a value"
            v=$2
            case $1 in
                --sources) sources=$v ;;
                --claims) claims=$v ;;
                --runs) runs=$v ;;
                --workspace) ws=$v ;;
                --provcheck) provcheck=$v ;;
                --seeds) seeds=$v ;;
            esac
            shift 2 ;;
        --no-build) build=0; shift ;;
        --regen) regen=1; shift ;;
        --strict) strict=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done
for n in "$sources" "$claims" "$runs"; do
    [[ $n =~ ^[0-9]+$ ]] || die "not a number: $n"
done

# --- tools ------------------------------------------------------------------
missing=()
for tool in hyperfine xxhsum python3; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
[ -x /usr/bin/time ] || missing+=("/usr/bin/time")
if [ ${#missing[@]} -gt 0 ]; then
    echo "run.sh: missing ${missing[*]}; run 'make deps'" \
         "(Debian packages hyperfine, xxhash, time, python3)" >&2
    exit 2
fi

# --- build ------------------------------------------------------------------
if [ -z "$provcheck" ]; then
    provcheck=$repo/build/provcheck
    if [ "$build" = 1 ]; then
        # make decides whether anything is stale; the Makefile's build target
        # is the project's own way to build, cmake the fallback.
        if [ -f "$repo/Makefile" ] && grep -q '^build[[:space:]]*:' "$repo/Makefile"; then
            make -C "$repo" build || die "build failed (make build)"
        elif [ -f "$repo/CMakeLists.txt" ]; then
            if [ ! -f "$repo/build/CMakeCache.txt" ]; then
                cmake -S "$repo" -B "$repo/build" -DCMAKE_BUILD_TYPE=Release \
                    || die "cmake configure failed"
            fi
            cmake --build "$repo/build" -j "$(nproc)" || die "build failed (cmake --build)"
        fi
    fi
fi
[ -x "$provcheck" ] || die "no provcheck binary at $provcheck (build it, or pass --provcheck)"
provcheck=$(realpath "$provcheck")
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$(dirname "$provcheck")/CMakeCache.txt" 2>/dev/null || true)
case $build_type in
    Release|RelWithDebInfo|MinSizeRel) ;;
    "") ;;  # not a CMake build folder, or unknown: say nothing
    *) echo "run.sh: warning: $provcheck is a '$build_type' build; figures from it are not comparable" >&2 ;;
esac

# --- workspace --------------------------------------------------------------
gen=(python3 "$here/gen.py" --workspace "$ws" --sources "$sources"
     --claims "$claims" --provcheck "$provcheck")
[ -n "$seeds" ] && gen+=(--seeds "$seeds")
generate() { "${gen[@]}" || die "the generator failed"; }
fresh=0
if [ "$regen" = 1 ] || ! "${gen[@]}" --check-current; then
    generate
    fresh=1
fi

out=$(mktemp -d "${TMPDIR:-/tmp}/provcheck-bench-run.XXXXXX")
trap 'rm -rf "$out"' EXIT

# One check run outside hyperfine, under /usr/bin/time -v for its max RSS;
# also the gate: a generated workspace must check clean (exit 0).
# $1 = cold|warm; cold removes the store first.
timed_check() {
    [ "$1" = cold ] && rm -rf "$ws/.provcheck"
    local rc=0
    /usr/bin/time -v -o "$out/$1.time" "$provcheck" -C "$ws" check --format json \
        >"$out/$1.json" 2>"$out/$1.err" || rc=$?
    return $rc
}
explain() {  # $1 = cold|warm, $2 = exit code
    echo "run.sh: $1 'provcheck check' exited $2 on the generated workspace (expected 0)" >&2
    python3 "$here/report.py" explain "$out/$1.json" >&2 || true
    if [ -s "$out/$1.err" ]; then
        echo "--- stderr (last 20 lines) ---" >&2
        tail -n 20 "$out/$1.err" >&2
    fi
}

rc=0; timed_check cold || rc=$?
if [ "$rc" != 0 ] && [ "$fresh" = 0 ]; then
    # A workspace made by an older binary may not suit this one (say, a
    # changed claims-file format): regenerate once before calling it broken.
    echo "run.sh: check exited $rc on an existing workspace; regenerating it once" >&2
    generate
    rc=0; timed_check cold || rc=$?
fi
[ "$rc" = 0 ] || { explain cold "$rc"; exit 1; }
rc=0; timed_check warm || rc=$?
[ "$rc" = 0 ] || { explain warm "$rc"; exit 1; }

# --- timing -----------------------------------------------------------------
# The floor hashes every file check has to read: sources with their sidecars,
# and claim files. The list is made once, outside the timing; xargs passes it
# to a single xxhsum as long as it fits in 1 MiB of arguments.
find "$ws/sources" "$ws/claims" -type f -print0 | sort -z >"$out/files"
q_ws=$(printf %q "$ws")
q_pc=$(printf %q "$provcheck")
floor_cmd="xargs -0 -s 1048576 -a $(printf %q "$out/files") xxhsum -H2 >/dev/null"
check_cmd="$q_pc -C $q_ws check"

echo "run.sh: timing floor, cold and warm, best of $runs (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
# One warm-up run each: for the floor it fills the page cache, for warm it is
# the untimed run that leaves the store up to date; cold removes the store
# before every run (hyperfine runs the prepare command before each run).
hyperfine --runs "$runs" --warmup 1 --export-json "$out/hyperfine.json" \
    -n floor --prepare true "$floor_cmd" \
    -n cold --prepare "rm -rf $q_ws/.provcheck" "$check_cmd" \
    -n warm --prepare true "$check_cmd" \
    || die "hyperfine failed (a timed run exited non-zero?)"

report=(python3 "$here/report.py" summarize --out "$here/last-run.json"
        --hyperfine "$out/hyperfine.json" --files "$out/files"
        --cold-time "$out/cold.time" --warm-time "$out/warm.time"
        --check-json "$out/cold.json" --workspace "$ws" --provcheck "$provcheck"
        --repo "$repo" --build-type "$build_type" --runs "$runs")
[ "$strict" = 1 ] && report+=(--strict)
"${report[@]}"
