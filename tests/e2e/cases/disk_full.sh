# Disk full and I/O errors, on a real small file system: a 6 MiB tmpfs in a
# private mount namespace (unshare -m; skipped with a message where the
# machine forbids it). The workspace lives there with its store; a filler
# file then takes every free byte. `claim add`, `source add`, `check` (with
# a changed source, so it has results to store) and `report -o` must fail
# with exit 3 and say the disk is full, and leave every file and every
# store row exactly as it was; with the space back, the same commands work.
# Then a read-only store folder (a read-only bind mount: root ignores file
# modes) and an unreadable claims file (mode 000, read without the
# capabilities that let root read it anyway).
. "$(dirname "$0")/../lib.sh" || exit 1
if [ -z "${PROVCHECK_IN_MOUNT_NS:-}" ]; then
  if [ "$(id -u)" = 0 ]; then ns=(unshare -m); else ns=(unshare -rm); fi
  if ! "${ns[@]}" true 2>/dev/null; then
    echo "SKIP [$CASE]: cannot make a private mount namespace here (${ns[*]} refused); the disk-full test needs one"
    exit 77
  fi
  PROVCHECK_IN_MOUNT_NS=1 exec "${ns[@]}" bash "$0"
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/provcheck-e2e.XXXXXX")
trap 'umount -l "$TMP/small" 2>/dev/null; cleanup' EXIT
mkdir "$TMP/small"
mount -t tmpfs -o size=6m tmpfs "$TMP/small" || { echo "SKIP [$CASE]: cannot mount a tmpfs"; exit 77; }
WS=$TMP/small/ws
mkdir "$WS" && cd "$WS" || fail "cannot enter $WS"
pc_ok init
for i in 1 2 3; do
  printf 'Report %s.\nThe depot held %s,200 tonnes of grain in May.\nClosing words of report %s.\n' "$i" "$i" "$i" >"$TMP/r$i.txt"
done
pc_ok source add --allow-outside "$TMP/r1.txt" "$TMP/r2.txt"
pc_ok claim add --source r1 --quote "The depot held 1,200 tonnes of grain in May." --id grain-1
pc_ok claim add --source r2 --quote "The depot held 2,200 tonnes of grain in May." --id grain-2
pc_ok check

fill() { dd if=/dev/zero of="$TMP/small/filler" bs=64k 2>/dev/null; sync; }
unfill() { rm -f "$TMP/small/filler"; }
full_fails() {  # full_fails ARGS...: exit 3, says so, nothing changed
  snapshot_state
  pc "$@"
  expect_rc 3
  says_full
  expect_state_unchanged
}
# The operating system's words (files) or SQLite's (the store).
says_full() {
  [[ "$ERR" == *"No space left on device"* || "$ERR" == *"database or disk is full"* ]] ||
    fail "the message does not say the disk is full"
}

# A changed source: the check after this has new results to store.
sed -i 's/1,200/1,250/' sources/r1.txt
fill
full_fails claim add --source r2 --quote "Closing words of report 2." --id closing-2
full_fails source add --allow-outside "$TMP/r3.txt"
full_fails check
snapshot_state
pc report --format html -o reports/full.html
expect_rc 3
says_full
[ ! -e reports/full.html ] || fail "report -o left a file on a full disk"
ls -A reports | grep -q 'tmp' && fail "report -o left a temporary file: $(ls -A reports)"
expect_state_unchanged

unfill
pc_ok claim add --source r2 --quote "Closing words of report 2." --id closing-2
pc_ok source add --allow-outside "$TMP/r3.txt"
pc check --format json
expect_rc 1
expect_json_field '.citations[0].claim' closing-2 '.citations[0].status' intact \
  '.citations[1].claim' grain-1 '.citations[1].status' figure_changed '.citations[2].status' intact
pc report --format html -o reports/full.html
expect_rc 1
[ -s reports/full.html ] || fail "report -o wrote nothing with the space back"
py - "$WS/.provcheck/store.db" <<'PY' || fail "store damaged after the disk-full failures"
import sqlite3, sys
r = sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchall()
assert r == [("ok",)], r
PY

# A read-only store folder: every command that writes the store fails with
# exit 3 naming the problem; files stay as they were.
mount --bind .provcheck .provcheck && mount -o remount,bind,ro .provcheck || fail "cannot make .provcheck read-only"
sed -i 's/1,250/1,200/' sources/r1.txt
files_state() { find sources claims -type f -print0 | sort -z | xargs -0 sha256sum; }
files_state >"$TMP/files.before"
pc check
expect_rc 3
expect_err_contains "check that the folder .provcheck/ and its files are writable"
pc claim add --source r3 --quote "Closing words of report 3." --id closing-3
expect_rc 3
files_state | cmp -s - "$TMP/files.before" || fail "files changed with a read-only store"
umount .provcheck || fail "cannot unmount the read-only bind"

# An unreadable claims file: exit 3 (provcheck could not read its input),
# the file named; the other claims files and the store untouched.
cp claims/claims.json claims/locked.json
sed -i 's/"grain-1"/"locked-1"/; s/"grain-2"/"locked-2"/; s/"closing-2"/"locked-3"/' claims/locked.json
chmod 000 claims/locked.json
unprivileged=("$PROVCHECK")
if [ "$(id -u)" = 0 ]; then
  command -v setpriv >/dev/null || { echo "SKIP [$CASE]: unreadable-file part needs setpriv as root"; exit 77; }
  unprivileged=(setpriv --bounding-set=-dac_override,-dac_read_search "$PROVCHECK")
fi
snapshot_state
"${unprivileged[@]}" check >"$TMP/out" 2>"$TMP/err"
RC=$? OUT=$(cat "$TMP/out") ERR=$(cat "$TMP/err") LAST_CMD="check (claims/locked.json unreadable)"
expect_rc 3
expect_err_contains "claims/locked.json"
expect_err_contains "Permission denied"
expect_state_unchanged
