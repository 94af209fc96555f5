# Pins (issue 12 item 11): the HTML card of a `missing` passage shows what
# the source now has where the passage was: its old span carried through the
# diff of the pinned snapshot and the text now, so an edit before the
# passage does not shift the highlight, which never starts mid-word.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
cat >ledger.txt <<'TXT'
Town ledger.

The bridge reopened on Monday after repairs, the engineer said.

The market stays on the square.
TXT
pc_ok source add ledger.txt
pc_ok claim add --source ledger --quote "The bridge reopened on Monday after repairs" --id bridge
pc_ok check
# An edit before the passage (longer heading, a new paragraph), and the
# passage rewritten past recognition.
cat >sources/ledger.txt <<'TXT'
Town ledger, kept by the clerk since the spring floods of last year.

A new paragraph was added here by the editors.

The ferry was cancelled again on Tuesday, the engineer said.

The market stays on the square.
TXT
pc report --format html -o reports/report.html
expect_rc 1
py - <<'PY' || fail "the missing card highlights the wrong place"
import re, html
page = open("reports/report.html", encoding="utf-8").read()
assert "Where the passage was, the source now reads:" in page, "no mapped place"
block = re.search(r'<blockquote class="context pinned-place">(.*?)</blockquote>', page, re.S).group(1)
mark = html.unescape(re.search(r"<mark>(.*?)</mark>", block, re.S).group(1))
assert mark == "The ferry was cancelled again on Tuesday", mark
PY
# Without the pinned snapshot (store deleted), the old place is shown
# unhighlighted. A shared PostgreSQL store keeps snapshots when a clone's
# .provcheck/ goes (that is its point), so this step is SQLite's alone.
if [ -z "${PROVCHECK_E2E_PG:-}" ]; then
rm -rf .provcheck
pc report --format html -o reports/report.html
expect_rc 1
py - <<'PY' || fail "an unmapped place is highlighted"
import re
page = open("reports/report.html", encoding="utf-8").read()
block = re.search(r'<blockquote class="context pinned-place">(.*?)</blockquote>', page, re.S).group(1)
assert "<mark>" not in block, block
assert "Around its old place" in page
PY
fi
