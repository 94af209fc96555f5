# Pins (issue 12, items 1-5): claim edit, cite, uncite, remove and source
# rename, remove. Each refusal exits 2 with a message naming the claim,
# source or flag, and changes no byte of sources/, claims/ or the store;
# each change is recorded in the audit that claim show / source show print.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
export USER=checker
printf 'In 2016 about 16,000 people lived in the old town.\nThe river is 40 km long.\nThe river is 40 km long.\n' >town.txt
printf 'Officials counted 16,000 inhabitants in 2016.\n' >census.txt
pc_ok source add town.txt census.txt
pc_ok claim add --source town --quote "about 16,000 people lived in the old town" --id pop \
  --subject "old town" --metric population --as-of 2016
pc_ok claim add --source census --quote "Officials counted 16,000 inhabitants" --id counted --to claims/other.json

refused() {  # refused RC TEXT COMMAND...: exit RC, stderr has TEXT, nothing changed
  local rc=$1 text=$2
  shift 2
  snapshot_state
  pc "$@"
  expect_rc "$rc"
  expect_err_contains "$text"
  expect_state_unchanged
}

# claim edit
refused 2 "nothing to change" claim edit pop
refused 2 "no claim 'nope'" claim edit nope --text "x"
refused 2 "--value" claim edit pop --value "sixteen thousand-ish lots"
refused 2 "already exists" claim edit pop --id counted
refused 2 "not a valid claim id" claim edit pop --id "Bad Id"
refused 2 "river is 40 km long" claim edit pop --quote "The river is 40 km long"
refused 2 "unknown source id 'nowhere'" claim edit pop --source nowhere
pc_ok claim edit pop --text "About 16,000 people lived in the old town in 2016" --value "about 16,000" --tag aleppo --tag 2016
expect_out_contains "edited pop in claims/claims.json"
pc_ok claim edit pop --quote "The river is 40 km long" --occurrence 2 --value "" --unit "" --approx ""
pc_ok claim show pop --format json
expect_json_field '.citations[0].span' '[76, 99]'
pc_ok claim edit pop --quote "about 16,000 people   lived in the old town" --value "about 16,000" --unit ""
pc_ok claim show pop --format json
expect_json_field '.citations[0].quote' 'about 16,000 people lived in the old town'
expect_json_field '.assertion.value' 'about 16,000'
expect_json_field '.audit[0].command' 'claim add'
expect_json_field '.audit[1].command' 'claim edit'
expect_json_field '.audit[1].who' 'checker'
expect_json_field '.audit[1].before.text' 'about 16,000 people lived in the old town'
expect_json_field '.audit[1].after.text' 'About 16,000 people lived in the old town in 2016'

# claim cite / uncite
refused 2 "unknown source id 'gone'" claim cite pop --source gone --quote "Officials"
refused 2 "does not occur in source 'census'" claim cite pop --source census --quote "nothing like this at all here"
pc_ok claim cite pop --source census --quote "Officials counted 16,000 inhabitants"
expect_out_contains "citation [1] of pop"
refused 2 "already cites this passage" claim cite pop --source census --quote "Officials counted 16,000 inhabitants"
pc_ok check
expect_out_contains "3 intact"
refused 2 "citations 0..1" claim uncite pop 2
pc_ok claim uncite pop 0
pc_ok claim show pop --format json
expect_json_field '.citations[0].source' 'census'
refused 2 "only citation" claim uncite pop 0

# claim edit --id: history follows
pc_ok claim edit pop --id population
pc_ok claim show population
expect_out_contains "claim edit: renamed pop to population"
expect_out_contains "claim cite: citation [1] added"

# claim remove: all named must exist; the history stays
refused 2 "no claim 'ghost'" claim remove population ghost
pc_ok claim remove population
pc_ok claim list
expect_out_lacks "population"
pc_ok claim show population
expect_out_contains "removed"
expect_out_contains "by checker"
expect_out_contains "last content: About 16,000 people lived in the old town in 2016"
pc_ok claim show population --format json
expect_json_field '.removed.command' 'claim remove'

# source rename: content file, sidecar and every citation, in every claims file
pc_ok claim add --source census --quote "in 2016" --id census-year
refused 2 "already exists" source rename census town
refused 2 "not a valid source id" source rename census "No Good"
refused 2 "unknown source id 'nope'" source rename nope other
pc_ok source rename census count
expect_out_contains "2 citations in 2 claims updated"
[ -e sources/count.txt ] && [ -e sources/count.meta.json ] || fail "renamed files missing"
[ ! -e sources/census.txt ] && [ ! -e sources/census.meta.json ] || fail "old files left behind"
grep -q '"census"' claims/*.json && fail "a citation still names census"
pc_ok check
expect_out_contains "2 intact"
pc_ok source show count
expect_out_contains "source rename: renamed census to count"

# source remove: refused while cited; --with-claims; --force
refused 2 "--with-claims" source remove count
refused 2 "unknown source id" source remove nothing
pc_ok claim cite census-year --source town --quote "In 2016"
pc_ok source remove count --with-claims
expect_out_contains "removed claim counted"
expect_out_contains "removed the citations of count from claim census-year"
pc_ok claim show census-year --format json
expect_json_field '.citations[0].source' 'town'
pc_ok claim show counted
expect_out_contains "removed"
pc_ok source show count
expect_out_contains "removed"
pc_ok source remove town --force
expect_err_contains "source_missing"
pc check
expect_rc 1
expect_out_contains "source_missing"

# A crash in the middle of a multi-file change: the next writer finishes it.
pc_ok source add "$WS/town.txt" --id town2 --allow-outside
pc_ok claim add --source town2 --quote "lived in the old town" --id old-town
PROVCHECK_TEST_CRASH=after-journal pc source rename town2 village
expect_rc 70
[ -e .provcheck/txn/journal.json ] || fail "no journal after the simulated crash"
pc_ok claim edit old-town --text "People lived in the old town"
[ ! -e .provcheck/txn/journal.json ] || fail "the journal was not finished"
[ -e sources/village.meta.json ] && [ ! -e sources/town2.meta.json ] || fail "the interrupted rename was not completed"
grep -q '"village"' claims/claims.json || fail "the citations were not renamed"
