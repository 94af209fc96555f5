# Crash safety, bounded for `make test`: scripts/crash-stress.py with 12
# SIGKILLs (PROVCHECK_CRASH_KILLS to change) over claim add, claim import,
# claim accept --all (also killed right after its commit point), check,
# source refresh and reindex, on 60 sources and 500 imported claims. After
# each kill every claims file and sidecar is the state before or after the
# command, the store passes integrity_check and `check` agrees with a new
# store. The full run (100 kills, 300 sources, 2,000 claims) is the script
# on its own; see the README's Tests section.
. "$(dirname "$0")/../lib.sh" || exit 1
py "$PROVCHECK_REPO/scripts/crash-stress.py" --provcheck "$PROVCHECK" --kills "${PROVCHECK_CRASH_KILLS:-12}" \
  --sources 60 --import-claims 500 || fail "crash stress failed (above)"
