# Regression: `-C DIR` ("run as if started in DIR") applied to finding the
# workspace but not to relative paths given as arguments: `-C ws source add
# note.txt` looked for ./note.txt, `claim import` for ./FILE, and
# `check -o reports/r.txt` wrote ./reports/r.txt outside the workspace.
# Like git -C and make -C, relative paths must resolve from DIR.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Village fete.\nThe tug of war final was won by the bakers.\n' >fete.txt
printf '{"source": "fete", "quote": "The tug of war final", "id": "tug"}\n' >fete.jsonl
cd "$TMP" || fail "cannot enter $TMP"

pc -C ws source add fete.txt
expect_rc 0
pc -C ws claim import fete.jsonl
expect_rc 0
pc -C ws check -o reports/r.txt
expect_rc 0
[ -f "$WS/reports/r.txt" ] || fail "check -o reports/r.txt did not write into DIR/reports/"
[ ! -e "$TMP/reports" ] || fail "check -o wrote outside DIR, into $TMP/reports/"
