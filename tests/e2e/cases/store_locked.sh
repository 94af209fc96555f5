# Pins: when another process holds the store's lock longer than the busy
# timeout, a command exits 3 (provcheck failed, not the provenance) with a
# message about the lock, and writes nothing: claims/ and the store are as
# before once the lock is gone, and a retry succeeds. A short lock is waited
# out with the default timeout.
. "$(dirname "$0")/../lib.sh" || exit 1
sqlite_only  # about the SQLite file (or FTS5 ranking); see tests/e2e/cases/pg_*.sh
setup_ws
printf 'Swimming pool notice.\nThe pool closes for cleaning on the last Monday of each month.\n' >pool.txt
pc_ok source add pool.txt
pc_ok check
snapshot_state

# hold_lock SECONDS: a background process holds an exclusive lock on the
# store until $TMP/release appears or SECONDS pass; returns once it is held.
hold_lock() {
  rm -f "$TMP/locked" "$TMP/release"
  py - .provcheck/store.db "$TMP" "$1" <<'PY' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
open(os.path.join(sys.argv[2], "locked"), "w").close()
end = time.time() + float(sys.argv[3])
while time.time() < end and not os.path.exists(os.path.join(sys.argv[2], "release")):
    time.sleep(0.02)
db.execute("ROLLBACK")
PY
  LOCKER=$!
  BG_PIDS=$LOCKER
  for _ in $(seq 200); do [ -e "$TMP/locked" ] && return; sleep 0.02; done
  fail "test setup: the locking process did not start"
}

hold_lock 4
PROVCHECK_BUSY_TIMEOUT_MS=300 pc claim add --source pool --quote "The pool closes for cleaning" --id closing
expect_rc 3
expect_err_contains "another provcheck process holds the store's lock"
PROVCHECK_BUSY_TIMEOUT_MS=300 pc check
expect_rc 3
expect_err_contains "lock"
[ ! -e claims/claims.json ] || fail "claim add wrote claims/claims.json although the store was locked"
touch "$TMP/release"
wait "$LOCKER"
BG_PIDS=''
expect_state_unchanged

pc_ok claim add --source pool --quote "The pool closes for cleaning" --id closing
pc_ok check
expect_out_contains "1 intact"

hold_lock 0.5
pc_ok claim add --source pool --quote "on the last Monday of each month" --id monday
wait "$LOCKER"
BG_PIDS=''
