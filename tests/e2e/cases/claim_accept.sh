# Pins `claim accept`: a reviewed drift is re-pinned to the passage the
# source has now (claims file rewritten, next check intact), the store keeps
# the old pin (`claim show` lists it); --all never sweeps up a changed figure
# unless --figures; missing citations are refused (exit 1) and left as they
# were; an unknown id or no selector is exit 2 with nothing changed.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Relief update.\nThe agency said some 4,000 families were evacuated from the eastern districts overnight.\nConvoys of buses left at dawn for the western suburbs.\nA third paragraph about the weather that stays.\n' >relief.txt
pc_ok source add relief.txt
pc_ok claim add --source relief --id evac --quote "some 4,000 families were evacuated from the eastern districts overnight"
pc_ok claim add --source relief --id convoy --quote "Convoys of buses left at dawn for the western suburbs."
pc_ok claim add --source relief --id weather --quote "A third paragraph about the weather that stays."
pc_ok check

# No selector, unknown id: exit 2, nothing changes.
snapshot_state
pc claim accept
expect_rc 2
expect_err_contains "--all"
pc claim accept nosuch
expect_rc 2
expect_err_contains "no claim 'nosuch'"
pc claim accept --source nosuch
expect_rc 2
expect_state_unchanged

# Drift: a figure changes, a word changes, a paragraph is deleted.
sed -i 's/some 4,000 families/some 4,500 families/; s/left at dawn/departed at dawn/; /weather/d' sources/relief.txt
pc check
expect_rc 1

pc claim accept --all
expect_rc 1   # the missing one is refused, the figure skipped
expect_out_contains "accepted convoy[0] (modified)"
expect_out_contains "skipped evac[0]: figure_changed"
expect_out_contains "not accepted weather[0]: missing"
grep -q "departed at dawn" claims/claims.json || fail "convoy not re-pinned in the claims file"
grep -q "some 4,000 families" claims/claims.json || fail "evac was re-pinned without --figures"
grep -q "A third paragraph" claims/claims.json || fail "the missing citation was changed"

pc claim accept evac
expect_rc 0
expect_out_contains "accepted evac[0] (figure_changed)"
expect_err_contains "figure changed"
grep -q "some 4,500 families" claims/claims.json || fail "evac not re-pinned"

pc check --format json
expect_rc 1
# Sorted by claim id: convoy, evac, weather.
expect_json_field '.citations[0].status' intact '.citations[1].status' intact '.citations[2].status' missing

pc claim show evac --format json
expect_rc 0
expect_json_field '.citations[0].earlier_pins[0].status' figure_changed \
  '.citations[0].earlier_pins[0].quote' "some 4,000 families were evacuated from the eastern districts overnight"
pc claim show convoy
expect_out_contains "accepted (modified); was bytes"
expect_out_contains "left at dawn"

# Accepting again changes nothing.
pc claim accept convoy
expect_rc 0
expect_err_contains "nothing to accept"
