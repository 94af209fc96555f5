# Pins the shared store (issue 16) on a real PostgreSQL server started here:
# the workspace id is written into provcheck.json; two workspaces share one
# database (snapshots once, by content hash); a pull-request branch starts
# from main's memory but never moves main's `since`; `query` answers across
# workspaces in text and JSON; `search` finds passages of every workspace;
# `store migrate` copies SQLite -> PostgreSQL -> SQLite with history intact;
# a password is refused in provcheck.json and never printed.
. "$(dirname "$0")/../lib.sh" || exit 1
sqlite_only  # it starts a server of its own
. "$(dirname "$0")/../../pg/server.sh"
setup_ws
trap 'pg_server_stop "$TMP/pg"; cleanup' EXIT
pg_server_start "$TMP/pg"; rc=$?
[ $rc = 77 ] && { echo "SKIP [$CASE]: no PostgreSQL server installed"; exit 77; }
[ $rc = 0 ] || fail "cannot start PostgreSQL"
URL=$(pg_createdb shared) || fail "cannot create a database"
export SOURCE_DATE_EPOCH=1767225600  # 2026-01-01T00:00:00Z

make_source() {  # DIR ID TEXT
  printf '%s\n' "$3" >"$TMP/$2.txt"
  (cd "$1" && "$PROVCHECK" source add --allow-outside "$TMP/$2.txt" --id "$2" --title "$2 report" >/dev/null) ||
    fail "source add $2 in $1"
}

# A workspace on SQLite with memory: a broken citation with history.
make_source "$WS" harbour "The harbour district had roughly 4,200 residents in spring."
pc_ok claim add --source harbour --quote "roughly 4,200 residents" --id harbour-pop --text "About 4,200 people." \
  --subject "Harbour district" --metric population --value 4200
pc_ok check
SOURCE_DATE_EPOCH=1767312000 make_source "$WS" harbour2 "unused"
printf 'The harbour district had roughly 3,900 residents in spring.\n' >sources/harbour.txt
SOURCE_DATE_EPOCH=1767312000 pc check
expect_rc 1
expect_out_contains "figure_changed"
pc_ok claim show harbour-pop
SHOW_SQLITE=$OUT

# store migrate --to postgresql: the same answers from the server.
pc_ok store migrate --to "$URL"
expect_out_contains "1 results"
[ -z "$(grep -o workspace_id provcheck.json)" ] && fail "no workspace_id in provcheck.json after migrate"
export PROVCHECK_STORE=$URL PROVCHECK_BRANCH=main
pc_ok claim show harbour-pop
[ "$OUT" = "$SHOW_SQLITE" ] || fail "claim show differs on PostgreSQL: $OUT // $SHOW_SQLITE"
SOURCE_DATE_EPOCH=1767398400 pc check
expect_rc 1
pc_ok query broken-since 2026-01-02
expect_out_contains "ws  harbour-pop #1  figure_changed since 2026-01-02T00:00:00Z  harbour"
pc_ok query broken-since 2026-01-03
[ -z "$OUT" ] || fail "nothing broke on or after 2026-01-03, got: $OUT"
expect_err_contains "no citation has been broken since 2026-01-03"

# A pull request branch: its check does not move main's since; its own changes stay its own.
printf 'The harbour district had roughly 4,200 residents in spring.\n' >sources/harbour.txt
PROVCHECK_BRANCH=fix-harbour SOURCE_DATE_EPOCH=1767484800 pc check
expect_rc 0
SOURCE_DATE_EPOCH=1767484800 pc query broken-since 2026-01-01 --format json
expect_json_field '.results[0].claim' harbour-pop '.results[0].since' 2026-01-02T00:00:00Z '.results[0].workspace' ws
PROVCHECK_BRANCH=fix-harbour pc_ok query broken-since 2026-01-01
[ -z "$OUT" ] || fail "the branch's own memory should have nothing broken: $OUT"
printf 'The harbour district had roughly 3,900 residents in spring.\n' >sources/harbour.txt

# A second workspace (another repository) in the same database.
mkdir "$TMP/ws2" && cd "$TMP/ws2" && "$PROVCHECK" init >/dev/null || fail "init ws2"
make_source "$TMP/ws2" harbour "The harbour district had roughly 3,900 residents in spring."
pc_ok claim add --source harbour --quote "roughly 3,900 residents" --id harbour-2026 --text "About 3,900 people." \
  --subject "harbour  DISTRICT" --metric population --value 3900
ID1=$(py -c 'import json,sys; print(json.load(open(sys.argv[1]))["workspace_id"])' "$WS/provcheck.json")
ID2=$(py -c 'import json,sys; print(json.load(open(sys.argv[1]))["workspace_id"])' provcheck.json)
[ -n "$ID2" ] && [ "$ID1" != "$ID2" ] || fail "workspaces need distinct ids: '$ID1' '$ID2'"
pc_ok check
pc_ok query subject "Harbour district" --format json
expect_json_field '.results[0].workspace' ws '.results[0].claim' harbour-pop '.results[1].workspace' ws2 \
  '.results[1].claim' harbour-2026
# The same bytes in both workspaces: one snapshot row.
N=$(pg_psql "$URL" -c "SELECT count(DISTINCT s.snapshot), count(*), count(DISTINCT n.hash) FROM sources s JOIN snapshots n ON n.hash = s.snapshot WHERE s.id = 'harbour' AND s.br = 'main'")
[ "$N" = "1|2|1" ] || fail "both workspaces' harbour should share one snapshot row, got $N"
pc_ok search '"3,900"'
expect_out_contains "1. harbour "
expect_out_contains "ws:harbour "
pc_ok query changed-sources 7
[ -z "$(grep harbour-2026 <<<"$OUT")" ] || fail "a first capture is not a change: $OUT"
cd "$WS"
pc_ok query changed-sources 7
expect_out_contains "ws  harbour  changed"
expect_out_contains "cited by: harbour-pop"

# And back to SQLite: history survives the round trip.
rm -rf .provcheck
pc_ok store migrate --to sqlite
unset PROVCHECK_STORE
pc claim show harbour-pop
expect_out_contains "figure_changed"
[ "$(grep -c 'since\|2026-01-02' <<<"$OUT")" -ge 1 ] || fail "history lost in the round trip: $OUT"

# A password: refused in provcheck.json, masked in every message.
cp provcheck.json "$TMP/settings.bak"
py - provcheck.json <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); s["store"] = "postgresql://postgres:hunter2@127.0.0.1:1/x"
json.dump(s, open(sys.argv[1], "w"))
PY
pc check
expect_rc 2
expect_err_contains "holds a password"
[[ "$ERR" != *hunter2* ]] || fail "the password was printed: $ERR"
cp "$TMP/settings.bak" provcheck.json
PROVCHECK_STORE="postgresql://postgres:hunter2@127.0.0.1:1/x?connect_timeout=2" pc check
expect_rc 3
expect_err_contains "postgres:***@127.0.0.1:1"
[[ "$ERR" != *hunter2* ]] || fail "the password was printed: $ERR"
echo "ok"
