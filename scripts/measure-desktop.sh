#!/usr/bin/env bash
# Measures the desktop app under Xvfb: seconds from launch to its first
# window, and resident memory with the built-in library open.
# Usage: scripts/measure-desktop.sh [BINARY]   (default build/mechplan)
# Needs xvfb and x11-utils (xwininfo).
set -euo pipefail
bin=${1:-build/mechplan}
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; [ -n "${app:-}" ] && kill $app 2>/dev/null || true' EXIT
sleep 1
start=$(date +%s%N)
DISPLAY=$display LANG=${LANG:-en_US.UTF-8} "$bin" >/dev/null 2>&1 &
app=$!
for _ in $(seq 1 200); do
	if DISPLAY=$display xwininfo -root -tree 2>/dev/null | grep -q 'Mechplan"'; then
		break
	fi
	sleep 0.05
done
first=$(( ($(date +%s%N) - start) / 1000000 ))
sleep 3 # let the library evaluate and draw
rss=$(ps -o rss= -p $app)
echo "first window: ${first} ms"
echo "resident memory with the library open: $((rss / 1024)) MB"
