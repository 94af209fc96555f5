# Pins: the committed reports of the bundled example (reports/consistency.html
# and reports/consistency.md, written by `make run`) are what `report` gives
# for sources/ and claims/ now, byte for byte, in a fresh copy: the output
# depends on the inputs only, and a change that alters the reports must
# commit them regenerated (`make run`).
. "$(dirname "$0")/../lib.sh" || exit 1
: "${PROVCHECK_REPO:?}"
setup_ws
cp -R "$PROVCHECK_REPO/sources" "$PROVCHECK_REPO/claims" .
[ -f "$PROVCHECK_REPO/provcheck.json" ] && cp "$PROVCHECK_REPO/provcheck.json" .
pc_ok report --format html
cmp -s "$TMP/out" "$PROVCHECK_REPO/reports/consistency.html" ||
  fail "reports/consistency.html is not what report --format html gives now: run make run and commit it"
pc_ok report --format md
cmp -s "$TMP/out" "$PROVCHECK_REPO/reports/consistency.md" ||
  fail "reports/consistency.md is not what report --format md gives now: run make run and commit it"
