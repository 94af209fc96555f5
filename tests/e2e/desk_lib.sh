# Helpers of the desk's end-to-end cases (sourced after lib.sh).
#
# start_desk: runs `provcheck serve --port 0` in the workspace, in the
# background (stopped by lib.sh's cleanup), and sets $DESK to its base URL
# (http://127.0.0.1:PORT) and $DESK_PORT.
start_desk() {
  "$PROVCHECK" serve --port 0 "$@" >"$TMP/desk.out" 2>"$TMP/desk.err" &
  BG_PIDS="$BG_PIDS $!"
  local i
  for i in $(seq 1 100); do
    DESK_PORT=$(grep -o '127\.0\.0\.1:[0-9]*' "$TMP/desk.out" 2>/dev/null | head -1 | cut -d: -f2)
    [ -n "$DESK_PORT" ] && break
    sleep 0.1
  done
  [ -n "$DESK_PORT" ] || { cat "$TMP/desk.err" >&2; fail "provcheck serve did not say where it listens"; }
  DESK="http://127.0.0.1:$DESK_PORT"
  export DESK DESK_PORT
}
