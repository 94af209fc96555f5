#!/usr/bin/env bash
# Installs every Debian package provcheck needs to build, test and benchmark.
# Idempotent: it asks dpkg what is missing and runs apt-get (with one
# `apt-get update` first) only when something is. The one place that knows
# package names.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake make pkg-config git
  # core libraries
  libsqlite3-dev     # the store (SQLite, FTS5)
  libxxhash-dev      # XXH3-64 / XXH3-128 content hashes
  libcli11-dev       # command-line parsing
  nlohmann-json3-dev # JSON output and claims-file writing
  libsimdjson-dev    # fast claims-file reading with line numbers
  libutf8proc-dev    # Unicode normalization
  libzstd-dev        # snapshot compression
  # tests
  libgtest-dev libgmock-dev python3
  chromium           # the HTML report's end-to-end test (headless, no network)
  python3-jsonschema # SARIF output checked against the SARIF 2.1.0 schema (with the SARIF Multitool)
  bsdutils           # script(1): the progress line's terminal test
  # benchmarks
  xxhash hyperfine ripgrep time
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
