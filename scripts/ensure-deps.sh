#!/usr/bin/env bash
# Installs what `npm start` and `npm test` need and is missing, on a fresh Debian machine
# with Node and npm: the locked npm packages, and Debian's Chromium and Firefox ESR (never a
# browser download).
set -euo pipefail

ensure_node_modules() {
  local stamp=node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
    echo "› Installing npm packages (npm ci)…"
    npm ci --no-audit --no-fund
  fi
}

# ensure_debian_package <binary> <package> <name>: installs the package as root with apt when
# the binary is missing, else says exactly what to run.
ensure_debian_package() {
  local binary=$1 package=$2 name=$3
  if [ -x "$binary" ]; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "› Installing Debian's $package (apt-get)…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
    return 0
  fi
  echo "✗ $binary is missing. Install it with: sudo apt-get install -y $package" >&2
  echo "  (the tests use Debian's $name; they never download a browser)" >&2
  exit 1
}

ensure_chromium() {
  ensure_debian_package /usr/bin/chromium chromium Chromium
}

ensure_firefox() {
  ensure_debian_package /usr/bin/firefox-esr firefox-esr "Firefox ESR"
}

# The HTTPS fakes make a throw-away certificate with openssl at test time.
ensure_openssl() {
  ensure_debian_package /usr/bin/openssl openssl "openssl (for the tests' loopback HTTPS certificates)"
}
