#!/usr/bin/env bash
# `npm start`: install what is missing, build, and open Chromium with the extension loaded,
# in demo mode (no key needed), on a throwaway profile.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
ensure_node_modules
ensure_chromium

npx wxt build
out="$(pwd)/.output/chrome-mv3"
cat <<TXT

Built: $out
To load it by hand in any Chromium browser: open chrome://extensions, switch on
"Developer mode", click "Load unpacked" and choose that folder.
TXT

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat <<TXT

No display found, so no browser window can open here. Either:
  • run it under a virtual display:  xvfb-run -a npm start   (Debian: apt-get install -y xvfb)
  • or load $out by hand as described above, on a machine with a screen.
TXT
  exit 0
fi

profile=$(mktemp -d -t grompt-profile-XXXXXX)
flags=(--user-data-dir="$profile" --no-first-run --disable-background-networking --disable-component-update --disable-sync
  --disable-extensions-except="$out" --load-extension="$out")
# Chromium refuses to run as root without this.
[ "$(id -u)" = "0" ] && flags+=(--no-sandbox)
echo
echo "Opening Chromium with Grompt loaded (demo mode: no key needed). Close the window to stop."
exec /usr/bin/chromium "${flags[@]}" "file://$(pwd)/test/e2e/pages/article.html"
