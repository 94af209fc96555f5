# Pins (issue 13, point 2): a date written without a year takes the year
# that puts it nearest to the source's published date ("next January" the
# first one after, "last March" the last one before), marked as inferred in
# `figures` (JSON "year_inferred": true, text "(year inferred)"); `claim add`
# proposes it as the as-of, and conflicts use it. Without a published date
# the date stays --MM-DD.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Aleppo update.\nOn December 11 the army said 100,000 people remained. Next January the talks resume; last March they began.\n' >update.txt
printf 'Aleppo, earlier.\nOn December 2 aid workers said 250,000 people remained.\n' >earlier.txt
printf 'Undated note.\nOn December 11 the count was 90,000 people.\n' >undated.txt
pc_ok source add update.txt --published 2016-12-13
pc_ok source add earlier.txt --published 2016-12-03
pc_ok source add undated.txt
pc_ok figures update --format json
py -c 'import json,sys
rows=[json.loads(l) for l in open(sys.argv[1])]
dates=[(r["text"], r["value"], r.get("year_inferred")) for r in rows if r["kind"]=="date"]
assert dates==[("December 11","2016-12-11",True),("January","2017-01",True),("March","2016-03",True)], dates
counts=[r for r in rows if r["kind"]=="count"]
assert counts and all("year_inferred" not in r for r in counts), counts' "$TMP/out" || fail "figures JSON: $OUT"
pc_ok figures update
expect_out_contains "2016-12-11 (year inferred)"
pc_ok figures undated --format json
expect_out_contains '"value":"--12-11"'
expect_out_lacks "year_inferred"
# claim add proposes the quote's date, with its inferred year, as the as-of
pc_ok claim add --source update --id dec11 --quote "On December 11 the army said 100,000 people remained" \
  --subject "East Aleppo" --metric population --value 100,000
expect_err_contains "as-of 2016-12-11 (the quote's date \"December 11\", year inferred from the source's published date)"
pc_ok claim show dec11 --format json
expect_json_field '.assertion.as_of' 2016-12-11
pc_ok claim add --source earlier --id dec2 --quote "On December 2 aid workers said 250,000 people remained" \
  --subject "East Aleppo" --metric population --value 250,000
pc_ok claim show dec2 --format json
expect_json_field '.assertion.as_of' 2016-12-02
# different days: no conflict; the same inferred day: a conflict
pc_ok check --format json
expect_json_field '.summary.conflicts' 0
printf 'Aleppo, monitors.\nMonitors said on December 11 that 180,000 people remained.\n' >monitors.txt
pc_ok source add monitors.txt --published 2016-12-12
pc_ok claim add --source monitors --id dec11b --quote "Monitors said on December 11 that 180,000 people remained" \
  --subject "East Aleppo" --metric population --value 180,000
pc check --format json
expect_rc 1
py -c 'import json,sys
d=json.load(open(sys.argv[1]))
kinds=sorted((c["kind"], tuple(c["claims"])) for c in d["conflicts"])
assert ("figure_conflict", ("dec11","dec11b")) in kinds, kinds' "$TMP/out" || fail "conflict on the inferred day: $OUT"
