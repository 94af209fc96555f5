# Regression: a corrected passage whose old words survive in TWO other places,
# neither with the pinned context, was reported "ambiguous ... context fits
# equally well ... accept the new pin" because both stale copies tied at a
# near-zero context score. Neither fits. Since the drift engine's close-match
# stage, the citation follows the corrected passage itself (modified, with
# the word diff); it is never ambiguous and never jumps to a stale copy.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
cat >ferry.txt <<'TXT'
Ferry service update
In brief: the evening ferry will stop running in November

At a meeting on Tuesday the harbour master said the evening ferry will stop running in November.
Passengers were told to check the timetable online.

Summary box
- the evening ferry will stop running in November
- the car park fee is unchanged
TXT
Q="the evening ferry will stop running in November"
pc_ok source add ferry.txt
pc_ok claim add --source ferry --quote "$Q" --occurrence 2 --id ferry-stop
pc_ok check
expect_out_contains "1 intact"

sed -i 's/said the evening ferry will stop running/said the evening ferry will keep running/' sources/ferry.txt
[ "$(grep -c "$Q" sources/ferry.txt)" = 2 ] || fail "test setup: expected two stale copies of the old words"
pc check --format json
expect_rc 0
expect_json_field '.citations[0].status' modified .summary.by_status.ambiguous 0
[[ "$(json_get '.citations[0].diff')" == *"{+keep+}"* ]] || fail "expected the corrected passage, got: $OUT"
