#!/usr/bin/env bash
# Installs what scripts/measure-desktop.sh and scripts/screenshots-desktop.sh
# need besides the desktop build's own dependencies: Xvfb, xdotool and
# ImageMagick (Debian/Ubuntu; elsewhere it prints what to install).
set -euo pipefail
pkgs=(xvfb xdotool imagemagick)
if command -v Xvfb >/dev/null && command -v xdotool >/dev/null && command -v import >/dev/null; then
	exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "Measuring the window needs Xvfb, xdotool and ImageMagick: install ${pkgs[*]}" >&2
	exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
	sudo=(sudo)
fi
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${pkgs[@]}" >/dev/null
