package ui

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mechplan/internal/i18n"
)

// TestExportsFollowTheLanguage exports from the compare view of a French
// window: the workbook's sheets and the report's headings are French.
func TestExportsFollowTheLanguage(t *testing.T) {
	w := newWindowIn(t, i18n.French, true)
	p := w.Picker.(*fakePicker)
	gm := w.WS.OpenBuiltIn("global-mechanism")
	w.ShowView(ViewCompare)
	w.Compare.Pick(w.WS.Baseline, gm)
	dir := t.TempDir()
	for _, e := range exporters {
		if e.Ext == ".ics" {
			continue
		}
		p.save = filepath.Join(dir, "comparaison")
		done := make(chan error, 1)
		w.Compare.exported = func(path string, err error) { done <- err }
		w.Compare.Export(e)
		if err := <-done; err != nil {
			t.Fatalf("%s: %v", e.Key, err)
		}
		file := p.save + e.Ext
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		switch e.Ext {
		case ".xlsx":
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if got := f.GetSheetList(); got[0] != "Synthèse" || got[1] != "Hypothèses" {
				t.Errorf("sheets %q, want the French Synthèse and Hypothèses", got[:2])
			}
			f.Close()
		case ".pdf":
			bin, err := exec.LookPath("pdftotext")
			if err != nil {
				continue
			}
			out, err := exec.Command(bin, file, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			if text := string(out); !strings.Contains(text, "Comparaison en bref") || !strings.Contains(text, "Page 2 sur") {
				t.Errorf("the report is not in French: %.300s", text)
			}
		}
	}
}
