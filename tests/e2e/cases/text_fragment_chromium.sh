# Pins: the link to the live passage. `claim show` gives each citation of a
# source with a URL a text-fragment link (#:~:text=...); opened in headless
# Chromium against a copy of the page served on loopback, the browser finds
# the passage and scrolls to it (tests/exchange/text_fragment_browser.py
# says what that proves), for quotes with commas, dashes, an ampersand,
# typographic quotes, non-ASCII letters and a line break, a long quote given
# by its first and last words, and a quote whose words also stand earlier
# in the page without its context (the prefix picks the right one). A link
# naming text the page lacks does not scroll (the control). The HTML and
# Markdown reports carry the same link.
. "$(dirname "$0")/../lib.sh" || exit 1
. "$(dirname "$0")/../http.sh" || exit 1
setup_ws
mkdir "$TMP/site"
{
  echo '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Aleppo, day by day</title>'
  echo '<style>.far { margin-top: 2500px } p { font-size: 18px }</style></head><body>'
  echo '<p id="decoy">the convoy carried 4,000 people</p>'
  echo '<p class="far" id="p1">Officials said the Castello road — the last route north — was cut, and 40% of the aid &amp; food stopped.</p>'
  echo '<p class="far" id="p2">“We are leaving,” said Erdoğan’s envoy,'
  echo 'before the first buses left the eastern districts.</p>'
  echo '<p class="far" id="p3">On Thursday the convoy carried 4,000 people out of the city.</p>'
  echo '<p class="far" id="p4">The agency said the evacuation of the eastern districts would take several days because the buses could carry only a few hundred people on each trip across the front line.</p>'
  echo '</body></html>'
} >"$TMP/site/day.html"
start_server "$TMP/site"
pc_ok source add "$BASE/day.html" --id day
pc_ok claim add --source day --id castello --quote "the Castello road — the last route north — was cut, and 40% of the aid & food stopped"
pc_ok claim add --source day --id envoy --quote "“We are leaving,” said Erdoğan’s envoy, before the first buses"
pc_ok claim add --source day --id convoy --quote "the convoy carried 4,000 people" --occurrence 2
pc_ok claim add --source day --id pct --quote "40% of the aid"
pc_ok claim add --source day --id days --quote "the evacuation of the eastern districts would take several days because the buses could carry only a few hundred people"
links=()
for id in castello envoy convoy days pct; do
  pc_ok claim show "$id" --format json
  link=$(json_get '.citations[0].link')
  [[ "$link" == "$BASE/day.html#:~:text="* ]] || fail "$id: no text-fragment link: $link"
  links+=("$link")
done
[[ "${links[0]}" == *"%E2%80%94"*"%26"* ]] || fail "the dash and the ampersand are not encoded: ${links[0]}"
[[ "${links[1]}" == *"%E2%80%9CWe"*"%2C%E2%80%9D"*"Erdo%C4%9Fan%E2%80%99s"* ]] || fail "quotes, comma, non-ASCII: ${links[1]}"
[[ "${links[4]}" == *"40%25%20of"* ]] || fail "the percent sign is not encoded: ${links[4]}"
[[ "${links[2]}" == *"-,the%20convoy"* ]] || fail "the repeated quote has no prefix: ${links[2]}"
[[ "${links[3]}" == *"-,the%20evacuation%20of%20the,a%20few%20hundred%20people,-on%20each%20trip" ]] || fail "a long quote is not shortened to start and end words: ${links[3]}"
pc_ok report --format md -o reports/r.md
grep -qF "${links[1]}" reports/r.md || fail "the Markdown report lacks the link"
pc_ok report --format html -o reports/r.html
grep -qF "${links[1]//&/&amp;}" reports/r.html || fail "the HTML report lacks the link"

/usr/bin/python3 "$PROVCHECK_REPO/tests/exchange/text_fragment_browser.py" \
  "${links[0]}" p1 "${links[1]}" p2 "${links[2]}" p3 "${links[3]}" p4 "${links[4]}" p1 \
  "$BASE/day.html#:~:text=a%20sentence%20the%20page%20lacks" -
rc=$?
[ $rc = 77 ] && { echo "skipped: chromium, chromedriver or selenium missing" >&2; exit 77; }
[ $rc = 0 ] || fail "Chromium did not find every passage by its link"
exit 0
