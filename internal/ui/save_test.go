package ui

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/export/labels"
	"mechplan/internal/i18n"
	"mechplan/internal/model"
	"mechplan/internal/plan"
	"mechplan/internal/settings"
	"mechplan/internal/store"
)

const oldBytes = "the old file, whole\n"

// writeOld puts the old file's bytes at path.
func writeOld(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(oldBytes), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkOld fails unless path still holds the old bytes and no temporary
// file is left beside it.
func checkOld(t *testing.T, what, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: the old file is gone: %v", what, err)
	}
	if string(data) != oldBytes {
		t.Errorf("%s: the old file now holds %d bytes %.40q", what, len(data), data)
	}
	temps, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*.tmp-*"))
	if len(temps) > 0 {
		t.Errorf("%s: temporary files left: %v", what, temps)
	}
}

// errHalf is what the failing encoders return after writing half of the
// file, as a full disk or a bug in an encoder would.
var errHalf = errors.New("disk full half-way")

// TestFailedWritesKeepTheOldFile: Save As, Save, autosave and every export
// go to a file that exists, with an encoder that fails half-way through:
// each time the old file keeps its bytes.
func TestFailedWritesKeepTheOldFile(t *testing.T) {
	w, p := newTestWindow(t)
	dir := t.TempDir()
	w.WS.encode = func(out io.Writer, s *model.Scenario) error {
		var buf bytes.Buffer
		if err := store.EncodeTo(&buf, s); err != nil {
			return err
		}
		out.Write(buf.Bytes()[:buf.Len()/2])
		return errHalf
	}
	d := w.WS.New()
	w.WS.Select(d)

	p.save = filepath.Join(dir, "scenario.json")
	writeOld(t, p.save)
	w.SaveAs()
	checkOld(t, "Save As", p.save)
	if d.Path != "" || !strings.Contains(w.WS.Notice, errHalf.Error()) {
		t.Errorf("Save As: path %q, notice %q", d.Path, w.WS.Notice)
	}

	d.Path = p.save
	w.Save()
	checkOld(t, "Save", p.save)

	auto := w.WS.autosavePath(d)
	writeOld(t, auto)
	w.WS.Edit("name", func(s *model.Scenario) { s.Name = "Edited" })
	checkOld(t, "autosave", auto)
	if !strings.Contains(w.WS.Notice, errHalf.Error()) {
		t.Errorf("autosave: notice %q", w.WS.Notice)
	}

	gm := w.WS.OpenBuiltIn("global-mechanism")
	w.ShowView(ViewCompare)
	w.Compare.Pick(w.WS.Baseline, gm)
	for _, e := range exporters {
		if e.Scenario != nil {
			continue // one file per scenario: TestCalendarPerScenario
		}
		real := e.Encode
		failing := e
		failing.Encode = func(out io.Writer, c *plan.Comparison, l labels.Labels) error {
			var buf bytes.Buffer
			if err := real(&buf, c, l); err != nil {
				return err
			}
			if buf.Len() < 100 {
				t.Errorf("%s: only %d bytes encoded", e.Key, buf.Len())
			}
			out.Write(buf.Bytes()[:buf.Len()/2])
			return errHalf
		}
		p.save = filepath.Join(dir, "comparison"+e.Ext)
		writeOld(t, p.save)
		done := make(chan error, 1)
		w.Compare.exported = func(path string, err error) { done <- err }
		w.Compare.Export(failing)
		if err := <-done; !errors.Is(err, errHalf) {
			t.Errorf("%s: export returned %v", e.Key, err)
		}
		checkOld(t, "export "+e.Key, p.save)
	}
}

// saveDialogParts finds the save dialog's name entry and Save button.
func saveDialogParts(t *testing.T, w *Window) (*widget.Entry, *escButton) {
	t.Helper()
	top := w.Win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog open")
	}
	var entry *widget.Entry
	if entries := findAll[*widget.Entry](top); len(entries) > 0 {
		entry = entries[0]
	}
	var save *escButton
	for _, b := range collectButtons(top) {
		if b.Text == i18n.T("dialog.save.button") {
			save = b
		}
	}
	if entry == nil || save == nil {
		t.Fatal("the save dialog has no name entry or no Save button")
	}
	return entry, save
}

// TestSaveDialogOpensNothing drives the window's own save dialog: choosing
// an existing file asks before replacing it and hands back the path
// without having opened, emptied or removed anything; a name without its
// extension gets it added and the bare-named file is left alone.
func TestSaveDialogOpensNothing(t *testing.T) {
	w, _ := newTestWindow(t)
	dir := t.TempDir()
	p := &dialogPicker{w: w, dir: dir}
	bare := filepath.Join(dir, "report")
	full := bare + ".json"
	writeOld(t, bare)
	writeOld(t, full)
	if err := os.Mkdir(filepath.Join(dir, "folder.json"), 0o755); err != nil {
		t.Fatal(err)
	}

	var got []string
	p.Save("Save", "suggested.json", []string{".json"}, func(path string) {
		// The old files are whole when the caller gets the path.
		checkOld(t, "chosen "+path, bare)
		checkOld(t, "chosen "+path, full)
		got = append(got, path)
	})
	entry, save := saveDialogParts(t, w)
	if entry.Text != "suggested.json" {
		t.Errorf("proposed %q", entry.Text)
	}
	for _, bad := range []string{"", "  ", "sub/report", `sub\report`, "..", "folder"} {
		entry.SetText(bad)
		test.Tap(save)
		if len(got) > 0 {
			t.Fatalf("%q was accepted as %v", bad, got)
		}
	}
	entry.SetText("report")
	test.Tap(save)
	// report.json exists: a confirmation asks first.
	var replace *escButton
	for _, b := range collectButtons(w.Win.Canvas().Overlays().Top()) {
		if b.Text == i18n.T("dialog.save.replace.yes") {
			replace = b
		}
	}
	if replace == nil || len(got) > 0 {
		t.Fatalf("no confirmation before replacing (chosen %v)", got)
	}
	checkOld(t, "asking", full)
	test.Tap(replace)
	if len(got) != 1 || got[0] != full {
		t.Fatalf("chosen %v, want %s", got, full)
	}
	if w.Win.Canvas().Overlays().Top() != nil {
		t.Error("the dialogs stay open after the choice")
	}

	// A new name: no question, nothing created.
	p.Save("Save", "new.json", []string{".json"}, func(path string) { got = append(got, path) })
	_, save = saveDialogParts(t, w)
	test.Tap(save)
	if len(got) != 2 || got[1] != filepath.Join(dir, "new.json") {
		t.Fatalf("chosen %v", got)
	}
	if _, err := os.Stat(got[1]); !os.IsNotExist(err) {
		t.Errorf("the dialog created %s", got[1])
	}
}

// TestStartRemovesStaleTemps: a temporary file a killed autosave left in
// the autosave folder, and one beside a recent file, go when the window
// starts.
func TestStartRemovesStaleTemps(t *testing.T) {
	a := test.NewTempApp(t)
	set := settings.New(a.Preferences(), 0)
	set.SetWelcomed()
	auto, docs := t.TempDir(), t.TempDir()
	recent := filepath.Join(docs, "mine.json")
	writeOld(t, recent)
	set.AddRecent(recent)
	old := time.Now().Add(-2 * store.StaleTempAge)
	var temps []string
	for _, p := range []string{filepath.Join(auto, ".unsaved-3.json.tmp-42"), filepath.Join(docs, ".mine.json.tmp-42")} {
		writeOld(t, p)
		os.Chtimes(p, old, old)
		temps = append(temps, p)
	}
	w, err := Create(a, Config{Picker: &fakePicker{}, AutosaveDir: auto})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Win.Close()
	for _, p := range temps {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s is still there", p)
		}
	}
	checkOld(t, "recent file", recent)
}

// TestSaveManyDialogAsksBeforeReplacing drives the folder dialog of the
// per-scenario calendars: it names the files it will write, asks before
// replacing those already there (naming them) and hands back the folder
// without having touched a file.
func TestSaveManyDialogAsksBeforeReplacing(t *testing.T) {
	w, _ := newTestWindow(t)
	w.Win.Resize(fyne.NewSize(1100, 700))
	dir := t.TempDir()
	p := &dialogPicker{w: w, dir: dir}
	names := []string{"OEWG 2021–2025.ics", "Global mechanism.ics", "S9 hybrid groups.ics"}
	writeOld(t, filepath.Join(dir, names[1]))
	var got []string
	p.SaveMany("Export", names, func(d string) { got = append(got, d) })
	top := w.Win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog open")
	}
	var save *escButton
	for _, b := range collectButtons(top) {
		if b.Text == i18n.T("dialog.save.button") {
			save = b
		}
	}
	if save == nil {
		t.Fatal("no Save button")
	}
	test.Tap(save)
	var replace *escButton
	var message string
	top = w.Win.Canvas().Overlays().Top()
	for _, b := range collectButtons(top) {
		if b.Text == i18n.T("dialog.save.replace.yes") {
			replace = b
		}
	}
	for _, l := range test.LaidOutObjects(top) {
		if l, ok := l.(*widget.Label); ok && strings.Contains(l.Text, names[1]) {
			message = l.Text
		}
	}
	if replace == nil || len(got) > 0 {
		t.Fatalf("no confirmation before replacing (chosen %v)", got)
	}
	if strings.Contains(message, names[0]) || strings.Contains(message, names[2]) {
		t.Errorf("the confirmation names files that are not there: %q", message)
	}
	checkOld(t, "asking", filepath.Join(dir, names[1]))
	test.Tap(replace)
	if len(got) != 1 || got[0] != dir {
		t.Fatalf("chosen %v, want %s", got, dir)
	}
	if w.Win.Canvas().Overlays().Top() != nil {
		t.Error("the dialogs stay open after the choice")
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*")); len(files) != 1 {
		t.Errorf("the dialog wrote files: %v", files)
	}
}
