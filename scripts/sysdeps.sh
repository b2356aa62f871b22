#!/usr/bin/env bash
# Install the Debian packages gongkai needs when they are missing.
#   run   : CJK fonts + Pango (PDF rendering with WeasyPrint)
#   test  : + Chromium and ChromeDriver (browser tests), poppler-utils (PDF text checks)
#   bench : + wrk (HTTP load)
set -euo pipefail
what=${1:-run}
need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
want() { for p in "$@"; do have_pkg "$p" || need+=("$p"); done; }

want fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
case "$what" in
  test) want chromium chromium-driver poppler-utils ;;
  bench) want wrk ;;
esac
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "gongkai needs these system packages: ${need[*]}" >&2
  echo "install them with: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
echo "installing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
