# Pins: a store whose schema version is newer than the binary (PRAGMA
# user_version = 99) is refused by every command that opens it, with exit 3
# and a message saying the store is newer; the store is left as it was.
. "$(dirname "$0")/../lib.sh" || exit 1
sqlite_only  # about the SQLite file (or FTS5 ranking); see tests/e2e/cases/pg_*.sh
setup_ws
printf 'Tide table.\nHigh water on Sunday is at six minutes past four.\n' >tide.txt
pc_ok source add tide.txt
pc_ok claim add --source tide --quote "High water on Sunday" --id high
pc_ok check
py -c 'import sqlite3; db = sqlite3.connect(".provcheck/store.db"); db.execute("PRAGMA user_version = 99"); db.commit()'
STORE=$(sha256sum <.provcheck/store.db)
printf 'More.\n' >"$TMP/more.txt"

for cmd in "check" "check --format json" "reindex" "init" "claim show high" "source show tide" \
           "claim add --source tide --quote six --id six" "source add $TMP/more.txt"; do
  pc $cmd  # word splitting intended: the command and its arguments
  [ "$RC" = 3 ] || fail "'$cmd' on a newer store should exit 3, got $RC"
  expect_err_contains "the store has schema version 99, newer than this provcheck understands"
  expect_err_contains "use a newer provcheck, or delete .provcheck/"
done
[ "$(sha256sum <.provcheck/store.db)" = "$STORE" ] || fail "a command changed the newer store"
[ ! -e sources/more.txt ] && [ ! -e sources/more.meta.json ] || fail "source add wrote files although it failed"

rm -rf .provcheck
pc_ok check
expect_out_contains "1 intact"
