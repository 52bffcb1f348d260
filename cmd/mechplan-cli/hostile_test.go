package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// validate refuses hostile files with a message and without reading them
// into memory: a 1 GB file, deep nesting, a billion meetings implied, and
// invalid UTF-8.
func TestValidateRefusesHostileFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	huge := filepath.Join(dir, "huge.json")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil { // sparse: costs no disk
		t.Fatal(err)
	}
	f.Close()

	base, err := os.ReadFile(filepath.Join("testdata", "invalid", "negative-days.json"))
	if err != nil {
		t.Fatal(err)
	}
	valid := strings.Replace(string(base), "-4", "10", 1)
	// A billion meetings cannot even be written down: one session of 10⁹
	// meetings is refused by its own range, and the most the per-field
	// limits let through (50 years × 200 blocks × 50 sessions × 60
	// meetings = 30 million, from a 2 MB file) is refused as a whole.
	var sessions []string
	for i := 0; i < 50; i++ {
		sessions = append(sessions, `{"body": "p", "meetings": 60}`)
	}
	var blocks []string
	for i := 0; i < 200; i++ {
		blocks = append(blocks, `{"id": "b`+strconv.Itoa(i)+`", "venue": "NYC", "month": 1, "week": 1, "arrangement": "parallel", "sessions": [`+strings.Join(sessions, ",")+`]}`)
	}
	billion := strings.Replace(valid, `"years": 2`, `"years": 50`, 1)
	i := strings.Index(billion, `"blocks": [`)
	billion = billion[:i] + `"blocks": [` + strings.Join(blocks, ",") + "]\n}\n"

	cases := map[string]struct {
		path, want string
	}{
		"1 GB file":           {huge, "(file): is 1073741824 bytes; the limit is 4194304 bytes (4 MiB)"},
		"deep nesting":        {write("deep.json", `{"bodies": `+strings.Repeat("[", 100000)+strings.Repeat("]", 100000)+`}`), "(file): nests 100001 levels deep; the limit is 16"},
		"30 million meetings": {write("30million.json", billion), "blocks: the scenario implies 30000000 meetings over its horizon; the limit is 30000"},
		"a billion meetings":  {write("billion.json", strings.Replace(valid, `"meetings": 10`, `"meetings": 1000000000`, 1)), "bodies[0].meetings: must be between 1 and 60 meetings of 3 hours (two a day), got 1000000000"},
		"invalid UTF-8":       {write("latin1.json", strings.Replace(valid, `"Bad"`, "\"C\xf4te d'Ivoire\"", 1)), "line 4, column 13: the file is not valid UTF-8 text"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			code, _, errs := runCLI("validate", c.path)
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			if code != exitInvalid || !strings.Contains(errs, c.path+": "+c.want) {
				t.Fatalf("exit %d:\n%s\nwant %s", code, errs, c.want)
			}
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
				t.Fatalf("validating allocated %d MB", grew>>20)
			}
		})
	}
}
