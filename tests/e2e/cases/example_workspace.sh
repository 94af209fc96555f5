# Pins: the project's bundled example (sources/ and claims/ at the repository
# root, what `make run` checks) passes in a fresh copy: exit 0, every
# citation intact, no errors or warnings, and a second run agrees.
. "$(dirname "$0")/../lib.sh" || exit 1
: "${PROVCHECK_REPO:?set PROVCHECK_REPO to the repository root}"
setup_ws
cp -R "$PROVCHECK_REPO/sources" "$PROVCHECK_REPO/claims" .
[ -f "$PROVCHECK_REPO/provcheck.json" ] && cp "$PROVCHECK_REPO/provcheck.json" .
pc check --format json
expect_rc 0
py - "$TMP/out" <<'PY' || fail "the example workspace is not all intact (above)"
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
s = r["summary"]
bad = [(c["claim"], c["status"], c["message"]) for c in r["citations"] if c["status"] != "intact"]
assert s["claims"] > 0 and s["citations"] == s["by_status"]["intact"], (s, bad)
assert s["errors"] == 0 and s["warnings"] == 0 and not bad, (s, bad)
PY
pc_ok check
expect_out_contains " 0 errors, 0 warnings"
pc_ok check
expect_out_contains " 0 errors, 0 warnings"
