# Pins: a quoted passage deleted from its source makes the citation missing
# (severity error), exit 1; the text report names the claim, says the passage
# is gone and shows the old words; JSON carries old_passage and no found_span.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
cat >bridge.txt <<'TXT'
Council news, week twelve.
The footbridge over the canal will reopen on Friday after repairs to its railings.
Parking on Mill Lane remains suspended.
TXT
QUOTE="The footbridge over the canal will reopen on Friday after repairs to its railings."
pc_ok source add bridge.txt
pc_ok claim add --source bridge --quote "$QUOTE" --id reopen
pc_ok check

cp sources/bridge.txt "$TMP/bridge.orig"
sed -i '/footbridge/d' sources/bridge.txt
pc check
expect_rc 1
expect_out_contains "missing:"
expect_out_contains "claim reopen cites bridge"
expect_out_contains "the quoted passage is no longer in the source"
expect_out_contains "was: \"$QUOTE\""
expect_out_contains "1 missing"
expect_out_contains "1 errors"

pc check --format json
expect_rc 1
expect_json_field '.citations[0].status' missing '.citations[0].severity' error .summary.errors 1 \
  .summary.by_status.missing 1 '.citations[0].found_span' null '.citations[0].old_passage' "$QUOTE" \
  '.citations[0].pinned_span' "[27, 109]"

# Restoring the words restores the verdict.
cp "$TMP/bridge.orig" sources/bridge.txt
pc check
expect_rc 0
expect_out_contains "1 intact"
