# Pins: when writing a file fails (fault injection: PROVCHECK_FAIL_WRITE=
# <substring of the path>, see src/util/file_io.cpp), the command exits 3,
# the target file keeps its old bytes, no temporary file is left behind, and
# the store's transaction rolls back.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'School run.\nThe crossing patrol starts at a quarter past eight.\nParents may wait at the gate.\n' >school.txt
pc_ok source add school.txt
pc_ok claim add --source school --quote "The crossing patrol starts" --id patrol
pc_ok check
snapshot_state

PROVCHECK_FAIL_WRITE=claims.json pc claim add --source school --quote "Parents may wait at the gate." --id gate
expect_rc 3
expect_err_contains "claims/claims.json: cannot write: injected failure"
expect_state_unchanged

printf '{"source": "school", "quote": "Parents may wait", "id": "gate"}\n' >"$TMP/one.jsonl"
PROVCHECK_FAIL_WRITE=claims.json pc claim import "$TMP/one.jsonl"
expect_rc 3
expect_state_unchanged

printf 'Another page.\n' >"$TMP/other.txt"
PROVCHECK_FAIL_WRITE=other.meta.json pc source add --allow-outside "$TMP/other.txt"
expect_rc 3
expect_err_contains "injected failure"
[ ! -e sources/other.txt ] || fail "a failed source add left sources/other.txt behind"
expect_state_unchanged

PROVCHECK_FAIL_WRITE=report.json pc check --format json -o reports/report.json
expect_rc 3
[ ! -e reports/report.json ] || fail "a failed report write left reports/report.json"

leftovers=$(find . -name '.*.tmp-*')
[ -z "$leftovers" ] || fail "temporary files left behind: $leftovers"
pc_ok claim add --source school --quote "Parents may wait at the gate." --id gate
pc_ok check
expect_out_contains "2 intact"
