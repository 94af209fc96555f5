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
