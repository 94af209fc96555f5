# `claim add` and `claim import` read only the sidecars of the sources they
# cite (a malformed sidecar elsewhere does not stop them; `check` still names
# it), and take the ids of other claims files from a stat-keyed cache in
# .provcheck/ that a hand edit keeping size and mtime cannot fool: a
# duplicate id is refused either way, with the message of a full load.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'The ferry ran twice a day in summer.\nThe market opened at six.\n' >"$TMP/ferry.txt"
printf 'The pier was rebuilt in 1998.\n' >"$TMP/pier.txt"
pc_ok source add --allow-outside "$TMP/ferry.txt" --id ferry
pc_ok source add --allow-outside "$TMP/pier.txt" --id pier
pc_ok claim add --source ferry --quote "The ferry ran twice a day in summer." --id ferry-1 --to claims/a.json
pc_ok claim add --source pier --quote "The pier was rebuilt in 1998." --id pier-1 --to claims/b.json

# An unrelated sidecar that does not parse: adding to ferry still works.
cp sources/pier.meta.json "$TMP/pier.meta.json"
printf '{ not json' >sources/pier.meta.json
pc_ok claim add --source ferry --quote "The market opened at six." --id ferry-2 --to claims/a.json
pc check
expect_rc 2
expect_err_contains "sources/pier.meta.json"
cp "$TMP/pier.meta.json" sources/pier.meta.json
# The cited one must parse.
cp sources/ferry.meta.json "$TMP/ferry.meta.json"
printf '{ not json' >sources/ferry.meta.json
pc claim add --source ferry --quote "The market opened at six." --id ferry-3 --to claims/c.json
expect_rc 2
expect_err_contains "sources/ferry.meta.json"
cp "$TMP/ferry.meta.json" sources/ferry.meta.json
# An unknown source still lists the known ones.
pc claim add --source nosuch --quote "x" --id x-1
expect_rc 2
expect_err_contains "unknown source id 'nosuch'"
expect_err_contains "known sources: ferry, pier"

# Wait out the racy window so that b.json comes from the cache, then edit it
# by hand keeping its size and mtime: the id it now holds is taken.
sleep 2.2
pc_ok claim add --source ferry --quote "The market opened at six." --id ferry-4 --to claims/c.json
[ -f .provcheck/claim-ids.bin ] || fail "no claim id cache written"
size=$(stat -c %s claims/b.json)
touch -r claims/b.json "$TMP/stamp"
sed -i 's/"pier-1"/"pier-7"/' claims/b.json
touch -r "$TMP/stamp" claims/b.json
[ "$(stat -c %s claims/b.json)" = "$size" ] || fail "the edit changed the size"
pc claim add --source ferry --quote "The market opened at six." --id pier-7 --to claims/c.json
expect_rc 2
expect_err_contains "pier-7"
pc claim add --source ferry --quote "The market opened at six." --id pier-1 --to claims/c.json
expect_rc 0
# A generated id skips the ids in use in files it did not parse.
pc_ok claim add --source ferry --quote "The ferry ran twice a day in summer." --to claims/d.json
expect_err_contains "pinned ferry-"
pc_ok check
