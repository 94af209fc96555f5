# Helpers sourced by every end-to-end case (tests/e2e/cases/*.sh).
#
# A case calls setup_ws, then drives the real binary with `pc ARGS...` and
# asserts on $RC, $OUT and $ERR. Nothing aborts on a non-zero exit; the
# first failed expectation prints what was expected, the last command and
# its output, and exits 1. Exit 77 means "skipped" to ctest.
#
# Environment (set by tests/CMakeLists.txt): PROVCHECK (the binary),
# PROVCHECK_REPO (repository root), PROVCHECK_SEEDS (seed corpus, optional).
# PROVCHECK_E2E_KEEP=1 keeps the temporary folder for a look after a run.
# PROVCHECK_E2E_PG=DIR (the `e2e_pg.*` copies of the cases, see
# tests/CMakeLists.txt) runs the case against the PostgreSQL server that
# tests/pg/fixture.sh started in DIR: setup_ws gives the case a database of
# its own and exports PROVCHECK_STORE; the expectations stay the same, so
# every output is compared byte for byte with the SQLite store's. A case
# that looks inside .provcheck/store.db calls sqlite_only first.

set -u
: "${PROVCHECK:?set PROVCHECK to the provcheck binary}"
PROVCHECK=$(realpath "$PROVCHECK")
CASE=$(basename "$0" .sh)
RC='' OUT='' ERR='' LAST_CMD='' BG_PIDS=''
# The interpreter itself, not a version-manager shim: each call stays cheap.
PY=$(python3 -c 'import sys; print(sys.executable)') || { echo "python3 is required" >&2; exit 1; }
py() { "$PY" -S "$@"; }

cleanup() {
  local pid
  for pid in $BG_PIDS; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  if [ "${PROVCHECK_E2E_KEEP:-}" = 1 ]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
}

# A fresh workspace: $TMP holds scratch files, $WS (= $TMP/ws) is the
# workspace and the current folder.
setup_ws() {
  TMP=$(mktemp -d "${TMPDIR:-/tmp}/provcheck-e2e.XXXXXX")
  trap cleanup EXIT
  WS=$TMP/ws
  mkdir "$WS" && cd "$WS" || fail "cannot enter $WS"
  if [ -n "${PROVCHECK_E2E_PG:-}" ]; then
    local base db
    base=$(cat "$PROVCHECK_E2E_PG/url") || fail "no PostgreSQL fixture in $PROVCHECK_E2E_PG"
    db="e2e_${CASE}_$$"
    psql "$base" -X -q -At -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$db\"" -c "CREATE DATABASE \"$db\"" \
      >/dev/null || fail "cannot create database $db"
    export PROVCHECK_STORE="${base%/*}/$db"
  fi
  pc_ok init
}

# A case about the SQLite file itself (corruption, locks, its schema) skips on the PostgreSQL run.
sqlite_only() {
  if [ -n "${PROVCHECK_E2E_PG:-}" ]; then
    echo "SKIP [$CASE]: about the SQLite store file"
    exit 77
  fi
}

fail() {
  {
    echo "FAIL [$CASE]: $*"
    if [ -n "$LAST_CMD" ]; then
      echo "--- last command: $LAST_CMD  (exit $RC)"
      echo "--- stdout:"; printf '%s\n' "$OUT"
      echo "--- stderr:"; printf '%s\n' "$ERR"
    fi
  } >&2
  exit 1
}

# Runs provcheck; stdout in $OUT (and $TMP/out), stderr in $ERR, exit in $RC.
pc() {
  LAST_CMD="provcheck $*"
  "$PROVCHECK" "$@" >"$TMP/out" 2>"$TMP/err"
  RC=$?
  OUT=$(cat "$TMP/out")
  ERR=$(cat "$TMP/err")
  return 0
}

pc_ok() { pc "$@"; expect_rc 0; }

expect_rc() { [ "$RC" = "$1" ] || fail "expected exit $1, got $RC"; }
expect_out_contains() { [[ "$OUT" == *"$1"* ]] || fail "stdout lacks: $1"; }
expect_err_contains() { [[ "$ERR" == *"$1"* ]] || fail "stderr lacks: $1"; }
expect_out_lacks() { [[ "$OUT" != *"$1"* ]] || fail "stdout should not contain: $1"; }

# JSON on stdout, addressed by paths like '.summary.errors' or
# '.citations[0].status'. Values compare as printed: strings raw, the rest
# as JSON ('[29, 88]', '1.0', 'null').
JSON_PY='
import json, re, sys
def get(path):
    v = json.load(open(sys.argv[1], encoding="utf-8"))
    for key, idx in re.findall(r"\.([A-Za-z_]\w*)|\[(\d+)\]", path):
        v = v[key] if key else v[int(idx)]
    return v
def show(v):
    return v if isinstance(v, str) else json.dumps(v)
mode, args = sys.argv[2], sys.argv[3:]
try:
    if mode == "get":
        print(show(get(args[0])))
    elif mode == "fields":
        for path, want in zip(args[::2], args[1::2]):
            if show(get(path)) != want:
                sys.exit(f"JSON {path}: expected {want!r}, got {show(get(path))!r}")
    else:
        o = get(args[0])
        missing = [k for k in args[1:] if k not in o]
        if missing:
            sys.exit(f"JSON {args[0]} lacks {missing}; has {list(o)}")
except (LookupError, TypeError, ValueError) as e:
    sys.exit(f"JSON on stdout: {type(e).__name__}: {e}")
'
json_get() { py -c "$JSON_PY" "$TMP/out" get "$1"; }

# expect_json_field PATH VALUE [PATH VALUE...]
expect_json_field() {
  local why
  why=$(py -c "$JSON_PY" "$TMP/out" fields "$@" 2>&1) || fail "$why"
}

# expect_json_keys PATH KEY...: the object at PATH has at least these keys.
expect_json_keys() {
  local why
  why=$(py -c "$JSON_PY" "$TMP/out" keys "$@" 2>&1) || fail "$why"
}

# The workspace's state: a hash of every file in sources/ and claims/, and
# every row of every table in the store (claims, citations, sources,
# results, snapshots, runs ...; blobs by their hash). A command that fails
# must leave all of it as it was.
state_dump() {
  (cd "$WS" && find sources claims -type f -print0 | sort -z | xargs -0 -r sha256sum)
  if [ -n "${PROVCHECK_E2E_PG:-}" ]; then
    # Every row of every table, in two psql calls (one per table is slow).
    local union
    union=$(psql "$PROVCHECK_STORE" -X -At -c "SELECT string_agg(format('SELECT %L AS t, row_to_json(x)::text AS r FROM %I x', tablename, tablename), ' UNION ALL ') FROM pg_tables WHERE schemaname = 'public'")
    [ -z "$union" ] || psql "$PROVCHECK_STORE" -X -At -F ' ' -c "SELECT t, r FROM ($union) u ORDER BY 1, 2"
    return 0
  fi
  py - "$WS/.provcheck/store.db" <<'PY'
import hashlib, os, sqlite3, sys
path = sys.argv[1]
if not os.path.exists(path):
    print("no store"); sys.exit()
db = sqlite3.connect("file:" + path + "?mode=ro", uri=True)
cell = lambda v: "blob:" + hashlib.sha256(v).hexdigest()[:16] if isinstance(v, bytes) else v
tables = db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
for (table,) in tables.fetchall():
    for row in sorted(repr(tuple(map(cell, r))) for r in db.execute(f'SELECT * FROM "{table}"')):
        print(table, row)
PY
}

snapshot_state() { state_dump >"$TMP/state.before" || fail "cannot dump the workspace state"; }

expect_state_unchanged() {
  state_dump >"$TMP/state.after" || fail "cannot dump the workspace state"
  diff -u "$TMP/state.before" "$TMP/state.after" >&2 || fail "state changed (diff above) after: $LAST_CMD"
}

skip_unless_seeds() {
  if [ ! -d "${PROVCHECK_SEEDS:-}" ]; then
    echo "SKIP [$CASE]: no seed corpus at '${PROVCHECK_SEEDS:-}'"
    exit 77
  fi
}
