# Pins: wrong input exits 2 with a message that says what to do, and changes
# nothing (files in sources/ and claims/, store rows): unknown source id,
# duplicate claim id, empty quote, a quote not in the source (with a hint),
# source add of a missing file, a folder, a binary file, an unsupported
# type, a duplicate source id, a bad --format, a bad --to or id.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Choir newsletter.\nRehearsals move to the village hall from the first of October.\n' >choir.txt
pc_ok source add choir.txt
pc_ok claim add --source choir --quote "Rehearsals move to the village hall" --id hall
snapshot_state

# bad CMD... : expect exit 2, a message containing $MSG, and no change.
bad() {
  pc "$@"
  expect_rc 2
  expect_err_contains "$MSG"
  expect_state_unchanged
}
MSG="unknown source id 'choirs'; known sources: choir" bad claim add --source choirs --quote "Rehearsals"
MSG="a claim with id 'hall' already exists" bad claim add --source choir --quote "the first of October" --id hall
MSG="the quote is empty" bad claim add --source choir --quote ""
MSG="the quote is empty" bad claim add --source choir --quote "   "
MSG="the closest passage (similarity 0.80, line 2, bytes 18-58) is:
  \"Rehearsals move to the village hall from\"
  word diff from the quote to it (after normalization): Rehearsals move to the village hall [-on Mondays-]{+from+}
  to pin it, run: provcheck claim add --source choir --quote 'Rehearsals move to the village hall from'" bad claim add --source choir --quote "Rehearsals move to the village hall on Mondays"
MSG="nothing close to it occurs in the source" bad claim add --source choir --quote "Something the newsletter never said"
MSG="occurrence 0 is out of range" bad claim add --source choir --quote "Rehearsals" --occurrence 0
MSG="claims files are .json files inside claims/" bad claim add --source choir --quote "Rehearsals" --to other/x.json
MSG="claim id 'Hall Two' is not valid" bad claim add --source choir --quote "Rehearsals" --id "Hall Two"

MSG="nothing.txt: cannot stat" bad source add --allow-outside "$TMP/nothing.txt"
mkdir "$TMP/folder.txt"
MSG="is a folder" bad source add --allow-outside "$TMP/folder.txt"
printf 'ab\0cd\0\1\2\3' >"$TMP/blob.txt"
MSG="looks like a binary file" bad source add --allow-outside "$TMP/blob.txt"
printf '<p>hello</p>\n' >"$TMP/page.docx"
MSG="unsupported source type '.docx'" bad source add --allow-outside "$TMP/page.docx"
printf "Another file.\n" | tee "$TMP/choir.txt" >"$TMP/notes.md"
MSG="a source with id 'choir' already exists" bad source add --allow-outside "$TMP/choir.txt"
MSG="a source with id 'choir' already exists" bad source add --allow-outside "$TMP/notes.md" --id choir
MSG="is not a valid source id" bad source add --allow-outside "$TMP/choir.txt" --id "Choir!"
MSG="give an ISO date" bad source add --allow-outside "$TMP/choir.txt" --id other --published yesterday
[ ! -e sources/other.txt ] || fail "a refused source add left sources/other.txt behind"

MSG="--format: xml not in {text,json,md,junit,sarif,github}" bad check --format xml
MSG="--fail-on" bad check --fail-on info
MSG="" bad frobnicate
