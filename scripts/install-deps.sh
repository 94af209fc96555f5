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
  libcurl4-openssl-dev # capturing sources from http(s) URLs
  libgumbo-dev       # HTML text layer
  libpoppler-cpp-dev # PDF text layer
  libcmark-dev       # Markdown text layer
  libssl-dev         # SHA-1 digests of WARC records (libcrypto)
  libcpp-httplib-dev # the desk's HTTP server (provcheck serve)

  libpq-dev          # the shared store on PostgreSQL (libpq)
  # tests
  libgtest-dev libgmock-dev python3
  chromium           # the HTML report's end-to-end test (headless, no network)
  chromium-driver python3-selenium # WebDriver (run with /usr/bin/python3): the desk's browser test, text-fragment links
  python3-jsonschema # SARIF output checked against the SARIF 2.1.0 schema (with the SARIF Multitool)
  bsdutils           # script(1): the progress line's terminal test
  util-linux         # unshare(1): the disk-full test's private tmpfs
  # fuzzing (`make fuzz`): clang 14 with libFuzzer and its sanitizer runtimes
  clang libclang-rt-14-dev libfuzzer-14-dev
  libexpat1-dev      # the report fuzzer checks JUnit XML with a real XML parser

  postgresql         # a real PostgreSQL server the tests start (initdb, pg_ctl) and psql
  # benchmarks
  xxhash hyperfine ripgrep time
)

# Test tools from the npm registry (the SARIF Multitool that validates
# `check --format sarif` in the tests), pinned by tests/tools/package-lock.json
# and installed into tests/tools/node_modules (git-ignored). `npm ci` runs
# only when the lockfile changed since the last install. Node and npm come
# from the machine (not from Debian's npm package); without them the SARIF
# test says it skips.
install_npm_tools() {
  local dir stamp
  dir="$(cd "$(dirname "$0")/.." && pwd)/tests/tools"
  stamp="$dir/node_modules/.provcheck-lock-stamp"
  command -v npm >/dev/null 2>&1 || { echo "install-deps: npm not found; skipping $dir" >&2; return 0; }
  if [ -f "$stamp" ] && cmp -s "$stamp" "$dir/package-lock.json"; then return 0; fi
  echo "install-deps: npm ci in $dir" >&2
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  chmod u+x "$dir"/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool 2>/dev/null || true
  cp "$dir/package-lock.json" "$stamp"
}
install_npm_tools

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
