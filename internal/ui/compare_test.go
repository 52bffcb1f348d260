package ui

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mechplan/internal/export/labels"
	"mechplan/internal/i18n"
	"mechplan/internal/plan"
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

// TestCalendarPerScenario exports the calendars of three compared
// scenarios from a French window: one file each, named from the
// scenario's label, with its short calendar name and every one of its
// meetings (the baseline's past ones left out); a write that fails
// leaves that file's old version and stops there.
func TestCalendarPerScenario(t *testing.T) {
	w := newWindowIn(t, i18n.French, true)
	p := w.Picker.(*fakePicker)
	oewg := w.WS.Baseline
	gm := w.WS.OpenBuiltIn("global-mechanism")
	s9 := w.WS.OpenBuiltIn("s9-hybrid-groups")
	w.ShowView(ViewCompare)
	w.Compare.Pick(oewg, gm, s9)
	cmp := w.Compare.Comparison
	if cmp == nil || len(cmp.Results) != 3 {
		t.Fatalf("comparison of %v", cmp)
	}
	var perScenario, combined exporter
	for _, e := range exporters {
		switch {
		case e.Scenario != nil:
			perScenario = e
		case e.Key == "ics_one":
			combined = e
		}
	}
	p.dir = t.TempDir()
	done := make(chan error, 1)
	w.Compare.exported = func(path string, err error) { done <- err }
	w.Compare.Export(perScenario)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if len(p.names) != 3 {
		t.Fatalf("asked to write %v, want 3 files", p.names)
	}
	files, _ := filepath.Glob(filepath.Join(p.dir, "*"))
	if len(files) != 3 {
		t.Fatalf("wrote %v, want 3 files", files)
	}
	total := 0
	for i, name := range p.names {
		if want := fileName(w.Compare.Labels[i], ".ics"); name != want {
			t.Errorf("file %d is %q, want %q from the label %q", i, name, want, w.Compare.Labels[i])
		}
		data, err := os.ReadFile(filepath.Join(p.dir, name))
		if err != nil {
			t.Fatal(err)
		}
		text := strings.ReplaceAll(string(data), "\r\n ", "")
		var calname string
		for _, line := range strings.Split(text, "\r\n") {
			if v, ok := strings.CutPrefix(line, "X-WR-CALNAME:"); ok {
				calname = v
			}
		}
		if !strings.HasPrefix(calname, "Mechplan: ") || strings.Contains(calname, "scénarios") || len([]rune(calname)) > 40 {
			t.Errorf("%s: calendar name %q, want Mechplan: and the scenario's short label", name, calname)
		}
		want := 0
		for _, m := range cmp.Results[i].Schedule.Meetings {
			if i != cmp.Baseline || !m.Start.Before(cmp.Date) {
				want++
			}
		}
		got := strings.Count(text, "BEGIN:VEVENT")
		if got != want || (got == 0 && i != cmp.Baseline) {
			t.Errorf("%s: %d events, want %d (every meeting of %s)", name, got, want, cmp.Results[i].Scenario.ID)
		}
		if i == cmp.Baseline && got == len(cmp.Results[i].Schedule.Meetings) {
			t.Errorf("%s: the baseline's past meetings are in its calendar", name)
		}
		total += want
		if got > 0 && !strings.Contains(text, "Format :") {
			t.Errorf("%s: the event text is not in French", name)
		}
	}

	// The combined calendar is still offered: one file of every scenario.
	p.save = filepath.Join(t.TempDir(), "tous")
	w.Compare.Export(combined)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(p.save + ".ics")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(data), "BEGIN:VEVENT"); got != total {
		t.Errorf("the combined calendar has %d events, want %d", got, total)
	}

	// The second file fails half-way: the first is new, the second and
	// third keep their old bytes, and no temporary file is left.
	real := perScenario.Scenario
	failing := perScenario
	failing.Scenario = func(out io.Writer, c *plan.Comparison, i int, l labels.Labels) error {
		if i == 1 {
			out.Write([]byte("BEGIN:VCALENDAR\r\n"))
			return errHalf
		}
		return real(out, c, i, l)
	}
	for _, name := range p.names {
		writeOld(t, filepath.Join(p.dir, name))
	}
	w.Compare.Export(failing)
	if err := <-done; !errors.Is(err, errHalf) {
		t.Fatalf("export returned %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(p.dir, p.names[0])); !strings.HasPrefix(string(data), "BEGIN:VCALENDAR") {
		t.Errorf("the first calendar was not written: %.40q", data)
	}
	checkOld(t, "calendar 2", filepath.Join(p.dir, p.names[1]))
	checkOld(t, "calendar 3", filepath.Join(p.dir, p.names[2]))
	if msg := w.Compare.message.Text; !strings.Contains(msg, p.names[1]) {
		t.Errorf("the message %q does not name the file that failed", msg)
	}
}
