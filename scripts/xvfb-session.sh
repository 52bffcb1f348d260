# Sourced by the scripts that drive the real window (measure-desktop.sh,
# measure-worst.sh, screenshots-desktop.sh): builds scripts/xwatch.c into
# a scratch folder ($work, $xw), starts Xvfb at 1440×900 on $display with
# Mesa's software renderer for the app, gives the app a scratch $HOME, and
# removes it all on exit, the app ($app, when set) included; stop ends
# the app between runs.
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
# stop: ends the app ($app) and waits until its window is gone, so that
# the next launch is timed from a screen without it. Unsaved work makes
# the window ask before it closes: after 2 s, kill.
# cpu: the app's processor time so far, in ms (user + system, all
# threads: the Go code and Mesa's renderer), to set beside the wall-clock
# times on a loaded machine; median: the median of the numbers on stdin.
cpu() { awk -v t="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / t}' "/proc/$app/stat"; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "n/a"; else if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
stop() {
	kill "$app" 2>/dev/null || true
	for _ in $(seq 20); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
	kill -9 "$app" 2>/dev/null || true
	app=""
	while xdotool search --name Mechplan >/dev/null 2>&1; do sleep 0.1; done
	sleep 0.5
}
export DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1 HOME=$work/home LANG=en_US.UTF-8
unset XDG_CONFIG_HOME XDG_DATA_HOME
sleep 1
