# Pins: `search` ranks passages of every source (FTS5, bm25) for words,
# "phrases" and prefix* queries, with source, span, snippet and the figures
# of each passage; JSON for scripts; a malformed query is exit 2; the index
# follows sources that change, appear or go away.
. "$(dirname "$0")/../lib.sh" || exit 1
sqlite_only  # about the SQLite file (or FTS5 ranking); see tests/e2e/cases/pg_*.sh
setup_ws
printf 'Water board.\n\nThe reservoir held 4.7 million cubic metres in April, about 60%% of its capacity.\n\nPumps were repaired.\n' >water.txt
printf 'Farm news.\n\nFarmers said the reservoir level worried them.\n' >farm.txt
pc_ok source add water.txt
pc_ok source add farm.txt
pc_ok search reservoir
expect_out_contains ". water  line 3, bytes 14-94"
expect_out_contains "The [reservoir] held 4.7 million"
expect_out_contains "figures: 4.7 million"
expect_out_contains "about 60%"
expect_out_contains ". farm  line 3, bytes 12-58"
pc_ok search '"reservoir level"'
expect_out_contains "farm"
expect_out_lacks "water"
pc_ok search 'pump*' --format json
expect_json_field '.schema' provcheck.search/1 '.results[0].source' water '.results[0].span' '[96, 116]' \
  '.results[0].passage' "Pumps were repaired."
pc_ok search 'reservoir capacity' --format json
expect_json_field '.results[0].source' water '.results[0].figures[0].text' "4.7 million" \
  '.results[0].figures[0].start' 33 '.results[0].figures[0].value' 4700000.0 '.results[0].figures[2].text' "60%" \
  '.results[0].figures[2].approx' about
pc_ok search reservoir --limit 1 --format json
py -c 'import json, sys; sys.exit(len(json.load(open(sys.argv[1]))["results"]) != 1)' "$TMP/out" || fail "--limit 1 gave more than one result"

snapshot_state
pc search '"reservoir'
expect_rc 2
expect_err_contains "is not valid FTS5 syntax"
expect_state_unchanged
pc search 'water:board'
expect_rc 2
pc search ' '
expect_rc 2
expect_err_contains "the query is empty"

# Changed, new and removed sources. An unchanged source is not indexed again:
# its snapshot keeps its rows.
rows() { py -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT group_concat(snapshot || \":\" || first_row, \",\") FROM (SELECT * FROM search_snapshots ORDER BY snapshot)").fetchone()[0])' .provcheck/store.db; }
farm_hash=$(py -c 'import json; print(json.load(open("sources/farm.meta.json"))["content_hash"])')
farm_before=$(rows | tr ',' '\n' | grep "$farm_hash")
[ -n "$farm_before" ] || fail "the farm source is not in the index"
sed -i 's/Pumps were repaired./Turbines were replaced./' sources/water.txt
printf 'Ferry news.\n\nA turbine part arrived by ferry.\n' >ferry.txt
pc_ok source add ferry.txt
pc_ok search 'turbine*'
expect_out_contains "water"
expect_out_contains "ferry"
pc_ok search pumps
expect_out_lacks "water"
[ "$(rows | tr ',' '\n' | grep "$farm_hash")" = "$farm_before" ] || fail "the unchanged farm source was indexed again"
rm sources/farm.txt sources/farm.meta.json
pc_ok search reservoir
expect_out_lacks "farm"
pc_ok reindex
pc_ok search turbines
expect_out_contains "water"
# Several arguments are one query.
pc_ok search reservoir capacity
expect_out_contains "water"
expect_out_lacks "farm"
