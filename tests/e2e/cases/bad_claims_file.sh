# Pins: a malformed claims file stops check, claim add and claim list with
# exit 2 and a message naming claims/FILE:LINE:COL; an unknown field is
# named with a suggestion; a claim id used in two files and a quote edited
# by hand are refused too; nothing in the workspace or the store changes.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Garden notes.\nThe pond was dug in the second week of April.\n' >garden.txt
pc_ok source add garden.txt
pc_ok claim add --source garden --quote "The pond was dug in the second week of April." --id pond
pc_ok check

# A missing comma: the error is on line 3 (the column points into "claims").
printf '{\n  "schema": "provcheck.claims/1"\n  "claims": []\n}\n' >claims/x.json
snapshot_state
for cmd in "check" "check --format json" "claim list" "claim add --source garden --quote pond"; do
  pc $cmd  # word splitting intended: the command and its arguments
  expect_rc 2
  expect_err_contains "claims/x.json:3:"; expect_err_contains ": invalid JSON: "
  [ -z "$OUT" ] || fail "nothing should go to stdout on a bad claims file"
done
expect_state_unchanged

# An unknown field, one typo away from "text".
cat >claims/x.json <<'JSON'
{
  "schema": "provcheck.claims/1",
  "claims": [
    {"id": "x1", "txet": "typo", "citations": []}
  ]
}
JSON
snapshot_state
pc check
expect_rc 2
expect_err_contains 'claims/x.json:4:'
expect_err_contains 'unknown field "txet" in a claim; did you mean "text"?'
expect_state_unchanged

# The same claim id in two files: both places are named.
cp claims/claims.json claims/x.json
snapshot_state
pc check
expect_rc 2
expect_err_contains "claims/x.json:4: duplicate claim id 'pond', first used at claims/claims.json:4"
expect_state_unchanged

# A quote edited by hand no longer matches its quote_hash.
sed -e 's/"id": "pond"/"id": "pond2"/' -e 's/"quote": "The pond was dug/"quote": "The pond was cut/' claims/claims.json >claims/x.json
snapshot_state
pc check
expect_rc 2
expect_err_contains 'claims/x.json:8:'
expect_err_contains 'the quote no longer matches its "quote_hash"'
expect_state_unchanged

# With the file fixed (removed), everything works again.
rm claims/x.json
pc_ok check
expect_out_contains "1 intact"
