# Pins: `source add` with metadata writes the content and a sidecar with every
# field; `claim add` pins the exact bytes; `check` exits 0 with all intact, in
# text and in JSON; the JSON shape of DESIGN.md (schema, summary keys,
# citation keys) holds.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
cat >"$TMP/harbour.txt" <<'TXT'
Notes on the harbour survey.
The harbour district had roughly 4,200 residents in spring.
Most of them worked at the fish market or on the ferries.
TXT
pc_ok source add --allow-outside "$TMP/harbour.txt" --id harbour --title "Harbour survey" --publisher "Town Gazette" \
  --url https://example.org/harbour --published 2021-04-03
expect_out_contains "added source harbour"
cmp -s "$TMP/harbour.txt" sources/harbour.txt || fail "sources/harbour.txt is not a byte-exact copy"
[ -f sources/harbour.meta.json ] || fail "no sidecar sources/harbour.meta.json"

py - sources/harbour.meta.json <<'PY' || fail "sidecar fields are wrong (above)"
import json, sys
m = json.load(open(sys.argv[1]))
want = {"schema": "provcheck.source/1", "id": "harbour", "file": "harbour.txt", "title": "Harbour survey",
        "publisher": "Town Gazette", "url": "https://example.org/harbour", "published": "2021-04-03",
        "media_type": "text/plain"}
bad = {k: (v, m.get(k)) for k, v in want.items() if m.get(k) != v}
if bad or not m.get("retrieved") or not m.get("content_hash", "").startswith("xxh3-128:"):
    sys.exit(f"sidecar mismatch: {bad} / {m}")
PY

QUOTE="The harbour district had roughly 4,200 residents in spring."
pc_ok claim add --source harbour --quote "$QUOTE" --id harbour-pop --text "About 4,200 people lived in the harbour district."
expect_out_contains "added 1 claim to claims/claims.json"
expect_err_contains "pinned harbour-pop"
py - claims/claims.json "$QUOTE" <<'PY' || fail "claims file does not hold the pin"
import json, sys
c = json.load(open(sys.argv[1]))["claims"][0]["citations"][0]
src = open("sources/harbour.txt", "rb").read()
assert c["quote"] == sys.argv[2], c
assert src[c["start"]:c["end"]] == sys.argv[2].encode(), c
assert c["quote_hash"].startswith("xxh3-64:") and c["snapshot"].startswith("xxh3-128:"), c
PY

pc_ok check
expect_out_contains "1 claims, 1 citations, 1 sources: 1 intact; 0 conflicts; 0 errors, 0 warnings"

pc_ok check --format json
expect_json_field .schema provcheck.check/1
expect_json_keys .summary claims citations sources by_status conflicts errors warnings
expect_json_keys .summary.by_status intact moved normalized modified figure_changed ambiguous missing source_missing
expect_json_keys '.citations[0]' claim source status severity pinned_span found_span similarity message
expect_json_field .summary.by_status.intact 1 .summary.errors 0 .summary.claims 1 .conflicts "[]" \
  '.citations[0].claim' harbour-pop '.citations[0].source' harbour '.citations[0].status' intact \
  '.citations[0].severity' ok '.citations[0].pinned_span' "[29, 88]" '.citations[0].found_span' "[29, 88]" \
  '.citations[0].similarity' 1.0

pc_ok check --format md -o reports/check.md
[ -s reports/check.md ] || fail "check -o did not write reports/check.md"
