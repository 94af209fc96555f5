# Pins: in a hard-wrapped source, a quote typed on one line (a space where the
# source breaks the line, extra spaces too) resolves; the claims file stores
# the source's exact bytes, newline included, at the right offsets; the
# citation checks intact.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
cat >letter.txt <<'TXT'
Dear members,
the annual walk will follow the old drovers' track from the
church to the reservoir, and lunch will be served at the
lodge at one o'clock.
TXT
pc_ok source add letter.txt
pc_ok claim add --source letter --quote "follow the old drovers' track from the church to the reservoir,  and lunch" --id walk
expect_err_contains "matched after normalizing"
py - <<'PY' || fail "stored quote is not the source's bytes with the line break"
import json
c = json.load(open("claims/claims.json"))["claims"][0]["citations"][0]
want = "follow the old drovers' track from the\nchurch to the reservoir, and lunch"
src = open("sources/letter.txt", "rb").read()
assert c["quote"] == want, repr(c["quote"])
assert c["start"] == src.find(want.encode()) and c["end"] == c["start"] + len(want.encode()), c
PY
pc_ok check --format json
expect_json_field '.citations[0].status' intact .summary.errors 0
