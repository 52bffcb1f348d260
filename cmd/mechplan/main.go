// Command mechplan is the Mechplan desktop app: a window to build, compare
// and export structure proposals for an intergovernmental mechanism.
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"mechplan/internal/ui"
)

// AppID matches FyneApp.toml; preferences and autosave live under it.
const AppID = "org.mechplan.desktop"

// memoryTarget is the Go heap size the collector aims to stay under. The
// app keeps about 22 MB live (reference data, the open scenarios and their
// results); without a target the heap grows to twice that between
// collections, which a desktop user sees as resident memory. The target is
// soft: a long optimiser run may exceed it and only collects more often.
const memoryTarget = 32 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryTarget)
	}
	a := app.NewWithID(AppID)
	w, err := open(a)
	if err != nil {
		fmt.Fprintln(os.Stderr, "mechplan:", err)
		os.Exit(1)
	}
	w.ShowAndRun()
}

// open builds the main window on an app; main and its test share it.
func open(a fyne.App) (fyne.Window, error) {
	w, err := ui.Create(a, ui.Config{})
	if err != nil {
		return nil, err
	}
	return w.Win, nil
}
