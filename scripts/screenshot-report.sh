#!/usr/bin/env bash
# Screenshots of the HTML report for the README, with headless Chromium (no
# network, a throw-away profile): docs/report-screenshot.png of the bundled
# example (reports/consistency.html, written by `make run`) and
# docs/report-drift-screenshot.png of the drifted test workspace
# (tests/data/report-ws). Run after `make run`:
#   scripts/screenshot-report.sh [build/provcheck]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pc="$(realpath "${1:-$root/build/provcheck}")"
chromium=$(command -v chromium || command -v chromium-browser) || { echo "chromium is not installed (make deps)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
shot() {  # HTML PNG HEIGHT
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$(mktemp -d "$tmp/p.XXXX")" \
    --window-size=1200,"$3" --screenshot="$2" "file://$1" >/dev/null 2>&1
  echo "wrote ${2#"$root"/}"
}
[ -f "$root/reports/consistency.html" ] || { echo "no reports/consistency.html: run make run first" >&2; exit 2; }
mkdir -p "$root/docs"
shot "$root/reports/consistency.html" "$root/docs/report-screenshot.png" 1500
mkdir "$tmp/ws" && cp -R "$root/tests/data/report-ws/sources" "$root/tests/data/report-ws/claims" "$tmp/ws/"
(cd "$tmp/ws" && SOURCE_DATE_EPOCH=1767225600 "$pc" report --format html -o report.html >/dev/null 2>&1) || true
shot "$tmp/ws/report.html" "$root/docs/report-drift-screenshot.png" 1500
