#!/usr/bin/env bash
# The main job (`make run`): check the bundled example workspace at the
# repository root and write its reports to reports/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pc="${1:-$root/build/provcheck}"
cd "$root"
status=0
"$pc" check --format md -o reports/consistency.md || status=$?
"$pc" check || status=$?
echo "reports written: reports/consistency.md"
exit "$status"
