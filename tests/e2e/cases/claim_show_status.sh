# Pins: `claim show` reports each citation's last verdict and its history:
# "not checked yet" only before the first check; then "last check: intact",
# a break as "last check: figure_changed since ...", and a repair back to intact,
# with one history line per change of status.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Bakery report.\nThe new oven bakes two hundred loaves an hour.\n' >bakery.txt
pc_ok source add bakery.txt
pc_ok claim add --source bakery --quote "The new oven bakes two hundred loaves" --id oven
pc_ok claim show oven
expect_out_contains "not checked yet"

pc_ok check
pc_ok claim show oven
expect_out_contains "last check: intact as of "
expect_out_lacks "not checked yet"

sed -i 's/two hundred/three hundred/' sources/bakery.txt
pc check
expect_rc 1
pc_ok claim show oven --format json
expect_json_field '.citations[0].last_status' figure_changed '.citations[0].history[0].status' figure_changed

sed -i 's/three hundred/two hundred/' sources/bakery.txt
pc_ok check
pc_ok claim show oven --format json
# History records changes of status: intact from the start needs no entry.
expect_json_field '.citations[0].last_status' intact '.citations[0].history[0].status' figure_changed \
  '.citations[0].history[1].status' intact
