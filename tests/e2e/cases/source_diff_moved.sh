# Pins `source diff` on moved text and long lines (issue 12, item 14): a
# paragraph moved elsewhere is one "moved" block with its old and new place,
# and a citation inside it is not counted as in changed text; a word edited
# in a long one-line paragraph shows as the changed words with a few words of
# context, not as the paragraph three times. Text and JSON.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
long='Aid workers at the northern crossing reported on Tuesday that the queue of lorries waiting to enter the district had grown to more than ninety vehicles, most of them carrying flour, blankets and fuel, and that inspections at the checkpoint were taking about four hours for each convoy.'
printf 'Relief update.\n\nThe agency said some 4,000 families were evacuated overnight.\n\nConvoys left at dawn.\n\n%s\n\nWeather was cold.\n' "$long" >relief.txt
pc_ok source add relief.txt
pc_ok claim add --source relief --id evac --quote "some 4,000 families were evacuated overnight"
pc_ok claim add --source relief --id convoys --quote "Convoys left at dawn."
pc_ok claim add --source relief --id queue --quote "had grown to more than ninety vehicles"
# A passage that runs across the edge of the block that moves does change.
pc_ok claim add --source relief --id across --quote "evacuated overnight. Convoys left at dawn."

# The evacuation paragraph moves to the end; one word of the long paragraph changes.
edited=${long/ninety/eighty}
printf 'Relief update.\n\nConvoys left at dawn.\n\n%s\n\nWeather was cold.\n\nThe agency said some 4,000 families were evacuated overnight.\n' "$edited" >sources/relief.txt
pc source diff relief
expect_rc 0
expect_out_contains "pinned by 4 citations"
expect_out_contains '@@ moved -3,2 +8,2 @@ bytes 16-79 -> 344-407'
expect_out_contains '"The agency said some 4,000 families were evacuated overnight."'
expect_out_contains "cited in moved text (unchanged): evac[0]"
expect_out_lacks "-The agency said"
expect_out_lacks "+The agency said"
expect_out_contains "words: ... had grown to more than [-ninety-]{+eighty+} vehicles, most of them carrying ..."
expect_out_contains "cited here: queue[0]"
# The long paragraph is not shown whole (as -, + or words).
expect_out_lacks "Aid workers at the northern crossing"
expect_out_contains "cited here: across[0]"
expect_out_lacks "(unchanged): evac[0] across[0]"
expect_out_contains "1 changed block, 1 moved block; 2 of 4 citations"

pc source diff relief --format json
expect_rc 0
expect_json_field '.hunks[0].kind' moved '.hunks[0].old_lines[0]' 3 '.hunks[0].old_lines[1]' 2 \
  '.hunks[0].new_lines[0]' 8 '.hunks[0].new_lines[1]' 2 '.hunks[0].moved_citations[0]' 'evac[0]' \
  '.hunks[1].kind' changed '.hunks[1].citations[0]' 'queue[0]'
expect_json_field '.hunks[0].citations' '["across[0]"]' '.hunks[0].moved_citations' '["evac[0]"]'
if json_get '.hunks[2]' >/dev/null 2>&1; then fail "expected 2 hunks (one moved, one changed)"; fi

# A paragraph that moves and is also edited is a change, not a move.
printf 'Relief update.\n\nConvoys left at dawn.\n\n%s\n\nWeather was cold.\n\nThe agency said some 4,500 families were evacuated overnight.\n' "$long" >sources/relief.txt
pc source diff relief
expect_rc 0
expect_out_lacks "@@ moved"
expect_out_contains "-The agency said some 4,000 families"
expect_out_contains "cited here: evac[0]"
