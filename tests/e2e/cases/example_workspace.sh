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
# Related figures side by side, no conflict: East Aleppo's population early
# and late in 2016 (the timeline's "Eastern Aleppo" / "residents" joined by
# the example's provcheck.json aliases), and its other metrics as other scopes.
expect_out_contains "related figures"
expect_out_contains "rebels (= opposition)"
expect_out_contains "0 conflicts"
pc_ok check --format json
py - "$TMP/out" <<'PY' || fail "the example's groups are not as expected (above)"
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
g = [g for g in r["groups"] if g["subject"] == "East Aleppo" and g["metric"] == "population"]
assert len(g) == 1, [(x["subject"], x["metric"]) for x in r["groups"]]
rows = [(c["claim"], c["as_of"], c["value"]) for c in g[0]["claims"]]
assert [c[1] for c in rows] == ["2016-02", "2016-02", "2016-12"], rows
assert "east-aleppo-population-2016-02-timeline" in [c[0] for c in rows], rows
assert r["conflicts"] == [] and r["summary"]["conflicts"] == 0, r["conflicts"]
PY
