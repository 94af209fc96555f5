# Pins: a quote found several times is refused without --occurrence (exit 2,
# all candidates listed); --occurrence N pins the N-th copy in document
# order; after a shift, context picks the right copy (moved, not ambiguous);
# copies whose context is identical too make the citation ambiguous (exit 1).
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
cat >park.txt <<'TXT'
Section one: the north gate.
Visitors must sign the register. The gates close at dusk. Dogs stay on a lead.
Section two: the river path.
Cyclists should dismount on the bridge. The gates close at dusk. Boats may moor overnight.
Section three: the orchard.
Fruit may not be picked by visitors. The gates close at dusk. Picnics are welcome.
TXT
Q="The gates close at dusk."
# offset N: byte offset of the N-th copy of $Q in sources/park.txt (from 1).
offset() { py -c 'import sys; t=open("sources/park.txt","rb").read(); q=sys.argv[1].encode(); at=-1
for _ in range(int(sys.argv[2])): at=t.find(q, at+1)
print(at)' "$Q" "$1"; }
pc_ok source add park.txt
snapshot_state

pc claim add --source park --quote "$Q"
expect_rc 2
expect_err_contains "the quote occurs 3 times in source 'park'; pick one with --occurrence N"
expect_err_contains "1) line 2, bytes $(offset 1)-"
expect_err_contains "2) line 4, bytes $(offset 2)-"
expect_err_contains "3) line 6, bytes $(offset 3)-"
pc claim add --source park --quote "$Q" --occurrence 4
expect_rc 2
expect_err_contains "occurrence 4 is out of range"
expect_state_unchanged

pc_ok claim add --source park --quote "$Q" --occurrence 2 --id river
expect_err_contains "occurrence 2 of 3"
pc_ok check --format json
expect_json_field '.citations[0].status' intact '.citations[0].pinned_span' "[$(offset 2), $(( $(offset 2) + ${#Q} ))]"

printf 'Opening times for the town park, posted by the warden.\n' | cat - sources/park.txt >"$TMP/new"
mv "$TMP/new" sources/park.txt
pc check --format json
expect_rc 0
expect_json_field '.citations[0].status' moved '.citations[0].found_span' "[$(offset 2), $(( $(offset 2) + ${#Q} ))]"

# Identical lines: the middle copies have the same context on both sides.
{ echo "Bell log for the week."; for _ in 1 2 3 4 5 6 7 8; do echo "tick tock tick tock."; done; echo "End of log."; } >bells.txt
pc_ok source add bells.txt
pc_ok claim add --source bells --quote "tick tock tick tock." --occurrence 4 --id bell
pc_ok check
{ echo "Preface."; cat sources/bells.txt; } >"$TMP/new" && mv "$TMP/new" sources/bells.txt
pc check --format json
expect_rc 1
expect_json_field '.citations[0].claim' bell '.citations[0].status' ambiguous '.citations[0].severity' error \
  '.citations[0].found_span' null .summary.by_status.ambiguous 1 '.citations[1].status' moved
[[ "$(json_get '.citations[0].message')" == *"provcheck will not guess"* ]] || fail "ambiguous message lacks the reason"
