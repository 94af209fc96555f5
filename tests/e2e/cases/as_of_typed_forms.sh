# Pins: `claim add --as-of` and an import line's "as_of" accept the forms
# people type (12/2024, Dec 2024, December 2024, 2024-12-05T10:00Z,
# 5 December 2024, December 5, 2024), store the ISO form and say how they
# read it; an ambiguous day/month order (05/12/2024) is refused with exit 2,
# the ISO forms to use, and nothing stored changed.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Harbour notes.\nAbout 1,200 passengers crossed in the first week.\nThe port stayed open.\n' >ferry.txt
pc_ok source add ferry.txt --published 2024-12-20
n=0
typed() {
  n=$((n + 1))
  pc_ok claim add --source ferry --id "c$n" --quote "About 1,200 passengers crossed" --subject Ferry \
    --metric "passengers $n" --as-of "$1"
  if [ "$1" != "$2" ]; then expect_err_contains "read --as-of '$1' as $2"; fi
  pc_ok claim show "c$n" --format json
  expect_json_field '.assertion.as_of' "$2"
}
typed "12/2024" 2024-12
typed "Dec 2024" 2024-12
typed "December 2024" 2024-12
typed "2024-12-05T10:00Z" 2024-12-05
typed "5 December 2024" 2024-12-05
typed "December 5, 2024" 2024-12-05
typed "25/12/2024" 2024-12-25
typed "Dec 2016/Jan 2017" 2016-12/2017-01
typed "2024-12" 2024-12
grep -q '"as_of": "2024-12"' claims/claims.json || fail "the claims file does not hold the ISO form"
grep -q 'Dec 2024' claims/claims.json && fail "the claims file holds the typed form"

snapshot_state
pc claim add --source ferry --id amb --quote "The port stayed open" --subject Port --metric status --value open \
  --as-of 05/12/2024
expect_rc 2
expect_err_contains "--as-of '05/12/2024' is ambiguous"
expect_err_contains "write 2024-12-05 for 5 December 2024, or 2024-05-12 for 12 May 2024"
expect_state_unchanged

printf '{"source": "ferry", "quote": "The port stayed open", "subject": "Port", "metric": "status", "value": "open", "as_of": "03/04/2024"}\n' >amb.jsonl
pc claim import amb.jsonl
expect_rc 2
expect_err_contains "amb.jsonl:1: field \"as_of\" '03/04/2024' is ambiguous"
expect_state_unchanged
printf '{"id": "imp", "source": "ferry", "quote": "The port stayed open", "subject": "Port", "metric": "status", "value": "open", "as_of": "March 4, 2024"}\n' >ok.jsonl
pc_ok claim import ok.jsonl
expect_err_contains "ok.jsonl:1: read field \"as_of\" 'March 4, 2024' as 2024-03-04"
pc_ok claim show imp --format json
expect_json_field '.assertion.as_of' 2024-03-04
pc check
expect_rc 0
