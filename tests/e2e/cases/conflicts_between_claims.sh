# Pins: a real figure conflict (same subject and metric, overlapping time,
# values that cannot both hold) fails the check and names both claims,
# sources, values and dates; pairs that differ only in date or only in
# scope do not conflict and are listed side by side as related figures;
# the conflicts stay right on the warm (stored) path and follow a change
# of only a claims file or only a sidecar's published date.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Winter bulletin.\nRelief agencies counted 48,000 residents in the old quarter in March.\nBy the end of the year only 21,000 residents remained.\n' >bulletin.txt
printf 'Harbour notes.\nThe harbour office said 48,000 residents lived in the old quarter this March.\nThe new quarter had 90,000 residents.\n' >harbour.txt
printf 'Street survey.\nVolunteers found about 30,000 residents in the old quarter.\n' >survey.txt
pc_ok source add bulletin.txt --published 2019-12-20
pc_ok source add harbour.txt --published 2019-03-30
pc_ok source add survey.txt --published 2019-03  # a month: the same granularity as the others
pc_ok claim add --source bulletin --id march-bulletin --quote "48,000 residents in the old quarter in March" \
  --subject "Old quarter" --metric population --as-of 2019-03
pc_ok claim add --source bulletin --id december-bulletin --quote "only 21,000 residents remained" \
  --subject "Old quarter" --metric population --as-of 2019-12
pc_ok claim add --source harbour --id march-harbour --quote "48,000 residents lived in the old quarter this March" \
  --subject "Old quarter" --metric population --value 48,000 --as-of 2019-03
pc_ok claim add --source harbour --id new-quarter --quote "The new quarter had 90,000 residents" \
  --subject "New quarter" --metric population --value 90,000 --as-of 2019-03
expect_err_contains "assumed"

# Only in date (March vs December) and only in scope (old vs new quarter): related, no conflict.
pc check
expect_rc 0
expect_out_contains "related figures"
expect_out_contains "  Old quarter
    population  2019-03"
expect_out_contains "december-bulletin"
expect_out_lacks "figure_conflict"
pc check --format json
expect_rc 0
expect_json_field '.summary.conflicts' 0 '.groups[0].subject' "New quarter" '.groups[1].subject' "Old quarter" \
  '.groups[1].claims[0].as_of' 2019-03 '.groups[1].claims[2].claim' december-bulletin '.groups[1].claims[2].value' 21,000

# A real conflict: the same quarter in the same month, 30,000 against 48,000.
pc_ok claim add --source survey --id march-survey --quote "about 30,000 residents in the old quarter" \
  --subject "old quarter" --metric Population
expect_err_contains "assumed value 30,000 (from the quote), approx 'about' (from the quote), unit residents (from the quote), as-of 2019-03 (source published date)"
pc check
expect_rc 1
expect_out_contains "figure_conflict (error): Old quarter / population: march-bulletin (bulletin) says 48,000 residents as of 2019-03"
expect_out_contains "march-survey (survey) says about 30,000 residents as of 2019-03 (published)"
expect_out_contains "do not meet"
expect_out_contains "<- figure_conflict"
pc check --format json
expect_rc 1
expect_json_field '.summary.conflicts' 2 '.summary.errors' 2 \
  '.conflicts[0].kind' figure_conflict '.conflicts[0].claims' '["march-bulletin", "march-survey"]' \
  '.conflicts[0].sides[1].approx' about '.conflicts[0].sides[1].low' 27000.0 '.conflicts[0].sides[1].high' 33000.0 \
  '.conflicts[1].claims' '["march-harbour", "march-survey"]'

# The warm path answers from the store, conflicts included.
sleep 2.1
pc check
pc check
expect_rc 1
expect_out_contains "figure_conflict (error)"
expect_out_contains "related figures"

# Only the claims file changes: the survey's claim now speaks of last year.
py - <<'PY'
import json
p = "claims/claims.json"
d = json.load(open(p))
for c in d["claims"]:
    if c["id"] == "march-survey":
        c["assertion"]["as_of"] = "2018"
        c["assertion"].pop("as_of_assumed")  # a stated date now: it no longer follows the sidecar
json.dump(d, open(p, "w"), indent=2)
PY
pc check
expect_rc 0
expect_out_lacks "figure_conflict"
# Only a sidecar changes: without as_of, the harbour's claim falls back to its
# published date; moved into December it meets the bulletin's 21,000.
py - <<'PY'
import json
p = "claims/claims.json"
d = json.load(open(p))
for c in d["claims"]:
    if c["id"] == "march-harbour":
        del c["assertion"]["as_of"]
json.dump(d, open(p, "w"), indent=2)
PY
pc check
expect_rc 0
sed -i 's/"published": "2019-03-30"/"published": "2019-12-05"/' sources/harbour.meta.json
pc check
expect_rc 0  # a day inside the bulletin's month: a possible conflict, a warning
expect_out_contains "possible_conflict (warning): Old quarter / population:"
expect_out_contains "december-bulletin (bulletin) says 21,000 residents as of 2019-12; march-harbour (harbour) says 48,000 residents as of 2019-12-05 (published)"
# Each row carries its claim's worst citation status.
sed -i 's/48,000 residents in the old quarter in March/48,000 residents in the historic quarter in March/' sources/bulletin.txt
pc check --format json
expect_json_field '.groups[1].claims[1].claim' march-bulletin '.groups[1].claims[1].status' modified \
  '.groups[1].claims[0].claim' march-survey '.groups[1].claims[0].status' intact
