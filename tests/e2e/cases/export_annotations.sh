# Pins: W3C Web Annotation export and import. Each citation becomes an
# Annotation with TextQuoteSelector and TextPositionSelector (code points,
# not bytes, checked against the text layer), the claim's words, assertion,
# rating and tags in its bodies; the export imported into a fresh workspace
# gives the same claims and spans (round trip); annotations written the way
# Hypothesis writes them (a search result with a RangeSelector, positions
# past the end of the text, a prefix with typos, a repeated quote) pin the
# right copy; bad input names the file and line, exits 2 and writes nothing.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
# Non-ASCII before the passages, so code points and bytes differ; a passage repeated.
cat >sources/report.txt <<'EOF2'
# Ceasefire talks — a day in Aleppo

Officials in Ankara and Moscow said “the talks continue”.
The convoy carried about 4,000 people out of the eastern districts.
Later, the convoy carried about 4,000 people out of the eastern districts again, a second trip.
Erdoğan said the corridor would stay open until Friday.
EOF2
pc_ok source add sources/report.txt --id report --url https://news.example/aleppo/day --published 2016-12-15
pc_ok claim add --source report --id convoy-first --quote "The convoy carried about 4,000 people" \
  --subject "east Aleppo evacuation" --metric people --value "about 4,000" --as-of 2016-12-15 \
  --tag evacuation --rating "Mostly true" --reviewed-by "Desk" --review-url https://desk.example/r/1 --review-date 2016-12-16
pc_ok claim add --source report --id corridor --quote "Erdoğan said the corridor would stay open" \
  --text "Turkey's president said the corridor stays open"

pc_ok export --format annotation -o "$TMP/anno.json"
expect_out_contains "wrote 2 annotations to"
py - "$TMP/anno.json" "$WS/sources/report.txt" <<'PYEOF' || fail "the annotation collection is not what the model says"
import json, sys
col = json.load(open(sys.argv[1], encoding="utf-8"))
text = open(sys.argv[2], encoding="utf-8").read()
assert col["@context"] == "http://www.w3.org/ns/anno.jsonld", col["@context"]
assert col["type"] == "AnnotationCollection" and col["total"] == 2
items = col["first"]["items"]
assert col["first"]["type"] == "AnnotationPage" and len(items) == 2
for a in items:
    assert a["type"] == "Annotation" and a["id"].startswith("urn:provcheck:annotation:")
    t = a["target"]
    assert t["source"] == "https://news.example/aleppo/day", t["source"]
    assert t["state"]["type"] == "TimeState" and t["state"]["cached"].startswith("urn:provcheck:snapshot:xxh3-128:")
    q = [s for s in t["selector"] if s["type"] == "TextQuoteSelector"][0]
    p = [s for s in t["selector"] if s["type"] == "TextPositionSelector"][0]
    # Positions are code points of the text layer: Python's str indexes are code points.
    assert text[p["start"]:p["end"]] == q["exact"], (text[p["start"]:p["end"]], q["exact"])
    assert text[:p["start"]].endswith(q["prefix"]) and text[p["end"]:].startswith(q["suffix"])
first = items[0]
assert first["motivation"] == "assessing", first["motivation"]
assert first["created"].endswith("Z") and "modified" not in first, first  # from the audit of claim add
rating = [b for b in first["body"] if b["purpose"] == "assessing" and b["type"] == "TextualBody"][0]
assert rating["value"] == "Mostly true" and rating["creator"] == {"type": "Organization", "name": "Desk"}
assert rating["created"] == "2016-12-16T00:00:00Z"
page = [b for b in first["body"] if b["purpose"] == "assessing" and b["type"] == "Text"][0]
assert page["id"] == "https://desk.example/r/1" and page["format"] == "text/html"
assert [b["value"] for b in first["body"] if b["purpose"] == "tagging"] == ["evacuation"]
assertion = [json.loads(b["value"]) for b in first["body"] if b.get("format") == "application/json"][0]
assert assertion == {"subject": "east Aleppo evacuation", "metric": "people", "value": "about 4,000",
                     "unit": "people", "approx": "about", "as_of": "2016-12-15"}, assertion
assert items[1]["motivation"] == "describing"
assert items[1]["body"][0]["value"] == "Turkey's president said the corridor stays open"
PYEOF
pc_ok export --format annotation --jsonl
[ "$(printf '%s\n' "$OUT" | wc -l)" = 2 ] || fail "--jsonl: expected one annotation a line"

# Round trip: a fresh workspace with the same source imports the export: same claims, same spans.
WS2=$TMP/ws2
mkdir "$WS2" && cp -r "$WS/sources" "$WS2/" && mkdir "$WS2/claims"
pc_ok -C "$WS2" import annotations "$TMP/anno.json"
py - "$WS/claims/claims.json" "$WS2/claims/claims.json" <<'PYEOF' || fail "the round trip changed the claims"
import json, sys
a = json.load(open(sys.argv[1]))["claims"]
b = json.load(open(sys.argv[2]))["claims"]
assert a == b, json.dumps([a, b], indent=1)
PYEOF

# Hypothesis's shape: a search result; the second row quotes the repeated passage with a
# prefix typed with typos and a position past the end of the text.
cat >"$TMP/hyp.json" <<'EOF2'
{"total": 2, "rows": [
 {"id": "AbC1", "uri": "https://news.example/aleppo/day/", "text": "Second convoy",
  "target": [{"source": "https://news.example/aleppo/day", "selector": [
    {"type": "RangeSelector", "startContainer": "/div[1]/p[4]", "startOffset": 7, "endContainer": "/div[1]/p[4]", "endOffset": 40},
    {"type": "TextPositionSelector", "start": 99999, "end": 100030},
    {"type": "TextQuoteSelector", "exact": "convoy carried about 4,000 people", "prefix": "Latr, teh ", "suffix": " out of the eastern districts agian"}]}]},
 {"id": "AbC2", "uri": "https://news.example/aleppo/day", "text": "",
  "target": [{"source": "https://news.example/aleppo/day", "selector": [
    {"type": "TextQuoteSelector", "exact": "the talks continue", "prefix": "Moscow said “", "suffix": "”."}]}]}
]}
EOF2
pc_ok import annotations "$TMP/hyp.json" --to claims/hyp.json
pc_ok claim list --format json
py - "$WS/claims/hyp.json" "$WS/sources/report.txt" <<'PYEOF' || fail "the Hypothesis annotations were pinned at the wrong place"
import json, sys
claims = json.load(open(sys.argv[1]))["claims"]
raw = open(sys.argv[2], "rb").read()
second = raw.index(b"convoy carried about 4,000 people", raw.index(b"Later,"))
c = claims[0]["citations"][0]
assert (c["start"], c["end"]) == (second, second + len(b"convoy carried about 4,000 people")), (c["start"], second)
assert claims[0]["text"] == "Second convoy"
assert claims[1]["citations"][0]["quote"] == "the talks continue"
PYEOF

# Ambiguous: the repeated quote with no context and no position: refused, nothing written.
cp claims/hyp.json "$TMP/hyp.before"
printf '%s\n' '{"type": "Annotation", "target": {"source": "https://news.example/aleppo/day", "selector": {"type": "TextQuoteSelector", "exact": "about 4,000 people"}}}' \
  '{"type": "Annotation", "target": {"source": "https://news.example/aleppo/day", "selector": {"type": "TextQuoteSelector", "exact": "about 4,000 people"}}}' >"$TMP/amb.jsonl"
pc import annotations "$TMP/amb.jsonl" --to claims/hyp.json
expect_rc 2
expect_err_contains "amb.jsonl:1: the quote occurs 2 times"
cmp -s claims/hyp.json "$TMP/hyp.before" || fail "a refused import changed the claims file"

# An unknown URL names the line and says what to do; --source says which source is meant.
printf '%s\n' '{"type": "Annotation", "target": {"source": "https://news.example/aleppo/day", "selector": {"type": "TextQuoteSelector", "exact": "Erdoğan said"}}}' \
  '{"type": "Annotation", "target": {"source": "https://elsewhere.example/x", "selector": {"type": "TextQuoteSelector", "exact": "until Friday"}}}' >"$TMP/unknown.jsonl"
pc import annotations "$TMP/unknown.jsonl" --to claims/hyp.json
expect_rc 2
expect_err_contains "unknown.jsonl:2: no source has the URL 'https://elsewhere.example/x'"
cmp -s claims/hyp.json "$TMP/hyp.before" || fail "a refused import changed the claims file"
pc_ok import annotations "$TMP/unknown.jsonl" --to claims/more.json --source report

# A quote the source does not have: refused with the line, all or nothing.
printf '%s\n' '{"type": "Annotation", "target": {"source": "https://news.example/aleppo/day", "selector": {"type": "TextQuoteSelector", "exact": "the corridor would stay open"}}}' \
  '{"type": "Annotation", "target": {"source": "https://news.example/aleppo/day", "selector": {"type": "TextQuoteSelector", "exact": "a sentence the page never had"}}}' >"$TMP/absent.jsonl"
pc import annotations "$TMP/absent.jsonl" --to claims/absent.json
expect_rc 2
expect_err_contains "absent.jsonl:2"
[ ! -e claims/absent.json ] || fail "a refused import wrote a claims file"

# Malformed JSON: the place of the syntax error.
printf '{"type": "Annotation",\n "target": [\n' >"$TMP/broken.json"
pc import annotations "$TMP/broken.json"
expect_rc 2
expect_err_contains "broken.json:"
exit 0
