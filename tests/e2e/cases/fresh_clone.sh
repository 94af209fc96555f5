# Pins: sources/ and claims/ are the record. With .provcheck/ deleted (a
# fresh git clone), the workspace is still found, `check` passes and rebuilds
# the store, and `reindex` rebuilds it again; nothing in sources/ or claims/
# is rewritten.
. "$(dirname "$0")/../lib.sh" || exit 1
sqlite_only  # about the SQLite file (or FTS5 ranking); see tests/e2e/cases/pg_*.sh
setup_ws
printf 'Bakery report.\nThe new oven bakes two hundred loaves an hour.\nIt was installed in May.\n' >bakery.txt
pc_ok source add bakery.txt --title "Bakery report"
pc_ok claim add --source bakery --quote "The new oven bakes two hundred loaves an hour." --id oven
pc_ok check
FIRST=$OUT
files_hash() { find sources claims -type f -print0 | sort -z | xargs -0 sha256sum; }
BEFORE=$(files_hash)

rm -rf .provcheck
pc_ok check
[ "$OUT" = "$FIRST" ] || fail "check after a fresh clone differs: was '$FIRST'"
[ -f .provcheck/store.db ] || fail "check did not recreate .provcheck/store.db"
pc_ok claim show oven
expect_out_contains "claim oven  (claims/claims.json:4)"

rm -rf .provcheck
pc_ok reindex
expect_out_contains "rebuilt the index from sources/ and claims/"
expect_out_contains "1 intact"
pc_ok reindex
state_dump | grep -q "^citations ('oven', 0, 'bakery'" || fail "reindex did not index the citation: $(state_dump)"
pc_ok source show bakery
expect_out_contains "title:        Bakery report"
pc_ok check --format json
expect_json_field .summary.by_status.intact 1 .summary.claims 1 .summary.sources 1 .summary.errors 0
[ "$(files_hash)" = "$BEFORE" ] || fail "rebuilding the store rewrote files in sources/ or claims/"
