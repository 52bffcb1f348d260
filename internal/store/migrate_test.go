package store

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// The migration chain, exercised with versions of the test's own: a
// version-1 file that gave session lengths in days is read by a program at
// version 3, through 1→2 (days to meetings) and 2→3 (a renamed field).
func TestMigrationChain(t *testing.T) {
	steps := map[int64]migration{
		1: func(obj map[string]any) error {
			for _, b := range obj["bodies"].([]any) {
				body := b.(map[string]any)
				days, _ := body["days"].(json.Number).Float64()
				body["meetings"] = json.Number(fmt.Sprint(int(days * 2)))
				delete(body, "days")
			}
			return nil
		},
		2: func(obj map[string]any) error {
			obj["cycle_years"] = obj["cycle"]
			delete(obj, "cycle")
			return nil
		},
	}
	file := `{"mechplan_scenario": 1, "cycle": 2, "bodies": [{"days": 2.5}]}`
	var obj map[string]any
	dec := json.NewDecoder(strings.NewReader(file))
	dec.UseNumber()
	if err := dec.Decode(&obj); err != nil {
		t.Fatal(err)
	}
	if err := migrateWith(obj, 3, steps); err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(obj)
	if got := string(out); got != `{"bodies":[{"meetings":5}],"cycle_years":2,"mechplan_scenario":3}` {
		t.Fatalf("migrated to %s", got)
	}
	// A gap in the chain is an error, not a silent pass.
	obj = map[string]any{versionField: json.Number("1"), "bodies": []any{}}
	if err := migrateWith(obj, 3, map[int64]migration{1: steps[1]}); err == nil || !strings.Contains(err.Error(), "no migration from format version 2") {
		t.Fatalf("got %v", err)
	}
	// A file from a newer program names the version it needs.
	obj = map[string]any{versionField: json.Number("4")}
	if err := migrateWith(obj, 3, steps); err == nil || !strings.Contains(err.Error(), "format version 4, which needs a newer Mechplan; this version reads format versions 1 to 3") {
		t.Fatalf("got %v", err)
	}
}

// A version-1 file opens as version 2 without a short name; a version-1
// file claiming one is refused, naming the field and the version to use.
func TestVersion1Opens(t *testing.T) {
	v1 := strings.Replace(minimal, `"mechplan_scenario": 1`, `"mechplan_scenario": 1`, 1)
	s, err := Decode([]byte(v1))
	if err != nil {
		t.Fatalf("a version-1 file should open: %v", err)
	}
	if s.Version != 2 || s.ShortName != "" {
		t.Errorf("got version %d, short name %q; want 2 and none", s.Version, s.ShortName)
	}
	withShort := strings.Replace(v1, `"name":`, `"short_name": "X", "name":`, 1)
	if _, err := Decode([]byte(withShort)); err == nil || !strings.Contains(err.Error(), "short_name") || !strings.Contains(err.Error(), "2") {
		t.Errorf("a version-1 file with short_name should be refused naming the field, got %v", err)
	}
	v2 := strings.Replace(withShort, `"mechplan_scenario": 1`, `"mechplan_scenario": 2`, 1)
	if s, err := Decode([]byte(v2)); err != nil || s.ShortName != "X" {
		t.Errorf("a version-2 file keeps its short name: %v, %+v", err, s)
	}
}
