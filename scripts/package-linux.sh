#!/usr/bin/env bash
# Builds the Linux desktop archive with `fyne package` (tools pinned to
# v1.7.4), without modifying the committed FyneApp.toml, and checks that it
# installs. Output: build/package/mechplan-linux-amd64.tar.xz
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
FYNE=fyne.io/tools/cmd/fyne@v1.7.4
out=build/package
mkdir -p "$out"

# fyne package reads FyneApp.toml from the main package's folder and bumps
# its build number: give it a copy there and remove the copy afterwards.
cp FyneApp.toml cmd/mechplan/FyneApp.toml
trap 'rm -f cmd/mechplan/FyneApp.toml cmd/mechplan/Mechplan.tar.xz' EXIT
(cd cmd/mechplan && "$GO" run "$FYNE" package -os linux -release -icon ../../resources/icon.png)

# fyne tools before v1.7.3 wrote a Makefile naming the icon without its
# .png extension (fixed upstream, fyne-io/tools #140); the archive is now
# used as it comes, and the install below proves its Makefile works.
work=$(mktemp -d)
trap 'rm -rf "$work"; rm -f cmd/mechplan/FyneApp.toml cmd/mechplan/Mechplan.tar.xz' EXIT
tar -xJf cmd/mechplan/Mechplan.tar.xz -C "$work"
top=$(ls "$work")
cp cmd/mechplan/Mechplan.tar.xz "$out/mechplan-linux-amd64.tar.xz"
# Flatpak and distribution packages install the committed desktop entry
# (packaging/linux/): it must be the one fyne writes from FyneApp.toml.
cmp "$work/$top/usr/local/share/applications/org.mechplan.desktop.desktop" packaging/linux/org.mechplan.desktop.desktop ||
	{ echo "package: packaging/linux/org.mechplan.desktop.desktop differs from the entry fyne writes; copy it from the archive" >&2; exit 1; }

# It must install: into a scratch root, as a user would with sudo make install.
root=$(mktemp -d)
make -s -C "$work/$top" install DESTDIR="$root" PREFIX=/usr
for f in usr/bin/mechplan usr/share/applications/org.mechplan.desktop.desktop usr/share/pixmaps/org.mechplan.desktop.png; do
	test -f "$root/$f" || { echo "package: $f missing after install" >&2; exit 1; }
done
rm -rf "$root"
echo "package: $out/mechplan-linux-amd64.tar.xz installs (bin, .desktop entry, icon)"
