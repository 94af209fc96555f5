# Pins: an as-of that `claim add` takes from the source's published date is
# stored as assumed ("as_of_assumed": true beside "as_of"); a check reads
# the sidecar's current published date for it, so a corrected date is
# followed (a conflict appears or goes away); a stated as-of is never
# replaced; every report format shows the assumed date as "(published)"
# (text, md, html, junit/github details) or as the JSON field.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Relief bulletin.\nSome 250,000 people remain in the district.\n' >bulletin.txt
printf 'Field notes.\nAbout 100,000 people remain in the district, the team counted.\n' >notes.txt
pc_ok source add bulletin.txt --published 2016-12-07
pc_ok source add notes.txt --published 2016-12-07
pc_ok claim add --source bulletin --id stated --quote "Some 250,000 people remain" --subject District \
  --metric population --as-of 2016-12-07
pc_ok claim add --source notes --id assumed --quote "About 100,000 people remain" --subject District --metric population
expect_err_contains "as-of 2016-12-07 (source published date)"
pc_ok claim show assumed --format json
expect_json_field '.assertion.as_of' 2016-12-07 '.assertion.as_of_assumed' true
pc_ok claim show stated --format json
expect_json_field '.assertion.as_of' 2016-12-07
[ -z "$(json_get '.assertion.as_of_assumed' 2>/dev/null)" ] || fail "a stated as-of is marked assumed"
pc_ok claim show assumed
expect_out_contains "as_of=2016-12-07 (published)"
grep -q '"as_of_assumed": true' claims/claims.json || fail "claims file lacks as_of_assumed"

# Same day: the figures conflict, and the assumed side says (published).
pc check
expect_rc 1
expect_out_contains "figure_conflict"
expect_out_contains "assumed (notes) says about 100,000 people as of 2016-12-07 (published)"
expect_out_contains "2016-12-07 (published)"
pc check --format json
expect_json_field '.conflicts[0].sides[0].as_of_assumed' true '.conflicts[0].sides[1].as_of_assumed' false
pc check --format md
expect_out_contains "2016-12-07 (published)"
pc check --format github
expect_out_contains "as of 2016-12-07 (published)"
pc report --format html
expect_out_contains "(published)</span>"

# The notes were in fact published a month later: the sidecar is corrected,
# the assumed as-of follows it, and the conflict goes away.
sed -i 's/"published": "2016-12-07"/"published": "2017-01-09"/' sources/notes.meta.json
pc_ok check --format json
expect_json_field '.summary.conflicts' 0
pc check --format json
py -c 'import json,sys
d=json.load(open(sys.argv[1]))
rows={r["claim"]: r for g in d["groups"] for r in g["claims"]}
assert rows["assumed"]["as_of"] == "2017-01-09" and rows["assumed"]["as_of_assumed"], rows["assumed"]
assert rows["stated"]["as_of"] == "2016-12-07" and not rows["stated"]["as_of_assumed"], rows["stated"]' "$TMP/out" ||
  fail "the assumed as-of did not follow the corrected sidecar"
pc_ok check
expect_out_contains "2017-01-09 (published)"
grep -q '"as_of": "2016-12-07"' claims/claims.json || fail "the check rewrote the claims file"

# A stated as-of does not follow its sidecar.
sed -i 's/"published": "2016-12-07"/"published": "2017-01-09"/' sources/bulletin.meta.json
pc_ok check --format json
py -c 'import json,sys
d=json.load(open(sys.argv[1]))
rows={r["claim"]: r for g in d["groups"] for r in g["claims"]}
assert rows["stated"]["as_of"] == "2016-12-07" and not rows["stated"]["as_of_assumed"], rows["stated"]' "$TMP/out" ||
  fail "a stated as-of followed its sidecar"
