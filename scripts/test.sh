#!/usr/bin/env bash
# `npm test`: everything, in order, as CI runs it. Ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
ensure_node_modules
ensure_chromium
ensure_firefox

started=$(date +%s)
summary=()
run_step() {
  local name=$1; shift
  local step_start
  step_start=$(date +%s)
  echo
  echo "━━ $name ━━"
  if "$@"; then
    summary+=("$name ✓ $(( $(date +%s) - step_start ))s")
  else
    summary+=("$name ✗")
    echo
    echo "npm test: FAILED at '$name' — ${summary[*]} — $(( $(date +%s) - started ))s"
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
