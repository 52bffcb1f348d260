#!/usr/bin/env bash
# Cross-builds the Windows desktop app on Linux and its installer.
#   build/windows/mechplan-windows-amd64.exe         the app (portable: runs without installing)
#   build/windows/mechplan-windows-amd64-setup.exe   the NSIS installer
# The app is built by `fyne package -os windows` (Fyne's tools, pinned, for
# the icon, the version resource and the manifest) with mingw-w64's gcc for
# cgo; the installer by makensis from packaging/windows/mechplan.nsi.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
FYNE_TOOLS=fyne.io/tools/cmd/fyne@v1.7.4
out=build/windows
scripts/ensure-tools.sh x86_64-w64-mingw32-gcc:gcc-mingw-w64-x86-64 makensis:nsis convert:imagemagick file:file
mkdir -p "$out" build/tools

# The tools are built for this machine (go run would build them with the
# Windows C compiler below).
GOBIN=$PWD/build/tools "$GO" install "$FYNE_TOOLS"

version=$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
build=$(sed -n 's/^ *Build *= *\([0-9]*\)/\1/p' FyneApp.toml)
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ && -n $build ]] || { echo "package-windows: FyneApp.toml needs Version = \"X.Y.Z\" and Build = N" >&2; exit 1; }

# fyne package reads FyneApp.toml from the main package's folder and bumps
# its build number: give it a copy there and remove the copy afterwards.
work=$(mktemp -d)
trap 'rm -rf "$work"; rm -f cmd/mechplan/FyneApp.toml cmd/mechplan/Mechplan.exe' EXIT
cp FyneApp.toml cmd/mechplan/FyneApp.toml
(cd cmd/mechplan && CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ GOARCH=amd64 \
	"$PWD/../../build/tools/fyne" package -os windows -release -icon ../../resources/icon.png)
mv cmd/mechplan/Mechplan.exe "$out/mechplan-windows-amd64.exe"

kind=$(file -b "$out/mechplan-windows-amd64.exe")
echo "package-windows: $out/mechplan-windows-amd64.exe: $kind"
case $kind in
"PE32+ executable (GUI) x86-64"*) ;;
*) echo "package-windows: expected a PE32+ GUI executable for x86-64" >&2; exit 1 ;;
esac

# The installer: its icon from the app's, every path absolute (makensis
# resolves File relative to the script's folder).
convert resources/icon.png -define icon:auto-resize=256,64,48,32,16 "$work/mechplan.ico"
cp "$out/mechplan-windows-amd64.exe" "$work/Mechplan.exe"
makensis -V2 -INPUTCHARSET UTF8 \
	-DVERSION="$version" -DVERSION4="$version.$build" \
	-DEXE=Mechplan.exe -DSRC="$work" -DICON="$work/mechplan.ico" \
	-DOUTFILE="$PWD/$out/mechplan-windows-amd64-setup.exe" \
	packaging/windows/mechplan.nsi
echo "package-windows: $out/mechplan-windows-amd64-setup.exe: $(file -b "$out/mechplan-windows-amd64-setup.exe")"
ls -l "$out"/*.exe
