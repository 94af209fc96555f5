"""HTTP-level checks of `provcheck serve` (driven by cases/desk_http.sh).

argv: base URL, workspace, a copy of the workspace for the CLI, the binary.
"""
import hashlib, http.client, json, os, re, subprocess, sys, urllib.parse

BASE, WS, TWIN, PROVCHECK = sys.argv[1:5]
HOST = urllib.parse.urlsplit(BASE).netloc
PORT = int(HOST.rsplit(":", 1)[1])
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def request(method, path, body=None, headers=None, host=HOST):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    h = {"Host": host}
    h.update(headers or {})
    conn.request(method, path, body=body, headers=h)
    r = conn.getresponse()
    data = r.read().decode("utf-8", "replace")
    conn.close()
    return r.status, dict((k.lower(), v) for k, v in r.getheaders()), data


def post(path, fields, origin=BASE, token=True, host=HOST):
    if token is True:
        fields = dict(fields, csrf=TOKEN)
    elif token:
        fields = dict(fields, csrf=token)
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if origin:
        headers["Origin"] = origin
    return request("POST", path, urllib.parse.urlencode(fields), headers, host)


def files_state(ws):
    out = []
    for folder in ("sources", "claims"):
        for root, _, names in os.walk(os.path.join(ws, folder)):
            for n in sorted(names):
                p = os.path.join(root, n)
                out.append((os.path.relpath(p, ws), hashlib.sha256(open(p, "rb").read()).hexdigest()))
    return sorted(out)


def claims(ws):
    return json.load(open(os.path.join(ws, "claims", "claims.json"), encoding="utf-8"))["claims"]


# Every page, its status and headers.
st, h, page = request("GET", "/sources")
check(st == 200 and "town" in page and "River town notes" in page, f"/sources: {st}")
for name, want in [("content-security-policy", "script-src 'self'"), ("content-security-policy", "frame-ancestors 'none'"),
                   ("content-security-policy", "default-src 'none'"), ("x-content-type-options", "nosniff"),
                   ("referrer-policy", "same-origin")]:
    check(want in h.get(name, ""), f"header {name} lacks {want!r}: {h.get(name)!r}")
check("unsafe-inline" not in h.get("content-security-policy", ""), "CSP allows inline code")
check(" style=" not in page and "<script>" not in page, "inline style or script in a page")
m = re.search(r'name="csrf" value="([0-9a-f]{32})"', page)
check(m is not None, "no token in the sources page")
TOKEN = m.group(1) if m else ""

for path, want in [("/", 303), ("/reader?source=town", 200), ("/reader?source=nope", 404),
                   ("/reader?source=..%2F..%2Fetc%2Fpasswd", 404), ("/reader?source=town&at=40&end=60", 200),
                   ("/review", 200), ("/search", 200), ("/search?q=survey", 200), ("/search?q=%22unclosed", 400),
                   ("/claim?id=bridge", 200), ("/claim?id=nope", 404), ("/static/desk.js", 200),
                   ("/static/desk.css", 200), ("/no-such-page", 404), ("/pin?source=town&start=5&end=2", 400),
                   ("/pin?source=town&start=x&end=9", 400), ("/pin?source=nope&start=0&end=9", 404)]:
    st, hh, body = request("GET", path)
    check(st == want, f"GET {path}: expected {want}, got {st}")
    if st != 303:
        check("script-src 'self'" in hh.get("content-security-policy", ""), f"GET {path}: no CSP")
st, hh, _ = request("GET", "/static/desk.js")
check(hh.get("content-type", "").startswith("text/javascript"), "desk.js content type")

# The reader: byte ranges, the pin, figures with their reading.
st, _, page = request("GET", "/reader?source=town")
text = open(os.path.join(WS, "sources", "town.txt"), "rb").read()
spans = re.findall(r'<span data-b="(\d+)" data-e="(\d+)"[^>]*>', page)
check(spans and spans[0][0] == "0" and int(spans[-1][1]) == len(text), "reader runs do not cover the text")
check(all(int(spans[i][1]) == int(spans[i + 1][0]) for i in range(len(spans) - 1)), "reader runs are not contiguous")
check('class="pin' in page and "pinned by bridge" in page, "the pinned passage is not marked")
check(re.search(r'class="fig[^"]*" title="count: 250000[^"]*about', page) is not None, "figure hover lacks kind/value/qualifier")
st, _, page = request("GET", "/search?q=survey")
check('/reader?source=town&amp;at=' in page and 'pin this' in page, "search results do not link into the reader / pin this")

# The pin form: the second copy of a repeated passage is occurrence 2.
second = text.find(b"about 250,000\npeople", text.find(b"about 250,000") + 1)
end = second + len(b"about 250,000\npeople")
st, _, page = request("GET", f"/pin?source=town&start={second}&end={end}")
check(st == 200, f"/pin: {st}")
check('name="occurrence" id="f-occurrence" value="2"' in page, "occurrence of the second copy is not 2")
check("about 250,000\npeople</textarea>" in page, "the exact selection is not in the form")
check('id="f-value" value="250,000"' in page and 'id="f-approx" value="about"' in page and
      'id="f-as_of" value="2016-12-15"' in page, "proposed value/approx/as-of missing")

# Refusals: Host, method, token, Origin. Nothing changes.
before = files_state(WS)
form = {"source": "town", "quote": "about 250,000\npeople", "occurrence": "2", "id": "evil"}
for host in ("evil.example:%d" % PORT, "evil.example", "127.0.0.1:1", "localhost.evil.example:%d" % PORT):
    st, _, body = request("GET", "/sources", host=host)
    check(st == 403 and "is not this desk" in body, f"Host {host}: {st}")
    st, _, _ = post("/pin", form, host=host, origin="http://" + host)
    check(st == 403, f"POST with Host {host}: {st}")
st, _, _ = request("GET", "/sources", host="localhost:%d" % PORT)
check(st == 200, "Host localhost refused")
st, _, body = post("/pin", form, token=False)
check(st == 403 and "token" in body, f"POST without token: {st}")
st, _, body = post("/pin", form, token="0" * 32)
check(st == 403 and "token" in body, f"POST with a wrong token: {st}")
st, _, body = post("/pin", form, origin="http://evil.example")
check(st == 403 and "Origin" in body, f"POST from a foreign Origin: {st}")
st, _, body = post("/pin", form, origin=None)
check(st == 403 and "Origin" in body, f"POST without Origin: {st}")
for method in ("PUT", "DELETE", "PATCH"):
    st, _, _ = request(method, "/pin", body="x", headers={"Origin": BASE})
    check(st == 403, f"{method}: {st}")
check(files_state(WS) == before, "a refused request changed a file")

# A bad form: the CLI's message, 400, nothing written.
for fields, says in [({"subject": "River town", "metric": "population", "value": "300..100"}, "--value"),
                     ({"id": "Bad Id"}, "is not valid"), ({"id": "bridge"}, "already exists"),
                     ({"quote": "no such words here"}, "not found"), ({"occurrence": "0"}, "--occurrence"),
                     ({"as_of": "sometime", "subject": "x", "metric": "y"}, "--as-of"),
                     ({"source": "nope"}, "unknown source id"), ({"to": "../outside.json"}, "--to")]:
    f = {**form, "id": "ok-id", **fields}
    st, _, body = post("/pin", f)
    check(st == 400 and says in body and 'role="alert"' in body, f"bad form {fields}: {st}, message {says!r} missing")
    check(files_state(WS) == before, f"bad form {fields} changed a file")

# A good pin writes what `claim add` writes, byte for byte.
f = {"source": "town", "quote": "about 250,000\npeople", "occurrence": "2", "id": "town-pop", "text": "About 250,000 people",
     "subject": "River town", "metric": "population", "value": "250,000", "unit": "", "approx": "about",
     "as_of": "2016-12-15", "as_of_assumed": "2016-12-15", "to": "claims/claims.json"}
# (as_of_assumed: the pin form's hidden field when it proposed the published date)
st, h, _ = post("/pin", f)
check(st == 303 and "/reader?source=town" in h.get("location", ""), f"good pin: {st} {h.get('location')}")
cli = subprocess.run([PROVCHECK, "claim", "add", "--source", "town", "--quote", "about 250,000\npeople", "--occurrence", "2",
                      "--id", "town-pop", "--text", "About 250,000 people", "--subject", "River town", "--metric",
                      "population"], cwd=TWIN, capture_output=True)
check(cli.returncode == 0, f"CLI claim add: {cli.stderr!r}")
a = open(os.path.join(WS, "claims", "claims.json"), "rb").read()
b = open(os.path.join(TWIN, "claims", "claims.json"), "rb").read()
check(a == b, "the desk's claims file differs from the CLI's")
c = [c for c in claims(WS) if c["id"] == "town-pop"][0]
check(c["citations"][0]["start"] == second, "the pin is not at the selected copy")

# Upload: added through `source add` (confinement and all), the upload folder removed.
boundary = "deskboundary"
def multipart(fields, file=None):
    parts = []
    for k, v in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
    if file:
        name, data = file
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                     f'Content-Type: text/plain\r\n\r\n'.encode() + data + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode()
hdr = {"Content-Type": f"multipart/form-data; boundary={boundary}", "Origin": BASE}
st, h, _ = request("POST", "/sources/add", multipart({"csrf": TOKEN, "title": "Uploaded", "url": ""},
                                                    ("../../Field Notes.txt", b"Field notes: 12 wells were dug.\n")), hdr)
check(st == 303, f"upload: {st}")
check(os.path.exists(os.path.join(WS, "sources", "field-notes.meta.json")), "the upload is not a source 'field-notes'")
check(not os.listdir(os.path.join(WS, ".provcheck", "uploads")) if os.path.isdir(os.path.join(WS, ".provcheck", "uploads")) else True,
      "the upload folder was not emptied")
before = files_state(WS)
st, _, body = request("POST", "/sources/add", multipart({"csrf": "f" * 32}, ("x.txt", b"x\n")), hdr)
check(st == 403, f"upload without the token: {st}")
st, _, body = request("POST", "/sources/add", multipart({"csrf": TOKEN, "url": "ftp://example.org/a.txt"}), hdr)
check(st == 400 and "URL" in body, f"ftp URL: {st}")
st, _, body = request("POST", "/sources/add", multipart({"csrf": TOKEN, "url": "sources/town.txt"}), hdr)
check(st == 400, f"a path in the URL field: {st}")
st, _, body = request("POST", "/sources/add", multipart({"csrf": TOKEN, "id": "town"}, ("town2.txt", b"y\n")), hdr)
check(st == 400 and "town" in body, f"upload over an existing id: {st}")
st, _, body = request("POST", "/sources/add", multipart({"csrf": TOKEN}, ("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0")), hdr)
check(st == 400, f"binary upload: {st}")
check(files_state(WS) == before, "a refused upload changed a file")

# Accept: the figure changed; only an explicit confirmation accepts it.
src = os.path.join(WS, "sources", "town.txt")
data = open(src, "rb").read()
data = data.replace(b"rebuilt in 2015", b"rebuilt in 2016")
open(src, "wb").write(data)
st, _, page = request("GET", "/review")
check(st == 200 and 'data-status="figure_changed"' in page, "review does not show figure_changed")
check('name="confirm_figure"' in page, "no confirmation box for a figure change")
before = files_state(WS)
st, _, body = post("/accept", {"all": "yes"})
check(st in (303, 400), f"accept all: {st}")
bridge = [c for c in claims(WS) if c["id"] == "bridge"][0]
check("2015" in bridge["citations"][0]["quote"], "accept all swept a figure change")
st, _, body = post("/accept", {"claim": "bridge"})
check(st == 400 and "confirm" in body, f"accept without confirmation: {st}")
bridge = [c for c in claims(WS) if c["id"] == "bridge"][0]
check("2015" in bridge["citations"][0]["quote"], "accepted without confirmation")
st, h, _ = post("/accept", {"claim": "bridge", "confirm_figure": "yes"})
check(st == 303, f"accept with confirmation: {st}")
bridge = [c for c in claims(WS) if c["id"] == "bridge"][0]
check("2016" in bridge["citations"][0]["quote"], "the figure change was not accepted")
st, _, page = request("GET", "/claim?id=bridge")
check("Earlier pins" in page and "2015" in page, "the claim page lacks the earlier pin")
st, _, body = post("/accept", {"claim": "nope"})
check(st == 400, f"accept of an unknown claim: {st}")

# The claim page's actions: claim edit, cite, uncite, remove.
def claim(id_):
    found = [c for c in claims(WS) if c["id"] == id_]
    return found[0] if found else None
st, _, page = request("GET", "/claim?id=town-pop")
check('action="/claim/edit"' in page and 'action="/claim/cite"' in page and 'action="/claim/remove"' in page,
      "claim page lacks its edit/cite/remove forms")
orig = {"orig_text": "About 250,000 people", "orig_subject": "River town", "orig_metric": "population",
        "orig_value": "250,000", "orig_unit": "", "orig_approx": "about", "orig_as_of": "2016-12-15"}
form = {k[5:]: v for k, v in orig.items()}
before = files_state(WS)
st, _, body = post("/claim/edit", {"id": "town-pop", **orig, **form, "value": "300..100"})
check(st == 400 and "--value" in body, f"edit with a bad value: {st}")
check(files_state(WS) == before, "a refused edit changed a file")
st, h, _ = post("/claim/edit", {"id": "town-pop", **orig, **form, "text": "Some 250,000 people lived there"})
check(st == 303 and claim("town-pop")["text"] == "Some 250,000 people lived there", f"edit: {st}")
check(claim("town-pop").get("assertion", {}).get("value") == "250,000", "edit touched an unchanged field")
st, _, _ = post("/claim/cite", {"id": "town-pop", "source": "town", "quote": "about 250,000\npeople", "occurrence": "1"})
check(st == 303 and len(claim("town-pop")["citations"]) == 2, f"cite: {st}")
before = files_state(WS)
st, _, body = post("/claim/cite", {"id": "town-pop", "source": "town", "quote": "words that are not there"})
check(st == 400 and files_state(WS) == before, f"cite of an absent quote: {st}")
st, _, _ = post("/claim/uncite", {"id": "town-pop", "index": "1"})
check(st == 303 and len(claim("town-pop")["citations"]) == 1, f"uncite: {st}")
before = files_state(WS)
st, _, _ = post("/claim/uncite", {"id": "town-pop", "index": "0"})
check(st == 400 and files_state(WS) == before, f"uncite of the last citation: {st}")
st, _, body = post("/claim/remove", {"id": "town-pop"})
check(st == 400 and "confirm" in body and claim("town-pop") is not None, f"remove without confirmation: {st}")
st, _, _ = post("/claim/remove", {"id": "town-pop", "confirm_remove": "yes"}, token="1" * 32)
check(st == 403 and claim("town-pop") is not None, f"remove with a wrong token: {st}")
st, _, _ = post("/claim/remove", {"id": "town-pop", "confirm_remove": "yes"})
check(st == 303 and claim("town-pop") is None, f"remove: {st}")
st, _, page = request("GET", "/claim?id=town-pop")
check(st == 200 and "Removed" in page, f"a removed claim's page: {st}")

sys.exit(1 if failures else 0)
