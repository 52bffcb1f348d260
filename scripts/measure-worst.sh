#!/usr/bin/env bash
# Measures the most expensive valid files (plan.WorstCase: overlap,
# parallel, yearly; 30,000 meetings each, model.MaxTotalMeetings) in the real desktop window, as a
# person sees them, the way scripts/measure-desktop.sh measures the
# built-ins: under Xvfb with Mesa's software renderer (llvmpipe), at
# 1440×900, xdotool pressing the keys and scripts/xwatch.c watching the
# screen's pixels. For each shape, each figure is the median of RUNS
# (default 5) tries, in milliseconds:
#   first    launch with the file in the session (a returning user) to
#            the first pixels
#   open     … to the window settled with the file evaluated and drawn
#   (the column "none" is the same launch with no file open: what the
#   program's start costs before any file)
#   VIEW     Ctrl+1…7 to that view drawn and settled (the costs view: with
#            its sensitivity chart)
#   cpu      the app's processor time (user + system, all threads) over
#            the launch, and over the seven switches
#   peak     the app's largest resident set over the whole run (VmHWM), MB
# Usage: scripts/measure-worst.sh [BINARY]   (default build/mechplan)
# Needs Go (to write the files), xvfb, xdotool, a C compiler and libx11-dev.
set -euo pipefail
bin=$(realpath "${1:-build/mechplan}")
runs=${RUNS:-5}
display=${MEASURE_DISPLAY:-:$((90 + RANDOM % 9))}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/xvfb-session.sh"
mkdir -p "$work/files"
(cd "$here/.." && MECHPLAN_WORST_DIR="$work/files" CGO_ENABLED=0 go test -tags ci -count 1 -run '^TestWorstCasesAreValid$' ./internal/plan/ >/dev/null)
views=(editor calendar timezones costs my_delegation compare settings)

# prefs FILE: a returning user's preferences with FILE open on the
# editor (none: no file).
prefs() {
	local dir=$HOME/.config/fyne/org.mechplan.desktop open=""
	rm -rf "$HOME"
	mkdir -p "$dir"
	[ -f "$1" ] && open="\"file:$1\""
	cat >"$dir/preferences.json" <<JSON
{"welcome.seen":1,"window.width":1440,"window.height":900,"delegation.iso3":"CHL",
 "session.open":[$open],"session.view":"editor"}
JSON
}
peak() { awk '/VmHWM/ {printf "%d", $2/1024}' "/proc/$app/status"; }

echo "load before: $(uptime)"
shapes=(none overlap parallel yearly)
for shape in "${shapes[@]}"; do
	file="$work/files/worst-$shape.json"
	out="$work/$shape"
	mkdir -p "$out"
	for ((r = 0; r < runs; r++)); do
		prefs "$file"
		"$xw" -q 1500 -t 60000 launch "$bin" >"$work/launch" 2>"$work/pid" || true
		app=$(sed -n 's/^pid //p' "$work/pid")
		read -r first settled <"$work/launch"
		echo "$first" >>"$out/first"
		echo "$settled" >>"$out/open"
		cpu >>"$out/open-cpu"
		echo >>"$out/open-cpu"
		c0=$(cpu)
		# Each view once, from the last one (the editor first: it is the
		# view the session reopened, so Ctrl+1 comes last).
		for k in 2 3 4 5 6 7 1; do
			read -r _ s < <("$xw" -q 1500 -t 60000 run "xdotool key ctrl+$k")
			echo "$s" >>"$out/${views[$((k - 1))]}"
		done
		echo $(($(cpu) - c0)) >>"$out/views-cpu"
		peak >>"$out/peak"
		echo >>"$out/peak"
		stop
	done
done
echo "load after:  $(uptime)"
echo "medians of $runs (ms; memory MB), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
printf '%-14s' "" && for shape in "${shapes[@]}"; do printf '%10s' "$shape"; done && echo
for what in first open open-cpu "${views[@]}" views-cpu peak; do
	printf '%-14s' "$what"
	for shape in "${shapes[@]}"; do printf '%10s' "$(grep . "$work/$shape/$what" | median)"; done
	echo
done
