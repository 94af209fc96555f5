# Pins: `export --format warc` writes WARC 1.1 that a reader written from
# the specification accepts (tests/exchange/warc_reader.py: record
# boundaries, Content-Length, WARC-Block-Digest and WARC-Payload-Digest as
# sha1/base32, record ids, WARC-Concurrent-To): a `response` record per
# source captured over HTTP with the status line and the headers the
# capture kept (ETag, Last-Modified, Content-Type; no Set-Cookie) and the
# raw body byte for byte; a `resource` record for a local source with a
# URL; a `metadata` record with the snapshot digest; sources without a URL
# are left out with a note.
. "$(dirname "$0")/../lib.sh" || exit 1
. "$(dirname "$0")/../http.sh" || exit 1
setup_ws
mkdir "$TMP/site"
printf '<!DOCTYPE html><html><head><title>Ferry</title></head><body><p>The ferry carried about 310,000 passengers.</p>\r\n<p>Caf\xc3\xa9 \xe2\x80\x94 open.</p></body></html>' >"$TMP/site/ferry.html"
start_server "$TMP/site"
pc_ok source add "$BASE/ferry.html?cookie" --id ferry --published 2024-03-02
grep -q s3cret sources/ferry.meta.json && fail "the sidecar recorded the session cookie"
py - "$WS/sources/ferry.meta.json" <<'PYEOF' || fail "the sidecar does not keep the response headers"
import json, sys
m = json.load(open(sys.argv[1]))
names = [h[0].lower() for h in m["response_headers"]]
assert "etag" in names and "last-modified" in names and "content-type" in names, names
assert "set-cookie" not in names
PYEOF
printf 'A local note about the ferry.\n' >sources/note.txt
pc_ok source add sources/note.txt --id note --url https://notes.example/ferry
printf 'No URL here.\n' >sources/bare.txt
pc_ok source add sources/bare.txt --id bare
pc_ok claim add --source ferry --quote "about 310,000 passengers"

pc_ok export --format warc -o "$TMP/out.warc"
expect_out_contains "wrote 2 sources as WARC records"
expect_err_contains "bare: no http(s) URL, left out"
py "$PROVCHECK_REPO/tests/exchange/warc_reader.py" "$TMP/out.warc" >"$TMP/records.json" || fail "the WARC file does not validate"
py - "$TMP/records.json" "$WS/sources/ferry.html" "$WS/sources/note.txt" "$BASE" <<'PYEOF' || fail "WARC records"
import json, sys
recs = json.load(open(sys.argv[1]))
types = [r["fields"]["WARC-Type"] for r in recs]
assert types == ["warcinfo", "response", "metadata", "resource", "metadata"], types
resp, meta = recs[1], recs[2]
assert resp["fields"]["WARC-Target-URI"] == sys.argv[4] + "/ferry.html?cookie"
assert resp["fields"]["Content-Type"] == "application/http;msgtype=response"
assert resp["payload"].encode("latin-1") == open(sys.argv[2], "rb").read(), "the body is not byte-exact"
assert meta["fields"]["WARC-Concurrent-To"] == resp["fields"]["WARC-Record-ID"]
assert "provcheck-snapshot: xxh3-128:" in meta["payload"]
assert recs[3]["fields"]["WARC-Target-URI"] == "https://notes.example/ferry"
assert recs[3]["payload"].encode("latin-1") == open(sys.argv[3], "rb").read()
PYEOF
py - "$TMP/out.warc" <<'PYEOF' || fail "the HTTP block lacks the recorded headers"
import sys
data = open(sys.argv[1], "rb").read()
i = data.index(b"HTTP/1.1 200 OK\r\n")
head = data[i:data.index(b"\r\n\r\n", i)].decode().lower()
assert "\r\netag: " in head and "\r\nlast-modified: " in head and "\r\ncontent-type: text/html" in head, head
PYEOF
# Deterministic: the same workspace exports the same bytes.
pc_ok export --format warc -o "$TMP/again.warc"
cmp -s "$TMP/out.warc" "$TMP/again.warc" || fail "two exports of the same workspace differ"
# The reader is not a rubber stamp: one flipped body byte breaks the payload digest.
py - "$TMP/out.warc" "$TMP/bad.warc" <<'PYEOF'
import sys
d = bytearray(open(sys.argv[1], "rb").read()); i = d.index(b"310,000"); d[i] = ord("9")
open(sys.argv[2], "wb").write(bytes(d))
PYEOF
if py "$PROVCHECK_REPO/tests/exchange/warc_reader.py" "$TMP/bad.warc" >/dev/null 2>&1; then fail "the reader accepted a damaged record"; fi
pc export --format warc --jsonl
expect_rc 2
exit 0
