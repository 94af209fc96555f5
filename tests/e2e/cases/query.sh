# Pins `provcheck query` (issue 16): broken-since, changed-sources and
# subject, in text and JSON, with exit 2 for a bad argument. It runs on both
# stores (e2e.query and e2e_pg.query) with the same expectations: the
# answers are byte for byte the same.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
export SOURCE_DATE_EPOCH=1767225600  # 2026-01-01T00:00:00Z
printf 'The harbour district had roughly 4,200 residents in spring.\nThe ferry ran twice a day.\n' >"$TMP/harbour.txt"
printf 'The ferry carried 300 passengers a day.\n' >"$TMP/ferry.txt"
pc_ok source add --allow-outside "$TMP/harbour.txt" "$TMP/ferry.txt"
pc_ok claim add --source harbour --quote "roughly 4,200 residents" --id harbour-pop --text "About 4,200 people." \
  --subject "Harbour District" --metric population --value 4200
pc_ok claim add --source ferry --quote "300 passengers" --id ferry-load --subject "ferry" --metric passengers --value 300
pc_ok claim add --source harbour --quote "ran twice a day" --id ferry-runs --subject "the ferry"
pc_ok check
printf 'The harbour district had roughly 3,900 residents in spring.\nThe ferry ran twice a day.\n' >sources/harbour.txt
SOURCE_DATE_EPOCH=1767398400 pc check  # 2026-01-03
expect_rc 1

pc_ok query broken-since 2026-01-02
[ "$OUT" = "ws  harbour-pop #1  figure_changed since 2026-01-03T00:00:00Z  harbour  claims/claims.json:4" ] ||
  fail "broken-since text: $OUT"
pc_ok query broken-since 2026-01-04
[ -z "$OUT" ] || fail "nothing broke after 2026-01-03: $OUT"
expect_err_contains "no citation has been broken since 2026-01-04"
pc_ok query broken-since 2026-01-01 --format json
expect_json_field '.schema' provcheck.query/1 '.question' broken-since '.results[0].claim' harbour-pop \
  '.results[0].citation' 0 '.results[0].status' figure_changed '.results[0].severity' error \
  '.results[0].since' 2026-01-03T00:00:00Z '.results[0].source' harbour '.results[0].line' 4

SOURCE_DATE_EPOCH=1767484800 pc_ok query changed-sources 7  # 2026-01-04
[ "$OUT" = "ws  harbour  changed 2026-01-03T00:00:00Z (2 versions)  cited by: ferry-runs, harbour-pop" ] ||
  fail "changed-sources text: $OUT"
SOURCE_DATE_EPOCH=1767484800 pc_ok query changed-sources 0
[ -z "$OUT" ] || fail "nothing changed in the last 0 days: $OUT"
SOURCE_DATE_EPOCH=1767484800 pc_ok query changed-sources 7 --format json
expect_json_field '.since' 2025-12-28T00:00:00Z '.results[0].source' harbour '.results[0].snapshots' 2 \
  '.results[0].claims' '["ferry-runs", "harbour-pop"]'

pc_ok query subject "harbour   district"
expect_out_contains "ws  harbour-pop  claims/claims.json:4  population = 4200"
expect_out_lacks "ferry"
# Aliases: "the ferry" is the ferry.
py - <<'PY'
import json, os
s = json.load(open("provcheck.json")) if os.path.exists("provcheck.json") else {}
s["aliases"] = {"subjects": {"the ferry": "Ferry"}}
json.dump(s, open("provcheck.json", "w"))
PY
pc_ok query subject Ferry --format json
expect_json_field '.results[0].claim' ferry-load '.results[1].claim' ferry-runs '.results[1].subject' "the ferry"
[ "$(json_get '.results' | py -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 2 ] || fail "two claims expected"

pc query broken-since yesterday
expect_rc 2
expect_err_contains "give YYYY-MM-DD"
pc query changed-sources -3
expect_rc 2
pc query nothing x
expect_rc 2
echo ok
