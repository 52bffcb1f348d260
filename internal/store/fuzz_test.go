package store

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzDecode feeds the decoder arbitrary bytes: it must never panic, and a
// file it accepts must survive Encode and Decode unchanged.
//
//	go test ./internal/store -run '^$' -fuzz FuzzDecode -fuzztime 10m
func FuzzDecode(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Decode(data)
		if err != nil {
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
