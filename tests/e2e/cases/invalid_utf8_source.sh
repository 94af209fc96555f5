# Pins: a .txt with one invalid byte (0xFF) is accepted with a warning that
# names its byte offset and line; offsets are raw bytes, so quotes before and
# after the bad byte pin exactly where Python's bytes.find puts them and
# check intact; a quote spanning the bad byte is refused (exit 2, no change).
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Shop sign, photographed.\nOpen daily \xff except Sundays.\nDeliveries arrive on Wednesday mornings.\n' >sign.txt
find_bytes() { py -c 'import sys; print(open("sources/sign.txt", "rb").read().find(sys.argv[1].encode("utf-8", "surrogateescape")))' "$1"; }
pc_ok source add sign.txt
BAD=$(find_bytes $'\xff')
[ "$BAD" = 36 ] || fail "test setup: the bad byte should be at 36, is at $BAD"
expect_err_contains "sign.txt: 1 byte(s) are not valid UTF-8 (first at byte $BAD, line 2)"
cmp -s sign.txt sources/sign.txt || fail "the source was not stored byte-exact"

A="Deliveries arrive on Wednesday mornings."
B="Open daily"
pc_ok claim add --source sign --quote "$A" --id deliveries
pc_ok claim add --source sign --quote "$B" --id open
SA=$(find_bytes "$A") SB=$(find_bytes "$B")
pc_ok check --format json
expect_json_field .summary.by_status.intact 2 \
  '.citations[0].claim' deliveries '.citations[0].pinned_span' "[$SA, $((SA + ${#A}))]" \
  '.citations[1].claim' open '.citations[1].pinned_span' "[$SB, $((SB + ${#B}))]"

snapshot_state
for q in $'daily \xff except' "daily � except"; do
  pc claim add --source sign --quote "$q" --id spans-bad-byte
  expect_rc 2
  expect_err_contains "the matched passage contains bytes that are not valid UTF-8"
done
expect_state_unchanged
