# Pins (issue 13, point 5): a text layer that lost or gained spaces between
# words (PDF extraction: "NetherfieldParkis") still holds the quote: `claim
# add` finds a quote typed with spaces and pins the source's own bytes, and
# `check` finds the passage again as normalized, at the right place, when
# the next version has the spaces back (or loses them again); a merely
# similar passage elsewhere is never taken for it.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Chapter 1.\nMy dear Mr. Bennet, Netherfield Hall is let at last, said one.\nHave you heard that NetherfieldParkis let at last? Mrs Long told me.\n' >novel.txt
pc_ok source add novel.txt --published 1813-01-28
pc_ok claim add --source novel --id let --quote "Netherfield Park is let at last"
pc_ok claim show let --format json
expect_json_field '.citations[0].quote' "NetherfieldParkis let at last"
start=$(py -c 'import sys; print(open("sources/novel.txt","rb").read().find(b"NetherfieldParkis"))')
expect_json_field '.citations[0].span' "[$start, $((start + 29))]"
pc_ok check --format json
expect_json_field '.citations[0].status' intact
# the next capture has the spaces back, and a paragraph before it
printf 'Chapter 1.\nA preface was added.\nMy dear Mr. Bennet, Netherfield Hall is let at last, said one.\nHave you heard that Netherfield Park is let at last? Mrs Long told me.\n' >sources/novel.txt
new=$(py -c 'import sys; print(open("sources/novel.txt","rb").read().find(b"Netherfield Park is"))')
pc check --format json
expect_rc 0
expect_json_field '.citations[0].status' normalized '.citations[0].found_span' "[$new, $((new + 31))]"
# without the passage, the similar one elsewhere is not taken for it
printf 'Chapter 1.\nMy dear Mr. Bennet, Netherfield Hall is let at last, said one.\nMrs Long told me.\n' >sources/novel.txt
pc check --format json
expect_rc 1
py -c 'import json,sys
c=json.load(open(sys.argv[1]))["citations"][0]
assert c["status"] in ("missing","modified"), c
if c["status"]=="modified": assert c["found_span"] is not None' "$TMP/out" || fail "similar passage: $OUT"
# a quote typed without spaces, in a text with them: found, at its place
printf 'Split layer.\nIt is true that Nether field Park is let at last, said she.\n' >split.txt
pc_ok source add split.txt
pc_ok claim add --source split --id split --quote "Netherfield Park is let at last"
pc_ok claim show split --format json
expect_json_field '.citations[0].quote' "Nether field Park is let at last"
