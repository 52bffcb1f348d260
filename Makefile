# Mechplan: the two commands a new machine needs are `make run` and `make test`.
SHELL := /bin/bash
GO ?= go
export LANG ?= en_US.UTF-8
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: run test desktop-deps export-deps build cli cli-all package linux-metadata package-windows smoke-windows web smoke-web check lint unit bench clean screenshots measure-desktop screenshots-desktop

## run: install what the desktop build needs, then open the app on the built-in library
run: desktop-deps
	$(GO) run ./cmd/mechplan

## test: formatting, vet, staticcheck, the Linux desktop metadata, every test (no display needed, the export clients included), and the real desktop build
test: desktop-deps export-deps check linux-metadata unit build
	@echo "make test: all checks passed"

desktop-deps:
	@scripts/ensure-desktop-deps.sh

## export-deps: LibreOffice Calc and poppler, which the export tests open the workbook and the report with
export-deps:
	@scripts/ensure-tools.sh soffice:libreoffice-calc-nogui pdftotext:poppler-utils pdftoppm:poppler-utils

check:
	@unformatted=$$(gofmt -l cmd internal resources); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed on: $$unformatted"; exit 1; fi
	CGO_ENABLED=0 $(GO) vet -tags ci ./...
	GOOS=js GOARCH=wasm $(GO) vet ./cmd/mechplan/ ./internal/ui/...
	CGO_ENABLED=0 $(GO) run $(STATICCHECK) -tags ci ./...

unit: export-deps
	CGO_ENABLED=0 $(GO) test -tags ci -count=1 -timeout 30m ./...

## build: the desktop binary (cgo, X11/GL) and the command line (pure Go)
build: desktop-deps
	$(GO) build -o build/mechplan ./cmd/mechplan
	CGO_ENABLED=0 $(GO) build -o build/mechplan-cli ./cmd/mechplan-cli

cli:
	CGO_ENABLED=0 $(GO) build -o build/mechplan-cli ./cmd/mechplan-cli

bench:
	mkdir -p build
	CGO_ENABLED=0 $(GO) test -tags ci -run '^$$' -bench . -benchmem ./... | tee build/bench.txt

## screenshots: the welcome and every view as PNG, in en, fr, es, ru and zh, light and dark (view-lang-variant.png), ru and zh also at 150%, drawn by Fyne's test driver (no display needed)
screenshots:
	mkdir -p build/screenshots
	MECHPLAN_SCREENSHOTS=$(CURDIR)/build/screenshots CGO_ENABLED=0 $(GO) test -tags ci -count=1 -run '^TestScreenshots$$' ./internal/ui/
	@ls build/screenshots

## measure-desktop: the real window under Xvfb and Mesa's software renderer, as a person sees it (medians of five; see docs/performance.md)
measure-desktop: build
	@scripts/ensure-tools.sh Xvfb:xvfb xdotool:xdotool import:imagemagick
	scripts/measure-desktop.sh build/mechplan

## screenshots-desktop: every view from the real binary under Xvfb, 1280×800 at 100 % and 1440×900 at 150 %, in en/fr/es
screenshots-desktop: build
	@scripts/ensure-tools.sh Xvfb:xvfb xdotool:xdotool import:imagemagick
	scripts/screenshots-desktop.sh build/mechplan build/screenshots-desktop

## cli-all: the command line for Linux, Windows and macOS (pure Go, no cgo)
cli-all:
	mkdir -p build/cli
	CGO_ENABLED=0 GOOS=linux GOARCH=amd64 $(GO) build -trimpath -o build/cli/mechplan-cli-linux-amd64 ./cmd/mechplan-cli
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -trimpath -o build/cli/mechplan-cli-windows-amd64.exe ./cmd/mechplan-cli
	CGO_ENABLED=0 GOOS=darwin GOARCH=arm64 $(GO) build -trimpath -o build/cli/mechplan-cli-darwin-arm64 ./cmd/mechplan-cli
	CGO_ENABLED=0 GOOS=darwin GOARCH=amd64 $(GO) build -trimpath -o build/cli/mechplan-cli-darwin-amd64 ./cmd/mechplan-cli

## package: the Linux desktop archive (fyne package, tools pinned to v1.7.4), its metadata checked, and the CLI for three systems
package: desktop-deps cli-all linux-metadata
	scripts/package-linux.sh
	@ls -l build/package build/cli

## linux-metadata: validate the AppStream metainfo, the desktop entry and the Flatpak manifest in packaging/linux/
linux-metadata:
	scripts/check-linux-metadata.sh

## package-windows: cross-build the Windows app (mingw-w64, fyne package) and its NSIS installer into build/windows/
package-windows:
	scripts/package-windows.sh

## smoke-windows: install the Windows build under Wine and Xvfb, draw the comparison, export it, uninstall
smoke-windows: package-windows
	scripts/smoke-windows.sh

## web: the browser version, a static folder build/web/ (index.html, loader, Mechplan.wasm and .wasm.gz)
web:
	scripts/build-web.sh

## smoke-web: load build/web/ in headless Chromium: first draw, export downloaded, Open from an upload, autosave after a reload
smoke-web: web
	scripts/smoke-web.sh

clean:
	rm -rf build
