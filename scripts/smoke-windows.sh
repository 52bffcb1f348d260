#!/usr/bin/env bash
# Smoke test of the Windows build under Wine and Xvfb, as a user would use it:
# the installer installs silently (Start-menu entry, uninstaller, registry
# entry), the installed app opens its window on the built-in comparison, the
# comparison is exported through the File ▸ Export shortcut and the save
# dialog, the workbook is valid, and the uninstaller removes the program.
# Run `make smoke-windows` (it builds the installer first).
#   SMOKE_DISPLAY=:94   the X display for Xvfb (default: a free one)
# Leaves screenshots and the exported workbook in build/windows/smoke/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh wine:wine /usr/lib/wine/wine64:wine64 Xvfb:xvfb xdotool:xdotool import:imagemagick unzip:unzip x86_64-w64-mingw32-gcc:gcc-mingw-w64-x86-64

setup=build/windows/mechplan-windows-amd64-setup.exe
[ -f "$setup" ] || { echo "smoke-windows: $setup missing; run make package-windows" >&2; exit 1; }
out=$PWD/build/windows/smoke
rm -rf "$out"
mkdir -p "$out/home"
# A prefix and a home of its own: Wine links the user's Documents to the
# Unix home's, which must not be the real one.
export WINEPREFIX=$out/prefix WINEARCH=win64 HOME=$out/home
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" # no Mono or Gecko prompts
export LANG=en_US.UTF-8 # the app's English

pids=()
cleanup() {
	wineserver -k 2>/dev/null || true
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
fail() {
	echo "smoke-windows: $*" >&2
	import -window root "$out/failure.png" 2>/dev/null && echo "smoke-windows: screen at $out/failure.png" >&2
	exit 1
}
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

if [ -n "${SMOKE_DISPLAY:-}" ]; then
	Xvfb "$SMOKE_DISPLAY" -screen 0 1440x900x24 -nolisten tcp &
	pids+=($!)
	export DISPLAY=$SMOKE_DISPLAY
else
	Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp 3>"$out/display" &
	pids+=($!)
	for _ in $(seq 100); do [ -s "$out/display" ] && break; sleep 0.2; done
	[ -s "$out/display" ] || fail "Xvfb did not start"
	export DISPLAY=:$(head -1 "$out/display")
fi
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.2; done

t=$(now)
wineboot --init >/dev/null 2>&1
wineserver -w
echo "smoke-windows: Wine prefix ready in $(since "$t") s"
# Go's runtime needs ProcessPrng from bcryptprimitives.dll, which Windows
# 10 and 11 have and Wine before 9.0 lacks: give this prefix a stand-in
# (scripts/wine/bcryptprimitives.c; test only, never shipped).
sys32=$WINEPREFIX/drive_c/windows/system32
if [ ! -f "$sys32/bcryptprimitives.dll" ]; then
	x86_64-w64-mingw32-gcc -shared -O2 -o "$sys32/bcryptprimitives.dll" scripts/wine/bcryptprimitives.c -lbcrypt
	echo "smoke-windows: this Wine ($(wine --version)) has no bcryptprimitives.dll; the stand-in is in the prefix"
fi

# 1. The installer, silently, as IT deploys it.
t=$(now)
wine "$setup" /S
wineserver -w
users=$WINEPREFIX/drive_c/users/$(id -un)
inst=$users/AppData/Local/Programs/Mechplan
menu=$users/AppData/Roaming/Microsoft/Windows/Start\ Menu/Programs
[ -f "$inst/Mechplan.exe" ] || fail "the installer left no $inst/Mechplan.exe"
[ -f "$inst/uninstall.exe" ] || fail "the installer left no uninstaller"
[ -f "$menu/Mechplan.lnk" ] || fail "the installer made no Start-menu entry in $menu"
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\org.mechplan.desktop'
wine reg query "$key" /v UninstallString 2>/dev/null | grep -q 'uninstall.exe' || fail "no uninstall entry in the registry"
echo "smoke-windows: installed in $(since "$t") s: Mechplan.exe, uninstall.exe, Start-menu entry, Apps-and-features entry"

# 2. The installed app opens its window; first start shows the built-in
# comparison under the welcome dialog.
t=$(now)
(cd "$inst" && exec wine Mechplan.exe >"$out/app.log" 2>&1) &
pids+=($!)
win=
for _ in $(seq 300); do
	win=$(xdotool search --name 'Mechplan$' 2>/dev/null | head -1) && [ -n "$win" ] && break
	sleep 0.5
done
[ -n "$win" ] || fail "no Mechplan window within 150 s (log: $out/app.log)"
echo "smoke-windows: window after $(since "$t") s"
# Drawn when the screen holds the charts' colours, not a blank window.
colours=0
for _ in $(seq 120); do
	colours=$(import -window root png:- 2>/dev/null | convert png:- -format %k info: 2>/dev/null || echo 0)
	[ "$colours" -gt 200 ] && break
	sleep 0.5
done
[ "$colours" -gt 200 ] || fail "the window stayed blank ($colours colours)"
sleep 2
import -window root "$out/1-welcome.png"
echo "smoke-windows: first draw after $(since "$t") s ($colours colours)"

# Keys go to the focused window (no window manager runs on Xvfb).
xdotool windowfocus --sync "$win" 2>/dev/null || xdotool windowfocus "$win"
xdotool key Escape # closes the welcome dialog
sleep 2
import -window root "$out/2-comparison.png"

# 3. Ctrl+E exports the comparison as Excel: the save dialog opens on the
# user's folder with the name proposed and focused; Return saves.
xdotool key ctrl+e
sleep 4
import -window root "$out/3-save-dialog.png"
xdotool key Return
xlsx=
for _ in $(seq 120); do
	xlsx=$(find -L "$users" -name 'mechplan-comparison-*.xlsx' 2>/dev/null | head -1)
	[ -n "$xlsx" ] && break
	sleep 0.5
done
[ -n "$xlsx" ] || fail "no workbook written within 60 s"
sleep 2
import -window root "$out/4-exported.png"
cp "$xlsx" "$out/"
unzip -tq "$xlsx" >/dev/null || fail "$xlsx is not a valid zip"
sheets=$(unzip -p "$xlsx" xl/workbook.xml | grep -o '<sheet [^>]*name="[^"]*"' | sed 's/.*name="//; s/"$//' | paste -sd, -)
[ -n "$sheets" ] || fail "$xlsx has no sheets"
unzip -p "$xlsx" xl/sharedStrings.xml | grep -q 'OEWG' || fail "$xlsx does not name the OEWG baseline"
echo "smoke-windows: exported $(basename "$xlsx") ($(stat -c %s "$xlsx") bytes; sheets: $sheets)"

# 4. Quit (Ctrl+Q; nothing is unsaved), then uninstall silently. _?= keeps
# the uninstaller in place so that wine waits for it.
xdotool key ctrl+q
for _ in $(seq 40); do xdotool search --name 'Mechplan$' >/dev/null 2>&1 || break; sleep 0.5; done
xdotool search --name 'Mechplan$' >/dev/null 2>&1 && fail "Ctrl+Q did not close the window"
wine "$inst/uninstall.exe" /S "_?=$(winepath -w "$inst")"
wineserver -w
[ ! -e "$inst/Mechplan.exe" ] || fail "the uninstaller left Mechplan.exe"
[ ! -e "$menu/Mechplan.lnk" ] || fail "the uninstaller left the Start-menu entry"
wine reg query "$key" >/dev/null 2>&1 && fail "the uninstaller left the registry entry"
echo "smoke-windows: uninstalled (program, Start-menu entry and registry entry removed)"
echo "smoke-windows: passed; screenshots in $out"
