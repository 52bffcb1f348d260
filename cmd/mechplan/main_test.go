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
	w, err := open(a, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if got := w.Title(); !strings.Contains(got, "OEWG 2021–2025 as held") {
		t.Errorf("title = %q", got)
	}
	if w.MainMenu() == nil || len(w.MainMenu().Items) < 4 {
		t.Error("no File, Edit, View and Help menus")
	}
	// A first start opens on the welcome.
	if len(w.Canvas().Overlays().List()) != 1 {
		t.Error("no welcome on the first start")
	}
}
