#!/usr/bin/python3
"""Opens text-fragment links in headless Chromium (WebDriver: Debian's
chromium-driver and python3-selenium) and tells whether the browser found
the passage each one names.

What it proves: `::target-text` cannot be queried, so the test uses the
browser's visible reaction, as the Web Platform Tests for text fragments
do: the page puts the passage far below the fold, so the window scrolls
only when Chromium's text-directive matcher found it; and the passage's
element must then be in the viewport. A link whose directive names text the
page does not have must leave the window at the top (the negative control,
so a scroll caused by anything else fails the test).

Usage: text_fragment_browser.py URL ELEMENT_ID [URL ELEMENT_ID...]
An ELEMENT_ID of "-" means "must not scroll". Exit 0 when all hold; 1 and a
message otherwise; 77 when Chromium, its driver or selenium are missing.
"""
import os
import shutil
import sys
import tempfile
import time

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
except ImportError:
    print("skip: python3-selenium is not installed (scripts/install-deps.sh)", file=sys.stderr)
    sys.exit(77)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
if not CHROMIUM or not DRIVER:
    print("skip: chromium or chromedriver is not installed (scripts/install-deps.sh)", file=sys.stderr)
    sys.exit(77)


def main():
    args = sys.argv[1:]
    if not args or len(args) % 2:
        print("usage: text_fragment_browser.py URL ELEMENT_ID ...", file=sys.stderr)
        return 2
    profile = tempfile.mkdtemp(prefix="provcheck-chrome-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1000,700", f"--user-data-dir={profile}"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    failures = []
    try:
        for url, element in zip(args[0::2], args[1::2]):
            driver.get("about:blank")
            driver.get(url)
            scrolled, visible = 0, False
            for _ in range(40):  # the matcher runs after load, asynchronously
                time.sleep(0.1)
                scrolled = driver.execute_script("return window.scrollY")
                if element != "-":
                    visible = driver.execute_script(
                        "const e = document.getElementById(arguments[0]); if (!e) return false;"
                        "const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;",
                        element)
                    if scrolled > 0 and visible:
                        break
            has_api = driver.execute_script("return 'fragmentDirective' in document")
            if element == "-":
                if scrolled != 0:
                    failures.append(f"{url}: scrolled to {scrolled} though the page lacks the text")
            elif not (scrolled > 0 and visible):
                failures.append(f"{url}: the passage #{element} was not scrolled into view "
                                f"(scrollY {scrolled}, fragmentDirective API: {has_api})")
            else:
                print(f"ok: {element} highlighted (scrollY {scrolled})")
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    for f in failures:
        print("FAIL: " + f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
