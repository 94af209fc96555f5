# Pins: the Markdown, JSON, JUnit and SARIF outputs (and `report --format
# md|json`) of the fixed drifted workspace tests/data/report-ws are
# byte-identical to the goldens in tests/data/report-golden, on a first
# (cold) run and on a second (cached) one, with nothing normalised: the
# clock is fixed by SOURCE_DATE_EPOCH, so `since` is too. JUnit parses as
# XML with one testcase per citation and the failures of the errors.
# UPDATE_GOLDEN=1 rewrites the goldens (review the diff).
. "$(dirname "$0")/../lib.sh" || exit 1
: "${PROVCHECK_REPO:?}"
DATA=$PROVCHECK_REPO/tests/data
GOLDEN=$DATA/report-golden
setup_ws
cp -R "$DATA/report-ws/sources" "$DATA/report-ws/claims" .
export SOURCE_DATE_EPOCH=1767225600

# name, expected exit, command
outputs=(
  "check.json 1 check --format json"
  "check.md 1 check --format md"
  "check.junit.xml 1 check --format junit"
  "check.sarif 1 check --format sarif"
  "check.github.txt 1 check --format github"
  "report.md 1 report --format md"
  "report.json 1 report --format json"
)
for pass in cold warm; do
  for entry in "${outputs[@]}"; do
    read -r name want args <<<"$entry"
    # shellcheck disable=SC2086
    pc $args
    expect_rc "$want"
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
      mkdir -p "$GOLDEN" && cp "$TMP/out" "$GOLDEN/$name"
      continue
    fi
    [ -f "$GOLDEN/$name" ] || fail "no golden $GOLDEN/$name (run with UPDATE_GOLDEN=1)"
    diff -u "$GOLDEN/$name" "$TMP/out" >&2 || fail "$name differs from its golden ($pass run; diff above)"
  done
done

# -o writes the same bytes and prints the text summary.
pc check --format sarif -o reports/check.sarif
expect_rc 1
expect_out_contains "3 errors, 1 warnings"
cmp -s reports/check.sarif "$GOLDEN/check.sarif" || fail "check -o reports/check.sarif differs from stdout's"

# JUnit: well-formed XML, a testcase per citation, failures for the three errors.
pc check --format junit
py - "$TMP/out" <<'PY' || fail "JUnit structure (above)"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites", root.tag
cites, conflicts = root.findall("testsuite")
assert cites.get("name") == "provcheck.citations"
cases = cites.findall("testcase")
assert len(cases) == 10 and cites.get("tests") == "10", len(cases)
failed = {c.get("name"): c.find("failure").get("type") for c in cases if c.find("failure") is not None}
assert failed == {"evacuated-families cites relief-bulletin": "figure_changed",
                  "school-shelters cites relief-bulletin": "missing",
                  "grain-depot cites gone-wire": "source_missing"}, failed
assert root.get("failures") == "3" and cites.get("failures") == "3"
modified = [c for c in cases if c.get("name") == "cargo-later cites ferry-update"][0]
assert "modified (warning)" in modified.find("system-out").text
assert all(c.get("file") == "claims/claims.json" and int(c.get("line")) > 0 for c in cases)
assert conflicts.get("name") == "provcheck.conflicts"
PY
pc check --format junit --fail-on warning
expect_rc 1
[[ "$OUT" == *'<testsuites name="provcheck" tests="10" failures="4"'* ]] || fail "--fail-on warning: the warning fails too"
