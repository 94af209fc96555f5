# Pins: local .html, .pdf and .md files get their rendered text layers
# (html-gumbo/1, pdf-poppler/1, cmark/1) named in the sidecar; quoting works
# on the rendered text (entities decoded, link text kept, URLs dropped); a
# change to a link's URL alone leaves a Markdown citation intact; a
# sidecar written before text layers had names keeps its file-bytes layer
# (the bundled example's pins); an unknown text layer is exit 2.
. "$(dirname "$0")/../lib.sh" || exit 1
. "$(dirname "$0")/../http.sh" || exit 1
setup_ws
mkdir drafts
cat >drafts/market.md <<'MD'
# Market day

Stall rents rose to [**£45 a week**](https://example.org/rents-2024) this spring,
according to the [market board](https://example.org/board "Board minutes").

![Stalls on the square](stalls.jpg)

- about 120 stalls on Saturdays
- 60 on weekdays
MD
cat >drafts/board.html <<'HTML'
<html><head><title>Board minutes</title></head>
<body><div class="menu">Home | Minutes | Contact</div>
<p>The board agreed a rent of &pound;45&nbsp;a week &mdash; up from &pound;40.</p>
<script>console.log("rent of £99")</script>
</body></html>
HTML
make_pdf drafts/survey.pdf --title "Stall survey" --page "Stall survey 2024" --page "Traders counted: 118 on Saturday." --page "Weekday count: 61."

pc_ok source add drafts/market.md drafts/board.html drafts/survey.pdf
layer() { py -c 'import json,sys; print(json.load(open(sys.argv[1])).get("text_layer", "-"))' "sources/$1.meta.json"; }
[ "$(layer market)" = cmark/1 ] || fail "market.md: $(layer market)"
[ "$(layer board)" = html-gumbo/1 ] || fail "board.html: $(layer board)"
[ "$(layer survey)" = pdf-poppler/1 ] || fail "survey.pdf: $(layer survey)"

pc_ok claim add --source market --id rents --quote "Stall rents rose to £45 a week this spring, according to the market board."
pc_ok claim add --source market --id saturdays --quote "about 120 stalls on Saturdays"
pc claim add --source market --quote "Stalls on the square"
expect_rc 2
pc_ok claim add --source board --id board-rent --quote "The board agreed a rent of £45 a week — up from £40."
pc claim add --source board --quote "rent of £99"
expect_rc 2
pc_ok claim add --source survey --id weekday --quote "Weekday count: 61."
expect_err_contains "p. 3"

# A sidecar from before text layers had names: Markdown pinned on its bytes.
printf 'Old notes: the [fair](https://example.org/fair) had 30 stalls.\n' >sources/old-notes.md
pc_ok source add sources/old-notes.md
py - sources/old-notes.meta.json <<'PY'
import json, sys
m = json.load(open(sys.argv[1])); m.pop("text_layer")
open(sys.argv[1], "w").write(json.dumps(m, indent=2) + "\n")
PY
pc_ok claim add --source old-notes --id fair --quote "[fair](https://example.org/fair) had 30 stalls"
pc_ok check --format json
expect_json_field .summary.citations 5 .summary.by_status.intact 5

# Only the link's URL changes: the rendered text is the same.
sed -i 's|rents-2024|rents/2024-spring|' sources/market.md
pc_ok check --format json
expect_json_field .summary.by_status.intact 5
# The figure inside the link text changes.
sed -i 's|£45 a week|£48 a week|' sources/market.md
pc check --format json
expect_rc 1
expect_json_field .citations[2].claim rents .citations[2].status figure_changed .citations[4].page 3

# A text layer this provcheck does not know.
sed -i 's|"cmark/1"|"cmark/9"|' sources/market.meta.json
pc check
expect_rc 2
expect_err_contains "sources/market.meta.json: field \"text_layer\": unknown text layer 'cmark/9'"

# --text-layer picks another layer that fits the media type, and only such.
sed -i 's|"cmark/9"|"cmark/1"|' sources/market.meta.json
printf 'Raw [link](https://example.org/raw) kept.\n' >drafts/raw.md
pc_ok source add drafts/raw.md --text-layer identity
[ "$(layer raw)" = identity ] || fail "--text-layer identity not recorded: $(layer raw)"
pc_ok claim add --source raw --quote "[link](https://example.org/raw) kept."
snapshot_state
pc source add drafts/raw.md --id raw2 --text-layer pdf-poppler/1
expect_rc 2
expect_err_contains "--text-layer: text layer 'pdf-poppler/1' does not fit media type 'text/markdown'"
expect_state_unchanged

# A PDF replaced by bytes poppler cannot read: its citations are
# source_missing with the reason; the other sources are still judged.
printf 'not a pdf any more\n' >sources/survey.pdf
pc check --format json
expect_rc 1
expect_json_field .citations[5].claim weekday .citations[5].status source_missing .citations[5].page 3
[[ "$(json_get .citations[5].message)" == *"not a PDF that poppler can read"* ]] || fail "no reason: $(json_get .citations[5].message)"
expect_json_field .citations[0].status intact
