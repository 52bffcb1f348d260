#!/usr/bin/env bash
# Installs what the desktop build needs (a C toolchain and the X11/GL
# headers that Fyne's GLFW driver compiles against) when it is missing.
# Debian/Ubuntu only; elsewhere it prints what to install.
set -euo pipefail

pkgs=(gcc pkg-config libgl1-mesa-dev xorg-dev)

have_all() {
	command -v gcc >/dev/null 2>&1 &&
		command -v pkg-config >/dev/null 2>&1 &&
		pkg-config --exists gl x11 xcursor xrandr xinerama xi xxf86vm 2>/dev/null
}

if have_all; then
	exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
	echo "The desktop build needs a C compiler, pkg-config and the OpenGL and X11 development headers." >&2
	echo "On Debian/Ubuntu: sudo apt-get install ${pkgs[*]}" >&2
	echo "On Fedora: sudo dnf install gcc pkgconf-pkg-config mesa-libGL-devel libX11-devel libXcursor-devel libXrandr-devel libXinerama-devel libXi-devel libXxf86vm-devel" >&2
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

echo "Installing the desktop build dependencies: ${pkgs[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${pkgs[@]}" >/dev/null
have_all || { echo "The packages installed but pkg-config still cannot find the X11/GL headers." >&2; exit 1; }
