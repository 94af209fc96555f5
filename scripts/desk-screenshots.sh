#!/usr/bin/env bash
# Retakes the README's screenshots of the desk (docs/desk-reader.png,
# docs/desk-review.png): the bundled example workspace copied to a
# temporary folder, one source edited so that Review has a changed figure
# and a changed wording, `provcheck serve` on a free port, headless
# Chromium over WebDriver (chromium, chromium-driver, python3-selenium).
# Usage: scripts/desk-screenshots.sh [BUILD_DIR]   (default: build)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
bin="$(realpath "${1:-$repo/build}")/provcheck"
tmp="$(mktemp -d)"
trap 'kill $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
cp -r "$repo/sources" "$repo/claims" "$repo/provcheck.json" "$tmp/"
cd "$tmp"
"$bin" check >/dev/null
src=sources/aleppo-siege-tightens-2016-02.md
sed -i 's/an estimated 320,000 people are still living there/an estimated 300,000 people are still living there/;
        s/tens of thousands of residents have escaped/tens of thousands of residents have fled/' "$src"
"$bin" serve --port 0 >"$tmp/serve.out" 2>&1 &
pid=$!
for _ in $(seq 1 100); do grep -q '127.0.0.1:' "$tmp/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/serve.out")
/usr/bin/python3 - "$url" "$repo/docs" <<'PY'
import os, sys, tempfile
from selenium import webdriver
from selenium.webdriver.common.by import By
base, docs = sys.argv[1:3]
opts = webdriver.ChromeOptions()
for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--no-first-run", "--window-size=1280,820", "--hide-scrollbars",
             "--user-data-dir=" + tempfile.mkdtemp(prefix="desk-shots-")):
    opts.add_argument(flag)
d = webdriver.Chrome(options=opts)
try:
    d.get(base + "/reader?source=un-east-aleppo-briefing-2016-12")
    # Select a phrase as a mouse would: the range from its first character to its last.
    d.execute_script("""
      const phrase = arguments[0];
      const runs = [...document.querySelectorAll('#text span[data-b]')];
      let all = '', at = [];
      for (const s of runs) { at.push(all.length); all += s.textContent; }
      const i = all.indexOf(phrase), j = i + phrase.length;
      function point(k) {
        let n = 0;
        while (n + 1 < runs.length && at[n + 1] <= k) n++;
        return [runs[n].firstChild, k - at[n]];
      }
      const [sn, so] = point(i), [en, eo] = point(j - 1);
      const r = document.createRange();
      r.setStart(sn, so); r.setEnd(en, eo + 1);
      getSelection().removeAllRanges(); getSelection().addRange(r);
      document.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
      sn.parentElement.scrollIntoView({block: 'center'});
    """, "Opposition commanders asked for a five-day pause in the fighting")
    d.save_screenshot(os.path.join(docs, "desk-reader.png"))
    d.get(base + "/review")
    d.save_screenshot(os.path.join(docs, "desk-review.png"))
finally:
    d.quit()
PY
echo "wrote docs/desk-reader.png and docs/desk-review.png"
