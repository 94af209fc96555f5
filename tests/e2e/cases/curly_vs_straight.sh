# Pins: a source with typographic apostrophes and double quotes (’ “ ”) is
# quoted with straight ones (' "); the quote resolves and the claims file
# keeps the source's curly characters, so the citation checks intact.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Club notice.\nThe coach’s view was plain: “we train on Thursdays, rain or shine.”\nKit is optional.\n' >notice.txt
pc_ok source add notice.txt
pc_ok claim add --source notice --quote "The coach's view was plain: \"we train on Thursdays, rain or shine.\"" --id thursdays
py - <<'PY' || fail "stored quote lost the curly characters"
import json
c = json.load(open("claims/claims.json", encoding="utf-8"))["claims"][0]["citations"][0]
want = "The coach\u2019s view was plain: \u201cwe train on Thursdays, rain or shine.\u201d"
assert c["quote"] == want, repr(c["quote"])
src = open("sources/notice.txt", "rb").read()
assert src[c["start"]:c["end"]] == want.encode(), c
PY
pc_ok check
expect_out_contains "1 intact"
