# Pins `source diff`: hunks between the snapshot the claims were pinned to
# and the text now, with word diffs and the citations inside changed text;
# JSON form; --from by digest prefix; an unknown source or snapshot is exit 2;
# a snapshot the store lost is a clear not-found error.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Relief update.\nThe agency said some 4,000 families were evacuated overnight.\nConvoys left at dawn.\nWeather was cold.\n' >relief.txt
pc_ok source add relief.txt
pc_ok claim add --source relief --id evac --quote "some 4,000 families were evacuated overnight"
pc_ok claim add --source relief --id weather --quote "Weather was cold."

pc source diff relief
expect_rc 0
expect_out_contains "every citation is pinned to the text as it is now"
expect_out_contains "no change"

sed -i 's/some 4,000/some 4,500/' sources/relief.txt
printf 'A new closing line.\n' >>sources/relief.txt
pc source diff relief
expect_rc 0
expect_out_contains "pinned by 2 citations"
expect_out_contains "-The agency said some 4,000 families were evacuated overnight."
expect_out_contains "+The agency said some 4,500 families were evacuated overnight."
expect_out_contains "words: The agency said some [-4,000-]{+4,500+} families"
expect_out_contains "cited here: evac[0]"
expect_out_contains "+A new closing line."
expect_out_contains "2 changed blocks; 1 of 2 citations"

pc source diff relief --format json
expect_rc 0
expect_json_field '.schema' provcheck.source-diff/1 '.hunks[0].citations[0]' 'evac[0]' \
  '.hunks[0].old_lines[0]' 2 '.hunks[1].old_text' '' '.hunks[1].new_text' $'A new closing line.\n'
from=$(json_get '.from')
prefix=${from#*:}
pc source diff relief --from "${prefix:0:8}"
expect_rc 0
expect_out_contains "(--from)"

pc source diff relief --from ffffffffffff
expect_rc 2
expect_err_contains "no snapshot of this source has that digest"
pc source diff nosuch
expect_rc 2
expect_err_contains "no source 'nosuch'"

# Deleting .provcheck/ loses the old snapshot (on a shared PostgreSQL store it stays: that is its point).
if [ -z "${PROVCHECK_E2E_PG:-}" ]; then
  rm -rf .provcheck
  pc source diff relief
  expect_rc 2
  expect_err_contains "the store has no copy of snapshot"
fi
