package ui

import (
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"mechplan/internal/settings"
)

// benchWindow is a window at 1440×900 with eight scenarios open: the
// baseline, six more built-ins and an editable copy being edited.
func benchWindow(b *testing.B) *Window {
	b.Helper()
	a := test.NewTempApp(b)
	settings.New(a.Preferences(), 0).SetWelcomed()
	w, err := Create(a, Config{Picker: &fakePicker{}, AutosaveDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(w.Win.Close)
	w.Win.Resize(fyne.NewSize(1440, 900))
	for _, bi := range w.WS.BuiltIns[1:7] {
		w.WS.OpenBuiltIn(bi.Scenario.ID)
	}
	w.WS.Duplicate(w.WS.Docs[1])
	return w
}

// BenchmarkEditRefresh is one keystroke in the editor with eight scenarios
// open, on each view: the engine's work and the window's refresh.
func BenchmarkEditRefresh(b *testing.B) {
	for _, view := range []string{ViewEditor, ViewCompare, ViewMine, ViewZones, ViewCosts, ViewCalendar} {
		b.Run(view, func(b *testing.B) {
			w := benchWindow(b)
			w.ShowView(view)
			e := w.Editor.Entry("name")
			b.ResetTimer()
			for i := range b.N {
				e.SetText("Copy " + strconv.Itoa(i))
			}
		})
	}
}

// BenchmarkUndo is an undo with eight scenarios open, on the compare view.
func BenchmarkUndo(b *testing.B) {
	w := benchWindow(b)
	w.ShowView(ViewCompare)
	e := w.Editor.Entry("horizon.years")
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		e.SetText(strconv.Itoa(3 + i%3))
		b.StartTimer()
		w.WS.Undo()
	}
}

// BenchmarkSwitchView goes from the editor to each view and back.
func BenchmarkSwitchView(b *testing.B) {
	for _, view := range viewOrder[1:] {
		b.Run(view, func(b *testing.B) {
			w := benchWindow(b)
			b.ResetTimer()
			for range b.N {
				w.ShowView(view)
				w.ShowView(ViewEditor)
			}
		})
	}
}
