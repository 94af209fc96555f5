# Pins (issue 13, point 4): when a quote occurs several times and the stored
# context around it no longer occurs exactly (it was captured with a typo
# that the source has since fixed: "nout", "every-thing"), `check` picks the
# copy whose surroundings are nearest the stored context by edit distance,
# when it wins by a clear margin (moved, at the right copy); copies whose
# surroundings are equally far stay ambiguous.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
Q="The gates close at dusk today."
cat >park.txt <<TXT
Notice board.
They said it was every-thing. $Q nout changed, the mayor said later on.
The warden laughed out loud at the idea. $Q In the end the keeper went home.
TXT
pc_ok source add park.txt
pc_ok claim add --source park --quote "$Q" --occurrence 1 --id first
pc_ok claim add --source park --quote "$Q" --occurrence 2 --id second
cat >sources/park.txt <<TXT
Notice board, updated.
A new paragraph came first.
They said it was everything. $Q nothing changed, the mayor said later on.
The warden laughed out loud at the idea. $Q In the end the keeper went home.
TXT
offset() { py -c 'import sys; t=open("sources/park.txt","rb").read(); q=sys.argv[1].encode(); at=-1
for _ in range(int(sys.argv[2])): at=t.find(q, at+1)
print(at)' "$Q" "$1"; }
pc check --format json
expect_rc 0
expect_json_field '.citations[0].claim' first '.citations[0].status' moved \
  '.citations[0].found_span' "[$(offset 1), $(( $(offset 1) + ${#Q} ))]"
expect_json_field '.citations[1].claim' second '.citations[1].status' moved \
  '.citations[1].found_span' "[$(offset 2), $(( $(offset 2) + ${#Q} ))]"
# two copies whose surroundings are equally near the typo'd context: ambiguous
cat >log.txt <<TXT
Log.
At the meeting on the hill he said nout at all. $Q Then he left the room.
At the meeting on the hill he said nothing at all. $Q Then he left the room.
At the meeting on the hill, later, nobody spoke.
TXT
pc_ok source add log.txt
pc_ok claim add --source log --quote "$Q" --occurrence 1 --id log
sed -i 's/nout/nothing/' sources/log.txt
pc check --format json
expect_rc 1
py -c 'import json,sys
c=[c for c in json.load(open(sys.argv[1]))["citations"] if c["claim"]=="log"][0]
assert c["status"]=="ambiguous", c' "$TMP/out" || fail "equally near copies: $OUT"
