#!/usr/bin/env bash
# Installs the real clients the export tests open their files with:
# LibreOffice Calc (soffice recalculates the workbook) and poppler
# (pdftotext and pdftoppm read the report). The tests fail, not skip,
# when these are missing, so `make test` installs them first.
# Debian/Ubuntu only; elsewhere it prints what to install.
set -euo pipefail

pkgs=(libreoffice-calc-nogui poppler-utils)

have_all() {
	{ command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1; } &&
		command -v pdftotext >/dev/null 2>&1 &&
		command -v pdftoppm >/dev/null 2>&1
}

if have_all; then
	exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
	echo "The export tests need LibreOffice Calc (soffice) and poppler (pdftotext, pdftoppm)." >&2
	echo "On Debian/Ubuntu: sudo apt-get install ${pkgs[*]}" >&2
	echo "On Fedora: sudo dnf install libreoffice-calc poppler-utils" >&2
	exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		sudo=(sudo)
	else
		echo "Missing packages; run as root: apt-get update && apt-get install -y ${pkgs[*]}" >&2
		exit 1
	fi
fi

# Several builds on one machine share apt: take its lock in turn.
lock=()
if command -v flock >/dev/null 2>&1; then
	lock=(flock /tmp/apt.lock)
fi

echo "Installing the export test clients: ${pkgs[*]}" >&2
"${sudo[@]}" "${lock[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" "${lock[@]}" apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
have_all || { echo "The packages installed but soffice, pdftotext or pdftoppm is still not on PATH." >&2; exit 1; }
