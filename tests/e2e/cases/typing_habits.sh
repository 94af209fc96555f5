# Pins (issue 12 item 7): quotes typed with the habits of a plain keyboard
# find the source's characters, and the other way round: a letter without
# its combining mark ("Erdogan" for "Erdoğan"), a precomposed letter for a
# decomposed one, "--" for an en or em dash, "..." for "…". The claims file
# keeps the source's exact bytes. A pin written by the previous normalizer
# (norm1 digests) still checks intact: a normalizer change is not drift.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
# Source with typographic characters; the quotes are typed plainly.
printf 'Wire report.\nPresident Erdo\xc4\x9fan said the talks\xe2\x80\x94held in Ankara\xe2\x80\x94would go on\xe2\x80\xa6 for now.\nMore later.\n' >wire.txt
pc_ok source add wire.txt
pc_ok claim add --source wire --quote "President Erdogan said the talks -- held in Ankara--would go on... for now." --id talks
# Source typed plainly, with a decomposed accent; the quote is typographic.
printf 'Notes.\nThe mayor of Beyog\xcc\x86lu said -- twice -- that the caf\xc3\xa9 would stay open...\n' >notes.txt
pc_ok source add notes.txt
pc_ok claim add --source notes --quote "mayor of Beyo$(printf '\xc4\x9f')lu said$(printf '\xe2\x80\x94')twice$(printf '\xe2\x80\x94')that the cafe would stay open$(printf '\xe2\x80\xa6')" --id mayor
py - <<'PY' || fail "stored quotes are not the sources' exact bytes"
import json
claims = {c["id"]: c for c in json.load(open("claims/claims.json", encoding="utf-8"))["claims"]}
for cid, src in (("talks", "sources/wire.txt"), ("mayor", "sources/notes.txt")):
    ct = claims[cid]["citations"][0]
    data = open(src, "rb").read()
    assert data[ct["start"]:ct["end"]] == ct["quote"].encode(), (cid, ct)
    assert ct["normalized_hash"].startswith("xxh3-64+norm2:"), ct
assert claims["talks"]["citations"][0]["quote"] == "President Erdo\u011fan said the talks\u2014held in Ankara\u2014would go on\u2026 for now."
assert claims["mayor"]["citations"][0]["quote"] == "mayor of Beyog\u0306lu said -- twice -- that the caf\u00e9 would stay open..."
PY
pc_ok check
expect_out_contains "2 intact"
# A pin from the previous normalizer: its digest names norm1.
py - <<'PY' || fail "cannot rewrite the digest"
import json
path = "claims/claims.json"
doc = json.load(open(path, encoding="utf-8"))
for c in doc["claims"]:
    c["citations"][0]["normalized_hash"] = "xxh3-64+norm1:0123456789abcdef"
open(path, "w", encoding="utf-8").write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
PY
pc_ok check --format json
[ "$(json_get .summary.by_status.intact)" = 2 ] || fail "norm1 pins are not intact: $OUT"
# The source drops its accent and swaps its dashes: same text after
# normalization, so the citation is `normalized` (info), not modified.
printf 'Wire report.\nPresident Erdogan said the talks -- held in Ankara -- would go on... for now.\nMore later.\n' >sources/wire.txt
pc_ok check --format json
[ "$(json_get '.citations[1].status')" = normalized ] || [ "$(json_get '.citations[0].status')" = normalized ] ||
  fail "an accent and dash change is not reported as normalized: $OUT"
