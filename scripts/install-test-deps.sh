#!/usr/bin/env bash
# Installs what the end-to-end tests need beyond npm: Debian's Chromium (/usr/bin/chromium).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
	exit 0
fi
sudo=""
if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
