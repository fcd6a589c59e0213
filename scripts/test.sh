#!/usr/bin/env bash
# `npm test`: everything, in order, as CI runs it. Ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
ensure_node_modules
ensure_chromium
ensure_firefox
ensure_openssl

started=$(date +%s)
summary=()
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
passed=0; failed=0; skipped=0

# Adds a runner's own closing counts (Vitest: "Tests  N passed | M skipped", Playwright: "N passed")
# to the totals, read from the step's output with colours stripped.
count_tests() {
  local text
  text=$(sed -E 's/\x1b\[[0-9;]*m//g' "$1")
  local line
  # (ensure-deps.sh turns on `set -e`: a grep that finds nothing must not end the run.)
  line=$(grep -E '^ *Tests +[0-9]' <<<"$text" | tail -1 || true)
  [ -n "$line" ] || line=$(grep -E '^ *[0-9]+ (passed|failed|skipped|flaky)' <<<"$text" | tr '\n' ' ' || true)
  for kind in passed failed skipped flaky; do
    local n
    n=$(grep -oE "[0-9]+ $kind" <<<"$line" | awk '{s+=$1} END {print s+0}' || true)
    case $kind in passed) passed=$((passed + n)) ;; failed | flaky) failed=$((failed + n)) ;; skipped) skipped=$((skipped + n)) ;; esac
  done
}

run_step() {
  local name=$1; shift
  local step_start log
  step_start=$(date +%s)
  log="$logs/$(tr -c 'a-z0-9' '-' <<<"$name").log"
  echo
  echo "━━ $name ━━"
  if "$@" 2>&1 | tee "$log"; then
    count_tests "$log"
    summary+=("$name ✓ $(( $(date +%s) - step_start ))s")
  else
    summary+=("$name ✗")
    count_tests "$log"
    echo
    echo "npm test: FAILED at '$name' — ${summary[*]} — $(( $(date +%s) - started ))s"
    echo "tests: $passed passed, $((failed > 0 ? failed : 1)) failed, $skipped skipped"
    exit 1
  fi
}

run_step lint npx biome check --error-on-warnings .
run_step typecheck npx tsc --noEmit -p .
run_step unit npx vitest run
run_step build npx wxt build
run_step build:firefox npx wxt build -b firefox
run_step lint:firefox npx tsx scripts/lint-firefox.ts
run_step "e2e chromium" npx playwright test
run_step "e2e firefox" npx vitest run -c vitest.firefox.config.ts

echo
echo "npm test: PASSED — ${summary[*]} — $(( $(date +%s) - started ))s"
echo "tests: $passed passed, $failed failed, $skipped skipped"
