#!/usr/bin/env bash
# Builds the browser version into build/web/, a static folder any web
# server can serve: index.html and its loader (wasm_exec.js, styles,
# spinner, icon) from `fyne package -os wasm` (Fyne's tools, pinned), the
# app as Mechplan.wasm, and Mechplan.wasm.gz beside it for servers that
# serve precompressed files (nginx gzip_static, Caddy precompressed).
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
FYNE_TOOLS=fyne.io/tools/cmd/fyne@v1.7.4
out=build/web
mkdir -p build/tools
GOBIN=$PWD/build/tools "$GO" install "$FYNE_TOOLS"

# fyne package reads FyneApp.toml from the main package's folder and bumps
# its build number: give it a copy there and remove the copy afterwards.
cp FyneApp.toml cmd/mechplan/FyneApp.toml
trap 'rm -rf cmd/mechplan/FyneApp.toml cmd/mechplan/wasm cmd/mechplan/Mechplan.wasm' EXIT
t=$(date +%s)
(cd cmd/mechplan && "$PWD/../../build/tools/fyne" package -os wasm -release -icon ../../resources/icon.png)
rm -rf "$out"
mv cmd/mechplan/wasm "$out"
[ -f "$out/index.html" ] && [ -f "$out/wasm_exec.js" ] && [ -f "$out/Mechplan.wasm" ] ||
	{ echo "web: fyne package left no index.html, wasm_exec.js or Mechplan.wasm" >&2; exit 1; }
gzip -9 -k -n "$out/Mechplan.wasm"
echo "web: built $out in $(($(date +%s) - t)) s"
printf 'web: Mechplan.wasm %s bytes, gzipped %s bytes\n' "$(stat -c %s "$out/Mechplan.wasm")" "$(stat -c %s "$out/Mechplan.wasm.gz")"
ls -l "$out"
