# Pins: the capture walkthrough of the README end to end, on a real HTTP
# server on loopback. A newcomer adds a live page and a PDF, pins claims to
# both (the PDF claim records its page), the served page changes, `source
# refresh` stores the new snapshot, and `check` says exactly which claims
# drifted and how: moved, modified (word diff), figure_changed (figure
# diff), missing, and the untouched ones intact, in text and in JSON, with
# "p. 2" for the PDF citation.
. "$(dirname "$0")/../lib.sh" || exit 1
. "$(dirname "$0")/../http.sh" || exit 1
setup_ws
mkdir "$TMP/site"
cat >"$TMP/site/ferry.html" <<'HTML'
<!DOCTYPE html>
<html><head><title>Ferry service update</title><style>p { margin: 0 }</style>
<script>var tracker = "The ferry carried 999 passengers";</script></head>
<body>
<nav><a href="/">News</a> &middot; <a href="/ports">Ports</a></nav>
<article>
<h1>Ferry service update</h1>
<p>The morning ferry now leaves at 06:40 from the north pier.</p>
<p>Last year the ferry carried about 310,000 passengers,
   a record for the line.</p>
<p>Tickets are sold at the harbour office &amp; on board.</p>
<p>The crossing takes forty minutes in calm weather.</p>
</article>
</body></html>
HTML
make_pdf "$TMP/site/annual.pdf" --title "Port annual report" \
  --page "Port annual report" "Summary of the year." \
  --page "Cargo handled at the port rose to 1.2 million tonnes." "Passenger numbers are reported by the ferry line."
start_server "$TMP/site"

pc_ok source add "$BASE/ferry.html" --id ferry --publisher "Harbour Gazette" --published 2024-03-02
expect_out_contains "from $BASE/ferry.html (HTTP 200, text/html)"
pc_ok source add "$BASE/annual.pdf" --id annual
pc_ok claim add --source ferry --id departure --quote "The morning ferry now leaves at 06:40 from the north pier."
pc_ok claim add --source ferry --id passengers --quote "the ferry carried about 310,000 passengers, a record for the line" \
  --subject "ferry line" --metric passengers --value "about 310,000" --as-of 2023
pc_ok claim add --source ferry --id tickets --quote "Tickets are sold at the harbour office & on board."
pc_ok claim add --source ferry --id crossing --quote "The crossing takes forty minutes in calm weather."
pc_ok claim add --source annual --id cargo --quote "Cargo handled at the port rose to 1.2 million tonnes."
expect_err_contains "p. 2"
py - claims/claims.json <<'PY' || fail "the PDF citation does not record page 2"
import json, sys
claims = {c["id"]: c for c in json.load(open(sys.argv[1]))["claims"]}
assert claims["cargo"]["citations"][0]["page"] == 2, claims["cargo"]
assert "page" not in claims["ferry" if "ferry" in claims else "departure"]["citations"][0]
PY
pc_ok check
expect_out_contains "5 intact"

# The publisher edits the page.
cat >"$TMP/site/ferry.html" <<'HTML'
<!DOCTYPE html>
<html><head><title>Ferry service update</title></head>
<body>
<nav><a href="/">News</a> &middot; <a href="/ports">Ports</a></nav>
<article>
<h1>Ferry service update</h1>
<p>Correction: an earlier version gave the wrong passenger count.</p>
<p>The morning ferry now leaves at 06:40 from the north pier.</p>
<p>Last year the ferry carried about 290,000 passengers,
   a record for the line.</p>
<p>Tickets are sold at the harbour kiosk &amp; on board.</p>
</article>
</body></html>
HTML
pc_ok source refresh
expect_out_contains "ferry: changed:"
expect_out_contains "4 citations to judge against it"
expect_out_contains "annual: unchanged (HTTP 304 Not Modified)"

pc check
expect_rc 1
expect_out_contains "claim passengers cites ferry"
expect_out_contains "[-310,000-]{+290,000+}"
expect_out_contains "claim tickets cites ferry"
expect_out_contains "[-office-]{+kiosk+}"
expect_out_contains "claim crossing cites ferry"
expect_out_lacks "claim cargo"
pc check --format json
expect_rc 1
py - "$TMP/out" <<'PY' || fail "check JSON does not say exactly which claims drifted and how (above)"
import json, sys
r = json.load(open(sys.argv[1]))
got = {c["claim"]: c["status"] for c in r["citations"]}
want = {"departure": "moved", "passengers": "figure_changed", "tickets": "modified",
        "crossing": "missing", "cargo": "intact"}
assert got == want, got
cargo = [c for c in r["citations"] if c["claim"] == "cargo"][0]
assert cargo.get("page") == 2, cargo
assert all("page" not in c for c in r["citations"] if c["source"] == "ferry"), r["citations"]
PY
# A warm check (answered from the store) says the same.
pc check
expect_rc 1
expect_out_contains "[-310,000-]{+290,000+}"
pc_ok claim show cargo
expect_out_contains "annual p. 2 bytes"
pc_ok claim show cargo --format json
expect_json_field '.citations[0].page' 2

# The report's new PDF edition changes a figure: the finding names the page,
# and so does the warm check answered from the store.
sleep 1.1
make_pdf "$TMP/site/annual.pdf" --title "Port annual report" \
  --page "Port annual report" "Summary of the year." \
  --page "Cargo handled at the port rose to 1.4 million tonnes." "Passenger numbers are reported by the ferry line."
pc_ok source refresh annual
expect_out_contains "annual: changed:"
pc check
expect_rc 1
expect_out_contains "claim cargo cites annual p. 2 ["
expect_out_contains "[-1.2-]{+1.4+}"
pc check
expect_rc 1
expect_out_contains "claim cargo cites annual p. 2 ["
