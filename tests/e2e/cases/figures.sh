# Pins: `provcheck figures` lists every figure of the named sources (all
# sources without an argument) as JSON Lines with the DESIGN.md keys and
# offsets into the source's text layer, or as a table; an unknown source id
# is exit 2 naming it and changes nothing; a .md source works the same.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
cat >"$TMP/ferry.txt" <<'TXT'
The ferry service resumed on March 3, 2019, after nine months.
Some 1,250 passengers crossed in the first week, about 60% of the old traffic.
TXT
printf '# Budget\n\nThe council set aside $4.5 million, up to three-quarters of it for [12,000](#) homes.\n' >"$TMP/budget.md"
pc_ok source add --allow-outside "$TMP/ferry.txt" --id ferry
# The file-bytes layer keeps the markup: "[12,000](#)" gives the number's span only.
pc_ok source add --allow-outside --text-layer identity "$TMP/budget.md" --id budget

pc_ok figures ferry --format json
[ "$(printf '%s\n' "$OUT" | wc -l)" -eq 5 ] || fail "expected 5 figures in ferry"
py - "$TMP/out" sources/ferry.txt <<'PY' || fail "figures JSON is wrong (above)"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
text = open(sys.argv[2], "rb").read()
keys = ["source", "start", "end", "text", "kind", "value", "unit", "approx", "low", "high"]
for o in lines:
    assert list(o) == keys, o
    assert text[o["start"]:o["end"]].decode() == o["text"], o
got = [(o["text"], o["kind"], o["value"], o["unit"], o["approx"], o["low"], o["high"]) for o in lines]
want = [("March 3, 2019", "date", "2019-03-03", None, None, "2019-03-03", "2019-03-03"),
        ("nine months", "duration", 9, "months", None, 9, 9),
        ("1,250", "count", 1250, "passengers", "some", 1125, 1375),
        ("first", "ordinal", 1, None, None, 1, 1),
        ("60%", "percent", 60, "percent", "about", 54, 66)]
assert got[:3] == want[:3] and got[4] == want[4], got
assert got[3] == want[3], got
PY

pc_ok figures --format json
py - "$TMP/out" sources/budget.md <<'PY' || fail "figures of all sources are wrong (above)"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert [o["source"] for o in lines] == ["budget"] * 3 + ["ferry"] * 5, [o["source"] for o in lines]
text = open(sys.argv[2], "rb").read()
b = [o for o in lines if o["source"] == "budget"]
assert [(o["text"], o["kind"], o["value"], o["unit"]) for o in b] == [
    ("$4.5 million", "money", 4500000, "USD"), ("three-quarters", "fraction", 0.75, None),
    ("12,000", "count", 12000, "homes")], b
assert b[1]["approx"] == "up to" and b[1]["low"] is None, b[1]
assert text[b[2]["start"]:b[2]["end"]] == b"12,000", b[2]
PY

pc_ok figures ferry
expect_out_contains "KIND"
expect_out_contains "1125..1375"
expect_out_contains '"nine months"'
expect_out_contains "5 figures in 1 source"

snapshot_state
pc figures ferry no-such-source
expect_rc 2
expect_err_contains "no-such-source"
[ -z "$OUT" ] || fail "nothing should be printed for a failed run"
expect_state_unchanged
