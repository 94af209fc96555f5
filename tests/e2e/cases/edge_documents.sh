# Pins the hard cases of the drift engine on whole documents: a quote at the
# very start and at the very end of a document (intact, then moved when text
# is added before it, then modified when a word changes); an empty source
# (nothing to quote; a quoted source emptied is missing); a source replaced
# by a binary file (source_missing, with a message that says so, never a crash);
# and a 50 MB document with the quote near its end, edited near its start
# and inside the quote.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Opening words of the bulletin come first.\nA middle line.\nClosing words of the bulletin end it.' >edges.txt
pc_ok source add edges.txt
pc_ok claim add --source edges --id first --quote "Opening words of the bulletin come first."
pc_ok claim add --source edges --id last --quote "Closing words of the bulletin end it."
pc_ok check

printf 'A new headline.\n' | cat - sources/edges.txt >"$TMP/e" && cp "$TMP/e" sources/edges.txt
pc check --format json
expect_rc 0
expect_json_field '.citations[0].status' moved '.citations[1].status' moved

sed -i 's/end it\./close it./; s/come first/go first/' sources/edges.txt
pc check --format json
expect_rc 0
expect_json_field '.citations[0].status' modified '.citations[1].status' modified \
  '.citations[1].diff' 'Closing words of the bulletin [-end-]{+close+} it.'

# An empty document: nothing can be quoted in it; a quoted source emptied is missing.
: >empty.txt
pc_ok source add empty.txt
pc claim add --source empty --quote "anything"
expect_rc 2
expect_err_contains "not found"
: >sources/edges.txt
pc check --format json
expect_rc 1
expect_json_field '.citations[0].status' missing '.citations[1].status' missing

# A binary file in place of the text: the source is unusable as text.
head -c 65536 /dev/urandom >sources/edges.txt
pc check --format json
expect_rc 1
expect_json_field '.citations[0].status' source_missing '.citations[1].status' source_missing \
  '.citations[0].message' 'sources/edges.txt is now a binary file, not text'

# 50 MB: a quote near the end; text inserted at the start and a word changed in the quote.
py -c '
import random
r = random.Random(7)
words = "the of and aid convoy city district families river bridge council report week month people road".split()
block = "".join(" ".join(r.choice(words) for _ in range(14)) + ".\n" for _ in range(2000))
body = block * (50 * 1024 * 1024 // len(block) + 1)
cut = body.rfind("\n", 0, len(body) - 4000) + 1
quote = "The council counted 12,345 displaced families in the northern camps this winter.\n"
open("big.txt", "w").write(body[:cut] + quote + body[cut:])
'
pc_ok source add big.txt
pc_ok claim add --source big --id big --quote "The council counted 12,345 displaced families in the northern camps this winter."
printf 'Preface.\n' | cat - sources/big.txt >"$TMP/b" && mv "$TMP/b" sources/big.txt
sed -i 's/displaced families in the northern/displaced households in the northern/' sources/big.txt
pc check --format json
expect_rc 1
expect_json_field '.citations[0].claim' big '.citations[0].status' modified \
  '.citations[0].diff' 'The council counted 12,345 displaced [-families-]{+households+} in the northern camps this winter.'
