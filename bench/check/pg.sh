#!/usr/bin/env bash
# bench/check/pg.sh: the check benchmark on the PostgreSQL store next to the
# SQLite store, same workspace, same hyperfine run (bench/README.md, "The
# store on PostgreSQL"). A throw-away server is started on loopback by
# tests/pg/server.sh and stopped at the end.
#
#   sqlite-warm   check, unchanged workspace, SQLite store up to date
#   pg-warm       the same on PostgreSQL                target: <= 2x sqlite-warm
#   sqlite-cold   a fresh clone, no store at all (.provcheck/ removed)
#   pg-clone      a fresh clone (another folder, no stat cache of its own)
#                 with a warm shared store             target: < sqlite-cold
#
# Writes bench/check/pg-last-run.json. Options: --sources N --claims M --runs K.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
sources=3000 claims=30000 runs=5
while [ $# -gt 0 ]; do
  case $1 in
    --sources) sources=$2; shift 2 ;;
    --claims) claims=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "usage: bench/check/pg.sh [--sources N] [--claims M] [--runs K]" >&2; exit 2 ;;
  esac
done
provcheck=$repo/build/provcheck
[ -x "$provcheck" ] || { echo "pg.sh: build provcheck first" >&2; exit 2; }
ws=/tmp/provcheck-bench-pg
clone=/tmp/provcheck-bench-pg-clone
out=$(mktemp -d "${TMPDIR:-/tmp}/provcheck-bench-pg.XXXXXX")
. "$repo/tests/pg/server.sh"
trap 'pg_server_stop "$out/pg"; rm -rf "$out"' EXIT
pg_server_start "$out/pg"
url=$(pg_createdb bench)

gen=(python3 "$here/gen.py" --workspace "$ws" --sources "$sources" --claims "$claims" --provcheck "$provcheck")
"${gen[@]}" --check-current || "${gen[@]}"
export PROVCHECK_BRANCH=main
q_pc=$(printf %q "$provcheck")
# SQLite: warm up, then the same on PostgreSQL (its first check fills the shared store).
"$provcheck" -C "$ws" check >/dev/null
PROVCHECK_STORE=$url "$provcheck" -C "$ws" check >/dev/null
rm -rf "$clone"; mkdir -p "$clone"
cp -r "$ws/sources" "$ws/claims" "$ws/provcheck.json" "$clone/"
forget_clone="psql $(printf %q "$url") -X -q -c \"DELETE FROM stat_cache WHERE clone LIKE '%$clone'\""
echo "pg.sh: timing, best of $runs (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
hyperfine --runs "$runs" --warmup 1 --export-json "$out/hyperfine.json" \
  -n sqlite-warm --prepare true "$q_pc -C $ws check" \
  -n pg-warm --prepare true "PROVCHECK_STORE=$url $q_pc -C $ws check" \
  -n sqlite-cold --prepare "rm -rf $clone/.provcheck" "$q_pc -C $clone check" \
  -n pg-clone --prepare "rm -rf $clone/.provcheck; $forget_clone" "PROVCHECK_STORE=$url $q_pc -C $clone check"
python3 - "$out/hyperfine.json" "$here/pg-last-run.json" "$sources" "$claims" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))
best = {r["command"]: min(r["times"]) for r in h["results"]}
warm_ratio = best["pg-warm"] / best["sqlite-warm"]
clone_ratio = best["pg-clone"] / best["sqlite-cold"]
res = {"sources": int(sys.argv[3]), "claims": int(sys.argv[4]),
       "best_seconds": {k: round(v, 4) for k, v in best.items()},
       "pg_warm_over_sqlite_warm": round(warm_ratio, 2), "target_warm": "<= 2.0",
       "pg_clone_over_sqlite_cold": round(clone_ratio, 2), "target_clone": "< 1.0",
       "met": warm_ratio <= 2.0 and clone_ratio < 1.0}
json.dump(res, open(sys.argv[2], "w"), indent=2); open(sys.argv[2], "a").write("\n")
print(json.dumps(res, indent=2))
PY
