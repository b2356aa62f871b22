#!/usr/bin/env bash
# Install the Debian packages gongkai needs when they are missing.
#   run   : CJK fonts + Pango (PDF rendering with WeasyPrint)
#   test  : + Chromium and ChromeDriver (browser tests), poppler-utils (PDF text checks),
#           Node.js and npm, and axe-core from npm in var/npm (accessibility tests)
#   bench : + wrk (HTTP load)
set -euo pipefail
what=${1:-run}
need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
want() { for p in "$@"; do have_pkg "$p" || need+=("$p"); done; }

want fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
case "$what" in
  test)
    want chromium chromium-driver poppler-utils
    command -v npm >/dev/null || want nodejs npm  # a Node.js install may bring its own npm
    ;;
  bench) want wrk ;;
esac
# axe-core (the accessibility engine the portal's browser tests run), pinned, in
# var/npm/node_modules/axe-core (var/ is not committed).
AXE_VERSION=4.10.3
axe_core() {
  [ "$what" = test ] || return 0
  local dir
  dir="$(cd "$(dirname "$0")/.." && pwd)/var/npm"
  if ! grep -qs "\"version\": \"$AXE_VERSION\"" "$dir/node_modules/axe-core/package.json"; then
    echo "installing axe-core $AXE_VERSION from npm into $dir"
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --silent "axe-core@$AXE_VERSION" >/dev/null
  fi
}
if [ ${#need[@]} -eq 0 ]; then axe_core; exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "gongkai needs these system packages: ${need[*]}" >&2
  echo "install them with: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
echo "installing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
axe_core
