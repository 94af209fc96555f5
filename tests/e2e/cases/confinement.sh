# Pins: local paths outside the workspace, and symbolic links inside it that
# lead out of it, are refused with exit 2 and a message naming
# --allow-outside, and nothing is written; with --allow-outside they are
# captured (copied into sources/). A file elsewhere inside the workspace is
# fine without the flag. Only http and https URLs are captured.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'A note kept outside the workspace.\n' >"$TMP/outside.txt"
mkdir notes
printf 'A note kept inside the workspace.\n' >notes/inside.txt
ln -s "$TMP/outside.txt" notes/link.txt
ln -s "$TMP/outside.txt" sources/linked.txt
ln -s "$TMP" notes/dir-link
snapshot_state

pc source add "$TMP/outside.txt"
expect_rc 2
expect_err_contains "outside the workspace"
expect_err_contains "--allow-outside"
expect_state_unchanged
pc source add ../outside.txt
expect_rc 2
expect_err_contains "outside the workspace"
pc source add notes/link.txt
expect_rc 2
expect_err_contains "a symbolic link that leads out of the workspace"
expect_err_contains "--allow-outside"
expect_state_unchanged
pc source add sources/linked.txt
expect_rc 2
expect_err_contains "a symbolic link that leads out of the workspace"
pc source add notes/dir-link/outside.txt --id via-dir
expect_rc 2
expect_err_contains "--allow-outside"
expect_state_unchanged
pc source add "file://$TMP/outside.txt"
expect_rc 2
expect_err_contains "only http and https URLs can be captured, not file"
expect_state_unchanged

pc_ok source add notes/inside.txt
expect_out_contains "added source inside"
pc_ok source add --allow-outside "$TMP/outside.txt"
expect_out_contains "added source outside (sources/outside.txt"
[ ! -L sources/outside.txt ] && cmp -s sources/outside.txt "$TMP/outside.txt" || fail "not copied into sources/"
pc_ok source add --allow-outside notes/link.txt --id link
[ ! -L sources/link.txt ] || fail "a symbolic link was stored instead of the bytes"
