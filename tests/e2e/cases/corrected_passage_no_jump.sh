# Pins: a corrected passage must not silently jump to another place that
# still has the old words. The quote occurs twice with different context;
# the pinned copy is corrected in place, the other copy keeps the old words:
# the verdict is missing (exit 1), not intact or moved.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
cat >ferry.txt <<'TXT'
Ferry service update

At a meeting on Tuesday the harbour master said the evening ferry will stop running in November.
Passengers were told to check the timetable online.

Summary box
- the evening ferry will stop running in November
- the car park fee is unchanged
TXT
Q="the evening ferry will stop running in November"
pc_ok source add ferry.txt
pc_ok claim add --source ferry --quote "$Q" --occurrence 1 --id ferry-stop
pc_ok check

# The article is corrected where it was quoted; the summary box is not.
sed -i 's/said the evening ferry will stop running in November/said the evening ferry will keep running in November/' sources/ferry.txt
[ "$(grep -c "$Q" sources/ferry.txt)" = 1 ] || fail "test setup: expected one remaining copy of the old words"
pc check --format json
expect_rc 1
expect_json_field '.citations[0].status' missing '.citations[0].severity' error '.citations[0].found_span' null \
  .summary.by_status.moved 0 .summary.by_status.intact 0
[[ "$(json_get '.citations[0].message')" == *"not taken as the same passage"* ]] \
  || fail "the message should say a copy elsewhere was rejected"

# Same when the only other copy sits before the corrected passage.
py - <<'PY'
p = "sources/ferry.txt"
t = open(p).read().replace("- the evening ferry will stop running in November\n", "")
t = t.replace("Ferry service update\n", "Ferry service update\nIn brief: the evening ferry will stop running in November\n")
open(p, "w").write(t)
PY
[ "$(grep -c "$Q" sources/ferry.txt)" = 1 ] || fail "test setup: expected one remaining copy of the old words"
pc check --format json
expect_rc 1
expect_json_field '.citations[0].status' missing
