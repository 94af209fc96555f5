# Concurrency: four `check`s, two `claim add`s, a `claim import` (200
# claims), a `source refresh` (against a real HTTP server on loopback whose
# page changed) and a `claim accept --all` (after a source changed) start at
# once, PROVCHECK_CONCURRENCY_ROUNDS times (default 3), with a short busy
# timeout. Every command must either succeed (exit 0, or 1 for a check that
# finds drift) or fail cleanly: exit 3 with the busy message. Afterwards no
# claim of a successful add or import is missing from the claims files,
# every claims file and sidecar parses (`check` is not exit 2), `PRAGMA
# integrity_check` is ok and a check with a new store gives the same
# verdicts as the shared store.
#
# The "no claim lost" part depends on the workspace lock of the claims
# work (issue 12: claim add/import/accept read the claims file under a
# lock); without it, two writers of claims/claims.json can each write their
# own version and one claim is lost. The lock is in, so a lost claim fails
# the case; PROVCHECK_CLAIMS_LOCK=0 turns that into a skip with the lost ids
# (to measure a build without the lock).
. "$(dirname "$0")/../lib.sh" || exit 1
. "$(dirname "$0")/../http.sh" || exit 1
setup_ws
export PROVCHECK_BUSY_TIMEOUT_MS=${PROVCHECK_BUSY_TIMEOUT_MS:-1500} SOURCE_DATE_EPOCH=1700000000
ROUNDS=${PROVCHECK_CONCURRENCY_ROUNDS:-3}
mkdir "$TMP/site" "$TMP/raw"
page() { printf 'Page line one stays.\nPage version %s counted %s boats.\n' "$1" "$(($1 * 3 + 40))" >"$TMP/site/p.txt"; }
page 0
start_server "$TMP/site"
pc_ok source add "$BASE/p.txt" --id web
for i in $(seq 1 20); do
  for l in 1 2 3 4 5 6; do printf 'Source %s line %s counted %s items in %s.\n' "$i" "$l" "$((i * 100 + l))" "$((1990 + l))"; done >"$TMP/raw/s$i.txt"
done
pc_ok source add --allow-outside "$TMP"/raw/s*.txt
pc_ok claim add --source web --quote "Page line one stays." --id web-1
for i in $(seq 1 20); do pc_ok claim add --source "s$i" --quote "Source $i line 1 counted $((i * 100 + 1)) items in 1991." --id "base-$i"; done
pc_ok check

lost_round=''
expected_ids=$TMP/expected_ids
: >"$expected_ids"
for r in $(seq 1 "$ROUNDS"); do
  page "$r"
  sed -i "s/line 1 counted/line 1 tallied/; s/line 1 tallied [0-9]* items in 1991/&/" "sources/s$r.txt"
  : >"$TMP/import$r.jsonl"
  for k in $(seq 1 200); do
    i=$(((k % 20) + 1)) l=$(((k % 5) + 2))
    printf '{"id": "imp-%s-%s", "source": "s%s", "quote": "Source %s line %s counted %s items in %s."}\n' \
      "$r" "$k" "$i" "$i" "$l" "$((i * 100 + l))" "$((1990 + l))" >>"$TMP/import$r.jsonl"
  done
  pids=() names=()
  run_bg() { # NAME ARGS...
    local name=$1; shift
    "$PROVCHECK" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" &
    pids+=($!) names+=("$name")
  }
  for c in 1 2 3 4; do run_bg "check$c" check; done
  run_bg add1 claim add --source s3 --quote "Source 3 line 4 counted 304 items in 1994." --id "add-$r-1"
  run_bg add2 claim add --source s4 --quote "Source 4 line 5 counted 405 items in 1995." --id "add-$r-2"
  run_bg import claim import "$TMP/import$r.jsonl" --to claims/claims.json
  run_bg refresh source refresh web
  run_bg accept claim accept --all
  for n in "${!pids[@]}"; do
    wait "${pids[$n]}"
    rc=$? name=${names[$n]}
    case "$rc" in
      0|1) case "$name" in
             add1) echo "add-$r-1" >>"$expected_ids" ;;
             add2) echo "add-$r-2" >>"$expected_ids" ;;
             import) seq -f "imp-$r-%g" 1 200 >>"$expected_ids" ;;
           esac ;;
      3) grep -q "another provcheck process holds the store's lock" "$TMP/$name.err" ||
           fail "round $r: $name exit 3 without the busy message: $(cat "$TMP/$name.err")" ;;
      *) fail "round $r: $name exited $rc: $(cat "$TMP/$name.err")" ;;
    esac
  done
  pc check --format json
  [ "$RC" = 0 ] || [ "$RC" = 1 ] || fail "round $r: check after the round exited $RC"
  py - "$expected_ids" claims <<'PY' >>"$TMP/lost" 2>&1 || lost_round="$lost_round $r"
import glob, json, sys
want = set(open(sys.argv[1]).read().split())
have = set()
for f in glob.glob(sys.argv[2] + "/*.json"):
    have |= {c["id"] for c in json.load(open(f))["claims"]}
lost = sorted(want - have)
if lost:
    sys.exit(f"{len(lost)} claims of successful commands lost: {lost[:10]}")
PY
  py - "$WS/.provcheck/store.db" <<'PY' || fail "round $r: store damaged"
import sqlite3, sys
r = sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchall()
assert r == [("ok",)], r
PY
done
pc check --format json
cp "$TMP/out" "$TMP/shared.json"
rm -rf "$TMP/fresh" && mkdir "$TMP/fresh" && cp -r sources claims "$TMP/fresh/" && (cd "$TMP/fresh" && "$PROVCHECK" init >/dev/null &&
  "$PROVCHECK" check --format json >"$TMP/fresh.json")
py - "$TMP/shared.json" "$TMP/fresh.json" <<'PY' || fail "the shared store gives other verdicts than a new one"
import json, sys
v = lambda p: sorted((c["claim"], c["status"], str(c.get("found_span"))) for c in json.load(open(p))["citations"])
a, b = v(sys.argv[1]), v(sys.argv[2])
assert a == b, [x for x in a if x not in b][:5]
PY
if [ -n "$lost_round" ]; then
  msg="claims of successful commands lost in round(s)$lost_round: $(tail -1 "$TMP/lost")"
  [ "${PROVCHECK_CLAIMS_LOCK:-1}" = 1 ] && fail "$msg"
  echo "SKIP [$CASE]: $msg -- needs the claims lock of issue 12 (see the header); everything else held"
  exit 77
fi
