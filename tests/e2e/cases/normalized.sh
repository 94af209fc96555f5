# Pins: a passage that is the same text after whitespace, line-wrap and
# typographic normalization is "normalized" (severity info): exit 0 with the
# default --fail-on error and with --fail-on warning; JSON carries the old
# and the new passage. Covers a reflow and straight-to-curly quotes.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
cat >minutes.txt <<'TXT'
Minutes of the allotment committee.
The treasurer said "the shed roof will be replaced before autumn" and the members agreed.
Any other business was deferred.
TXT
QUOTE='The treasurer said "the shed roof will be replaced before autumn" and the members agreed.'
pc_ok source add minutes.txt
pc_ok claim add --source minutes --quote "$QUOTE" --id roof
pc_ok check

# 1. Reflowed: the same words wrapped over two lines, indented.
py - <<'PY'
p = "sources/minutes.txt"
t = open(p, encoding="utf-8").read()
t = t.replace("the shed roof will be replaced ", "the shed roof will be\n   replaced ")
open(p, "w", encoding="utf-8").write(t)
PY
pc check --format json
expect_rc 0
expect_json_field '.citations[0].status' normalized '.citations[0].severity' info .summary.errors 0 \
  .summary.warnings 0 '.citations[0].found_span' "[36, 128]" '.citations[0].old_passage' "$QUOTE" \
  '.citations[0].new_passage' 'The treasurer said "the shed roof will be
   replaced before autumn" and the members agreed.'
pc check --fail-on warning
expect_rc 0
expect_out_contains "normalized:"
expect_out_contains "1 normalized"

# 2. Typography: straight quotes became curly ones, wrapping restored.
py - <<'PY'
p = "sources/minutes.txt"
t = open(p, encoding="utf-8").read()
t = t.replace("be\n   replaced", "be replaced").replace('said "', "said \u201c").replace('autumn"', "autumn\u201d")
open(p, "w", encoding="utf-8").write(t)
PY
grep -q '“the shed' sources/minutes.txt || fail "test setup: curly quotes not written"
pc check --format json
expect_rc 0
expect_json_field '.citations[0].status' normalized '.citations[0].found_span' "[36, 129]" \
  '.citations[0].new_passage' 'The treasurer said “the shed roof will be replaced before autumn” and the members agreed.'
pc check --fail-on warning
expect_rc 0
