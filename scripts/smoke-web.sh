#!/usr/bin/env bash
# Smoke test of the browser version (build/web/, from `make web`) in
# headless Chromium: see scripts/smoke-web.js. Checks the downloaded
# workbook and leaves screenshots, the console log and the workbook in
# build/web-smoke/. Run `make smoke-web`.
set -euo pipefail
cd "$(dirname "$0")/.."
PLAYWRIGHT=playwright-core@1.65.1
scripts/ensure-tools.sh chromium:chromium node:nodejs npm:npm unzip:unzip
[ -f build/web/Mechplan.wasm ] || { echo "smoke-web: build/web/Mechplan.wasm missing; run make web" >&2; exit 1; }
tools=$PWD/build/tools/node
if [ ! -f "$tools/node_modules/playwright-core/package.json" ]; then
	mkdir -p "$tools"
	npm install --silent --no-audit --no-fund --prefix "$tools" "$PLAYWRIGHT" >/dev/null
fi
out=$PWD/build/web-smoke
rm -rf "$out"
mkdir -p "$out"
# A scenario file to upload: a built-in one, as the CLI lists them.
scenario=$out/uk-iran-proposal.json
cp resources/scenarios/*s6-uk-iran*.json "$scenario"

PLAYWRIGHT_CORE=$tools/node_modules/playwright-core node scripts/smoke-web.js "$PWD/build/web" "$out" "$scenario"

xlsx=$(cat "$out/export-path")
unzip -tq "$xlsx" >/dev/null || { echo "smoke-web: $xlsx is not a valid zip" >&2; exit 1; }
sheets=$(unzip -p "$xlsx" xl/workbook.xml | grep -o '<sheet [^>]*name="[^"]*"' | sed 's/.*name="//; s/"$//' | paste -sd, -)
[ -n "$sheets" ] || { echo "smoke-web: $xlsx has no sheets" >&2; exit 1; }
unzip -p "$xlsx" xl/sharedStrings.xml | grep -q 'OEWG' || { echo "smoke-web: $xlsx does not name the OEWG baseline" >&2; exit 1; }
echo "smoke-web: $(basename "$xlsx") is a workbook (sheets: $sheets)"
cat "$out/metrics"
echo "smoke-web: passed; screenshots in $out"
