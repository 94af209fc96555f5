# Pins: `claim add` validates --value, --approx, --as-of, --unit (exit 2
# naming the flag and the form expected, nothing stored changes) and
# `claim import` names file:line and field; omitted fields are proposed
# from the quote's figures and the source's published date, stored, and
# said on stderr; a claim with no assertion flag gets no assertion.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Ferry log.\nSome 1,200 passengers crossed on the first day and 900 on the second.\nThe port stayed open.\n' >ferry.txt
pc_ok source add ferry.txt --published 2022-05-03
snapshot_state
bad() {
  pc claim add --source ferry --quote "Some 1,200 passengers crossed" --subject Ferry --metric passengers "$@"
  expect_rc 2
  expect_err_contains "$MSG"
  expect_state_unchanged
}
MSG="--as-of '2022-13' has no month 13; use a date YYYY-MM-DD" bad --as-of 2022-13
MSG="--as-of '2022/2021' ends before it starts" bad --as-of 2022/2021
MSG="--as-of 'soon' is not a date" bad --as-of soon
MSG="--as-of 'May 22' has no year" bad --as-of "May 22"
MSG="--value '1,2OO' is neither a figure" bad --value 1,2OO
MSG="--value '1,500..1,200'" bad --value 1,500..1,200
MSG="--approx 'kinda' is not a qualifier provcheck knows" bad --approx kinda
MSG="--value 'open': a qualifier ('about') needs a figure" bad --value open --approx about
MSG="--unit is empty" bad --unit " "
printf '{"source": "ferry", "quote": "The port stayed open", "subject": "Port", "metric": "status", "value": "open", "as_of": "22-05"}\n' >bad.jsonl
pc claim import bad.jsonl
expect_rc 2
expect_err_contains "bad.jsonl:1: field \"as_of\" '22-05' is not a date"
expect_state_unchanged

# Proposals: the one figure of the quote, its qualifier, the published date.
pc_ok claim add --source ferry --id day-one --quote "Some 1,200 passengers crossed" --subject Ferry --metric passengers
expect_err_contains "assumed value 1,200 (from the quote), approx 'some' (from the quote), unit passengers (from the quote), as-of 2022-05-03 (source published date)"
pc_ok claim show day-one --format json
expect_json_field '.assertion.value' 1,200 '.assertion.unit' passengers '.assertion.approx' some '.assertion.as_of' 2022-05-03
# Two figures in the quote: no guess, a note saying which to choose.
pc_ok claim add --source ferry --id both --quote "Some 1,200 passengers crossed on the first day and 900 on the second" \
  --subject Ferry --metric "passengers, two days"
expect_err_contains "the quote has 2 figures (some 1,200, 900)"
pc_ok claim show both --format json
expect_json_field '.assertion' '{"subject": "Ferry", "metric": "passengers, two days"}'
# A range and a status word are values too; a given as-of is kept.
pc_ok claim add --source ferry --id range --quote "900 on the second" --subject Ferry --metric "second day" \
  --value 800..1,000 --as-of 2022-05
pc_ok claim add --source ferry --id port --quote "The port stayed open" --subject Port --metric status --value open
expect_err_contains "assumed as-of 2022-05-03 (source published date)"
# No assertion flag: nothing proposed, only a hint.
pc_ok claim add --source ferry --id plain --quote "900 on the second"
expect_err_contains "the quote has a figure (900); give --subject and --metric"
pc_ok claim show plain --format json
expect_json_field '.assertion' '{}'
pc check
expect_rc 0
# A hand-edited assertion that does not parse stops the check (exit 2) with
# file, line, claim and field, and the store keeps the last good run.
sed -i 's/"as_of": "2022-05-03"/"as_of": "2022-13-03"/' claims/claims.json
snapshot_state
pc check
expect_rc 2
expect_err_contains "claims/claims.json:"
expect_err_contains "claim 'day-one': assertion.as_of: '2022-13-03' has no month 13"
expect_state_unchanged
