#!/usr/bin/env bash
# The main job (`make run`): check the bundled example workspace at the
# repository root and write its reports to reports/: consistency.html (for
# people: open it in a browser) and consistency.md (for a pull request).
# The exit code is the check's: 0 ok, 1 provenance broken, 2 bad input,
# 3 provcheck failed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pc="${1:-$root/build/provcheck}"
cd "$root"
status=0
run() {  # keeps the worst exit code: 3 over 2 over 1 over 0
  local rc=0
  "$@" || rc=$?
  if [ "$rc" -gt "$status" ]; then status=$rc; fi
}
run "$pc" report --format html -o reports/consistency.html >/dev/null
run "$pc" report --format md -o reports/consistency.md >/dev/null
run "$pc" check
echo "reports written: reports/consistency.html reports/consistency.md"
exit "$status"
