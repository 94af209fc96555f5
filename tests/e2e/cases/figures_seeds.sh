# Pins: `provcheck figures` on the five seed articles lists the figures of
# the labelled set (tests/data/figures/seeds-labels.jsonl) with precision
# and recall of at least 0.97, scored by bench/figures/score.py (the same
# rule as the unit test); skipped when the seeds are absent or differ from
# the labelled bytes.
. "$(dirname "$0")/../lib.sh" || exit 1
skip_unless_seeds
setup_ws
LABELS=$PROVCHECK_REPO/tests/data/figures/seeds-labels.jsonl
py - "$LABELS" "$PROVCHECK_SEEDS" <<'PY' || { echo "SKIP [$CASE]: the seed articles differ from the labelled bytes"; exit 77; }
import hashlib, json, os, sys
for line in open(sys.argv[1]):
    o = json.loads(line)
    if "sha256" in o:
        path = os.path.join(sys.argv[2], o["file"])
        if not os.path.exists(path) or hashlib.sha256(open(path, "rb").read()).hexdigest() != o["sha256"]:
            sys.exit(1)
PY
pc_ok source add --allow-outside "$PROVCHECK_SEEDS"/*.txt
pc_ok figures --format json
N=$(printf '%s\n' "$OUT" | wc -l)
"$PY" "$PROVCHECK_REPO/bench/figures/score.py" "$LABELS" "$TMP/out" --details >"$TMP/score.json" \
  || fail "score.py failed"
py - "$TMP/score.json" <<'PY' || fail "precision or recall below 0.97 (above)"
import json, sys
r = json.load(open(sys.argv[1]))
print(f"figures: {r['matched']} of {r['labels']} labels, {r['predictions']} found; "
      f"precision {r['precision']:.3f} recall {r['recall']:.3f}")
if r["precision"] < 0.97 or r["recall"] < 0.97:
    print(json.dumps({"misses": r["misses"], "extras": r["extras"]}, indent=1))
    sys.exit(1)
PY
# The table lists the same figures.
pc_ok figures
expect_out_contains "$N figures in 5 sources"
