# Pins: a deleted content file, or a deleted sidecar, makes every citation of
# that source source_missing (severity error), exit 1, with a message naming
# what is gone; restoring the file brings the verdict back to intact.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Opening hours change.\nThe library will open at nine on weekdays from June.\n' >hours.txt
pc_ok source add hours.txt
pc_ok claim add --source hours --quote "The library will open at nine on weekdays" --id nine
pc_ok check
cp sources/hours.txt sources/hours.meta.json "$TMP/"

rm sources/hours.txt
pc check
expect_rc 1
expect_out_contains "source_missing:"
expect_out_contains "sources/hours.txt is gone"
pc check --format json
expect_rc 1
expect_json_field '.citations[0].status' source_missing '.citations[0].severity' error \
  .summary.by_status.source_missing 1 .summary.errors 1 '.citations[0].found_span' null

cp "$TMP/hours.txt" sources/
pc_ok check
expect_out_contains "1 intact"

rm sources/hours.meta.json
pc check --format json
expect_rc 1
expect_json_field '.citations[0].status' source_missing .summary.errors 1
[[ "$(json_get '.citations[0].message')" == *"sources/hours.meta.json"* ]] || fail "message does not name the sidecar"

cp "$TMP/hours.meta.json" sources/
pc_ok check
expect_out_contains "1 intact"
