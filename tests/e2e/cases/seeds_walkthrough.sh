# Pins, on a real hard-wrapped article from the seed corpus (read at test
# time, never copied into the repository): a quote spanning a line break,
# typed on one line, pins and checks intact; then the source is edited step
# by step and each drift gets its status and exit code: a paragraph inserted
# above → moved (0), the quote's lines reflowed → normalized (0), a word of
# the quote changed → missing (1), the file deleted → source_missing (1).
. "$(dirname "$0")/../lib.sh" || exit 1
skip_unless_seeds
set -- "$PROVCHECK_SEEDS"/002_*.txt
SEED=$1
[ -f "$SEED" ] || { echo "SKIP [$CASE]: no seed 002 in $PROVCHECK_SEEDS"; exit 77; }
setup_ws
cp "$SEED" "$TMP/article.txt"
pc_ok source add --allow-outside "$TMP/article.txt" --id article

# A quote across the first hard line break inside a paragraph: the last
# words of one line and the first words of the next, joined by a space.
QUOTE=$(py - sources/article.txt <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
lines = text.split("\n")
for a, b in zip(lines, lines[1:]):
    wa, wb = a.split(), b.split()
    if len(wa) >= 6 and len(wb) >= 6 and not a.endswith(" "):
        stored = " ".join(wa[-4:]) + "\n" + " ".join(wb[:4])
        if text.count(stored) == 1:
            print(stored.replace("\n", " "))
            break
PY
)
[ -n "$QUOTE" ] || fail "test setup: no hard-wrapped paragraph in $SEED"
pc_ok claim add --source article --quote "$QUOTE" --id wrapped
expect_err_contains "matched after normalizing"
STORED=$(py -c 'import json; print(json.load(open("claims/claims.json"))["claims"][0]["citations"][0]["quote"])')
[[ "$STORED" == *$'\n'* ]] || fail "the stored quote lacks the source's line break: '$STORED'"
pc_ok check
expect_out_contains "1 intact"

# edit PYTHON-EXPR: rewrite sources/article.txt as the expression's value;
# t is its text, q the stored quote, flat the quote on one line.
edit() {
  py - sources/article.txt "$STORED" "$1" <<'PY' || fail "test setup: edit failed: $1"
import sys
p, q = sys.argv[1], sys.argv[2]
flat = " ".join(q.split())
t = open(p, encoding="utf-8").read()
new = eval(sys.argv[3])
assert new != t, "the edit changed nothing"
open(p, "w", encoding="utf-8").write(new)
PY
}
edit '"A paragraph added by the test, above everything else.\n\n" + t'
pc check --format json
expect_rc 0
expect_json_field '.citations[0].status' moved

edit 't.replace(q, flat)'
pc check --format json
expect_rc 0
expect_json_field '.citations[0].status' normalized

edit 't.replace(flat, " ".join(["zzzz" if i == 1 else w for i, w in enumerate(flat.split())]))'
pc check --format json
expect_rc 0
expect_json_field '.citations[0].status' modified

edit 't.replace(" ".join(["zzzz" if i == 1 else w for i, w in enumerate(flat.split())]), "")'
pc check --format json
expect_rc 1
expect_json_field '.citations[0].status' missing

rm sources/article.txt
pc check --format json
expect_rc 1
expect_json_field '.citations[0].status' source_missing
