# A throw-away PostgreSQL server for the tests: initdb and pg_ctl into a
# folder, listening on a free loopback port (and a socket in that folder),
# trust authentication for the loopback only. As root the server runs as
# the unprivileged user `nobody`, which owns the folder. Sourced by
# tests/pg/fixture.sh and by the fault cases in tests/e2e/cases/pg_*.sh.
#
#   pg_server_start DIR   sets PG_DIR, PG_PORT, PG_URL (postgresql://.../postgres); 77 = no server binaries
#   pg_server_stop [DIR]  stops it (immediate); harmless when it is not running
#   pg_server_kill        SIGKILL the postmaster (a crash), for fault tests
#   pg_createdb NAME      a fresh database; prints its URL
#   pg_psql URL SQL...    runs SQL, unaligned output

pg_bin_dir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}

pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u nobody -- "$@"); else "$@"; fi
}

pg_free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pg_server_start() {
  PG_DIR=$1
  PG_BIN=$(pg_bin_dir) || { echo "no PostgreSQL server (initdb, pg_ctl) in /usr/lib/postgresql/*/bin" >&2; return 77; }
  mkdir -p "$PG_DIR"
  # As root: the folder belongs to nobody, and nobody may pass through its
  # parent (a test's own mktemp folder, mode 700 otherwise).
  if [ "$(id -u)" = 0 ]; then chown nobody "$PG_DIR"; chmod o+x "$(dirname "$PG_DIR")"; fi
  chmod 700 "$PG_DIR"
  if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 \
      >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  fi
  [ -n "${PG_PORT:-}" ] || PG_PORT=$(pg_free_port)
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60" \
    start >/dev/null || { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
  export PG_DIR PG_PORT PG_URL PG_BIN
}

pg_server_stop() {
  local dir=${1:-$PG_DIR}
  [ -f "$dir/data/postmaster.pid" ] || return 0
  PG_BIN=${PG_BIN:-$(pg_bin_dir)}
  pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
}

pg_server_kill() {
  local pid
  pid=$(head -1 "$PG_DIR/data/postmaster.pid" 2>/dev/null) || return 0
  kill -9 "$pid" 2>/dev/null
  # The backends notice their postmaster is gone and exit on their own.
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$PG_DIR/data/postmaster.pid"
}

pg_psql() {
  local url=$1; shift
  psql "$url" -X -q -At -v ON_ERROR_STOP=1 "$@"
}

pg_createdb() {
  local name=$1 base=${2:-$PG_URL}
  pg_psql "$base" -c "CREATE DATABASE \"$name\"" >/dev/null || return 1
  echo "${base%/*}/$name"
}
