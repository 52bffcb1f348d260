// Command mechplan is the Mechplan desktop app: it opens the built-in
// library of structure proposals and shows their figures side by side.
package main

import (
	"fyne.io/fyne/v2/app"

	"mechplan/internal/ui"
)

// AppID matches FyneApp.toml; preferences and autosave live under it.
const AppID = "org.mechplan.desktop"

func main() {
	a := app.NewWithID(AppID)
	w := ui.NewMainWindow(a)
	w.ShowAndRun()
}
