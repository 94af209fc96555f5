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
# The citation follows the corrected passage (modified: reworded, no figure
# changed), never the old words in the summary box.
AT=$(py -c 'import sys; t=open("sources/ferry.txt","rb").read(); print(t.find(b"said the evening ferry will keep")+5)')
pc check --format json
expect_rc 0
expect_json_field '.citations[0].status' modified '.citations[0].severity' warning \
  '.citations[0].found_span[0]' "$AT" .summary.by_status.moved 0 .summary.by_status.intact 0
[[ "$(json_get '.citations[0].diff')" == *"[-stop-]"*"{+keep+}"* ]] || fail "the diff should show stop -> keep"
pc check --fail-on warning
expect_rc 1

# Same when the only other copy sits before the corrected passage.
py - <<'PY'
p = "sources/ferry.txt"
t = open(p).read().replace("- the evening ferry will stop running in November\n", "")
t = t.replace("Ferry service update\n", "Ferry service update\nIn brief: the evening ferry will stop running in November\n")
open(p, "w").write(t)
PY
[ "$(grep -c "$Q" sources/ferry.txt)" = 1 ] || fail "test setup: expected one remaining copy of the old words"
pc check --format json
expect_rc 0
expect_json_field '.citations[0].status' modified
