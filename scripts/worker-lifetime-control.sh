#!/usr/bin/env bash
# `npm run test:worker-lifetime-control`: the control run of test/e2e/worker-lifetime.spec.ts.
# Builds the extension WITHOUT its keep-alive (WXT_KEEPALIVE=off, into .output-control/) and
# runs the same spec against it: there Chrome stops the idle worker after 30 s and both answers
# end "interrupted", so the spec must FAIL. This script passes only if it does (and for that
# reason). About two minutes; not part of `npm test`.
set -uo pipefail
cd "$(dirname "$0")/.."
echo "━━ build without the keep-alive (.output-control/chrome-mv3) ━━"
if ! WXT_KEEPALIVE=off npx wxt build >/dev/null 2>&1; then
  echo "✗ control build failed" >&2
  exit 1
fi
if grep -q getPlatformInfo .output-control/chrome-mv3/background.js; then
  echo "✗ the control build still has the keep-alive" >&2
  exit 1
fi
echo "━━ run test/e2e/worker-lifetime.spec.ts against it (expected to fail) ━━"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
GROMPT_E2E_EXTENSION_DIR=.output-control/chrome-mv3 npx playwright test test/e2e/worker-lifetime.spec.ts --reporter=line 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
failed=$(grep -cE '^\s+[0-9]+\) ' "$log" || true)
interrupted=$(grep -c 'The answer was interrupted' "$log" || true)
if [ "$status" -eq 0 ]; then
  echo "✗ the spec passed without the keep-alive: it would not catch the bug" >&2
  exit 1
fi
if [ "$interrupted" -lt 2 ]; then
  echo "✗ the spec failed, but not because the answers were interrupted (see above)" >&2
  exit 1
fi
echo "✓ control: without the keep-alive the spec fails ($failed failing test(s)); both answers ended \"The answer was interrupted\""
