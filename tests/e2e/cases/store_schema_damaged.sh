# Regression: damage inside the store's schema text (sqlite_master), e.g. one
# flipped byte in a column name, made commands fail with "internal error: ...
# no such column: ..." and no advice. Exit 3 was right; the message
# must say, as for any other damaged store, to delete .provcheck/ and
# reindex. Found by flipping bytes across a store (see store_corrupt).
. "$(dirname "$0")/../lib.sh" || exit 1
sqlite_only  # about the SQLite file (or FTS5 ranking); see tests/e2e/cases/pg_*.sh
setup_ws
printf 'Bus timetable.\nThe first bus leaves the depot at ten to seven.\n' >bus.txt
pc_ok source add bus.txt
pc_ok claim add --source bus --quote "The first bus leaves the depot" --id first
pc_ok check
py - .provcheck/store.db <<'PY' || fail "test setup: column name not found in the store file"
import sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
at = b.find(b"fingerprint TEXT NOT NULL")
assert at >= 0
b[at + 10] = ord("x")  # fingerprint -> fingerprixt in CREATE TABLE runs(...)
open(p, "wb").write(b)
PY
pc check
expect_rc 3
expect_err_contains "delete .provcheck/ and run \`provcheck reindex\`"
rm -rf .provcheck
pc_ok check
