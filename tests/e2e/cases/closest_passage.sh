# Pins (issue 12 item 8): a quote that is not in the source names the
# closest passage (similarity, word diff against what was typed) and the
# command that pins it; that command, run as printed, pins the passage.
# Nothing is written by the refused command. `claim import` says which
# line to change.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Field report.\nMonitors counted about 270,000 people still living in\nthe eastern districts, where the bakeries had closed.\nNo aid arrived.\n' >field.txt
pc_ok source add field.txt
snapshot_state
# Most of the quote occurs, but its beginning and a figure differ.
pc claim add --source field --quote "Observers counted about 250,000 people still living in the eastern districts" \
  --id east --subject "eastern districts" --metric population --value "about 270,000"
expect_rc 2
expect_state_unchanged
expect_err_contains "the closest passage (similarity 0."
expect_err_contains "\"Monitors counted about 270,000 people still living in the eastern districts\""
expect_err_contains "[-Observers-]{+Monitors+} counted about [-250,000-]{+270,000+} people"
CMD=$(printf '%s\n' "$ERR" | sed -n 's/^  to pin it, run: provcheck //p')
[ -n "$CMD" ] || fail "no pinning command"
[[ "$CMD" == *"--id east --subject 'eastern districts' --metric population --value 'about 270,000'"* ]] || fail "flags lost: $CMD"
eval "pc $CMD"
expect_rc 0
pc_ok check --format json
[ "$(json_get '.citations[0].status')" = intact ] || fail "the suggested pin is not intact: $OUT"
py - <<'PY' || fail "the pinned bytes are not the source's"
import json
ct = json.load(open("claims/claims.json", encoding="utf-8"))["claims"][0]["citations"][0]
assert ct["quote"] == "Monitors counted about 270,000 people still living in\nthe eastern districts", ct
PY
# Import: the line is named and the fix is to its "quote".
printf '{"source": "field", "quote": "where the bakery had closed", "id": "bakeries"}\n' >"$TMP/c.jsonl"
pc claim import "$TMP/c.jsonl"
expect_rc 2
expect_err_contains "c.jsonl:1"
expect_err_contains "\"where the bakeries had closed\""
expect_err_contains "to pin it, set \"quote\" on that line to that passage"
