# Pins: `report --format html` opened in headless Chromium (Debian's
# chromium, no network, a fresh profile) runs nothing a hostile source or
# claim injects: a <script> in a source's text, sidecar title and claim
# text, an "><img onerror=...> in the publisher, a javascript: URL. The
# injected code would change the title, add an element or set an attribute;
# the rendered DOM shows none of that, and shows the hostile text as text.
# A screenshot goes to the build folder. The HTML of a 1,000-claim workspace
# stays under 3 MB and renders (the last claim is in the DOM). The report is
# self-contained: no src=, no external href other than the sources' http(s)
# links, no <script>.
. "$(dirname "$0")/../lib.sh" || exit 1
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || fail "chromium is not installed: run scripts/install-deps.sh"
BUILD_DIR=$(dirname "$PROVCHECK")
setup_ws

chrome() {  # chromium ARGS... URL; stdout in $TMP/chrome.out
  local profile
  profile=$(mktemp -d "$TMP/profile.XXXXXX")
  timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --disable-extensions \
    --disable-default-apps --no-default-browser-check --host-resolver-rules="MAP * ~NOTFOUND" \
    --user-data-dir="$profile" "$@" >"$TMP/chrome.out" 2>"$TMP/chrome.err"
}

# A hostile source: its text, its sidecar and a claim's own words all carry markup and script.
cat >hostile.txt <<'TXT'
Notes pasted from a web form.
The form said <script>document.title='pwned';document.body.insertAdjacentHTML('beforeend','<p id="injected">ran</p>')</script> was fine.
Another line "><img src=x onerror="document.body.setAttribute('data-pwned','1')"> and javascript:alert(1) follow.
TXT
pc_ok source add hostile.txt --id hostile \
  --title "<script>document.title='pwned-title'</script>Title" \
  --publisher '"><img src=x onerror="document.body.setAttribute('"'"'data-pwned'"'"','"'"'2'"'"')">' \
  --url 'javascript:document.title="pwned-url"'
pc_ok claim add --source hostile --id hostile-claim \
  --text '<img src=x onerror="document.body.setAttribute('"'"'data-pwned'"'"','"'"'3'"'"')">claim' \
  --quote "The form said <script>document.title='pwned';"
pc_ok claim add --source hostile --id hostile-drift --quote 'Another line "><img src=x onerror="document.body'
perl -pi -e 's/Another line/One more line/' sources/hostile.txt   # drift: the diff carries the markup too
pc report --format html -o reports/hostile.html
expect_rc 1
grep -qi '<script' reports/hostile.html && fail "the report contains a <script> element"
grep -Eqi '<img|<[a-z][^>]*[[:space:]]on[a-z]+=' reports/hostile.html &&
  fail "the report contains an <img> or an event-handler attribute"
outside=$(grep -Eoi '(src|href|action|srcset)="[^"]*"' reports/hostile.html | grep -Eiv '^href="(https?://|#)' || true)
[ -z "$outside" ] || fail "the report refers to something outside itself: $outside"

chrome --dump-dom "file://$WS/reports/hostile.html" || { cat "$TMP/chrome.err" >&2; fail "chromium failed to render the report"; }
py - "$TMP/chrome.out" <<'PY' || fail "the rendered DOM (above)"
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
assert "<title>provcheck consistency report</title>" in dom, "the title changed"
assert re.search(r'<[a-z]+[^<>]*\bid="injected"', dom) is None, "the injected element is in the DOM"
assert re.search(r"<body[^>]*data-pwned", dom) is None, "an onerror handler ran"
assert re.search(r"<(img|script)\b", dom) is None, "an injected element is in the DOM"
assert "pwned-url" not in re.findall(r'href="([^"]*)"', dom).__str__(), "a javascript: URL became a link"
for text in ["&lt;script&gt;document.title='pwned';", "&lt;p id=\"injected\"&gt;ran&lt;/p&gt;",
             "&lt;script&gt;document.title='pwned-title'&lt;/script&gt;Title",
             "\"&gt;&lt;img src=x onerror=", "javascript:document.title=\"pwned-url\""]:
    assert text in dom, "not shown as text: " + text
assert dom.count("<article class=\"finding") == 1, "the drifted citation is listed under Needs attention"
PY

chrome --window-size=1280,2000 --screenshot="$BUILD_DIR/report-e2e-hostile.png" "file://$WS/reports/hostile.html" ||
  { cat "$TMP/chrome.err" >&2; fail "chromium failed to take a screenshot"; }
head -c 8 "$BUILD_DIR/report-e2e-hostile.png" | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a" ||
  fail "no PNG screenshot at $BUILD_DIR/report-e2e-hostile.png"
[ "$(stat -c %s "$BUILD_DIR/report-e2e-hostile.png")" -gt 20000 ] || fail "the screenshot is suspiciously small"

# 1,000 claims over 50 sources: the report stays under the stated size and renders.
mkdir "$TMP/big" && cd "$TMP/big" && pc_ok init
py - <<'PY'
import json
words = "harbour ferry council storm relief bridge market school river depot".split()
with open("claims.jsonl", "w") as claims:
    for s in range(50):
        lines = [f"Bulletin {s}: numbers from the coast."]
        for c in range(20):
            n = s * 20 + c
            lines.append(f"Line {c}: the {words[c % 10]} office counted {1000 + n} visitors on day {c + 1} of the month.")
        open(f"src-{s:02d}.txt", "w").write("\n".join(lines) + "\n")
        for c in range(20):
            n = s * 20 + c
            quote = f"the {words[c % 10]} office counted {1000 + n} visitors on day {c + 1}"
            # One subject per source, one day per claim: side by side on a timeline, never in conflict.
            claims.write(json.dumps({"id": f"claim-{n:04d}", "source": f"src-{s:02d}", "quote": quote,
                                     "subject": f"office {s:02d}", "metric": "visitors",
                                     "value": str(1000 + n), "as_of": f"2025-01-{c + 1:02d}"}) + "\n")
PY
pc_ok source add src-*.txt
pc_ok claim import claims.jsonl
sed -i 's/counted 1999 visitors/counted 2999 visitors/' sources/src-49.txt   # one figure changed, last claim
pc report --format html -o reports/big.html
expect_rc 1
size=$(stat -c %s reports/big.html)
limit=$((3 * 1024 * 1024))
[ "$size" -lt "$limit" ] || fail "the 1,000-claim report is $size bytes, over the stated $limit"
echo "1,000-claim HTML report: $size bytes"
chrome --dump-dom "file://$TMP/big/reports/big.html" || { cat "$TMP/chrome.err" >&2; fail "chromium failed on the big report"; }
grep -q 'id="claim-claim-0999"' "$TMP/chrome.out" || fail "the last claim is not in the rendered DOM"
grep -q '<del>1999</del><ins>2999</ins>' "$TMP/chrome.out" || fail "the changed figure's diff is not rendered"
