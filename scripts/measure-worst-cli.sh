#!/usr/bin/env bash
# Measures the command line on the most expensive valid files
# (plan.WorstCase: overlap, parallel, yearly; 30,000 meetings each, model.MaxTotalMeetings): each
# command the median of RUNS (default 5) runs of /usr/bin/time, wall-clock
# seconds, processor seconds (user + system) and peak resident set (MB).
# The compare commands evaluate the baseline (the OEWG) as well.
# Usage: scripts/measure-worst-cli.sh [CLI]   (default build/mechplan-cli)
set -euo pipefail
cli=$(realpath "${1:-build/mechplan-cli}")
runs=${RUNS:-5}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/files"
(cd "$here/.." && MECHPLAN_WORST_DIR="$work/files" CGO_ENABLED=0 go test -tags ci -count 1 -run '^TestWorstCasesAreValid$' ./internal/plan/ >/dev/null)
median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
echo "load before: $(uptime)"
printf '%-34s %-9s %8s %8s %8s\n' command shape wall cpu MB
for what in "eval" "eval --sensitivity" "burden --all" "compare" "compare --xlsx" "compare --pdf" "compare --ics"; do
	for shape in overlap parallel yearly; do
		f="$work/files/worst-$shape.json"
		: >"$work/t"
		for ((r = 0; r < runs; r++)); do
			args=($what)
			case "$what" in
			*--xlsx) args=(compare --xlsx "$work/out.xlsx") ;;
			*--pdf) args=(compare --pdf "$work/out.pdf") ;;
			*--ics) args=(compare --ics "$work/out.ics") ;;
			esac
			/usr/bin/time -f "%e %U %S %M" -o "$work/one" "$cli" "${args[@]}" "$f" >/dev/null
			cat "$work/one" >>"$work/t"
		done
		wall=$(awk '{print $1}' "$work/t" | median)
		cpu=$(awk '{print $2 + $3}' "$work/t" | median)
		mb=$(awk '{print int($4 / 1024)}' "$work/t" | median)
		printf '%-34s %-9s %8s %8s %8s\n' "$what" "$shape" "$wall" "$cpu" "$mb"
	done
done
echo "load after:  $(uptime)"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
