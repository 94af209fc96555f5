# Pins: `check --format sarif` is valid SARIF 2.1.0 as two real validators
# judge it: Microsoft's SARIF Multitool (`validate`; tests/tools, installed
# by scripts/install-deps.sh with `npm ci`) must report no error-level
# result (its exit code is 0 even on schema errors, so its log is read),
# and the published SARIF 2.1.0 JSON schema (shipped in the Multitool's
# package) must accept the file under python3-jsonschema, which also checks
# enumerations the Multitool lets through. Checked on the drifted fixture
# and on a workspace whose sources and claims hold hostile text. Skips only
# when node is absent.
. "$(dirname "$0")/../lib.sh" || exit 1
: "${PROVCHECK_REPO:?}"
if ! command -v node >/dev/null 2>&1; then
  echo "SKIP [$CASE]: node is not installed; the SARIF Multitool needs it (scripts/install-deps.sh installs it into tests/tools)"
  exit 77
fi
TOOLS=$PROVCHECK_REPO/tests/tools
MULTITOOL=$TOOLS/node_modules/.bin/sarif-multitool
SCHEMA=$TOOLS/node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json
[ -x "$MULTITOOL" ] && [ -f "$SCHEMA" ] ||
  fail "the SARIF Multitool is not installed in $TOOLS: run scripts/install-deps.sh (it runs npm ci there)"
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# Exit 1 when FILE is invalid, 3 when a validator could not run.
check_sarif() {  # FILE
  local log=$TMP/validation.sarif
  rm -f "$log"
  timeout 120 "$MULTITOOL" validate --output "$log" "$1" >"$TMP/mt.out" 2>&1 ||
    { cat "$TMP/mt.out" >&2; echo "the SARIF Multitool failed to run on $1" >&2; return 3; }
  [ -s "$log" ] || { cat "$TMP/mt.out" >&2; echo "the SARIF Multitool wrote no log for $1" >&2; return 3; }
  "$PY" - "$log" "$SCHEMA" "$1" <<'PY'  # with site packages: jsonschema
import json, sys
log, schema_path, target = sys.argv[1:]
results = json.load(open(log, encoding="utf-8"))["runs"][0].get("results", [])
errors = [r for r in results if r.get("level", "warning") == "error"]
for r in results:
    print(f'multitool {r.get("level", "warning")} {r.get("ruleId")}: {r["message"].get("text", r["message"])}', file=sys.stderr)
if errors:
    sys.exit(f"the SARIF Multitool found {len(errors)} error(s) in {target}")
import jsonschema
schema = json.load(open(schema_path, encoding="utf-8"))
validator = jsonschema.validators.validator_for(schema)(schema)
problems = sorted(validator.iter_errors(json.load(open(target, encoding="utf-8"))), key=lambda e: list(e.path))
for e in problems:
    print(f"schema: {list(e.path)}: {e.message}", file=sys.stderr)
if problems:
    sys.exit(f"{len(problems)} schema error(s) in {target}")
PY
}
validate() { check_sarif "$1" || fail "SARIF validation of $1 (above)"; }

setup_ws
# Each validator must catch a broken file, or this test could not fail:
# a missing required property (the Multitool), a level outside the enumeration (the schema).
printf '{"version":"2.1.0","runs":[{"tool":{"driver":{}},"results":[{"ruleId":"x"}]}]}' >"$TMP/no-name.sarif"
check_sarif "$TMP/no-name.sarif" 2>"$TMP/why"
[ $? = 1 ] && grep -q "Multitool found" "$TMP/why" || { cat "$TMP/why" >&2; fail "the Multitool let a SARIF file without driver name pass"; }
printf '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"x","level":"bogus","message":{"text":"m"}}]}]}' >"$TMP/bogus.sarif"
check_sarif "$TMP/bogus.sarif" 2>"$TMP/why"
[ $? = 1 ] && grep -q "schema error" "$TMP/why" || { cat "$TMP/why" >&2; fail "the schema let level 'bogus' pass"; }

cp -R "$PROVCHECK_REPO/tests/data/report-ws/sources" "$PROVCHECK_REPO/tests/data/report-ws/claims" .
pc check --format sarif -o reports/drifted.sarif
expect_rc 1
validate reports/drifted.sarif
py - reports/drifted.sarif <<'PY' || fail "SARIF content (above)"
import json, sys
run = json.load(open(sys.argv[1], encoding="utf-8"))["runs"][0]
results = {r["properties"]["claim"]: r for r in run["results"]}
assert set(results) == {"evacuated-families", "grain-depot", "school-shelters", "cargo-later", "ferry-crossings"}, set(results)
fc = results["evacuated-families"]
assert fc["ruleId"] == "figure_changed" and fc["level"] == "error"
claim_loc, source_loc = (l["physicalLocation"] for l in fc["locations"])
assert claim_loc["artifactLocation"]["uri"] == "claims/claims.json" and claim_loc["region"]["startLine"] == 120
region = source_loc["region"]
assert source_loc["artifactLocation"]["uri"] == "sources/relief-bulletin.txt"
text = open("sources/relief-bulletin.txt", "rb").read()
passage = text[region["byteOffset"]:region["byteOffset"] + region["byteLength"]].decode()
assert passage == "some 4,500 families were evacuated from the low streets overnight", passage
lines = text.decode().split("\n")
assert lines[region["startLine"] - 1][region["startColumn"] - 1:].startswith("some 4,500"), region
assert results["cargo-later"]["level"] == "warning" and results["ferry-crossings"]["level"] == "note"
assert results["grain-depot"]["locations"][1]["physicalLocation"]["artifactLocation"]["uri"] == "sources/gone-wire.txt"
PY

# Hostile text in a source and a claim, and a passage after multi-byte characters.
printf 'Intro «quoted» line with émigré words.\nThe note said <script>alert(1)</script> "quoted" & 50%% done, then more.\n' >hostile.txt
pc_ok source add hostile.txt --title '<script>x</script>' --publisher '"><img src=x onerror=y>' --url 'javascript:alert(1)'
pc_ok claim add --source hostile --id hostile-claim --text 'A claim with <b>markup</b> & "quotes"' \
  --quote 'The note said <script>alert(1)</script> "quoted" & 50% done'
perl -pi -e 's/50% done/60% done/' sources/hostile.txt
pc check --format sarif -o reports/hostile.sarif
expect_rc 1
validate reports/hostile.sarif
py - reports/hostile.sarif <<'PY' || fail "hostile SARIF content (above)"
import json, sys
run = json.load(open(sys.argv[1], encoding="utf-8"))["runs"][0]
r = [r for r in run["results"] if r["properties"]["claim"] == "hostile-claim"][0]
assert r["ruleId"] == "figure_changed", r["ruleId"]
assert "<script>alert(1)</script>" in r["properties"]["newPassage"]
region = r["locations"][1]["physicalLocation"]["region"]
assert region["startLine"] == 2 and region["startColumn"] == 1, region
PY
