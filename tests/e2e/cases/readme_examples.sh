# Pins: the README never lies. Every `$ ...` command of README.md runs, in
# order, in a fresh copy of the bundled example workspace (sources/,
# claims/, provcheck.json at the repository root), and its output must be
# what the README shows, with volatile parts masked by the rules of
# tests/readme/run_readme.py (times, durations, the workspace's path, run
# ids). A command is left out only with a visible `# not checked: REASON`.
# On failure: the README line, the command and a diff, for each mismatch.
. "$(dirname "$0")/../lib.sh" || exit 1
"$PY" "$PROVCHECK_REPO/tests/readme/run_readme.py" "$PROVCHECK" "$PROVCHECK_REPO/README.md" "$PROVCHECK_REPO"
RC=$?
[ "$RC" = 0 ] || fail "README.md shows output the tool does not give (above: README line, command, diff)"

# The runner itself can fail: a wrong output, an exit code, a marker without
# a reason; and masks what is volatile (a date-time, the workspace path).
setup_ws
cat >"$TMP/README.md" <<'MD'
# t

    $ provcheck source list | wc -l
    10
    $ echo "run 7 at 2026-01-02T03:04:05Z in $PWD took 12 ms"
    run 3 at 2016-12-07T12:00Z in /somewhere/else took 0.5 s (glob)
    $ echo wrong
    right
    $ false
    [0]
    $ provcheck nothing      # not checked:
MD
"$PY" "$PROVCHECK_REPO/tests/readme/run_readme.py" "$PROVCHECK" "$TMP/README.md" "$PROVCHECK_REPO" 2>"$TMP/err"
RC=$?
ERR=$(cat "$TMP/err")
expect_rc 1
expect_err_contains "README.md:7: \$ echo wrong"
expect_err_contains "-right"
expect_err_contains "+wrong"
expect_err_contains "exit code 1, the README shows [0]"
expect_err_contains "'# not checked:' needs a reason"
expect_err_contains "4 README commands run, 1 marked not checked, 3 failing"
[[ "$ERR" != *"README.md:5: "* ]] || fail "a masked line was reported"
[[ "$ERR" != *"README.md:3: "* ]] || fail "a matching command was reported"
