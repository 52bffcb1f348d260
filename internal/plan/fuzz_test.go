package plan

import (
	"os"
	"path/filepath"
	"testing"

	"mechplan/internal/model"
	"mechplan/internal/refdata"
	"mechplan/internal/store"
)

// FuzzValidateEvaluate: any file that decodes and validates must evaluate
// without panic, and within the limits model.Validate promises.
//
//	go test ./internal/plan -run '^$' -fuzz FuzzValidateEvaluate -fuzztime 10m
func FuzzValidateEvaluate(f *testing.F) {
	ref, err := refdata.Default()
	if err != nil {
		f.Fatal(err)
	}
	files, _ := filepath.Glob("../../resources/scenarios/*.json")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := store.Decode(data)
		if err != nil {
			return
		}
		if ps := s.Validate(ref.VenueCodes()); len(ps) > 0 {
			if _, err := Evaluate(s, ref, Options{}); err == nil {
				t.Fatal("an invalid scenario evaluated")
			}
			return
		}
		r, err := Evaluate(s, ref, Options{})
		if err != nil {
			t.Fatalf("a valid scenario failed to evaluate: %v", err)
		}
		if n := len(r.Schedule.Meetings); n > model.MaxTotalMeetings {
			t.Fatalf("%d meetings, over the limit %d", n, model.MaxTotalMeetings)
		}
	})
}
