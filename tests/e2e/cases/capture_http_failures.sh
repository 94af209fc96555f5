# Pins: `source add URL` against a real HTTP server on loopback refuses,
# with the exit code and a message naming the cause, and writes nothing:
# 404 and 500 (exit 2, the status), a redirect loop (exit 2), a redirect to
# file:// (exit 2), schemes other than http/https (exit 2), a slow endpoint
# past --timeout (exit 3, network), a body over --max-bytes (exit 2), a
# refused connection (exit 3), and bytes that are no document (exit 2).
. "$(dirname "$0")/../lib.sh" || exit 1
. "$(dirname "$0")/../http.sh" || exit 1
setup_ws
mkdir "$TMP/site"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1' >"$TMP/site/logo.png"
start_server "$TMP/site"
snapshot_state

refused() {  # refused RC MESSAGE ARGS...
  local rc=$1 msg=$2
  shift 2
  pc source add "$@"
  expect_rc "$rc"
  expect_err_contains "$msg"
  expect_state_unchanged
  [ -z "$(ls sources)" ] || fail "a refused capture left files in sources/: $(ls sources)"
}

refused 2 "HTTP 404 Not Found" "$BASE/status/404"
refused 2 "HTTP 500 Internal Server Error" "$BASE/status/500"
refused 2 "more than 5 redirects" "$BASE/loop/1"
refused 2 "more than 2 redirects" "$BASE/loop/1" --max-redirects 2
refused 2 "only http and https URLs can be fetched, redirects included" "$BASE/to-file"
refused 2 "only http and https URLs can be captured, not ftp" "ftp://127.0.0.1:$PORT/notes.txt"
refused 2 "only http and https URLs can be captured, not file" "file:///etc/hostname"
refused 3 "timed out" "$BASE/slow?seconds=5" --timeout 0.5
refused 2 "larger than the cap of 1000 bytes" "$BASE/big?bytes=5000" --max-bytes 1000
refused 2 "not text, HTML or PDF" "$BASE/logo.png"
# A body under the cap is accepted; the cap is on the decoded body, not the header.
pc_ok source add "$BASE/big?bytes=900" --max-bytes 1000 --id small
expect_out_contains "added source small (sources/small.txt, 900 bytes"
snapshot_state
[ "$(requests 'GET /loop/')" -ge 6 ] || fail "the redirect loop was not followed on the server: $(cat "$SERVER_LOG")"
# Nothing listens on the port any more: a network failure, exit 3.
stop_server
refused_port=$PORT
pc source add "http://127.0.0.1:$refused_port/page.html" --id gone --connect-timeout 2
expect_rc 3
expect_err_contains "http://127.0.0.1:$refused_port/page.html"
expect_state_unchanged
