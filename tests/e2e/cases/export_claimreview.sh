# Pins: review fields on claims (claim add flags, claims files, claim import
# lines) and `export --format claimreview`: schema.org ClaimReview JSON-LD
# checked against the properties Google's Fact Check markup documentation
# requires and recommends (tests/exchange/claimreview_check.py); a claim
# without a rating is refused (exit 2) unless --skip-unrated; a rating off
# the scale is refused at add and at export; a workspace scale from
# provcheck.json and --rating-scale.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
CHECK="$PROVCHECK_REPO/tests/exchange/claimreview_check.py"
cat >sources/a.txt <<'EOF2'
Aid workers said about 250,000 people were still in the eastern districts in early December.
EOF2
cat >sources/b.txt <<'EOF2'
A week later the agency put the number of people in the east at 100,000.
EOF2
pc_ok source add sources/a.txt --id a --url https://one.example/a --publisher "Levant Ledger" --title "Still in the east" --published 2016-12-02
pc_ok source add sources/b.txt --id b --url https://two.example/b --publisher "Orontes Dispatch" --published 2016-12-09
pc_ok claim add --source a --id quarter-million --quote "about 250,000 people" --text "About 250,000 people remained in east Aleppo" \
  --rating "mostly true" --reviewed-by "provcheck desk" --review-url https://desk.example/checks/250k --review-date 2016-12-10
pc_ok claim show quarter-million --format json
[ "$(json_get .review.rating)" = "Mostly true" ] || fail "the rating is not stored as the scale spells it"
pc_ok claim show quarter-million
expect_out_contains "review: rating=Mostly true reviewed_by=provcheck desk"
expect_out_contains "live: https://one.example/a#:~:text="

# Off the scale at add: exit 2, nothing written.
cp claims/claims.json "$TMP/before"
pc claim add --source b --quote "100,000" --rating "Pants on fire"
expect_rc 2
expect_err_contains "rating 'Pants on fire' is not on the rating scale ('False', 'Mostly false', 'Half true', 'Mostly true', 'True')"
pc claim add --source b --quote "100,000" --rating False --review-date 12/10/2016
expect_rc 2
expect_err_contains "write it as YYYY-MM-DD"
cmp -s claims/claims.json "$TMP/before" || fail "a refused add changed the claims file"

# An import line carries review fields too; an unrated claim beside them.
printf '%s\n' '{"source": "b", "quote": "at 100,000", "id": "hundred-thousand", "rating": "Half true", "reviewed_by": "provcheck desk", "review_url": "https://desk.example/checks/100k", "review_date": "2016-12-11"}' \
  '{"source": "b", "quote": "A week later", "id": "unrated"}' >"$TMP/in.jsonl"
pc_ok claim import "$TMP/in.jsonl"

# claim edit sets, changes and removes review fields, with the same checks.
pc claim edit unrated --rating "Pants on fire"
expect_rc 2
expect_err_contains "is not on the rating scale"
pc_ok claim edit unrated --rating false --reviewed-by "provcheck desk" --review-url https://desk.example/checks/week
pc_ok claim show unrated --format json
[ "$(json_get .review.rating)" = "False" ] || fail "claim edit did not set the rating"
pc_ok claim edit unrated --rating "" --reviewed-by "" --review-url ""
pc_ok claim show unrated --format json
py - "$TMP/out" <<'PYEOF' || fail "claim edit did not remove the review"
import json, sys
assert "review" not in json.load(open(sys.argv[1]))
PYEOF

pc export --format claimreview
expect_rc 2
expect_err_contains "1 claim has no rating: unrated (claims/claims.json:"
expect_err_contains "--skip-unrated"
pc_ok export --format claimreview --skip-unrated -o "$TMP/reviews.json"
expect_out_contains "wrote 2 ClaimReviews to"
expect_err_contains "left out 1 unrated claim"
py "$CHECK" "$TMP/reviews.json" --require-recommended || fail "the ClaimReview output does not validate"
py - "$TMP/reviews.json" <<'PYEOF' || fail "ClaimReview values"
import json, sys
r = json.load(open(sys.argv[1]))
a, b = r
assert a["claimReviewed"] == "About 250,000 people remained in east Aleppo"
assert a["reviewRating"] == {"@type": "Rating", "ratingValue": 4, "bestRating": 5, "worstRating": 1,
                             "alternateName": "Mostly true", "name": "Mostly true"}, a["reviewRating"]
assert a["author"] == {"@type": "Organization", "name": "provcheck desk"}
item = a["itemReviewed"]
assert item["firstAppearance"]["url"] == "https://one.example/a" and item["firstAppearance"]["headline"] == "Still in the east"
assert item["datePublished"] == "2016-12-02" and item["author"]["name"] == "Levant Ledger"
assert b["reviewRating"]["ratingValue"] == 3
PYEOF
pc_ok export --format claimreview --skip-unrated --jsonl
[ "$(printf '%s\n' "$OUT" | wc -l)" = 2 ] || fail "--jsonl: one ClaimReview a line"

# The validator is not a rubber stamp: a review without its required url fails it.
py - "$TMP/reviews.json" "$TMP/no-url.json" <<'PYEOF'
import json, sys
r = json.load(open(sys.argv[1])); del r[0]["url"]; json.dump(r, open(sys.argv[2], "w"))
PYEOF
if py "$CHECK" "$TMP/no-url.json" 2>/dev/null; then fail "the validator passed a ClaimReview without url"; fi

# A workspace's own scale, and --rating-scale at export.
printf '{"rating_scale": ["Wrong", "Misleading", "Correct"]}\n' >provcheck.json
pc export --format claimreview --skip-unrated
expect_rc 2
expect_err_contains "is rated 'Mostly true', which is not on the rating scale ('Wrong', 'Misleading', 'Correct')"
pc_ok export --format claimreview --skip-unrated --rating-scale "False,Mostly false,Half true,Mostly true,True"
pc claim add --source b --quote "A week later the agency" --rating "mostly true"
expect_rc 2
pc_ok claim add --source b --quote "A week later the agency" --rating misleading
printf '{"rating_scale": ["Only"]}\n' >provcheck.json
pc export --format claimreview --skip-unrated
expect_rc 2
expect_err_contains "provcheck.json:1:"
exit 0
