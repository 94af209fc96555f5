# Helpers for end-to-end cases that capture from a real HTTP server on
# loopback (tests/http/serve.py). Source after lib.sh and setup_ws.
#
#   start_server DIR   serves DIR on 127.0.0.1:<ephemeral>; sets PORT, BASE
#                      (http://127.0.0.1:PORT) and SERVER_LOG; the server is
#                      stopped by lib.sh's cleanup (BG_PIDS) or by stop_server
#   stop_server        stops it now (for network-failure cases)
#   requests PATTERN   how many logged requests match PATTERN (grep -c)
#   make_pdf OUT ...   tests/http/make_pdf.py

HTTP_DIR="$PROVCHECK_REPO/tests/http"
# A proxy from the environment must not see loopback traffic.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
export NO_PROXY='*' no_proxy='*'

start_server() {
  local root=$1
  rm -f "$TMP/port"
  SERVER_LOG=$TMP/server.log
  "$PY" "$HTTP_DIR/serve.py" --root "$root" --port-file "$TMP/port" --log "$SERVER_LOG" --lifetime 110 &
  SERVER_PID=$!
  BG_PIDS="$BG_PIDS $SERVER_PID"
  local i
  for i in $(seq 1 100); do
    [ -s "$TMP/port" ] && break
    sleep 0.05
  done
  [ -s "$TMP/port" ] || fail "the test HTTP server did not start"
  PORT=$(cat "$TMP/port")
  BASE="http://127.0.0.1:$PORT"
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null
}

requests() { grep -c -- "$1" "$SERVER_LOG" || true; }

make_pdf() { "$PY" "$HTTP_DIR/make_pdf.py" "$@" || fail "make_pdf.py failed"; }
