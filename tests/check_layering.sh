#!/usr/bin/env bash
# Fails when a source file includes a header from a layer above its own.
# Allowed: cli -> server -> app -> {workspace, store, report} -> core -> util
# (server, the desk, calls app/ functions and reuses report/ renderers; it
# never reaches store/ or workspace/ itself).
set -euo pipefail
src="$1"
declare -A allowed=(
  [util]="util"
  [core]="core util"
  [workspace]="workspace core util"
  [store]="store core util"
  [report]="report core util"
  [app]="app workspace store report core util"
  [server]="server app report core util"
  [cli]="cli server app workspace store report core util"
)
bad=0
for layer in "${!allowed[@]}"; do
  while IFS= read -r line; do
    file="${line%%:*}"
    inc="$(sed -E 's/.*#include "([a-z_]+)\/.*/\1/' <<<"$line")"
    if ! grep -qw "$inc" <<<"${allowed[$layer]}"; then
      echo "layering violation: $file includes $inc/ (allowed from $layer: ${allowed[$layer]})"
      bad=1
    fi
  done < <(grep -Hn '#include "[a-z_]*/' "$src/$layer"/*.{h,cpp} 2>/dev/null || true)
done
# sqlite3.h only in store/
if grep -ln 'sqlite3.h' "$src"/{util,core,workspace,report,app,server,cli}/* 2>/dev/null; then
  echo "layering violation: sqlite3.h outside store/"; bad=1
fi
# libpq-fe.h only in store/
if grep -ln 'libpq-fe.h' "$src"/{util,core,workspace,report,app,cli}/* 2>/dev/null; then
  echo "layering violation: libpq-fe.h outside store/"; bad=1
fi
[ "$bad" -eq 0 ] && echo "layering ok"
exit "$bad"
