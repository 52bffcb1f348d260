package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A file name suggested from a scenario can never leave the folder the user
// chooses, whatever the scenario's id holds (a file from another
// delegation may hold anything before it is validated).
func TestSuggestedFileNameStaysInTheFolder(t *testing.T) {
	for _, id := range []string{"../../etc/passwd", `..\..\windows\win.ini`, "C:evil", "/abs/path", "", "ok-id", `S1 "A"? <B>|*`, "tab\there"} {
		name := fileName(id, ".json")
		if strings.ContainsAny(name, `/\:*?"<>|`+"\t") || filepath.Base(name) != name || !strings.HasSuffix(name, ".json") {
			t.Errorf("id %q suggests %q", id, name)
		}
		dir := t.TempDir()
		if got := filepath.Dir(filepath.Join(dir, name)); got != dir {
			t.Errorf("id %q: %q lands in %q, not %q", id, name, got, dir)
		}
	}
}

// Each scenario's calendar gets its own file even when two labels only
// differ by a character a file name cannot hold, or by case.
func TestCalendarNamesAreUnique(t *testing.T) {
	got := calendarNames([]string{"G/1", "G:1", "g-1", "OEWG 2021–2025"})
	want := []string{"G-1.ics", "G-1-2.ics", "g-1-3.ics", "OEWG 2021–2025.ics"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("names %q, want %q", got, want)
	}
}

// The desktop app's Open refuses hostile files with a message, as
// mechplan-cli validate does, without reading them into memory.
func TestOpenRefusesHostileFiles(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.json")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(1 << 30) // sparse
	f.Close()
	deep := filepath.Join(dir, "deep.json")
	os.WriteFile(deep, []byte(`{"bodies": `+strings.Repeat("[", 50000)+strings.Repeat("]", 50000)+`}`), 0o644)
	latin1 := filepath.Join(dir, "latin1.json")
	os.WriteFile(latin1, []byte("{\"name\": \"C\xf4te d'Ivoire\"}"), 0o644)
	many := filepath.Join(dir, "many.json")
	os.WriteFile(many, []byte(`{"mechplan_scenario": 1, "id": "x", "name": "X", "horizon": {"start": "2026-01-01", "years": 1}, "cycle_years": 1,
 "bodies": [{"id": "p", "name": "P", "kind": "plenary", "meetings": 1000000000, "format": "in_person", "interpretation": true, "webcast": true}],
 "blocks": [{"id": "b", "venue": "NYC", "month": 1, "week": 1, "arrangement": "consecutive", "sessions": [{"body": "p"}]}]}`), 0o644)

	ws := crashWorkspace(t, "")
	for path, want := range map[string]string{
		huge:   "the limit is 4194304 bytes",
		deep:   "nests 50001 levels deep",
		latin1: "not valid UTF-8",
	} {
		if _, err := ws.OpenFile(path); err == nil || !strings.Contains(ws.Notice, want) {
			t.Errorf("%s: notice %q, want …%s…", filepath.Base(path), ws.Notice, want)
		}
	}
	// A billion meetings decodes, but never evaluates: the editor shows
	// the problem at its field and keeps no result.
	d, err := ws.OpenFile(many)
	if err != nil {
		t.Fatal(err)
	}
	if d.Result != nil || len(d.Problems) == 0 || d.Problems[0].Path != "bodies[0].meetings" {
		t.Fatalf("result %v, problems %v", d.Result, d.Problems)
	}
}
