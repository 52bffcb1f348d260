package store

import (
	"fmt"
	"strings"
	"testing"

	"mechplan/internal/model"
)

// TestDuplicateKeysRefused: a key given twice is an error naming its path
// and both places, at the top level and deep inside.
func TestDuplicateKeysRefused(t *testing.T) {
	cases := []struct{ file, path, where string }{
		{strings.Replace(minimal, `"name": "Tiny",`, `"name": "Tiny", "name": "Other",`, 1), "name", "at line 4, column 3 and at line 4, column 19"},
		{strings.Replace(minimal, `"meetings": 10,`, `"meetings": 10, "meetings": 60,`, 1), "bodies[0].meetings", "and at line 7"},
		{strings.Replace(minimal, `"years": 1}`, `"years": 1, "years": 50}`, 1), "horizon.years", "at line 5"},
	}
	for _, c := range cases {
		_, err := Decode([]byte(c.file))
		ps, _ := err.(model.Problems)
		found := false
		for _, p := range ps {
			if p.Path == c.path && strings.Contains(p.Message, "is given twice in one object") && strings.Contains(p.Message, c.where) {
				found = true
			}
		}
		if !found {
			t.Errorf("want %s: given twice %s; got %v", c.path, c.where, err)
		}
	}
	// Keys in different objects are not duplicates.
	if _, err := Decode([]byte(minimal)); err != nil {
		t.Fatal(err)
	}
}

// hostile builds a file of about size bytes: head, then item repeated
// with its index in place of %d, separated by commas, then tail.
func hostile(head, item, tail string, size int) []byte {
	var b strings.Builder
	b.WriteString(head)
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strings.ReplaceAll(item, "%d", fmt.Sprint(i)))
	}
	b.WriteString(tail)
	return []byte(b.String())
}

// TestHostileFilesGiveShortReports: files near the size limit made of one
// thing repeated get a short report, and long lists are not kept.
func TestHostileFilesGiveShortReports(t *testing.T) {
	const size = MaxFileBytes - 1000
	head := `{"mechplan_scenario": 1, "id": "x", "name": "x", "horizon": {"start": "2026-01-01", "years": 1}, "cycle_years": 1,`
	files := map[string][]byte{
		"200,000 bodies":         hostile(head+`"blocks": [], "bodies": [`, `{"id": "b%d"}`, `]}`, size),
		"empty bodies":           hostile(head+`"blocks": [], "bodies": [`, `{}`, `]}`, size),
		"unknown fields":         hostile(`{"mechplan_scenario": 1,`, `"junk%d": 0`, `}`, size),
		"duplicate keys":         hostile(`{"mechplan_scenario": 1,`, `"name": "%d"`, `}`, size),
		"long list of numbers":   hostile(head+`"blocks": [], "bodies": [{"id": "p", "start_times": [`, `%d`, `]}]}`, size),
		"wrong types":            []byte(head + `"bodies": [{"id": "p"}], "blocks": [{"dates": [` + strings.Repeat(`1, `, model.MaxDates-1) + `1]}]}`),
		"long unknown key":       []byte(`{"mechplan_scenario": 1, "` + strings.Repeat(`\u001b[2J`, size/10) + `": 1}`),
		"deep unknown list":      hostile(`{"mechplan_scenario": 1, "junk": [[`, `[%d]`, `]]}`, size),
		"sessions naming ghosts": hostile(head+`"bodies": [`+strings.Repeat(`{"id": "p"},`, 99)+`{"id": "q"}], "blocks": [{"sessions": [`, `{"body": "ghost%d"}`, `]}]}`, size),
	}
	for name, data := range files {
		_, err := Decode(data)
		ps, ok := err.(model.Problems)
		if !ok || len(ps) == 0 {
			t.Errorf("%s: accepted (%v)", name, err)
			continue
		}
		if len(ps) > model.MaxProblems+15 || len(ps.Error()) > 20000 {
			t.Errorf("%s: %d problems, %d bytes of messages", name, len(ps), len(ps.Error()))
		}
		if strings.Contains(ps.Error(), "\x1b") {
			t.Errorf("%s: a control character in the messages", name)
		}
		t.Logf("%s: %d bytes, %d problems; first: %.120s", name, len(data), len(ps), ps[0])
	}
}

// BenchmarkDecodeHostile decodes the slowest of the hostile files: 4 MiB
// of empty bodies (1.4 million elements), refused after the first 500.
func BenchmarkDecodeHostile(b *testing.B) {
	head := `{"mechplan_scenario": 1, "id": "x", "name": "x", "horizon": {"start": "2026-01-01", "years": 1}, "cycle_years": 1, "blocks": [], "bodies": [`
	data := hostile(head, `{}`, `]}`, MaxFileBytes-1000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(data); err == nil {
			b.Fatal("accepted")
		}
	}
}
