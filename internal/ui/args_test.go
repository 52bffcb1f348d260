package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"mechplan/internal/i18n"
	"mechplan/internal/settings"
	"mechplan/internal/store"
)

// TestFilesFromTheCommandLine: the files the app is started with open
// after the last session's, the last one shown; a broken one is told in
// a dialog naming its place, and the others still open.
func TestFilesFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	gm, _, err := store.FindBuiltIn("global-mechanism")
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "mine.json")
	if err := store.Save(good, gm); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.json")
	if err := os.WriteFile(broken, []byte(`{"mechplan_scenario": 2, "id": "x" "name": "y"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, welcomed := range []bool{true, false} {
		a := test.NewTempApp(t)
		set := settings.New(a.Preferences(), 0)
		if welcomed {
			set.SetWelcomed()
		}
		w, err := Create(a, Config{Picker: &fakePicker{}, AutosaveDir: t.TempDir(), Files: []string{broken, good}})
		if err != nil {
			t.Fatal(err)
		}
		if d := w.WS.Active; d == nil || d.Path != good {
			t.Errorf("welcomed %v: the file shown is %+v, want %s", welcomed, d, good)
		}
		if !welcomed {
			w.Win.Close()
			continue
		}
		top := w.Win.Canvas().Overlays().Top()
		if top == nil {
			t.Fatal("no dialog for the broken file")
		}
		var all []string
		for _, s := range collectTexts(top, "dialog") {
			all = append(all, s.text)
		}
		text := strings.Join(all, " ")
		if !strings.Contains(text, "broken.json") || !strings.Contains(text, i18n.T("problem.place.line", "Line", 1, "Col", 36)) {
			t.Errorf("the dialog reads %q", text)
		}
		w.Win.Close()
	}
}
