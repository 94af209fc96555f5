# Pins: the media type of a capture comes from the response, and the bytes
# win when the header lies: HTML served as application/octet-stream or as
# text/plain is read as HTML (title from <title>, scripts dropped); a PDF
# served as text/plain is a PDF; a .md URL served as text/plain is
# Markdown (rendered with cmark); a redirect records the final URL; the
# content file's extension follows the media type.
. "$(dirname "$0")/../lib.sh" || exit 1
. "$(dirname "$0")/../http.sh" || exit 1
setup_ws
mkdir "$TMP/site"
cat >"$TMP/site/quay.html" <<'HTML'
<!DOCTYPE html>
<html><head><title>Quay   works &amp; tides</title>
<script>document.write("script text 77,000")</script></head>
<body><p>The quay was lengthened by 140 metres in the spring.</p></body></html>
HTML
make_pdf "$TMP/site/tides.pdf" --title "Tide tables" --page "High water at the quay was 5.2 metres on Monday."
printf '# Tides\n\nThe [spring tide](https://example.org/tides) reached **5.9 metres**.\n' >"$TMP/site/tides.md"
start_server "$TMP/site"

sidecar() { py -c 'import json,sys; m=json.load(open(sys.argv[1])); print(m.get(sys.argv[2], ""))' "sources/$1.meta.json" "$2"; }

pc_ok source add "$BASE/quay.html?type=application/octet-stream" --id quay-octet
[ "$(sidecar quay-octet media_type)" = text/html ] || fail "HTML served as octet-stream is not text/html"
[ "$(sidecar quay-octet file)" = quay-octet.html ] || fail "content file is not .html: $(sidecar quay-octet file)"
[ "$(sidecar quay-octet title)" = "Quay works & tides" ] || fail "title not from <title>: $(sidecar quay-octet title)"
[ "$(sidecar quay-octet text_layer)" = html-gumbo/1 ] || fail "text layer not html-gumbo/1"
pc_ok source add "$BASE/quay.html?type=text/plain" --id quay-plain --title "Given title"
[ "$(sidecar quay-plain media_type)" = text/html ] || fail "HTML served as text/plain is not text/html"
[ "$(sidecar quay-plain title)" = "Given title" ] || fail "--title did not win over <title>"
pc_ok claim add --source quay-plain --quote "lengthened by 140 metres"
pc claim add --source quay-plain --quote "script text 77,000"
expect_rc 2

pc_ok source add "$BASE/tides.pdf?type=text/plain" --id tides-pdf
[ "$(sidecar tides-pdf media_type)" = application/pdf ] || fail "a PDF served as text/plain is not application/pdf"
[ "$(sidecar tides-pdf title)" = "Tide tables" ] || fail "PDF title not from the document info"
pc_ok claim add --source tides-pdf --quote "High water at the quay was 5.2 metres"
expect_err_contains "p. 1"

pc_ok source add "$BASE/tides.md?type=text/plain" --id tides-md
[ "$(sidecar tides-md media_type)" = text/markdown ] || fail "a .md served as text/plain is not Markdown"
[ "$(sidecar tides-md text_layer)" = cmark/1 ] || fail "a new Markdown source is not rendered with cmark"
pc_ok claim add --source tides-md --quote "The spring tide reached 5.9 metres."
pc claim add --source tides-md --quote "https://example.org/tides"
expect_rc 2

pc_ok source add "$BASE/redirect?to=/quay.html" --id moved-quay
[ "$(sidecar moved-quay final_url)" = "$BASE/quay.html" ] || fail "final URL not recorded: $(sidecar moved-quay final_url)"
[ "$(sidecar moved-quay capture_url)" = "$BASE/redirect?to=/quay.html" ] || fail "capture URL not recorded"
[ "$(sidecar moved-quay http_status)" = 200 ] || fail "HTTP status not recorded"
[ -n "$(sidecar moved-quay etag)" ] && [ -n "$(sidecar moved-quay last_modified)" ] || fail "validators not recorded"
cmp -s sources/moved-quay.html "$TMP/site/quay.html" || fail "the snapshot is not the raw bytes served"

pc_ok check --format json
expect_json_field .summary.citations 3 .summary.errors 0

# An id already taken is refused before anything is fetched.
n=$(requests 'GET ')
snapshot_state
pc source add "$BASE/quay.html" --id quay-plain
expect_rc 2
expect_err_contains "a source with id 'quay-plain' already exists"
expect_state_unchanged
[ "$(requests 'GET ')" = "$n" ] || fail "the URL was fetched although the id was taken"
