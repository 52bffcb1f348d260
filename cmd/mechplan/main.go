// Command mechplan is the Mechplan desktop app: a window to build, compare
// and export structure proposals for an intergovernmental mechanism.
package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"mechplan/internal/ui"
)

// AppID matches FyneApp.toml; preferences and autosave live under it.
const AppID = "org.mechplan.desktop"

// gcPercent is how far the Go heap may grow past what is live before the
// collector runs: a quarter (Go's default is all of it). The window keeps about
// 35 MB live with a comparison open at 1440×900 (the reference data, the
// open scenarios and their results, the toolkit's caches of laid-out
// text), more with the whole library open. A fixed heap limit of 32 MB,
// below that, made the collector run back to back (199 collections in
// 25 s, a quarter of the CPU, under Xvfb); a proportional target never
// does, and keeps the heap to about 1.25 times what is live. Most of the
// resident memory is Mesa's software renderer in any case.
const gcPercent = 25

func main() {
	englishForCLocale()
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if path := os.Getenv("MECHPLAN_CPUPROFILE"); path != "" {
		profileFor(path, 20*time.Second)
	}
	a := app.NewWithID(AppID)
	w, err := open(a, os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "mechplan:", err)
		os.Exit(1)
	}
	w.ShowAndRun()
}

// englishForCLocale replaces a C or POSIX locale (a fresh Debian's or a
// container's C.UTF-8), which names no language, by English: the toolkit
// would otherwise log an error at every look-up of the system's language.
// The window speaks English for it either way, or the language chosen in
// its settings.
func englishForCLocale() {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(k)
		if base, _, _ := strings.Cut(v, "."); base == "C" || base == "POSIX" {
			os.Setenv(k, "en_US.UTF-8")
		}
	}
}

// profileFor writes a CPU profile of the first seconds of the app to path,
// for docs/performance.md: the real window under the user's display, not
// a test driver.
func profileFor(path string, d time.Duration) {
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "mechplan: profile:", err)
		return
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, "mechplan: profile:", err)
		f.Close()
		return
	}
	time.AfterFunc(d, func() {
		pprof.StopCPUProfile()
		f.Close()
	})
}

// open builds the main window on an app, with the scenario files named on
// the command line open; main and its test share it.
func open(a fyne.App, files []string) (fyne.Window, error) {
	w, err := ui.Create(a, ui.Config{Files: files})
	if err != nil {
		return nil, err
	}
	return w.Win, nil
}
