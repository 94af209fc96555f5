# Pins: `init` is idempotent (a second run says so and lists .provcheck/ in
# .gitignore only once, keeping lines already there); commands find the
# workspace root from a subfolder; `-C DIR` runs as if started in DIR.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
expect_out_contains "created a provcheck workspace"
for d in sources claims reports .provcheck; do [ -d "$d" ] || fail "init did not create $d/"; done

printf 'build/\n' >>.gitignore
pc_ok init
expect_out_contains "already set up"
[ "$(grep -cx '.provcheck/' .gitignore)" = 1 ] || fail ".gitignore lists .provcheck/ more than once: $(cat .gitignore)"
grep -qx 'build/' .gitignore || fail "init dropped an existing .gitignore line"

printf 'A short note written for this test.\n' >note.txt
pc_ok source add note.txt
pc_ok claim add --source note --quote "A short note" --id c1

cd sources || fail "cannot enter sources/"
pc_ok claim list
expect_out_contains "c1"
expect_out_contains "claims/claims.json"
cd "$TMP" || fail "cannot enter $TMP"
pc_ok -C ws claim list
expect_out_contains "c1"
pc_ok -C "$WS/claims" check
expect_out_contains "1 intact"

# Outside any workspace: a clear exit 2, not a new store.
mkdir "$TMP/elsewhere"
pc -C "$TMP/elsewhere" claim list
expect_rc 2
expect_err_contains "provcheck init"
[ ! -e "$TMP/elsewhere/.provcheck" ] || fail "a command outside a workspace created .provcheck/"

# init DIR makes a workspace in another folder.
pc_ok init "$TMP/second"
[ -d "$TMP/second/.provcheck" ] || fail "init DIR did not create DIR/.provcheck"
