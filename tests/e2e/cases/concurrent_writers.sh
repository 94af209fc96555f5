# Pins (issue 12, lost writes): writers started at the same moment never
# lose each other's changes. Each round starts at once: several `claim add`
# to one existing claims file, several `claim add` creating the same new
# claims file, a `claim import` into the existing file and a `claim accept`
# re-pinning a drifted claim of that file. Afterwards every claim that was
# reported added is in the files (counted one by one), the accepted claim
# carries its new pin, every command exited 0, and `check` agrees. Repeated
# for several rounds: a race that loses one write in a few tries shows.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
export PROVCHECK_BUSY_TIMEOUT_MS=60000
ROUNDS=${CONCURRENT_ROUNDS:-4}
WRITERS=6
# One distinct sentence per (round, writer, kind).
py - >facts.txt <<'PY'
for r in range(1, 9):
    for w in range(1, 9):
        for kind in ("same", "fresh", "import"):
            print(f"Observation {kind} {r} {w} was logged at station {r * 100 + w} by the night crew.")
PY
printf 'The ferry leaves the harbour at seven in the morning.\nIt returns at noon.\n' >ferry.txt
pc_ok source add facts.txt
pc_ok source add ferry.txt
pc_ok claim add --source ferry --quote "The ferry leaves the harbour at seven" --id ferry-departs --to claims/shared.json

go_gate() { while [ ! -e "$TMP/go" ]; do sleep 0.002; done; }

for r in $(seq "$ROUNDS"); do
  rm -f "$TMP/go" "$TMP"/rc.*
  # Drift for accept: the ferry sentence gets r extra spaces (normalized).
  py - "$r" <<'PY'
import sys
r = int(sys.argv[1])
open("sources/ferry.txt", "w").write("The ferry" + " " * (r + 1) + "leaves the harbour at seven in the morning.\nIt returns at noon.\n")
PY
  : >"$TMP/import.$r.jsonl"
  for w in 1 2 3; do
    printf '{"source": "facts", "id": "imp-%s-%s", "quote": "Observation import %s %s was logged"}\n' "$r" "$w" "$r" "$w" >>"$TMP/import.$r.jsonl"
  done
  pids=''
  for w in $(seq "$WRITERS"); do
    (go_gate; "$PROVCHECK" claim add --source facts --quote "Observation same $r $w was logged" --id "same-$r-$w" \
        --to claims/shared.json >/dev/null 2>"$TMP/err.same.$r.$w"; echo $? >"$TMP/rc.same.$w") &
    pids="$pids $!"
    (go_gate; "$PROVCHECK" claim add --source facts --quote "Observation fresh $r $w was logged" --id "fresh-$r-$w" \
        --to "claims/new-$r.json" >/dev/null 2>"$TMP/err.fresh.$r.$w"; echo $? >"$TMP/rc.fresh.$w") &
    pids="$pids $!"
  done
  (go_gate; "$PROVCHECK" claim import "$TMP/import.$r.jsonl" --to claims/shared.json >/dev/null 2>"$TMP/err.import.$r"; \
    echo $? >"$TMP/rc.import") &
  pids="$pids $!"
  (go_gate; "$PROVCHECK" claim accept ferry-departs >/dev/null 2>"$TMP/err.accept.$r"; echo $? >"$TMP/rc.accept") &
  pids="$pids $!"
  BG_PIDS=$pids
  touch "$TMP/go"
  for p in $pids; do wait "$p"; done
  BG_PIDS=''
  for f in "$TMP"/rc.*; do
    [ "$(cat "$f")" = 0 ] || { cat "$TMP"/err.*."$r"* >&2; fail "round $r: $(basename "$f") exited $(cat "$f")"; }
  done
  py - "$r" "$WRITERS" <<'PY' || fail "round $r: claims were lost (list above)"
import glob, json, sys
r, writers = int(sys.argv[1]), int(sys.argv[2])
have = {}
for path in glob.glob("claims/*.json"):
    for c in json.load(open(path))["claims"]:
        have[c["id"]] = (path, c)
expected = {f"same-{k}-{w}": "claims/shared.json" for k in range(1, r + 1) for w in range(1, writers + 1)}
expected.update({f"fresh-{k}-{w}": f"claims/new-{k}.json" for k in range(1, r + 1) for w in range(1, writers + 1)})
expected.update({f"imp-{k}-{w}": "claims/shared.json" for k in range(1, r + 1) for w in range(1, 4)})
expected["ferry-departs"] = "claims/shared.json"
lost = sorted(i for i in expected if i not in have)
misplaced = sorted(i for i in expected if i in have and have[i][0] != expected[i])
quote = have.get("ferry-departs", (None, {"citations": [{"quote": ""}]}))[1]["citations"][0]["quote"]
bad = []
if lost: bad.append(f"lost {len(lost)} of {len(expected)}: {lost}")
if misplaced: bad.append(f"in the wrong file: {misplaced}")
if quote != "The ferry" + " " * (r + 1) + "leaves the harbour at seven":
    bad.append(f"the accepted pin was lost: {quote!r}")
if bad:
    print("\n".join(bad), file=sys.stderr); sys.exit(1)
PY
done
pc_ok check
expect_out_contains "$((ROUNDS * (2 * WRITERS + 3) + 1)) intact"

# A writer that holds the workspace lock past the busy timeout: exit 3 with
# the busy message, nothing changed; released, the same command succeeds.
snapshot_state
rm -f "$TMP/locked" "$TMP/release"
py - .provcheck/write.lock "$TMP" <<'PY' &
import fcntl, os, sys, time
f = open(sys.argv[1], "a")
fcntl.flock(f, fcntl.LOCK_EX)
open(os.path.join(sys.argv[2], "locked"), "w").close()
end = time.time() + 10
while time.time() < end and not os.path.exists(os.path.join(sys.argv[2], "release")):
    time.sleep(0.02)
PY
LOCKER=$!
BG_PIDS=$LOCKER
for _ in $(seq 200); do [ -e "$TMP/locked" ] && break; sleep 0.02; done
PROVCHECK_BUSY_TIMEOUT_MS=300 pc claim add --source ferry --quote "It returns at noon" --id ferry-returns
expect_rc 3
expect_err_contains "another provcheck process is changing this workspace"
expect_state_unchanged
touch "$TMP/release"
wait "$LOCKER"
BG_PIDS=''
pc_ok claim add --source ferry --quote "It returns at noon" --id ferry-returns
