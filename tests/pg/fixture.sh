#!/usr/bin/env bash
# The ctest fixture of the PostgreSQL-backed cases: `fixture.sh start DIR`
# starts a server for the whole run (its URL in DIR/url), `fixture.sh stop
# DIR` stops it; ctest runs the stop also when cases fail. Exit 77 (skip)
# when the server binaries are not installed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/server.sh"
dir=$2
case "$1" in
  start)
    pg_server_stop "$dir"
    rm -rf "$dir"
    pg_server_start "$dir" || exit $?
    echo "$PG_URL" >"$dir/url"
    ;;
  stop)
    pg_server_stop "$dir"
    rm -rf "$dir"
    ;;
esac
