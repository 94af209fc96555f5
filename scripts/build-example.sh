#!/usr/bin/env bash
# Rebuilds the bundled example workspace's records (sidecars in sources/ and
# claims/example.json) from scripts/example/sources.tsv and claims.jsonl.
# Run it after editing those inputs; `make run` only checks what is there.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pc="${1:-$root/build/provcheck}"
cd "$root"
rm -f sources/*.meta.json claims/example.json
rm -rf .provcheck
"$pc" init >/dev/null
tail -n +2 scripts/example/sources.tsv | while IFS=$'\t' read -r file id title publisher url published; do
  "$pc" source add "$file" --text-layer identity --id "$id" --title "$title" --publisher "$publisher" --url "$url" \
    --published "$published" --retrieved "${published}T12:00:00Z"
done
"$pc" claim import scripts/example/claims.jsonl --to claims/example.json
