#!/usr/bin/env bash
# Installs what `npm start` and `npm test` need and is missing, on a fresh Debian machine
# with Node and npm: the locked npm packages, and Debian's Chromium (never a browser download).
set -euo pipefail

ensure_node_modules() {
  local stamp=node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
    echo "› Installing npm packages (npm ci)…"
    npm ci --no-audit --no-fund
  fi
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "› Installing Debian's chromium (apt-get)…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    return 0
  fi
  echo "✗ /usr/bin/chromium is missing. Install it with: sudo apt-get install -y chromium" >&2
  echo "  (the tests use Debian's Chromium; they never download a browser)" >&2
  exit 1
}
