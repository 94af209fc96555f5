# Pins the PostgreSQL store's behaviour under faults and concurrency, on a
# real server started here (stopped by the trap, also when this fails):
# an unreachable server is exit 3 with nothing changed; a server killed in
# the middle of a check is exit 3, the claims files untouched, and after a
# restart the next check recovers with the same answer as SQLite's; several
# checks and claim adds at once lose nothing; clients racing to create the
# schema create it once; a schema newer than the client is refused.
. "$(dirname "$0")/../lib.sh" || exit 1
sqlite_only  # it starts a server of its own
. "$(dirname "$0")/../../pg/server.sh"
setup_ws
trap 'pg_server_stop "$TMP/pg"; cleanup' EXIT
pg_server_start "$TMP/pg"; rc=$?
[ $rc = 77 ] && { echo "SKIP [$CASE]: no PostgreSQL server installed"; exit 77; }
[ $rc = 0 ] || fail "cannot start PostgreSQL"

# A workspace large enough for a cold check to take a moment: 400 sources, a claim each.
py - "$TMP" <<'PY'
import json, sys
tmp = sys.argv[1]
with open(f"{tmp}/claims.jsonl", "w") as out:
    for i in range(400):
        body = "".join(f"Paragraph {j} of report {i}: the district counted {1000 + i * 7 + j} residents.\n" for j in range(60))
        open(f"{tmp}/r{i}.txt", "w").write(body)
        out.write(json.dumps({"source": f"r{i}", "quote": f"counted {1000 + i * 7 + 30} residents", "id": f"c{i}"}) + "\n")
PY
for i in $(seq 0 399); do echo "$TMP/r$i.txt"; done | xargs "$PROVCHECK" source add --allow-outside >/dev/null ||
  fail "source add"
pc_ok claim import "$TMP/claims.jsonl"
pc_ok check
SQLITE_OUT=$OUT
files_hash() { find sources claims -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum; }
BEFORE=$(files_hash)

# Unreachable: a closed port.
PROVCHECK_STORE="postgresql://postgres@127.0.0.1:1/none?connect_timeout=3" pc check
expect_rc 3
expect_err_contains "cannot be reached"
expect_err_contains "run the command again"

# Migrations racing at start-up: eight clients on an empty database.
URL=$(pg_createdb race) || fail "createdb"
export PROVCHECK_STORE=$URL PROVCHECK_BRANCH=main
for i in 1 2 3 4 5 6 7 8; do "$PROVCHECK" query subject nobody >"$TMP/race.$i" 2>&1 & done
for i in 1 2 3 4 5 6 7 8; do wait -n || { cat "$TMP"/race.*; fail "a client failed while the schema was being created"; }; done
[ "$(pg_psql "$URL" -c 'SELECT count(*), min(version) FROM provcheck_schema')" = "1|2" ] || fail "schema rows wrong (one row, version 2: the foundation and the audit)"

# Killed in the middle of a cold check: exit 3, files untouched; a restart recovers.
"$PROVCHECK" check >"$TMP/killed.out" 2>"$TMP/killed.err" &
CHECK=$!
for _ in $(seq 200); do
  [ "$(pg_psql "$URL" -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'provcheck' AND state <> 'idle'")" -ge 1 ] 2>/dev/null && break
  sleep 0.02
done
pg_server_kill
wait $CHECK; RC=$?
[ "$RC" = 3 ] || { cat "$TMP/killed.err"; fail "a check whose server died must exit 3, got $RC"; }
grep -q "cannot be reached" "$TMP/killed.err" || fail "no clear message: $(cat "$TMP/killed.err")"
[ "$(files_hash)" = "$BEFORE" ] || fail "the claims or sources files changed"
pg_server_start "$TMP/pg" || fail "restart"
pc_ok check
[ "$OUT" = "$SQLITE_OUT" ] || fail "after the restart the check differs from SQLite's"
pc_ok check
[ "$OUT" = "$SQLITE_OUT" ] || fail "the warm check differs from SQLite's"

# Several checks and claim adds at once: every claim lands, every check agrees.
for i in 1 2 3 4; do
  "$PROVCHECK" claim add --source r$i --quote "counted $((1000 + i * 7 + 5)) residents" --id extra-$i \
    --to claims/extra-$i.json >"$TMP/add.$i" 2>&1 &
  "$PROVCHECK" check >"$TMP/check.$i" 2>&1 &
done
for i in 1 2 3 4 5 6 7 8; do wait -n || { tail -n 3 "$TMP"/add.* "$TMP"/check.*; fail "a concurrent command failed"; }; done
pc_ok check
expect_out_contains "404 claims, 404 citations, 400 sources: 404 intact"
pc_ok claim list
for i in 1 2 3 4; do expect_out_contains "extra-$i"; done

# A schema newer than this provcheck is refused, and nothing is changed.
pg_psql "$URL" -c "UPDATE provcheck_schema SET version = 99"
pc check
expect_rc 3
expect_err_contains "schema version 99, newer than this provcheck understands"
[ "$(files_hash)" != "$BEFORE" ] || true
echo ok
