# Sourced by the scripts that drive the real window (measure-desktop.sh,
# measure-worst.sh, screenshots-desktop.sh): builds scripts/xwatch.c into
# a scratch folder ($work, $xw), starts Xvfb at 1440×900 on $display with
# Mesa's software renderer for the app, gives the app a scratch $HOME, and
# removes it all on exit, the app ($app, when set) included.
# Needs $display and $here set by the caller; xvfb, a C compiler, libx11-dev.
work=$(mktemp -d)
xw="$work/xwatch"
cc -O2 -o "$xw" "$here/xwatch.c" -lX11
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=""
cleanup() {
	[ -n "$app" ] && kill -9 "$app" 2>/dev/null || true
	kill "$xvfb" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
export DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1 HOME=$work/home LANG=en_US.UTF-8
unset XDG_CONFIG_HOME XDG_DATA_HOME
sleep 1
