package plan

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"mechplan/internal/model"
	"mechplan/internal/store"
)

// worstShapes are the most expensive valid scenarios the limits allow,
// each at 200,000 meetings (model.MaxTotalMeetings) over 50 years with 24
// burden bands and hybrid meetings (counted in the burden and in travel):
//
//   - overlap: 200 blocks on the same 500 dates, so that every block
//     overlaps every other on each date (10 million pairs);
//   - parallel: 4 blocks of 50 parallel sessions on 500 dates (200 tracks
//     at once);
//   - yearly: 200 blocks in the same week of every year for 50 years, 20
//     meetings each, with 96 rotating start times per body.
var worstShapes = []string{"overlap", "parallel", "yearly"}

// worstScenario builds one of worstShapes.
func worstScenario(shape string) *model.Scenario {
	s := &model.Scenario{Version: model.FormatVersion, ID: "worst-" + shape, Name: "Worst case: " + shape,
		Horizon: model.Horizon{Start: "2026-01-01", Years: model.MaxHorizonYears}, CycleYears: 1}
	var times []string
	for m := 0; m < model.MaxStartTimes; m++ {
		// 96 quarter-hours that let two meetings a day end by midnight.
		times = append(times, fmt.Sprintf("%02d:%02d", m/8, m%8*7))
	}
	for i := 0; i < model.MaxBodies; i++ {
		s.Bodies = append(s.Bodies, model.Body{ID: fmt.Sprintf("body%d", i), Name: fmt.Sprintf("Body %d", i), Kind: model.ThematicGroup,
			Meetings: 2, Format: model.Hybrid, Interpretation: true, Webcast: true, StartTimes: times})
	}
	for i := 0; i < model.MaxBands; i++ {
		name := model.BandNight
		if i%2 == 1 {
			name = model.BandUnsociable
		}
		s.BurdenBands = append(s.BurdenBands, model.Band{Name: name, From: fmt.Sprintf("%02d:00", i), To: fmt.Sprintf("%02d:30", (i+3)%24), Weight: float64(i%5 + 1)})
	}
	start, _ := model.ParseDate(s.Horizon.Start)
	dates := func(n int) []string {
		var out []string
		for k := 0; k < n; k++ {
			// Spread over the 50 years, ten a year, on Tuesdays.
			d := start.AddDate(k/10, (k%10)+1, 0)
			for d.Weekday() != time.Tuesday {
				d = d.AddDate(0, 0, 1)
			}
			out = append(out, d.Format(time.DateOnly))
		}
		return out
	}
	venues := []string{"NYC", "GVA", "VIE", "NBO"}
	block := func(i int) model.Block {
		return model.Block{ID: fmt.Sprintf("block%d", i), Venue: venues[i%len(venues)], Arrangement: model.Consecutive}
	}
	switch shape {
	case "overlap":
		for i := 0; i < model.MaxBlocks; i++ {
			b := block(i)
			b.Dates = dates(model.MaxDates)
			b.Sessions = []model.Session{{Body: fmt.Sprintf("body%d", i%model.MaxBodies)}}
			s.Blocks = append(s.Blocks, b)
		}
	case "parallel":
		for i := 0; i < 4; i++ {
			b := block(i)
			b.Arrangement = model.Parallel
			b.Dates = dates(model.MaxDates)
			for j := 0; j < model.MaxSessionsInBlock; j++ {
				b.Sessions = append(b.Sessions, model.Session{Body: fmt.Sprintf("body%d", (i*model.MaxSessionsInBlock+j)%model.MaxBodies)})
			}
			s.Blocks = append(s.Blocks, b)
		}
	case "yearly":
		for i := 0; i < model.MaxBlocks; i++ {
			b := block(i)
			b.Month, b.Week = 3, 2
			for j := 0; j < 10; j++ {
				b.Sessions = append(b.Sessions, model.Session{Body: fmt.Sprintf("body%d", (i+j)%model.MaxBodies)})
			}
			s.Blocks = append(s.Blocks, b)
		}
	}
	return s
}

// TestWorstCasesAreValid: each worst shape validates and implies the
// limit's 200,000 meetings. With MECHPLAN_WORST_DIR set it also writes
// them there as files, for measuring the CLI.
func TestWorstCasesAreValid(t *testing.T) {
	_, ref := library(t)
	for _, shape := range worstShapes {
		s := worstScenario(shape)
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
// drawing (see the export packages' and the window's benchmarks).
func BenchmarkWorstCase(b *testing.B) {
	_, ref := library(b)
	for _, shape := range worstShapes {
		s := worstScenario(shape)
		b.Run(shape, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r, err := Evaluate(s, ref, worstCase)
				if err != nil {
					b.Fatal(err)
				}
				if n := len(r.Schedule.Meetings); n != model.MaxTotalMeetings {
					b.Fatalf("%d meetings", n)
				}
			}
		})
	}
}
