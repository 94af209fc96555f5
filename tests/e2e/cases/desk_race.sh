# Pins: two browser tabs (HTTP clients posting the pin form) and the CLI
# (`claim add`) writing claims to the same workspace at the same time lose
# nothing: every claim any of them was told was added is in the claims
# file, exactly once, and the file parses. (Relies on the workspace write
# lock that claim add takes: the desk's writes go through the same app
# function as the CLI's.)
. "$(dirname "$0")/../lib.sh" || exit 1
. "$(dirname "$0")/../desk_lib.sh" || exit 1
setup_ws
for i in $(seq 1 40); do echo "Line $i of the ledger says $((i * 100)) barrels were shipped."; done >ledger.txt
pc_ok source add ledger.txt --id ledger
start_desk
py - "$DESK" "$PROVCHECK" <<'PY' || fail "claims were lost (above)"
import http.client, json, re, subprocess, sys, threading, urllib.parse
base, provcheck = sys.argv[1:3]
port = int(base.rsplit(":", 1)[1])
def request(method, path, body=None, headers=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    h = {"Host": f"127.0.0.1:{port}"}
    h.update(headers or {})
    c.request(method, path, body=body, headers=h)
    r = c.getresponse()
    data = r.read().decode()
    c.close()
    return r.status, data
token = re.search(r'name="csrf" value="([0-9a-f]+)"', request("GET", "/sources")[1]).group(1)
N = 12
added, errors = [], []
def tab(name, lines):
    for i in lines:
        body = urllib.parse.urlencode({"csrf": token, "source": "ledger", "quote": f"Line {i} of the ledger",
                                       "id": f"{name}-{i}", "text": f"{name} {i}"})
        st, page = request("POST", "/pin", body, {"Origin": base, "Content-Type": "application/x-www-form-urlencoded"})
        (added if st == 303 else errors).append((f"{name}-{i}", st, re.findall(r'role="alert">([^<]*)', page)))
def cli(lines):
    for i in lines:
        r = subprocess.run([provcheck, "claim", "add", "--source", "ledger", "--quote", f"Line {i} of the ledger",
                            "--id", f"cli-{i}"], capture_output=True, text=True)
        (added if r.returncode == 0 else errors).append((f"cli-{i}", r.returncode, r.stderr))
threads = [threading.Thread(target=tab, args=("tab1", range(1, N + 1))),
           threading.Thread(target=tab, args=("tab2", range(N + 1, 2 * N + 1))),
           threading.Thread(target=cli, args=(range(2 * N + 1, 3 * N + 1),))]
for t in threads: t.start()
for t in threads: t.join()
if errors:
    sys.exit(f"refused writes: {errors[:5]}")
ids = [c["id"] for c in json.load(open("claims/claims.json"))["claims"]]
want = sorted(a[0] for a in added)
if sorted(ids) != want:
    sys.exit(f"{len(want)} claims added, {len(ids)} in the file; lost: {sorted(set(want) - set(ids))[:10]}")
print(f"{len(ids)} claims from two tabs and the CLI, none lost")
PY
pc_ok check
expect_out_contains "36 claims"
