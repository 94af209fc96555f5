# Regression (found by a sanitizer run that slowed the suite): once the stat
# cache had settled (more than 2 s after the last write), a same-size edit
# whose mtime was put back with `touch -r` (as `cp -p` does too) was hidden:
# size, mtime and inode all matched. The change time (ctime) is compared as
# well now; touch cannot set it back.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Harbour notes.\nThe ferry carries ninety cars on each crossing.\n' >ferry.txt
pc_ok source add ferry.txt
pc_ok claim add --source ferry --quote "The ferry carries ninety cars on each crossing." --id cars
touch -r sources/ferry.txt "$TMP/stamp"
sleep 2.5  # past the racy window: the cache now trusts the recorded stat
pc_ok check
pc_ok check  # settled: answered from the store
py - sources/ferry.txt <<'PY'   # same size, same inode
import sys
with open(sys.argv[1], "r+b") as f:
    t = f.read()
    f.seek(t.find(b"ninety"))
    f.write(b"eighty")
PY
touch -r "$TMP/stamp" sources/ferry.txt
pc check
expect_rc 1
expect_out_contains "figure_changed"
