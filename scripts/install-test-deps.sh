#!/usr/bin/env bash
# Installs what the end-to-end tests need beyond npm: Debian's Chromium (/usr/bin/chromium), and
# a Chinese font so that the screenshots kept from the tests are legible.
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list :lang=zh 2>/dev/null | grep -q .; then
	exit 0
fi
sudo=""
if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk
