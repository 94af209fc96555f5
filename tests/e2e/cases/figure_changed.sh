# Pins: a figure changed inside a quoted passage is figure_changed (error,
# exit 1) with the old and new passage and a word diff in text and JSON; a
# word changed without a figure is modified (warning: exit 0, exit 1 with
# --fail-on warning); neither ever passes as intact, moved or normalized.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Relief update.\nThe agency said some 4,000 families were evacuated from the eastern districts overnight.\nMore buses are expected.\n' >relief.txt
pc_ok source add relief.txt
pc_ok claim add --source relief --id evac --quote "some 4,000 families were evacuated from the eastern districts overnight"
cp sources/relief.txt "$TMP/orig"

sed -i 's/some 4,000 families/4,000 families/' sources/relief.txt   # the qualifier dropped
pc check
expect_rc 1
expect_out_contains "figure_changed:"
expect_out_contains "diff: [-some-] 4,000 families"
pc check --format json
expect_rc 1
expect_json_field '.citations[0].status' figure_changed '.citations[0].severity' error \
  '.citations[0].new_passage' "4,000 families were evacuated from the eastern districts overnight"

cp "$TMP/orig" sources/relief.txt
sed -i 's/4,000 families/4,500 families/' sources/relief.txt
pc check --format json
expect_rc 1
expect_json_field '.citations[0].status' figure_changed '.citations[0].diff' \
  "some [-4,000-]{+4,500+} families were evacuated from the eastern districts overnight"

cp "$TMP/orig" sources/relief.txt
sed -i 's/evacuated from/moved out of/' sources/relief.txt
pc check
expect_rc 0
expect_out_contains "modified:"
pc check --fail-on warning
expect_rc 1
