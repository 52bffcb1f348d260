package store

import (
	"bytes"
	"mechplan/internal/model"
	"os"
	"path/filepath"
	"testing"
)

// FuzzDecode feeds the decoder arbitrary bytes: it must never panic, its
// report must stay within its bounds with no raw control character in it,
// and a file it accepts must survive Encode and Decode unchanged.
//
//	go test ./internal/store -run '^$' -fuzz FuzzDecode -fuzztime 10m -parallel 1
func FuzzDecode(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Decode(data)
		if err != nil {
			ps, ok := err.(model.Problems)
			if !ok {
				t.Fatalf("not a report of problems: %v", err)
			}
			if len(ps) > model.MaxProblems+20 {
				t.Fatalf("%d problems", len(ps))
			}
			for _, p := range ps {
				if len(p.String()) > 4000 {
					t.Fatalf("a message of %d bytes", len(p.String()))
				}
				for _, c := range p.String() {
					if c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) {
						t.Fatalf("a control character %U in %q", c, p)
					}
				}
			}
			return
		}
		enc, err := Encode(s)
		if err != nil {
			t.Fatalf("a decoded scenario does not encode: %v", err)
		}
		back, err := Decode(enc)
		if err != nil {
			t.Fatalf("an encoded scenario does not decode: %v\n%s", err, enc)
		}
		again, _ := Encode(back)
		if !bytes.Equal(enc, again) {
			t.Fatalf("round trip changed the scenario:\n%s\n%s", enc, again)
		}
	})
}

// addSeeds adds the built-in library, the documented example and the
// command line's invalid files to a fuzz corpus.
func addSeeds(f *testing.F) {
	f.Add([]byte(minimal))
	for _, pattern := range []string{"../../resources/scenarios/*.json", "../../cmd/mechplan-cli/testdata/invalid/*.json"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
}
