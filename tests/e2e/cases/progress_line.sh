# Pins: the progress line ("checking N/M sources…", rewritten with \r and
# erased at the end) appears on stderr only when stderr is a terminal:
# with stderr a file or a pipe, stderr stays empty, even when the delay
# before it shows is set to zero (PROVCHECK_PROGRESS_AFTER_MS=0). On a
# terminal (script(1) gives the run a pseudo-terminal) it is drawn, for
# `check` and `report`, and stdout's results follow a cleared line.
. "$(dirname "$0")/../lib.sh" || exit 1
sqlite_only  # about the SQLite file (or FTS5 ranking); see tests/e2e/cases/pg_*.sh
setup_ws
for i in 1 2 3 4 5 6; do
  printf 'Note %s.\nThe office counted %s00 visitors.\n' "$i" "$i" >"note$i.txt"
done
pc_ok source add note*.txt
pc_ok claim add --source note1 --id n1 --quote "The office counted 100 visitors"
rm -rf .provcheck   # a cold check reads every source

export PROVCHECK_PROGRESS_AFTER_MS=0
pc_ok check
[ -z "$ERR" ] || fail "stderr is not a terminal, yet it got: $ERR"
"$PROVCHECK" report --format md 2>"$TMP/err2" | cat >/dev/null
[ -s "$TMP/err2" ] && fail "report wrote to a piped stderr: $(cat "$TMP/err2")"

command -v script >/dev/null || fail "script(1) (util-linux / bsdutils) is not installed"
rm -rf .provcheck
script -qec "$PROVCHECK check" /dev/null >"$TMP/tty.out" 2>&1
rc=$?
[ "$rc" = 0 ] || { cat "$TMP/tty.out" >&2; fail "check on a terminal exited $rc"; }
grep -q $'\rchecking [0-9]*/6 sources…' "$TMP/tty.out" || { od -c "$TMP/tty.out" | head -20 >&2; fail "no progress line on the terminal"; }
grep -q $'\rchecking 6/6 sources…' "$TMP/tty.out" || fail "the progress line never reached 6/6"
grep -q $'\r\x1b\\[K' "$TMP/tty.out" || fail "the progress line was not erased"
grep -q "1 claims, 1 citations, 6 sources" "$TMP/tty.out" || fail "the summary is missing on the terminal"
script -qec "$PROVCHECK report --format json -o reports/r.json" /dev/null >"$TMP/tty2.out" 2>&1 ||
  fail "report on a terminal failed"
grep -q $'\rchecking 6/6 sources…' "$TMP/tty2.out" || fail "no progress line from report"

# Without the zero delay a quick run shows nothing, terminal or not.
unset PROVCHECK_PROGRESS_AFTER_MS
rm -rf .provcheck
script -qec "$PROVCHECK check" /dev/null >"$TMP/tty3.out" 2>&1
grep -q "checking " "$TMP/tty3.out" && fail "a run shorter than a second drew a progress line"
exit 0
