#!/usr/bin/env bash
# The desk's speed: how long each page of `provcheck serve` takes over the
# check benchmark's workspace (3,000 sources, 30,000 claims; bench/check/gen.py)
# once the store is warm, against a warm `provcheck check` of the same
# workspace in the same run (the machine is noisy: compare ratios); and how
# long headless Chromium takes to load, lay out and select in the reader of a
# 1 MB source (the desk's script must not freeze the page).
# Usage: bench/desk/run.sh [--provcheck PATH] [--workspace DIR] [--runs K]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
provcheck="$repo/build/provcheck"
ws=/tmp/provcheck-bench-desk
runs=7
while [ $# -gt 0 ]; do
  case $1 in
    --provcheck) provcheck=$2; shift 2 ;;
    --workspace) ws=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "usage: bench/desk/run.sh [--provcheck PATH] [--workspace DIR] [--runs K]" >&2; exit 2 ;;
  esac
done
provcheck=$(realpath "$provcheck")
if ! python3 "$repo/bench/check/gen.py" --workspace "$ws" --sources 3000 --claims 30000 --provcheck "$provcheck" --check-current; then
  python3 "$repo/bench/check/gen.py" --workspace "$ws" --sources 3000 --claims 30000 --provcheck "$provcheck"
fi
tmp=$(mktemp -d)
pids=""
trap 'for p in $pids; do kill $p 2>/dev/null || true; done; rm -rf "$tmp"' EXIT
"$provcheck" -C "$ws" check >/dev/null   # warm store
"$provcheck" -C "$ws" serve --port 0 >"$tmp/serve.out" 2>&1 &
pids="$pids $!"
for _ in $(seq 1 100); do grep -q '127.0.0.1:' "$tmp/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/serve.out")

# A 1 MB source in a workspace of its own: seed articles (or the bench's
# sources) one after another until 1 MB.
big="$tmp/big"
mkdir -p "$big"
(cd "$big" && "$provcheck" init >/dev/null)
python3 - "$ws/sources" "$big/big.txt" <<'PY'
import glob, sys
parts = sorted(glob.glob(sys.argv[1] + "/*.txt"))
out, size = [], 0
for p in parts:
    t = open(p, encoding="utf-8").read()
    out.append(t)
    size += len(t.encode())
    if size >= 1 << 20:
        break
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out)[: 1 << 20].rsplit(" ", 1)[0] + "\n")
PY
(cd "$big" && "$provcheck" source add big.txt --id big >/dev/null 2>&1)
(cd "$big" && "$provcheck" serve --port 0 >"$tmp/big.out" 2>&1 &
 echo $! >"$tmp/big.pid")
pids="$pids $(cat "$tmp/big.pid")"
for _ in $(seq 1 100); do grep -q '127.0.0.1:' "$tmp/big.out" 2>/dev/null && break; sleep 0.1; done
big_url=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/big.out")

python3 - "$url" "$big_url" "$ws" "$provcheck" "$runs" <<'PY'
import http.client, json, statistics, subprocess, sys, time, urllib.parse
url, big_url, ws, provcheck, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
def get(base, path):
    u = urllib.parse.urlsplit(base)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=300)
    t = time.perf_counter()
    c.request("GET", path, headers={"Host": u.netloc})
    r = c.getresponse()
    body = r.read()
    dt = time.perf_counter() - t
    c.close()
    if r.status != 200:
        sys.exit(f"GET {path}: HTTP {r.status}")
    return dt, len(body)
def median(f):
    f()
    return statistics.median(f() for _ in range(runs))
claim = json.load(open(ws + "/claims/" + sorted(__import__("os").listdir(ws + "/claims"))[0]))["claims"][0]
pages = [("sources (3,000 rows)", "/sources"), ("reader", "/reader?source=s01500"),
         ("pin form", "/pin?source=s01500&start=0&end=120"), ("search", "/search?q=aleppo"),
         ("claim", "/claim?id=" + claim["id"]), ("review (a full check)", "/review")]
def cli():
    t = time.perf_counter()
    subprocess.run([provcheck, "-C", ws, "check"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t
base = median(cli)
print(f"baseline: warm `provcheck check` of the same workspace: {base * 1000:.0f} ms (median of {runs})")
print("| page | median ms | bytes | x warm check |\n|---|---:|---:|---:|")
for name, path in pages:
    size = get(url, path)[1]
    t = median(lambda: get(url, path)[0])
    print(f"| {name} | {t * 1000:.0f} | {size:,} | {t / base:.2f} |")
t = median(lambda: get(big_url, "/reader?source=big")[0])
print(f"| reader of a 1 MB source (server) | {t * 1000:.0f} | {get(big_url, '/reader?source=big')[1]:,} | {t / base:.2f} |")
PY
/usr/bin/python3 - "$big_url" <<'PY'
import sys, tempfile, time
from selenium import webdriver
base = sys.argv[1]
o = webdriver.ChromeOptions()
for f in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--no-first-run", "--user-data-dir=" + tempfile.mkdtemp()):
    o.add_argument(f)
d = webdriver.Chrome(options=o)
try:
    res = []
    for _ in range(3):
        d.get(base + "/reader?source=big")
        nav = d.execute_script("const n = performance.getEntriesByType('navigation')[0]; return [n.responseEnd, n.domContentLoadedEventEnd, n.loadEventEnd];")
        spans = d.execute_script("return document.querySelectorAll('#text span[data-b]').length")
        sel = d.execute_script("""
          const runs = document.querySelectorAll('#text span[data-b]');
          const a = runs[Math.floor(runs.length / 2)], b = runs[Math.floor(runs.length / 2) + 6];
          const r = document.createRange(); r.setStart(a.firstChild, 0); r.setEnd(b.firstChild, b.firstChild.data.length);
          getSelection().removeAllRanges(); getSelection().addRange(r);
          const t = performance.now();
          document.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
          return performance.now() - t;""")
        res.append((nav[2], sel))
    best = min(res)
    print(f"reader of a 1 MB source in headless Chromium: {spans:,} runs; load event at {best[0]:.0f} ms "
          f"(median {sorted(r[0] for r in res)[1]:.0f}); selection to pin bar {max(r[1] for r in res):.1f} ms at most")
finally:
    d.quit()
PY
