#!/usr/bin/env bash
# Screenshots of every view from the real binary under Xvfb (Mesa's
# software renderer), at 1280×800 100 % and 1440×900 150 %, in every
# language of the window, as 64-colour PNGs: OUT/<lang>-<size>-<view>.png.
# Usage: scripts/screenshots-desktop.sh [BINARY] [OUT]
#   (default build/mechplan and build/screenshots)
#   SHOT_LANGS="fr zh" and SHOT_VIEWS="costs compare" take a subset.
# Needs xvfb, imagemagick, a C compiler and libx11-dev.
set -euo pipefail
bin=$(realpath "${1:-build/mechplan}")
out=$(realpath -m "${2:-build/screenshots}")
display=${SHOT_DISPLAY:-:$((90 + RANDOM % 9))}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
. "$here/xvfb-session.sh"
read -r -a views <<<"${SHOT_VIEWS:-editor calendar timezones costs my_delegation compare settings}"
read -r -a langs <<<"${SHOT_LANGS:-en fr es ru zh}"
for lang in "${langs[@]}"; do
	for size in 1280x800:100 1440x900:150; do
		dim=${size%%:*} scale=${size##*:}
		for view in "${views[@]}"; do
			rm -rf "$HOME"
			mkdir -p "$HOME/.config/fyne/org.mechplan.desktop"
			cat >"$HOME/.config/fyne/org.mechplan.desktop/preferences.json" <<JSON
{"welcome.seen":1,"window.width":${dim%x*},"window.height":${dim#*x},"delegation.iso3":"CHL",
 "language":"$lang","appearance.scale_percent":$scale,"theme":"${SHOT_THEME:-light}",
 "session.open":["builtin:01-oewg-2021-2025.json","builtin:02-global-mechanism-adopted.json",
  "builtin:14-s9-hybrid-groups.json","builtin:05-s3-france-germany.json"],"session.view":"$view"}
JSON
			"$xw" -q 1500 -t 30000 launch "$bin" 2>"$work/pid" >/dev/null
			app=$(sed -n 's/^pid //p' "$work/pid")
			import -window root -crop "$dim+0+0" +repage -colors 64 "PNG8:$out/$lang-$dim-$view.png"
			stop
		done
	done
done
ls "$out" | wc -l
