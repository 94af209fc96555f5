# Pins the desk's HTTP surface against a real `provcheck serve` over a
# workspace on disk: every route's status, the security headers, the Host
# (DNS rebinding) and CSRF refusals (no token, wrong token, foreign or
# missing Origin, a method other than POST), a refused form (the CLI's
# message, HTTP 400, every file and store row as before), a pin through the
# form giving the claims file the CLI writes byte for byte, an upload and
# its confinement, and accept: a changed figure only with its confirmation,
# never by "accept all".
. "$(dirname "$0")/../lib.sh" || exit 1
. "$(dirname "$0")/../desk_lib.sh" || exit 1
setup_ws
cat >town.txt <<'TXT'
Census notes for the river town.
The survey counted about 250,000
people in the eastern districts in December.
The survey counted about 250,000
people in the eastern districts in December.
The bridge was rebuilt in 2015, some 40 km upstream.
TXT
pc_ok source add town.txt --id town --title "River town notes" --publisher "Town Hall" --published 2016-12-15
pc_ok claim add --source town --id bridge --quote "The bridge was rebuilt in 2015"
pc_ok check
start_desk
cp -r "$WS" "$TMP/twin"   # the same workspace, for the CLI to write what the desk should write
snapshot_state
py "$(dirname "$0")/../desk_http.py" "$DESK" "$WS" "$TMP/twin" "$PROVCHECK" || fail "desk HTTP checks (above)"
