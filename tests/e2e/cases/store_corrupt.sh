# Pins: a damaged store (truncated to half, or its header overwritten with
# garbage) makes commands exit 3 with a message that says to delete
# .provcheck/ and reindex; sources/ and claims/ are not touched; after
# deleting .provcheck/, check passes again.
. "$(dirname "$0")/../lib.sh" || exit 1
sqlite_only  # about the SQLite file (or FTS5 ranking); see tests/e2e/cases/pg_*.sh
setup_ws
printf 'Cinema listings.\nThe late show on Saturday starts at half past nine.\n' >cinema.txt
pc_ok source add cinema.txt
pc_ok claim add --source cinema --quote "The late show on Saturday starts at half past nine." --id late
pc_ok check
cp .provcheck/store.db "$TMP/good.db"
files_hash() { find sources claims -type f -print0 | sort -z | xargs -0 sha256sum; }
BEFORE=$(files_hash)

expect_corrupt() {  # $1: how the store was damaged
  local cmd
  for cmd in "check" "claim add --source cinema --quote Saturday --id sat" "reindex"; do
    pc $cmd  # word splitting intended: the command and its arguments
    [ "$RC" = 3 ] || fail "$1: '$cmd' should exit 3, got $RC"
    expect_err_contains "delete .provcheck/ and run \`provcheck reindex\`"
  done
  [ "$(files_hash)" = "$BEFORE" ] || fail "$1: a command changed sources/ or claims/"
}

size=$(stat -c %s .provcheck/store.db)
truncate -s $((size / 2)) .provcheck/store.db
expect_corrupt "truncated to half"

cp "$TMP/good.db" .provcheck/store.db
printf '%0100d' 0 | dd of=.provcheck/store.db bs=100 count=1 conv=notrunc status=none
expect_corrupt "header overwritten"

rm -rf .provcheck
pc_ok check
expect_out_contains "1 intact"
