# Pins: `source refresh` against a real HTTP server on loopback. A stored
# ETag gets a 304 (asserted on the server's log) and costs no snapshot and
# no write; Last-Modified alone does the same; the same bytes without
# validators are "unchanged"; a page whose content changed between requests
# gets a new snapshot (content file, sidecar hash, store) and the next check
# judges the old pins against it; a network failure or an HTTP error is
# reported per source, exit 3, and leaves what is stored as it was; sources
# not captured from a URL are skipped; an unknown id is exit 2.
. "$(dirname "$0")/../lib.sh" || exit 1
. "$(dirname "$0")/../http.sh" || exit 1
setup_ws
mkdir "$TMP/site"
page() {
  cat >"$TMP/site/pier.html" <<HTML
<html><head><title>Pier</title></head><body>
<nav><a href="/">Home</a></nav>
<p>The pier reopened with $1 berths for fishing boats.</p>
<p>Repairs were paid for by the harbour trust.</p>
</body></html>
HTML
}
page 36
printf 'Plain notes kept by hand.\n' >notes.txt
start_server "$TMP/site"
pc_ok source add "$BASE/pier.html" --id pier
pc_ok source add "$BASE/pier.html?no-validators" --id pier-bare
pc_ok source add notes.txt --id notes --url https://example.org/notes
pc_ok claim add --source pier --id berths --quote "The pier reopened with 36 berths for fishing boats."
pc_ok claim add --source pier --id trust --quote "paid for by the harbour trust"

snapshot_state
pc_ok source refresh
expect_out_contains "pier: unchanged (HTTP 304 Not Modified)"
expect_out_contains "pier-bare: unchanged (same bytes)"
expect_out_contains "notes: skipped: not captured from a URL"
expect_out_contains "0 changed, 2 unchanged, 0 failed, 1 skipped"
expect_state_unchanged
[ "$(requests 'GET /pier.html 304')" = 1 ] || fail "no 304 exchange on the server: $(cat "$SERVER_LOG")"

# Last-Modified alone: drop the ETag from the sidecar, keep Last-Modified.
py - sources/pier.meta.json <<'PY'
import json, sys
m = json.load(open(sys.argv[1])); m.pop("etag")
open(sys.argv[1], "w").write(json.dumps(m, indent=2) + "\n")
PY
snapshot_state
pc_ok source refresh pier
expect_out_contains "pier: unchanged (HTTP 304 Not Modified)"
expect_state_unchanged
[ "$(requests 'GET /pier.html 304')" = 2 ] || fail "If-Modified-Since got no 304: $(cat "$SERVER_LOG")"

# Only a script changes: a new snapshot, but the text a reader sees is the same.
sleep 1.1  # a new Last-Modified second
sed -i 's|<title>Pier</title>|<title>Pier</title><script>var build = 2;</script>|' "$TMP/site/pier.html"
pc_ok source refresh pier
expect_out_contains "pier: changed:"
expect_out_contains "2 citations to judge against it: its text did not change (markup or scripts only)"
pc_ok check
expect_out_contains "2 intact"

# The page changes between requests.
sleep 1.1
page 48
pc_ok source show pier --format json
snaps_before=$(json_get '.snapshots' | py -c 'import json,sys; print(len(json.load(sys.stdin)))')
pc_ok source refresh pier
expect_out_contains "pier: changed:"
expect_out_contains "2 citations to judge against it: run \`provcheck check\`"
grep -q "with 48 berths" sources/pier.html || fail "the content file was not replaced"
pc_ok source show pier --format json
snaps_after=$(json_get '.snapshots' | py -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$snaps_after" = $((snaps_before + 1)) ] || fail "expected one new snapshot, had $snaps_before, now $snaps_after"
[ "$(json_get .content_hash)" = "$(json_get .current_hash)" ] || fail "sidecar hash does not name the new content"
pc check --format json
expect_rc 1
expect_json_field .citations[0].claim berths .citations[0].status figure_changed \
  .citations[1].claim trust .citations[1].status intact
[[ "$(json_get .citations[0].diff)" == *"[-36-]{+48+}"* ]] || fail "diff does not show 36 -> 48: $(json_get .citations[0].diff)"

# An HTTP error and a network failure: per source, exit 3, nothing touched.
mv "$TMP/site/pier.html" "$TMP/site/pier.gone"
snapshot_state
pc source refresh
expect_rc 3
expect_out_contains "pier: failed: $BASE/pier.html: HTTP 404 Not Found"
expect_out_contains "pier-bare: failed:"
expect_err_contains "2 of 3 sources could not be refreshed"
expect_state_unchanged
stop_server
pc source refresh pier --connect-timeout 2
expect_rc 3
expect_out_contains "pier: failed: $BASE/pier.html"
expect_err_contains "try again when the network is back"
expect_state_unchanged

pc source refresh no-such-source
expect_rc 2
expect_err_contains "no source 'no-such-source'"
