# Pins: a status word as of a whole month against another as of a day
# inside it ("government, 2016-12" and "opposition, 2016-12-07") may both
# be true: `check` reports a possible_conflict, a warning by default (exit
# 0; 1 with --fail-on warning or when provcheck.json raises it), not a
# status_conflict; the same day stays a status_conflict (error, exit 1);
# figures likewise (a year against a month in it).
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Year in review.\nBy the end of the year the east was back under government control.\nAbout 300,000 people lived there in 2016.\n' >review.txt
printf 'Briefing.\nAid could not reach the rebel-held east this week.\nSome 100,000 people remain, the agency said.\n' >brief.txt
pc_ok source add review.txt --published 2017-01-10
pc_ok source add brief.txt --published 2016-12-07
pc_ok claim add --source review --id month --quote "back under government control" --subject "East" \
  --metric control --value government --as-of 2016-12
pc_ok claim add --source brief --id day --quote "the rebel-held east" --subject "East" --metric control \
  --value opposition --as-of "7 December 2016"
pc_ok claim add --source review --id pop-year --quote "About 300,000 people" --subject "East" --metric population --as-of 2016
pc_ok claim add --source brief --id pop-month --quote "Some 100,000 people" --subject "East" --metric population --as-of 12/2016

pc check
expect_rc 0
expect_out_contains "possible_conflict (warning): East / control: day (brief) says opposition as of 2016-12-07; month (review) says government as of 2016-12"
expect_out_contains "'opposition' and 'government' differ, but 2016-12-07 lies within 2016-12: both may hold if the value changed within 2016-12; check when it changed, or give month a narrower as-of"
expect_out_contains "possible_conflict (warning): East / population:"
expect_out_lacks "status_conflict"
expect_out_lacks "figure_conflict"
pc check --format json
expect_json_field '.summary.conflicts' 2 '.summary.warnings' 2 '.summary.errors' 0 \
  '.conflicts[0].kind' possible_conflict '.conflicts[0].severity' warning
pc check --fail-on warning
expect_rc 1
pc check --format sarif
expect_out_contains '"id": "possible_conflict"'

# provcheck.json may make it an error.
printf '{"severity": {"conflicts": {"possible_conflict": "error"}}}\n' >provcheck.json
pc check --format json
expect_rc 1
expect_json_field '.conflicts[0].severity' error
rm provcheck.json

# The same day: a real status conflict.
pc_ok claim add --source brief --id same-day --quote "Aid could not reach" --subject "East" --metric control \
  --value government --as-of 2016-12-07
pc check
expect_rc 1
expect_out_contains "status_conflict (error): East / control: day (brief) says opposition as of 2016-12-07; same-day (brief) says government as of 2016-12-07"
