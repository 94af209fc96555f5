# Pins: a repeated check gives the same output (text and JSON); the stat cache
# never hides an in-place edit that keeps the file's size and inode: not when
# the edit lands in the same timestamp as the last check (mtime restored with
# touch -r, as a coarse clock would leave it), and not after the cache has
# settled (old mtimes, a cached run in between).
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Weather log.\nThe storm brought down forty trees along the coast road.\nPower returned by noon.\n' >storm.txt
pc_ok source add storm.txt
pc_ok claim add --source storm --quote "The storm brought down forty trees along the coast road." --id trees

# swap_in_place: exchange the letters of "forty" <-> "froty" without a new inode.
swap_in_place() {
  py - sources/storm.txt "$1" "$2" <<'PY'
import sys
with open(sys.argv[1], "r+b") as f:
    t = f.read()
    at = t.find(sys.argv[2].encode())
    assert at >= 0, "text to swap not found"
    f.seek(at)
    f.write(sys.argv[3].encode())
PY
}
inode() { stat -c %i sources/storm.txt; }

pc_ok check; T1=$OUT
pc_ok check; [ "$OUT" = "$T1" ] || fail "second text check differs from the first: '$T1'"
pc_ok check --format json; J1=$OUT
pc_ok check --format json; [ "$OUT" = "$J1" ] || fail "second JSON check differs from the first"

# 1. Same size, same inode, same mtime as when the last check ran.
cp -p sources/storm.txt "$TMP/ref"
INO=$(inode)
swap_in_place forty froty
touch -r "$TMP/ref" sources/storm.txt
[ "$(inode)" = "$INO" ] && [ "$(stat -c %s.%Y.%y sources/storm.txt)" = "$(stat -c %s.%Y.%y "$TMP/ref")" ] \
  || fail "test setup: the edit changed inode, size or mtime"
pc check
expect_rc 1
expect_out_contains "1 figure_changed"
swap_in_place froty forty
touch -r "$TMP/ref" sources/storm.txt
pc_ok check
expect_out_contains "1 intact"

# 2. Settled cache: every input two hours old, two checks (the second served
# from the cache), then an in-place edit of the same size.
touch -d '2 hours ago' sources/* claims/*
pc_ok check; T2=$OUT
pc_ok check; [ "$OUT" = "$T2" ] || fail "cached check differs from the full one: '$T2'"
[ "$T2" = "$T1" ] || fail "check output changed although nothing did: '$T1' vs '$T2'"
swap_in_place forty frotY
[ "$(inode)" = "$INO" ] || fail "test setup: the edit changed the inode"
pc check --format json
expect_rc 1
expect_json_field '.citations[0].status' figure_changed
pc check
expect_rc 1
