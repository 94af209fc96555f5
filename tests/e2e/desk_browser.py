"""The desk in headless Chromium (driven by cases/desk_browser.sh).

argv: base URL, workspace, screenshot folder, chromium binary, chromedriver.
"""
import json, os, sys, tempfile, time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

BASE, WS, SHOTS, CHROMIUM, DRIVER = sys.argv[1:6]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def claims():
    return json.load(open(os.path.join(WS, "claims", "claims.json"), encoding="utf-8"))["claims"]


opts = webdriver.ChromeOptions()
opts.binary_location = CHROMIUM
for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
             "--window-size=1360,900", "--user-data-dir=" + tempfile.mkdtemp(prefix="desk-profile-")):
    opts.add_argument(flag)
opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
wait = WebDriverWait(driver, 20)


def shot(name):
    driver.save_screenshot(os.path.join(SHOTS, name + ".png"))


try:
    driver.get(BASE + "/sources")
    check("town" in driver.page_source and driver.title.startswith("Sources"), "sources page")
    shot("sources")

    # Select "about 250,000\npeople" in the reader: a range from one line's
    # text node into the next line's, as a mouse drag makes it.
    driver.get(BASE + "/reader?source=town")
    wait.until(EC.presence_of_element_located((By.ID, "text")))
    text = open(os.path.join(WS, "sources", "town.txt"), "rb").read()
    start = text.find(b"about 250,000")
    end = text.find(b"people") + len(b"people")
    picked = driver.execute_script("""
      const [b, e] = arguments;
      const enc = new TextEncoder();
      function point(byte) {
        for (const s of document.querySelectorAll('#text span[data-b]')) {
          const sb = +s.dataset.b, se = +s.dataset.e, t = s.firstChild;
          if (byte >= sb && byte < se && t) {
            let i = 0;
            while (i < t.data.length && sb + enc.encode(t.data.slice(0, i)).length < byte) i++;
            return [t, i];
          }
        }
        return null;
      }
      const s = point(b), t = point(e - 1);
      const r = document.createRange();
      r.setStart(s[0], s[1]);
      r.setEnd(t[0], t[1] + 1);
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(r);
      document.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
      return [sel.toString(), s[0] === t[0]];
    """, start, end)
    check(picked[0] == "about 250,000\npeople" and not picked[1], f"selection across the line break: {picked!r}")
    bar = driver.find_element(By.ID, "pinbar")
    check("hidden" not in bar.get_attribute("class"), "the Pin a claim bar did not appear")
    check(driver.find_element(By.ID, "sel-start").get_attribute("value") == str(start) and
          driver.find_element(By.ID, "sel-end").get_attribute("value") == str(end), "selection bytes")
    shot("reader-selection")
    driver.find_element(By.ID, "pin-button").click()
    wait.until(EC.presence_of_element_located((By.ID, "pin-form")))
    check(driver.find_element(By.ID, "f-quote").get_attribute("value") == "about 250,000\npeople", "form quote")
    check(driver.find_element(By.ID, "f-occurrence").get_attribute("value") == "1", "form occurrence")
    check(driver.find_element(By.ID, "f-value").get_attribute("value") == "250,000", "proposed value")
    check(driver.find_element(By.ID, "f-as_of").get_attribute("value") == "2016-12-15", "proposed as-of")
    driver.find_element(By.ID, "f-id").clear()
    driver.find_element(By.ID, "f-id").send_keys("town-pop")
    driver.find_element(By.ID, "f-subject").send_keys("River town")
    driver.find_element(By.ID, "f-metric").send_keys("population")
    shot("pin-form")
    driver.find_element(By.ID, "save").click()
    wait.until(EC.presence_of_element_located((By.ID, "notice")))
    check("Pinned claim town-pop" in driver.find_element(By.ID, "notice").text, "no notice after pinning")
    c = [c for c in claims() if c["id"] == "town-pop"]
    check(len(c) == 1, "the claim is not in claims/claims.json")
    if c:
        cit = c[0]["citations"][0]
        check(cit["quote"] == "about 250,000\npeople" and cit["start"] == start and cit["end"] == end, f"pinned {cit!r}")
        check(c[0].get("assertion", {}).get("value") == "250,000", f"assertion {c[0].get('assertion')!r}")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#text .pin")) > 0, "the new pin is not highlighted")
    shot("reader")

    # The source changes on disk; the next load shows it.
    path = os.path.join(WS, "sources", "town.txt")
    open(path, "wb").write(text.replace(b"about 250,000", b"about 310,000"))
    driver.get(BASE + "/review")
    wait.until(EC.presence_of_element_located((By.ID, "attention")))
    art = driver.find_elements(By.CSS_SELECTOR, 'article[data-status="figure_changed"]')
    check(len(art) == 1, "review does not show the figure change")
    check(len(driver.find_elements(By.CSS_SELECTOR, ".diff del")) > 0, "no word diff")
    shot("review")
    if art:
        # The confirmation is required: a submit without it is refused by the server too.
        driver.execute_script("document.querySelector('article[data-status=\"figure_changed\"] form').submit()")
        wait.until(EC.presence_of_element_located((By.ID, "error")))
        check("confirm" in driver.find_element(By.ID, "error").text, "accept without confirmation was not refused")
        check("250,000" in [c for c in claims() if c["id"] == "town-pop"][0]["citations"][0]["quote"], "accepted without the confirmation")
        driver.find_element(By.ID, "confirm-town-pop").click()
        driver.find_element(By.ID, "accept-town-pop").click()
        wait.until(EC.presence_of_element_located((By.ID, "notice")))
        c = [c for c in claims() if c["id"] == "town-pop"][0]["citations"][0]
        new = open(path, "rb").read()
        check(c["quote"] == "about 310,000\npeople" and new[c["start"]:c["end"]] == b"about 310,000\npeople",
              f"the re-pinned citation: {c!r}")
    driver.get(BASE + "/claim?id=town-pop")
    check("Earlier pins" in driver.page_source, "claim page lacks the earlier pin")
    shot("claim")
    driver.get(BASE + "/search?q=bridge")
    check(len(driver.find_elements(By.CSS_SELECTOR, "ol.results li")) >= 1, "search has no result")
    shot("search")

    # Hostile text runs nothing anywhere.
    for page in ("/reader?source=hostile", "/sources", "/review", "/search?q=pasted", "/claim?id=hostile-claim",
                 "/pin?source=hostile&start=0&end=60"):
        driver.get(BASE + page)
        time.sleep(0.2)
        pwned = driver.execute_script("return document.body.getAttribute('data-pwned')")
        check(pwned is None and driver.title != "pwned", f"{page}: hostile code ran ({pwned!r}, title {driver.title!r})")
        check(not driver.find_elements(By.CSS_SELECTOR, "img, main script, a[href^='javascript']"),
              f"{page}: hostile markup became elements")
    driver.get(BASE + "/reader?source=hostile")
    check("<script>" in driver.find_element(By.ID, "text").text, "the hostile text is not shown as text")
    shot("reader-hostile")
    errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE" and "favicon" not in e.get("message", "")]
    check(not [e for e in errors if "desk.js" in e.get("message", "")], f"script errors: {errors!r}")
finally:
    driver.quit()

sys.exit(1 if failures else 0)
