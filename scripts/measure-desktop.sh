#!/usr/bin/env bash
# Measures the desktop window as a person sees it: under Xvfb with Mesa's
# software renderer (llvmpipe, what a virtual desktop without a GPU gives),
# at 1440×900, it drives the real binary with xdotool and watches the
# screen's pixels (scripts/xwatch.c, XGetImage every 2 ms) for the change.
# Every figure is the median of RUNS (default 5) tries, in milliseconds:
#   launch   first pixels drawn, and the comparison (4 scenarios) settled
#   switch   a view switch (Ctrl+1…7) to the first pixels of the new view
#   edit     a keystroke in the horizon's date to the results pane redrawn,
#            with 8 scenarios open
#   undo     Ctrl+Z to the results pane redrawn
#   (for switch, edit and undo also the app's CPU time over the action and
#   the quiet period after it, which the machine's load inflates less)
#   memory   resident set (MB) with the comparison open, and with all 15
#            built-ins open on the compare view
# Usage: scripts/measure-desktop.sh [BINARY]   (default build/mechplan)
# Needs xvfb, xdotool, a C compiler and libx11-dev (as the build does).
set -euo pipefail
bin=$(realpath "${1:-build/mechplan}")
runs=${RUNS:-5}
display=${MEASURE_DISPLAY:-:$((90 + RANDOM % 9))}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/xvfb-session.sh"

builtins=(01-oewg-2021-2025.json 02-global-mechanism-adopted.json 03-s2-netherlands-two-blocks.json
	04-s2-netherlands-one-day-groups.json 05-s3-france-germany.json 06-s3-three-blocks.json
	07-s4-viet-nam-minimal.json 08-s5-china-cuba-one-trip.json 09-s5-china-cuba-all-groups.json
	10-s6-uk-iran-single-week.json 11-s7-switzerland-colombia-rotating-venues.json
	12-s8-el-salvador-chile-rotation.json 13-s8-four-groups-no-rotation.json 14-s9-hybrid-groups.json
	15-s10-chair-biennial-to-2030.json)

# prefs N VIEW: a returning user's preferences with the first N built-ins
# open, on VIEW, the window 1440×900.
prefs() {
	local dir=$HOME/.config/fyne/org.mechplan.desktop list="" i
	rm -rf "$HOME"
	mkdir -p "$dir"
	for ((i = 0; i < $1; i++)); do list+="${list:+,}\"builtin:${builtins[$i]}\""; done
	cat >"$dir/preferences.json" <<JSON
{"welcome.seen":1,"window.width":1440,"window.height":900,"delegation.iso3":"CHL",
 "session.open":[$list],"session.view":"$2"}
JSON
}

# start: launches the app, writes "FIRST SETTLED" to $work/launch and
# sets $app.
start() {
	"$xw" -q 1200 -t 30000 launch "$bin" >"$work/launch" 2>"$work/pid" || true
	app=$(sed -n 's/^pid //p' "$work/pid")
}
rss() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$app/status"; }

echo "load before: $(uptime)"
: >"$work/first"
: >"$work/settled"
: >"$work/rss4"
: >"$work/switch"
: >"$work/switch-cpu"
for ((r = 0; r < runs; r++)); do
	prefs 4 compare
	start
	read -r first settled <"$work/launch"
	echo "$first" >>"$work/first"
	echo "$settled" >>"$work/settled"
	cpu >>"$work/launch-cpu"
	echo >>"$work/launch-cpu"
	sleep 2
	rss >>"$work/rss4"
	echo >>"$work/rss4"
	# View switches: to each view and back to the comparison.
	for k in 2 3 4 5 7 1; do
		for key in "$k" 6; do
			c0=$(cpu)
			read -r f _ < <("$xw" -q 300 -t 5000 run "xdotool key ctrl+$key")
			echo "$f" >>"$work/switch"
			echo $(($(cpu) - c0)) >>"$work/switch-cpu"
		done
	done
	stop
done

# Edits with 8 scenarios open: 7 built-ins and an editable copy.
: >"$work/edit"
: >"$work/undo"
: >"$work/edit-cpu"
: >"$work/undo-cpu"
prefs 7 editor
start
sleep 1
xdotool key ctrl+d
sleep 2
# The horizon's first day, on the copy's first editor tab, and the results
# pane below the forms (positions at 1440×900, 100 %). Each run deletes
# the date's last digit (an invalid date: the figures are marked stale),
# types another (the figures change), and undoes both.
field=${FIELD_AT:-1348 506}
region=${RESULTS_REGION:-268,566,1170,290}
for ((r = 0; r < runs; r++)); do
	xdotool mousemove $field click 1
	sleep 0.5
	c0=$(cpu)
	read -r f _ < <("$xw" -r "$region" -q 300 -t 5000 run "xdotool key BackSpace")
	echo "$f" >>"$work/edit"
	echo $(($(cpu) - c0)) >>"$work/edit-cpu"
	sleep 0.3
	c0=$(cpu)
	read -r f _ < <("$xw" -r "$region" -q 300 -t 5000 run "xdotool type $((2 + r % 2))")
	echo "$f" >>"$work/edit"
	echo $(($(cpu) - c0)) >>"$work/edit-cpu"
	sleep 0.3
	c0=$(cpu)
	read -r f _ < <("$xw" -r "$region" -q 300 -t 5000 run "xdotool key ctrl+z")
	echo "$f" >>"$work/undo"
	echo $(($(cpu) - c0)) >>"$work/undo-cpu"
	sleep 0.5
done
if [ -n "${SHOT:-}" ]; then import -window root "$SHOT"; fi
stop

# Memory with all 15 built-ins open on the compare view.
: >"$work/rss15"
for ((r = 0; r < runs; r++)); do
	prefs 15 compare
	start
	sleep 3
	rss >>"$work/rss15"
	echo >>"$work/rss15"
	stop
done

echo "load after:  $(uptime)"
echo "medians of $runs (ms; memory MB):"
echo "launch, first pixels:                $(median <"$work/first")"
echo "launch, comparison settled:          $(median <"$work/settled")  (app CPU $(grep . "$work/launch-cpu" | median))"
echo "view switch (12 a run):              $(median <"$work/switch")  (slowest $(sort -n "$work/switch" | tail -1); app CPU $(median <"$work/switch-cpu"))"
echo "edit to results redrawn, 8 open:     $(median <"$work/edit")  (slowest $(sort -n "$work/edit" | tail -1); app CPU $(median <"$work/edit-cpu"))"
echo "undo to results redrawn, 8 open:     $(median <"$work/undo")  (app CPU $(median <"$work/undo-cpu"))"
echo "memory, comparison of 4 open:        $(grep . "$work/rss4" | median)"
echo "memory, all 15 built-ins open:       $(grep . "$work/rss15" | median)"
