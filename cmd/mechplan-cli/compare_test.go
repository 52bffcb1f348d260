package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCompareTableAgainstTheDefaultBaseline(t *testing.T) {
	code, out, errs := runCLI("compare", "s9-hybrid-groups", "global-mechanism")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.Contains(lines[0], "oewg-2021-2025") || len(lines) != 5 {
		t.Fatalf("want a heading, a header and three rows, the baseline added first:\n%s", out)
	}
	if !strings.Contains(lines[2], "oewg-2021-2025") || !strings.Contains(lines[3], "s9-hybrid-groups") {
		t.Errorf("rows out of order:\n%s", out)
	}
}

func TestCompareJSON(t *testing.T) {
	code, out, errs := runCLI("compare", "--json", "--baseline", "global-mechanism", "--date", "2026-03-02", "global-mechanism", "s9-hybrid-groups")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var v compareJSON
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.Baseline != "global-mechanism" || v.Date != "2026-03-02" || len(v.Scenarios) != 2 {
		t.Fatalf("%+v", v)
	}
	base, s9 := v.Scenarios[0].Metrics, v.Scenarios[1].Metrics
	days := s9["meeting_days"]
	if days.PerYear != days.Horizon/5 || days.DeltaPerYear != days.PerYear-base["meeting_days"].PerYear {
		t.Errorf("meeting days %+v against %+v", days, base["meeting_days"])
	}
	if _, ok := s9["cost.total"]; !ok {
		t.Error("no total cost")
	}
	if _, ok := s9["burden.night_hours"]; !ok {
		t.Error("no night hours")
	}
}

func TestCompareWritesEveryExport(t *testing.T) {
	dir := t.TempDir()
	x, p, c := filepath.Join(dir, "c.xlsx"), filepath.Join(dir, "c.pdf"), filepath.Join(dir, "c.ics")
	code, out, errs := runCLI("compare", "--date", "2026-03-02", "--xlsx", x, "--pdf", p, "--ics", c, "s7-rotating-venues")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for file, magic := range map[string]string{x: "PK", p: "%PDF", c: "BEGIN:VCALENDAR"} {
		data, err := os.ReadFile(file)
		if err != nil || !bytes.HasPrefix(data, []byte(magic)) {
			t.Errorf("%s: %v, starts %q", file, err, data[:min(len(data), 8)])
		}
		if !strings.Contains(out, "wrote "+file) {
			t.Errorf("no report of %s in %q", file, out)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("%d files in the folder, want the three exports and no temporary file", len(entries))
	}
}

// TestCompareWritesOneCalendarPerScenario: --ics-dir writes a file per
// scenario, in the language asked, the baseline's past meetings left out.
func TestCompareWritesOneCalendarPerScenario(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := runCLI("compare", "--date", "2026-03-02", "--lang", "fr", "--ics-dir", dir, "s7-rotating-venues")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	read := func(id string) string {
		data, err := os.ReadFile(filepath.Join(dir, id+".ics"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	if text := read("s7-rotating-venues"); !strings.Contains(text, "UID:s7-rotating-venues/") || !strings.Contains(text, "Scénario :") ||
		strings.Contains(text, "UID:oewg") {
		t.Error("s7-rotating-venues.ics: not its own meetings in French")
	}
	// The OEWG met in 2021–2025: before the issue date, all of it.
	if text := read("oewg-2021-2025"); strings.Contains(text, "BEGIN:VEVENT") {
		t.Error("the baseline's past meetings are in its calendar")
	}
	if code, _, errs := runCLI("compare", "--date", "2026-03-02", "--ics-past", "--ics-dir", dir, "s7-rotating-venues"); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if text := read("oewg-2021-2025"); !strings.Contains(text, "UID:oewg-2021-2025/") {
		t.Error("--ics-past: the baseline's meetings are missing")
	}
}

func TestCompareFailures(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no such folder", "c.xlsx")
	if code, _, errs := runCLI("compare", "--xlsx", missing, "global-mechanism"); code != exitInvalid || !strings.Contains(errs, "no such folder") {
		t.Errorf("unwritable target: exit %d, %q", code, errs)
	}
	if code, _, _ := runCLI("compare", "--baseline", "nonexistent-id", "global-mechanism"); code != exitInvalid {
		t.Errorf("unknown baseline: exit %d, want %d", code, exitInvalid)
	}
	if code, _, _ := runCLI("compare", "--date", "2 March", "global-mechanism"); code != exitUsage {
		t.Errorf("bad date: exit %d, want %d", code, exitUsage)
	}
	if code, _, _ := runCLI("compare", "--colour", "global-mechanism"); code != exitUsage {
		t.Errorf("unknown flag: exit %d, want %d", code, exitUsage)
	}
	if code, _, _ := runCLI("compare", "testdata/invalid/negative-days.json"); code != exitInvalid {
		t.Errorf("invalid scenario: exit %d, want %d", code, exitInvalid)
	}
}

// --lang writes the workbook in the language asked; an unknown language is a
// usage error.
func TestCompareLanguages(t *testing.T) {
	for lang, sheet := range map[string]string{"en": "xl/worksheets", "fr": "Synthèse", "es": "Resumen", "ru": "Сводка", "zh": "摘要", "ar": "الموجز"} {
		x := filepath.Join(t.TempDir(), "c.xlsx")
		if code, _, errs := runCLI("compare", "--lang", lang, "--xlsx", x, "global-mechanism"); code != exitOK {
			t.Fatalf("--lang %s: exit %d: %s", lang, code, errs)
		}
		zr, err := zip.OpenReader(x)
		if err != nil {
			t.Fatal(err)
		}
		var names strings.Builder
		for _, f := range zr.File {
			names.WriteString(f.Name + "\n")
			if f.Name == "xl/workbook.xml" {
				r, _ := f.Open()
				b, _ := io.ReadAll(r)
				r.Close()
				names.Write(b)
			}
		}
		zr.Close()
		if !strings.Contains(names.String(), sheet) {
			t.Errorf("--lang %s: the workbook has no %q", lang, sheet)
		}
	}
	if code, _, _ := runCLI("compare", "--lang", "de", "global-mechanism"); code != exitUsage {
		t.Errorf("--lang de: exit %d, want %d", code, exitUsage)
	}
	// Arabic is for the workbook: the PDF cannot lay it out right to left.
	if code, _, errs := runCLI("compare", "--lang", "ar", "--pdf", filepath.Join(t.TempDir(), "c.pdf"), "global-mechanism"); code != exitUsage || !strings.Contains(errs, "workbook") {
		t.Errorf("--lang ar --pdf: exit %d (%s), want %d", code, errs, exitUsage)
	}
}
