# Pins: a paragraph inserted before the quoted passage leaves its bytes intact
# elsewhere: status moved (severity ok), exit 0, found_span shifted by exactly
# the inserted length, and the message says where it went.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
cat >report.txt <<'TXT'
The valley road was closed for most of the winter.

Crews cleared the last drift on the ninth of March, after eleven weeks of work.

Traffic resumed the following Monday.
TXT
pc_ok source add report.txt
pc_ok claim add --source report --quote "Crews cleared the last drift on the ninth of March" --id cleared
pc_ok check

INSERT=$'An editor\'s note was added at the top of the page.\n\n'
{ printf '%s' "$INSERT"; cat sources/report.txt; } >"$TMP/new" && mv "$TMP/new" sources/report.txt
pc check --format json
expect_rc 0
expect_json_field '.citations[0].status' moved '.citations[0].severity' ok .summary.errors 0 \
  '.citations[0].pinned_span' "[52, 102]" '.citations[0].found_span' "[$((52 + ${#INSERT})), $((102 + ${#INSERT}))]"
expect_json_field '.citations[0].message' "moved from bytes 52-102 to bytes $((52 + ${#INSERT}))-$((102 + ${#INSERT})) (line 5)"
pc check
expect_rc 0
expect_out_contains "1 moved"
# Text output names the new place (issue 12 item 10): old and new span.
expect_out_contains "moved:"
expect_out_contains "claim cleared cites report [52-102] -> now at [$((52 + ${#INSERT}))-$((102 + ${#INSERT}))] (ok)"
# -o FILE: the report goes to the file, the terminal gets one summary line.
pc check -o reports/check.txt
expect_rc 0
[ "$OUT" = "1 claims, 1 citations, 1 sources: 1 moved; 0 conflicts; 0 errors, 0 warnings" ] || fail "not one summary line: $OUT"
expect_err_contains "wrote reports/check.txt"
grep -q -- "-> now at \[$((52 + ${#INSERT}))-" reports/check.txt || fail "the file lacks the moved citation"
pc check --format json -o reports/check.json
expect_rc 0
[ "$(printf '%s\n' "$OUT" | wc -l)" = 1 ] || fail "json -o prints more than one line: $OUT"
expect_out_contains "1 moved; 0 conflicts"
py -c 'import json; json.load(open("reports/check.json"))' || fail "reports/check.json is not JSON"
