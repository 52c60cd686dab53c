#!/usr/bin/env bash
# Installs what the end-to-end tests need beyond npm: Debian's Chromium (/usr/bin/chromium), and
# a Chinese font so that the screenshots kept from the tests are legible, and GDAL's ogrinfo, which
# checks that the GeoJSON endpoints open in GIS software.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/ogrinfo ] && fc-list :lang=zh 2>/dev/null | grep -q .; then
	exit 0
fi
sudo=""
if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk gdal-bin
