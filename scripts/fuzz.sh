#!/usr/bin/env bash
# `make fuzz`: builds every libFuzzer target of tests/fuzz with clang (ASan +
# UBSan, findings fatal) in its own build folder, then runs each for
# FUZZ_SECONDS (default 60) on a scratch copy of its corpus, one after the
# other. A crash stops the run with the target's name and the saved input
# (crash-*, in FUZZ_WORK); make it a named regression test in
# tests/fuzz/repro (NAME.TARGET.bin, replayed by ctest in the fuzz build).
#
# Environment:
#   FUZZ_SECONDS  seconds per target (default 60)
#   FUZZ_TARGETS  space-separated subset (default: all)
#   FUZZ_BUILD    build folder (default build-fuzz)
#   FUZZ_WORK     where corpora grow and crashes land (default $FUZZ_BUILD/fuzz-work)
#   FUZZ_MERGE=1  merge what each run found back into tests/fuzz/corpus/TARGET
#                 (minimized: only inputs that add coverage)
#   FUZZ_NICE     nice level of the fuzzers (default 0)
# Prints one line per target: execs, execs/s, coverage (libFuzzer's cov: and ft:).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_EACH=${FUZZ_SECONDS:-60}
BUILD=${FUZZ_BUILD:-build-fuzz}
WORK=${FUZZ_WORK:-$BUILD/fuzz-work}
JOBS=${JOBS:-$(nproc)}
CXX_CLANG=${FUZZ_CXX:-$(command -v clang++ || command -v clang++-14 || true)}
[ -n "$CXX_CLANG" ] || { echo "fuzz: clang++ not found (scripts/install-deps.sh installs clang)" >&2; exit 2; }

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  launcher=()
  command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S . -B "$BUILD" -DCMAKE_CXX_COMPILER="$CXX_CLANG" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPROVCHECK_FUZZ=ON -DPROVCHECK_TESTS=OFF -DPROVCHECK_BENCH=ON -DPROVCHECK_WERROR="${WERROR:-OFF}" "${launcher[@]}"
fi
cmake --build "$BUILD" -j "$JOBS"

targets=${FUZZ_TARGETS:-$(cd tests/fuzz && ls fuzz_*.cpp | sed 's/\.cpp$//')}
mkdir -p "$WORK"
summary=()
for t in $targets; do
  bin=$BUILD/tests/fuzz/$t
  [ -x "$bin" ] || { echo "fuzz: $bin was not built" >&2; exit 3; }
  corpus=$WORK/$t/corpus
  mkdir -p "$corpus" "$WORK/$t/artifacts"
  cp -n tests/fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null || true
  log=$WORK/$t/last.log
  echo "fuzz: $t for ${SECONDS_EACH}s" >&2
  rc=0
  nice -n "${FUZZ_NICE:-0}" "$bin" -max_total_time="$SECONDS_EACH" -max_len=8192 -timeout=25 -rss_limit_mb=2560 \
    -print_final_stats=1 -artifact_prefix="$WORK/$t/artifacts/" "$corpus" >"$log" 2>&1 || rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 || true)
  line="$t: ${execs} execs, ${rate}/s, ${cov:-cov: ?}"
  summary+=("$line")
  echo "fuzz: $line" >&2
  if [ "$rc" -ne 0 ]; then
    echo "fuzz: $t FAILED (exit $rc); input saved in $WORK/$t/artifacts/; log: $log" >&2
    tail -40 "$log" >&2
    exit 1
  fi
  if [ "${FUZZ_MERGE:-0}" = 1 ]; then
    "$bin" -merge=1 -max_len=8192 "$ROOT/tests/fuzz/corpus/$t" "$corpus" >/dev/null 2>&1 || true
  fi
done
printf '%s\n' "${summary[@]}"
