# Pins: `claim import` is all or nothing. A bad line 3 (unknown source id, a
# syntax error, an unknown field) exits 2 naming FILE:3 and adds nothing, not
# even the good lines before it; a duplicate id inside the import, or one
# already in claims/, exits 2; a valid import adds every claim.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
cat >market.txt <<'TXT'
Market day report.
Eggs sold out before ten.
The cheese stall moved to the square.
A busker played until the rain came.
TXT
pc_ok source add market.txt
pc_ok claim add --source market --quote "Eggs sold out before ten." --id eggs
L1='{"source": "market", "quote": "The cheese stall moved to the square.", "id": "cheese"}'
L2='{"source": "market", "quote": "A busker played until the rain came.", "id": "busker", "tags": ["music"]}'
snapshot_state

printf '%s\n%s\n%s\n' "$L1" "$L2" '{"source": "fair", "quote": "Eggs sold out", "id": "fair-eggs"}' >"$TMP/bad.jsonl"
pc claim import "$TMP/bad.jsonl"
expect_rc 2
expect_err_contains "$TMP/bad.jsonl:3: unknown source id 'fair'; known sources: market"
expect_state_unchanged

printf '%s\n%s\n%s\n' "$L1" "$L2" '{"source": "market", "quote": "Eggs"' >"$TMP/bad.jsonl"
pc claim import "$TMP/bad.jsonl"
expect_rc 2
expect_err_contains "$TMP/bad.jsonl:3:"
expect_err_contains "invalid JSON"
expect_state_unchanged

printf '%s\n%s\n%s\n' "$L1" "$L2" '{"source": "market", "qoute": "Eggs"}' >"$TMP/bad.jsonl"
pc claim import "$TMP/bad.jsonl"
expect_rc 2
expect_err_contains "$TMP/bad.jsonl:3:"
expect_err_contains 'unknown field "qoute" in a claim line; did you mean "quote"?'
expect_state_unchanged

printf '%s\n%s\n%s\n' "$L1" "$L2" "$L1" >"$TMP/dup.jsonl"
pc claim import "$TMP/dup.jsonl"
expect_rc 2
expect_err_contains "$TMP/dup.jsonl:3: a claim with id 'cheese' already exists"
expect_state_unchanged

printf '%s\n' '{"source": "market", "quote": "Eggs sold out before ten.", "occurrence": 1, "id": "eggs"}' >"$TMP/dup.jsonl"
pc claim import "$TMP/dup.jsonl"
expect_rc 2
expect_err_contains "a claim with id 'eggs' already exists"
expect_state_unchanged

printf '%s\n\n%s\n' "$L1" "$L2" >"$TMP/good.jsonl"
pc_ok claim import "$TMP/good.jsonl"
expect_out_contains "added 2 claims to claims/claims.json"
pc_ok claim list
for id in eggs cheese busker; do expect_out_contains "$id"; done
pc_ok check --format json
expect_json_field .summary.claims 3 .summary.by_status.intact 3
