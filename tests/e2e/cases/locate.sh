# Pins: `provcheck locate` works without a workspace, streams one JSON line
# per selector with the statuses of check (intact, normalized, moved,
# missing, source_missing), keeps ids as given (numbers become strings),
# and stops with exit 2 naming the line of a malformed selector.
. "$(dirname "$0")/../lib.sh" || exit 1
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT; cd "$TMP"
printf 'Line one.\nThe bridge reopened on Monday after repairs.\nEnd.\n' >a.txt
printf 'New first line.\nLine one.\nThe bridge reopened\non Monday after repairs.\nEnd.\n' >b.txt
printf 'A preface.\nLine one.\nThe bridge reopened on Monday after repairs.\nEnd.\n' >c.txt
printf 'Line one.\nThe bridge stayed shut on Monday after repairs.\nEnd.\n' >d.txt
sel() { printf '{"id": %s, "text_file": "%s", "exact": "The bridge reopened on Monday", "prefix": "Line one.\\n", "suffix": " after", "start": 10, "end": 39}\n' "$1" "$2"; }
{ sel '"a"' a.txt; sel '"b"' b.txt; sel 7 c.txt; sel '"d"' d.txt; sel '"e"' gone.txt; } >sel.jsonl
pc locate sel.jsonl
expect_rc 0
[ "$(printf '%s\n' "$OUT" | wc -l)" -eq 5 ] || fail "expected 5 output lines, got: $OUT"
line() { printf '%s\n' "$OUT" | sed -n "$1p"; }
for n in 1 2 3 4 5; do
  case $n in 1) want='"id":"a","status":"intact","start":10,"end":39' ;;
             2) want='"id":"b","status":"normalized","start":26,"end":55' ;;
             3) want='"id":"7","status":"moved","start":21,"end":50' ;;
             4) want='"id":"d","status":"missing","start":null' ;;
             5) want='"id":"e","status":"source_missing"' ;; esac
  case "$(line $n)" in *"$want"*) ;; *) fail "line $n: expected $want in: $(line $n)" ;; esac
done
# stdin works the same; a bad line stops with exit 2 and its line number
{ sel '"a"' a.txt; echo '{"id": "x", "exact": "y", "start": 0, "end": 1}'; } >bad.jsonl
pc locate <bad.jsonl
expect_rc 2
expect_err_contains "<stdin>:2: missing \"text_file\""
expect_out_contains '"id":"a","status":"intact"'
# Many selectors over many files (judged on worker threads): one output line
# each, in input order; a bad line deep in the input stops the output right
# before it.
for n in $(seq 1 40); do printf 'Line one.\nThe bridge reopened on Monday after repairs.\n' >"f$n.txt"; done
: >many.jsonl
for i in $(seq 1 400); do sel "\"s$i\"" "f$(( (i / 7) % 40 + 1 )).txt" >>many.jsonl; done
pc locate many.jsonl
expect_rc 0
[ "$(printf '%s\n' "$OUT" | sed 's/^{"id":"\([^"]*\)".*/\1/' | tr '\n' ' ')" = "$(seq -f 's%g' 1 400 | tr '\n' ' ')" ] ||
  fail "output is not in input order"
# Input in any order (lines into one file far apart, judged grouped by file
# within a window): the same verdict for each id, still in input order.
printf '%s\n' "$OUT" >many.out
{ sel '"m1"' b.txt; sel '"m2"' c.txt; sel '"m3"' d.txt; cat many.jsonl; sel '"m4"' b.txt; sel '"m5"' c.txt; } |
  awk '{ print (NR * 7919) % 409 "\t" $0 }' | sort -n | cut -f2- >mixed.jsonl
pc locate mixed.jsonl
expect_rc 0
printf '%s\n' "$OUT" >mixed.out
py - mixed.jsonl many.out mixed.out <<'PY' || fail "a mixed input order changed a verdict or the output order"
import json, sys
ids = [json.loads(l)["id"] for l in open(sys.argv[1])]
out = [json.loads(l) for l in open(sys.argv[3])]
assert [str(i) for i in ids] == [o["id"] for o in out], "not in input order"
want = {json.loads(l)["id"]: l.strip() for l in open(sys.argv[2])}
by_id = {o["id"]: o for o in out}
for k, line in want.items():
    assert by_id[k] == json.loads(line), (k, by_id[k], line)
assert by_id["m1"]["status"] == "normalized" and by_id["m2"]["status"] == "moved" and by_id["m5"]["status"] == "moved"
assert by_id["m3"]["status"] == "missing" and by_id["m4"]["status"] == "normalized"
PY
{ head -n 250 many.jsonl; echo 'not json'; tail -n 150 many.jsonl; } >late-bad.jsonl
pc locate late-bad.jsonl
expect_rc 2
expect_err_contains "late-bad.jsonl:251"
[ "$(printf '%s\n' "$OUT" | wc -l)" -eq 250 ] || fail "expected the 250 lines before the bad one"
# --threshold overrides a threshold for tuning sweeps; an unknown name is exit 2.
pc locate --threshold fuzzy_similar=0.8 --threshold fuzzy_tie=0.05 sel.jsonl
expect_rc 0
pc locate --threshold nope=1 sel.jsonl
expect_rc 2
expect_err_contains "expected NAME=NUMBER with NAME one of context_accept"
pc locate --threshold fuzzy_similar=high sel.jsonl
expect_rc 2
