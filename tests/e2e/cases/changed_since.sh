# Pins: `check --changed-since REF` in a real git repository judges only
# the claims in claims files git says changed since REF (committed, staged,
# modified or untracked) and the claims citing a changed source, reports
# just those, and records nothing: the store (runs, results, history, stat
# cache) is byte-for-byte what it was, so the next full check and its cached
# answer still speak of the whole workspace. Errors exit 2 and change
# nothing: not a git work tree, an unknown REF, a REF that looks like an option.
. "$(dirname "$0")/../lib.sh" || exit 1
command -v git >/dev/null || fail "git is not installed"
setup_ws
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t \
  GIT_COMMITTER_EMAIL=t@example.org HOME=$TMP

# Outside any git work tree first.
pc check --changed-since HEAD
expect_rc 2
expect_err_contains "not inside a git work tree"

for s in alpha beta gamma; do
  printf 'Report %s.\nThe %s office counted 120 visitors on Monday and 80 on Tuesday.\nNothing else happened.\n' "$s" "$s" >"$s.txt"
  pc_ok source add "$s.txt"
done
pc_ok claim add --source alpha --id alpha-mon --quote "The alpha office counted 120 visitors on Monday" --to claims/alpha.json
pc_ok claim add --source beta --id beta-mon --quote "The beta office counted 120 visitors on Monday" --to claims/beta.json
pc_ok claim add --source gamma --id gamma-tue --quote "80 on Tuesday" --to claims/gamma.json
pc_ok claim add --source beta --id beta-tue-in-gamma --quote "80 on Tuesday" --occurrence 1 --to claims/gamma.json
git init -q . && git add -A && git commit -qm base || fail "git setup"
pc_ok check
expect_out_contains "4 claims, 4 citations, 3 sources"

pc check --changed-since no-such-branch
expect_rc 2
expect_err_contains "git knows no such commit"
pc check --changed-since=--output=/tmp/x
expect_rc 2
expect_err_contains "give a git revision"

# Nothing changed: nothing to check.
snapshot_state
pc check --changed-since HEAD --format json
expect_rc 0
expect_json_field .summary.claims 0 .summary.citations 0 .citations '[]'
expect_state_unchanged

# Change beta's figure (uncommitted): beta-mon and beta-tue-in-gamma (in an untouched claims file) are checked.
sed -i 's/counted 120 visitors/counted 150 visitors/' sources/beta.txt
snapshot_state
pc check --changed-since HEAD --format json
expect_rc 1
expect_err_contains "checked 2 of 4 claims, 1 sources; a partial run is not recorded"
py - "$TMP/out" <<'PY' || fail "partial JSON (above)"
import json, sys
r = json.load(open(sys.argv[1]))
got = {(c["claim"], c["status"]) for c in r["citations"]}
assert got == {("beta-mon", "figure_changed"), ("beta-tue-in-gamma", "intact")}, got
assert r["summary"]["claims"] == 2 and r["summary"]["sources"] == 1 and r["summary"]["citations"] == 2, r["summary"]
PY
expect_state_unchanged

# The full check still sees everything, and a cached run agrees after it.
pc check
expect_rc 1
expect_out_contains "4 claims, 4 citations, 3 sources"
pc check
expect_rc 1
expect_out_contains "4 claims, 4 citations, 3 sources"
git add -A && git commit -qm "beta figure" || fail "git commit"

# Committed changes since an older REF, an untracked claims file and an edited one.
pc_ok claim add --source gamma --id gamma-mon --quote "The gamma office counted 120 visitors on Monday" --to claims/new.json
sed -i 's/Nothing else happened./Nothing else happened at all./' sources/alpha.txt   # no citation affected
pc check --changed-since HEAD~1 --format junit
expect_rc 1
py - "$TMP/out" <<'PY' || fail "partial JUnit (above)"
import sys, xml.etree.ElementTree as ET
names = sorted(c.get("name") for c in ET.parse(sys.argv[1]).getroot().iter("testcase"))
assert names == ["alpha-mon cites alpha", "beta-mon cites beta", "beta-tue-in-gamma cites beta", "gamma-mon cites gamma"], names
PY
pc check --changed-since HEAD --format github
expect_rc 0
expect_out_contains "provcheck: 2 claims, 2 citations, 2 sources"

# From a subfolder of the repository, paths are the workspace's.
rm -rf "$WS/.git" && mkdir -p "$TMP/outer" && mv "$WS" "$TMP/outer/ws" && cd "$TMP/outer" || fail "move"
git init -q . && git add -A && git commit -qm outer || fail "git setup of the outer repository"
cd ws && sed -i 's/80 on Tuesday/85 on Tuesday/' sources/gamma.txt
pc check --changed-since HEAD --format json
expect_rc 1
expect_json_field .summary.claims 2
