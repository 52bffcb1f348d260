package main

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// The app opens on the built-in library with the baseline open; this is
// what a user sees at start.
func TestOpenShowsBaseline(t *testing.T) {
	a := test.NewTempApp(t)
	w, err := open(a)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if got := w.Title(); !strings.Contains(got, "OEWG 2021–2025 as held") {
		t.Errorf("title = %q", got)
	}
	if w.MainMenu() == nil || len(w.MainMenu().Items) < 3 {
		t.Error("no File, Edit and View menus")
	}
}
