#!/usr/bin/env bash
# Installs Debian/Ubuntu packages for the commands a packaging or
# smoke-test target needs, when a command is missing.
#   scripts/ensure-tools.sh COMMAND:PACKAGE...
# e.g. scripts/ensure-tools.sh makensis:nsis wine64:wine64
# Several builds may share the machine: apt runs under flock /tmp/apt.lock.
set -euo pipefail

missing=()
for pair in "$@"; do
	cmd=${pair%%:*}
	pkg=${pair#*:}
	if ! command -v "$cmd" >/dev/null 2>&1 && [ ! -x "$cmd" ]; then
		missing+=("$pkg")
	fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "Missing tools; install the packages: ${missing[*]}" >&2
	exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		sudo=(sudo)
	else
		echo "Missing packages; run as root: apt-get install -y ${missing[*]}" >&2
		exit 1
	fi
fi
echo "Installing: ${missing[*]}" >&2
lock=(flock /tmp/apt.lock)
command -v flock >/dev/null 2>&1 || lock=()
"${lock[@]}" "${sudo[@]}" apt-get update -qq
"${lock[@]}" "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
for pair in "$@"; do
	cmd=${pair%%:*}
	command -v "$cmd" >/dev/null 2>&1 || [ -x "$cmd" ] || { echo "${pair#*:} installed but $cmd is still missing" >&2; exit 1; }
done
