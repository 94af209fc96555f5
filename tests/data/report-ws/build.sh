#!/usr/bin/env bash
# Rebuilds this fixed workspace for the report golden tests
# (tests/e2e/cases/report_golden.sh): writes the original sources (text
# written for this project), pins claims to them with the real binary, then
# edits the sources so that the citations drift into every status the drift
# engine gives without ambiguity. The result (sources/, claims/) is
# committed; run this only to change the fixture, then refresh the goldens
# with UPDATE_GOLDEN=1 (see the test).
#   tests/data/report-ws/build.sh build/provcheck
set -euo pipefail
pc=$(realpath "${1:?usage: build.sh PATH/TO/provcheck}")
here="$(cd "$(dirname "$0")" && pwd)"
export SOURCE_DATE_EPOCH=1767225600  # 2026-01-01T00:00:00Z: fixed retrieved times
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
"$pc" init >/dev/null

cat >harbour.txt <<'TXT'
Storm week on the coast

The harbour authority said about 12,000 residents remained in the old town
on the third of March, after the evening ferries stopped running.
Fishing crews moved 140 boats to the inner basin before the tide turned.
The council expects the sea wall repairs to take until the summer.
TXT
cat >ferry.md <<'TXT'
# Ferry service resumes

The operator restored three daily crossings to the island on Monday,
each carrying up to 600 passengers. Officials counted roughly 9,500
people in the old town a week after the storm, as families came back.
Cargo sailings are to follow once the pier has been inspected.
TXT
cat >relief.txt <<'TXT'
Relief bulletin, morning edition.
Volunteers reported that some 4,000 families were evacuated from the low streets overnight.
Two schools on the hill now serve as shelters for those who could not stay with relatives.
Water and blankets arrive by truck every afternoon.
TXT
cat >hostile.txt <<'TXT'
Reader notes pasted from a web form.
The form said <script>document.title='pwned';document.body.insertAdjacentHTML('beforeend','<p id=injected>x</p>')</script> was harmless.
Another line: "><img src=x onerror="document.body.setAttribute('data-pwned','1')"> and a link javascript:alert(1) at the end.
TXT
cat >gone.txt <<'TXT'
A short wire item that the publisher later withdrew.
The depot held 300 tonnes of grain at the start of the week.
TXT

add() { "$pc" source add "$@" >/dev/null; }
add harbour.txt --id harbour-report --title "Storm week on the coast" --publisher "Coastal Ledger" \
  --url https://example.org/coastal-ledger/storm-week --published 2025-03-04
add ferry.md --id ferry-update --title "Ferry service resumes" --publisher "Island Gazette" \
  --url http://example.org/gazette/ferry --published 2025-03-11
add relief.txt --id relief-bulletin --title "Relief bulletin" --publisher "Volunteer Desk" --published 2025-03-05
add hostile.txt --id hostile-notes --title "Notes <script>alert('t')</script> & \"quotes\"" \
  --publisher '"><img src=x onerror=alert(2)>' --url 'javascript:alert(3)' --published 2025-03-06
add gone.txt --id gone-wire --title "Withdrawn wire item" --publisher "Wire Service" --published 2025-03-02

claim() { "$pc" claim add "$@" >/dev/null; }
claim --source harbour-report --id oldtown-pop-harbour --text "About 12,000 residents stayed in the old town on 3 March" \
  --quote "about 12,000 residents remained in the old town" \
  --subject "Old Town" --metric population --value 12,000 --approx about --unit residents --as-of 2025-03-03
claim --source harbour-report --id boats-moved --quote "Fishing crews moved 140 boats to the inner basin" \
  --subject "Harbour" --metric "boats moved" --value 140 --as-of 2025-03
claim --source ferry-update --id ferry-crossings --quote "three daily crossings to the island on Monday, each carrying up to 600 passengers" \
  --subject "Island ferry" --metric "daily crossings" --value 3 --as-of 2025-03-10
claim --source ferry-update --id oldtown-pop-ferry --text "Roughly 9,500 people were in the old town a week after the storm" \
  --quote "Officials counted roughly 9,500 people in the old town" \
  --subject "Old Town" --metric population --value 9,500 --approx roughly --unit residents --as-of 2025-03-10
claim --source ferry-update --id cargo-later --quote "Cargo sailings are to follow once the pier has been inspected" --tag shipping
claim --source relief-bulletin --id evacuated-families --quote "some 4,000 families were evacuated from the low streets overnight" \
  --subject "Low streets" --metric "families evacuated" --value 4,000 --approx some --as-of 2025-03-04
claim --source relief-bulletin --id school-shelters --quote "Two schools on the hill now serve as shelters" \
  --subject "Hill schools" --metric "shelters" --value 2 --as-of 2025-03-05
claim --source relief-bulletin --id water-trucks --quote "Water and blankets arrive by truck every afternoon"
claim --source hostile-notes --id hostile-quote --text "A pasted note claims <b>bold</b> & \"quoted\" things" \
  --quote "The form said <script>document.title='pwned';"
claim --source gone-wire --id grain-depot --quote "The depot held 300 tonnes of grain" \
  --subject "Depot" --metric "grain stock" --value 300 --unit tonnes --as-of 2025-03

# The drift.
printf 'Updated at noon with the tide table.\n\n' | cat - sources/harbour-report.txt >"$tmp/h" && mv "$tmp/h" sources/harbour-report.txt  # moved
perl -0pi -e 's/crossings to the island on Monday,\neach carrying/crossings to the island\non Monday, each carrying/' sources/ferry-update.md  # normalized
perl -0pi -e 's/are to follow once the pier/will follow after the pier/' sources/ferry-update.md  # modified
perl -0pi -e 's/some 4,000 families/some 4,500 families/' sources/relief-bulletin.txt  # figure_changed
perl -0pi -e 's/Two schools on the hill now serve as shelters for those who could not stay with relatives.\n//' sources/relief-bulletin.txt  # missing
rm sources/gone-wire.txt  # source_missing

rm -rf "$here/sources" "$here/claims"
cp -R sources claims "$here/"
