package plan

import (
	"os"
	"path/filepath"
	"testing"

	"mechplan/internal/model"
	"mechplan/internal/proctime"
	"mechplan/internal/store"
)

// TestWorstCasesAreValid: each worst shape validates and implies the
// limit's meetings (model.MaxTotalMeetings). With MECHPLAN_WORST_DIR set it also writes
// them there as files, for measuring the CLI.
func TestWorstCasesAreValid(t *testing.T) {
	_, ref := library(t)
	for _, shape := range WorstShapes {
		s := WorstCase(shape)
		if ps := s.Validate(ref.VenueCodes()); len(ps) > 0 {
			t.Fatalf("%s: %v", shape, ps)
		}
		if dir := os.Getenv("MECHPLAN_WORST_DIR"); dir != "" {
			if err := store.Save(filepath.Join(dir, "worst-"+shape+".json"), s); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// BenchmarkWorstCase evaluates each worst shape completely (every meeting
// counted in the burden). Target ≤ 2 s and ≤ 300 MB, with the exports and
// drawing (the window's BenchmarkWorstCaseInWindow, scripts/measure-worst.sh
// for the real window and the command line's exports). cpu-ms/op is the
// processor time: the evaluation uses both cores.
func BenchmarkWorstCase(b *testing.B) {
	_, ref := library(b)
	for _, shape := range WorstShapes {
		s := WorstCase(shape)
		b.Run(shape, func(b *testing.B) {
			b.ReportAllocs()
			c0 := proctime.Used()
			for b.Loop() {
				r, err := Evaluate(s, ref, worstCase)
				if err != nil {
					b.Fatal(err)
				}
				if n := len(r.Schedule.Meetings); n != model.MaxTotalMeetings {
					b.Fatalf("%d meetings", n)
				}
			}
			b.ReportMetric(float64((proctime.Used()-c0).Milliseconds())/float64(b.N), "cpu-ms/op")
		})
	}
}

// BenchmarkWorstCaseSensitivity: the costs view's tornado on each worst
// shape (the estimate moved ±20 % on every rate it uses).
func BenchmarkWorstCaseSensitivity(b *testing.B) {
	_, ref := library(b)
	for _, shape := range WorstShapes {
		r, err := Evaluate(WorstCase(shape), ref, worstCase)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(shape, func(b *testing.B) {
			b.ReportAllocs()
			c0 := proctime.Used()
			for b.Loop() {
				sw, err := r.Cost.Sensitivity(0.2)
				if err != nil || len(sw) == 0 {
					b.Fatal(err, len(sw))
				}
				b.ReportMetric(float64(len(sw)), "rates")
			}
			b.ReportMetric(float64((proctime.Used()-c0).Milliseconds())/float64(b.N), "cpu-ms/op")
		})
	}
}
