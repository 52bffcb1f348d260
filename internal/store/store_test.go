package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mechplan/internal/model"
)

const minimal = `{
  "mechplan_scenario": 1,
  "id": "tiny",
  "name": "Tiny",
  "horizon": {"start": "2026-01-01", "years": 1},
  "cycle_years": 1,
  "bodies": [{"id": "p", "name": "Plenary", "kind": "plenary", "meetings": 10, "format": "in_person", "interpretation": true, "webcast": true}],
  "blocks": [{"id": "b", "venue": "NYC", "month": 7, "week": 3, "arrangement": "consecutive", "sessions": [{"body": "p"}]}]
}`

func TestDecodeMinimal(t *testing.T) {
	s, err := Decode([]byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	if s.ID != "tiny" || s.Bodies[0].Meetings != 10 || s.Blocks[0].Sessions[0].Body != "p" {
		t.Fatalf("decoded %+v", s)
	}
}

// TestDecodeByteOrderMark: a file a Windows editor saved with a UTF-8
// byte-order mark opens, and a broken one is placed by the line and
// column the editor shows (the mark not counted).
func TestDecodeByteOrderMark(t *testing.T) {
	if _, err := Decode([]byte("\uFEFF" + minimal)); err != nil {
		t.Fatalf("with a byte-order mark: %v", err)
	}
	_, err := Decode([]byte("\uFEFF" + `{"mechplan_scenario": 1 "id": "x"}`))
	ps, ok := err.(model.Problems)
	if !ok || len(ps) == 0 || ps[0].Path != "line 1, column 25" {
		t.Fatalf("broken after a byte-order mark: %v", err)
	}
}

func TestDecodeProblems(t *testing.T) {
	cases := []struct {
		name, file string
		path, want string
	}{
		{"unknown field", strings.Replace(minimal, `"cycle_years": 1`, `"cycle_years": 1, "colour": "red"`, 1), "colour", "unknown field; allowed here: assumed, assumptions, blocks"},
		{"nested unknown field", strings.Replace(minimal, `"meetings": 10,`, `"meetings": 10, "dayz": 3,`, 1), "bodies[0].dayz", "unknown field"},
		{"wrong type", strings.Replace(minimal, `"meetings": 10`, `"meetings": "ten"`, 1), "bodies[0].meetings", `must be a whole number, got the text "ten"`},
		{"fraction", strings.Replace(minimal, `"meetings": 10`, `"meetings": 2.5`, 1), "bodies[0].meetings", "must be a whole number, got the number 2.5"},
		{"bool", strings.Replace(minimal, `"webcast": true`, `"webcast": "yes"`, 1), "bodies[0].webcast", "must be true or false"},
		{"list", strings.Replace(minimal, `"bodies": [`, `"bodies": {"x": [`, 1) + "}", "", ""},
		{"null", strings.Replace(minimal, `"name": "Tiny"`, `"name": null`, 1), "name", "must not be null"},
		{"broken syntax", strings.Replace(minimal, `"id": "tiny",`, `"id": "tiny"`, 1), "line 4, column 3", "broken JSON syntax"},
		{"truncated", minimal[:60], "(file)", "ends too early"},
		{"not an object", `[1, 2]`, "(file)", "must be a JSON object"},
		{"no version", strings.Replace(minimal, `"mechplan_scenario": 1,`, ``, 1), "mechplan_scenario", "is required"},
		{"newer version", strings.Replace(minimal, `"mechplan_scenario": 1`, `"mechplan_scenario": 7`, 1), "mechplan_scenario", "format version 7, which needs a newer Mechplan"},
		{"trailing text", minimal + `{}`, "line 9, column 2", "unexpected text"},
		{"invalid utf-8", strings.Replace(minimal, "Tiny", "T\xffny", 1), "line 4, column 13", "not valid UTF-8"},
		{"deep nesting", `{"a":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`, "(file)", "nests 101 levels deep; the limit is 16"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Decode([]byte(c.file))
			ps, ok := err.(model.Problems)
			if !ok || len(ps) == 0 {
				t.Fatalf("want problems, got %v", err)
			}
			if c.path == "" {
				return
			}
			for _, p := range ps {
				if p.Path == c.path && strings.Contains(p.Message, c.want) {
					return
				}
			}
			t.Fatalf("want %s: ...%s..., got %v", c.path, c.want, ps)
		})
	}
}

func TestDecodeRefusesOversize(t *testing.T) {
	big := make([]byte, MaxFileBytes+1)
	_, err := Decode(big)
	if err == nil || !strings.Contains(err.Error(), "limit is") {
		t.Fatalf("got %v", err)
	}
	path := filepath.Join(t.TempDir(), "big.json")
	f, _ := os.Create(path)
	f.Truncate(1 << 30) // a sparse 1 GiB file: Load must not read it
	f.Close()
	if _, err := Load(path); err == nil || !strings.Contains(err.Error(), "1073741824 bytes") {
		t.Fatalf("got %v", err)
	}
}

func TestSaveIsAtomicAndRoundTrips(t *testing.T) {
	s, err := Decode([]byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "tiny.json")
	if err := Save(path, s); err != nil {
		t.Fatal(err)
	}
	s.Name = "Tiny, renamed"
	if err := Save(path, s); err != nil {
		t.Fatal(err)
	}
	back, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if back.Name != "Tiny, renamed" {
		t.Fatalf("name %q", back.Name)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
	// A save into a folder that does not exist fails and leaves nothing.
	if err := Save(filepath.Join(dir, "missing", "x.json"), s); err == nil {
		t.Fatal("save into a missing folder succeeded")
	}
}

func TestBuiltInsRoundTrip(t *testing.T) {
	all, err := BuiltIns()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 12 {
		t.Fatalf("%d built-ins, want at least 12", len(all))
	}
	ids := map[string]bool{}
	for _, b := range all {
		if ids[b.Scenario.ID] {
			t.Errorf("%s: id %q repeats", b.File, b.Scenario.ID)
		}
		ids[b.Scenario.ID] = true
		data, err := Encode(b.Scenario)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := os.ReadFile(filepath.Join("..", "..", "resources", "scenarios", b.File))
		if string(raw) != string(data) {
			t.Errorf("%s: encoding the decoded file does not give the same bytes", b.File)
		}
	}
}
