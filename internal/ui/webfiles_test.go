package ui

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"mechplan/internal/i18n"
	"mechplan/internal/model"
	"mechplan/internal/refdata"
	"mechplan/internal/settings"
	"mechplan/internal/store"
)

// webWorkspace is a workspace on the browser's files, with Fyne's storage
// in a temporary folder and the downloads caught.
func webWorkspace(t *testing.T, root string, downloads map[string][]byte) (*Workspace, *webFiles) {
	t.Helper()
	ref, err := refdata.Default()
	if err != nil {
		t.Fatal(err)
	}
	fs := newWebFiles(storage.NewFileURI(root), func(name string, data []byte) error {
		downloads[name] = data
		return nil
	})
	ws, err := newWorkspace(ref, settings.New(test.NewTempApp(t).Preferences(), 2026), filepath.Join(root, "autosave"), fs)
	if err != nil {
		t.Fatal(err)
	}
	return ws, fs
}

// TestWebFiles: in the browser, Open reads the uploaded bytes, Save and
// Export download bytes under the file's name, autosaves go to Fyne's
// storage and come back after a reload, and nothing is downloaded when
// encoding fails.
func TestWebFiles(t *testing.T) {
	root := t.TempDir()
	downloads := map[string][]byte{}
	ws, fs := webWorkspace(t, root, downloads)

	// Open: an upload of a built-in scenario's file, named as a Windows
	// browser may name it.
	data, err := store.Encode(ws.OpenBuiltIn("s6-uk-iran").Scenario)
	if err != nil {
		t.Fatal(err)
	}
	path := fs.upload(`C:\fakepath\uk-iran.json`, data)
	if path != "uk-iran.json" {
		t.Fatalf("upload path %q, want the base name", path)
	}
	d, err := ws.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if d.Path != "uk-iran.json" || d.ReadOnly() {
		t.Fatalf("opened %q read-only=%v", d.Path, d.ReadOnly())
	}
	if _, err := ws.OpenFile("never-uploaded.json"); err == nil || !strings.Contains(err.Error(), "never-uploaded.json") {
		t.Fatalf("opening a file not uploaded: %v", err)
	}

	// An edit is autosaved into storage, not downloaded.
	ws.Edit("name", func(s *model.Scenario) { s.Name = "Edited in the browser" })
	saved, _ := filepath.Glob(filepath.Join(root, "autosave", "unsaved-*.json"))
	if len(saved) != 1 || len(downloads) != 0 {
		t.Fatalf("autosaves %v, downloads %d; want one autosave and no download", saved, len(downloads))
	}
	// A reload of the page: a new workspace on the same storage recovers it.
	again, _ := webWorkspace(t, root, downloads)
	if n := again.Recover(); n != 1 || again.Active.Scenario.Name != "Edited in the browser" || again.Active.Path != "uk-iran.json" {
		t.Fatalf("recovered %d, active %+v", n, again.Active)
	}

	// Save downloads the scenario file under its name and drops the autosave.
	if err := ws.Save(d); err != nil {
		t.Fatal(err)
	}
	got, err := store.Decode(downloads["uk-iran.json"])
	if err != nil || got.Name != "Edited in the browser" {
		t.Fatalf("downloaded scenario %v, %v", got, err)
	}
	if _, err := os.Stat(saved[0]); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the autosave stayed after saving: %v", err)
	}

	// A failed encoding downloads nothing.
	delete(downloads, "uk-iran.json")
	ws.encode = func(out io.Writer, s *model.Scenario) error {
		io.WriteString(out, `{"version":`)
		return errors.New("disk on fire")
	}
	if err := ws.SaveAs(d, "copy.json"); err == nil || len(downloads) != 0 {
		t.Fatalf("failed save: %v, downloads %v", err, downloads)
	}
	ws.encode = nil

	// Export: the workbook's bytes are downloaded.
	cmp, err := ws.Compare([]*Document{ws.Baseline, d}, ws.Baseline)
	if err != nil {
		t.Fatal(err)
	}
	if err := fs.WriteAtomic("comparison.xlsx", 0o644, func(w io.Writer) error { return exporters[0].Encode(w, cmp, i18n.Export(i18n.English)) }); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(downloads["comparison.xlsx"], []byte("PK")) {
		t.Fatalf("the exported workbook is not a zip: % x", downloads["comparison.xlsx"][:min(8, len(downloads["comparison.xlsx"]))])
	}

	// Delete cannot reach the user's computer: it says so and keeps the document.
	if err := ws.Delete(d); err == nil || !strings.Contains(err.Error(), "uk-iran.json") {
		t.Fatalf("delete in the browser: %v", err)
	}
}

// browserPicker answers as the browser's picker does: no folder for the
// calendars, so that each is downloaded under its name.
type browserPicker struct{ fakePicker }

func (p *browserPicker) SaveMany(title string, names []string, chosen func(string)) {
	p.names = names
	chosen("")
}

// In the browser the calendars are one download per compared scenario,
// each under its file name.
func TestCalendarsAreOneDownloadEach(t *testing.T) {
	w, _ := newTestWindow(t)
	downloads := map[string][]byte{}
	w.WS.fs = newWebFiles(storage.NewFileURI(t.TempDir()), func(name string, data []byte) error {
		downloads[name] = data
		return nil
	})
	p := &browserPicker{}
	w.Picker = p
	gm := w.WS.OpenBuiltIn("global-mechanism")
	w.ShowView(ViewCompare)
	w.Compare.Pick(w.WS.Baseline, gm)
	done := make(chan error, 1)
	w.Compare.exported = func(_ string, err error) { done <- err }
	for _, e := range exporters {
		if e.Scenario != nil {
			w.Compare.Export(e)
		}
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if len(p.names) != 2 || len(downloads) != 2 {
		t.Fatalf("names %v, downloads %d", p.names, len(downloads))
	}
	for _, n := range p.names {
		if !bytes.HasPrefix(downloads[n], []byte("BEGIN:VCALENDAR")) {
			t.Errorf("%s was not downloaded as a calendar", n)
		}
	}
	if msg := w.Compare.message.Text; !strings.Contains(msg, i18n.T("compare.downloads")) {
		t.Errorf("the message %q does not say where the files went", msg)
	}
}
