package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"mechplan/internal/export/exporttest"
)

func TestSameInputSameBytes(t *testing.T) {
	c := exporttest.BuiltIns(t, "oewg-2021-2025", "s9-hybrid-groups")
	a, err := Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two reports of the same comparison differ")
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20260302")) {
		t.Error("creation date is not the comparison's date")
	}
}

// TestTextIsReallyThere extracts the text with pdftotext: every scenario's
// name and the member states whose names need more than ASCII.
func TestTextIsReallyThere(t *testing.T) {
	bin := pdftotext(t)
	c := exporttest.BuiltIns(t)
	data, err := Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	text := extractText(t, bin, data, "-layout")
	for _, r := range c.Results {
		if !strings.Contains(text, r.Scenario.Name) {
			t.Errorf("report lacks the scenario %q", r.Scenario.Name)
		}
	}
	for _, want := range []string{"Côte d’Ivoire", "Türkiye", "São Tomé and Príncipe", "Appendix: assumptions and sources", "Page 2 of"} {
		if !strings.Contains(text, want) && !strings.Contains(text, strings.ReplaceAll(want, "’", "'")) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// pdftotext finds poppler's pdftotext; the text checks fail without it.
func pdftotext(t *testing.T) string {
	t.Helper()
	return exporttest.Tool(t, "poppler-utils", "pdftotext")
}

// extractText writes a report to a file and returns what pdftotext reads
// in it.
func extractText(t *testing.T, bin string, data []byte, args ...string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, append(args, file, "-")...).Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
