#!/usr/bin/env bash
# `npm run bench`: builds the extension (shipped, and the bench build with a bare React
# baseline page), checks the shipped build has no bench page, then measures both builds in
# headless Debian Chromium against the loopback fakes (bench/run.ts). Not part of `npm test`.
# Prints a table and writes bench/results.json. Five minutes at most on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
started_ms=$(date +%s%3N)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
source scripts/ensure-deps.sh
ensure_node_modules
ensure_chromium
if [ ! -x /usr/bin/chromium ]; then
  echo "✗ /usr/bin/chromium is missing: the bench uses Debian's Chromium (sudo apt-get install -y chromium)" >&2
  exit 1
fi

build_log=$(mktemp)
trap 'rm -f "$build_log"' EXIT
build() {
  echo "━━ $1 ━━"
  shift
  if ! env "$@" npx wxt build >"$build_log" 2>&1; then
    cat "$build_log" >&2
    echo "✗ build failed" >&2
    exit 1
  fi
}
build "build (shipped: .output/chrome-mv3)" GROMPT_BENCH=0
build "build (bench: .output-bench/chrome-mv3, with the baseline page)" GROMPT_BENCH=1

# The baseline page exists only in the bench build.
if [ ! -f .output-bench/chrome-mv3/bench-baseline.html ]; then
  echo "✗ the bench build has no bench-baseline.html" >&2
  exit 1
fi
if [ -e .output/chrome-mv3/bench-baseline.html ] || grep -rqs 'bench-baseline' .output/chrome-mv3; then
  echo "✗ the shipped build (.output/chrome-mv3) contains the bench-only baseline page" >&2
  exit 1
fi
echo "✓ the shipped build has no bench-only page"

echo "━━ measure (headless /usr/bin/chromium, loopback fakes) ━━"
BENCH_STARTED_AT=$started_ms BENCH_LOAD_BEFORE="$load_before" npx tsx bench/run.ts
