package plan

import (
	"fmt"
	"time"

	"mechplan/internal/model"
)

// WorstShapes are the most expensive valid scenarios the limits allow,
// each at model.MaxTotalMeetings (30,000) meetings over 50 years with 24
// burden bands and hybrid meetings (counted in the burden and in travel),
// each body with 96 rotating start times:
//
//   - overlap: 200 blocks on the same 150 dates, so that every block
//     overlaps every other on each date (3 million pairs) and 30,000
//     block runs are each a trip for 193 delegations;
//   - parallel: a block of 50 parallel sessions of 2 meetings on 300
//     dates (50 tracks at once);
//   - yearly: 200 blocks in the same week of every year for 50 years, 3
//     one-meeting sessions each (200 blocks overlapping every March).
var WorstShapes = []string{"overlap", "parallel", "yearly"}

// WorstCase builds one of WorstShapes, for benchmarks and tests.
func WorstCase(shape string) *model.Scenario {
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
			b.Dates = dates(min(model.MaxDates, model.MaxTotalMeetings/model.MaxBlocks))
			b.Sessions = []model.Session{{Body: fmt.Sprintf("body%d", i%model.MaxBodies), Meetings: 1}}
			s.Blocks = append(s.Blocks, b)
		}
	case "parallel":
		n := max(1, model.MaxTotalMeetings/(model.MaxDates*model.MaxSessionsInBlock*2))
		for i := 0; i < n; i++ {
			b := block(i)
			b.Arrangement = model.Parallel
			b.Dates = dates(min(model.MaxDates, model.MaxTotalMeetings/(n*model.MaxSessionsInBlock*2)))
			for j := 0; j < model.MaxSessionsInBlock; j++ {
				b.Sessions = append(b.Sessions, model.Session{Body: fmt.Sprintf("body%d", (i*model.MaxSessionsInBlock+j)%model.MaxBodies)})
			}
			s.Blocks = append(s.Blocks, b)
		}
	case "yearly":
		for i := 0; i < model.MaxBlocks; i++ {
			b := block(i)
			b.Month, b.Week = 3, 2
			for j := 0; j < model.MaxTotalMeetings/(model.MaxBlocks*model.MaxHorizonYears); j++ {
				b.Sessions = append(b.Sessions, model.Session{Body: fmt.Sprintf("body%d", (i+j)%model.MaxBodies), Meetings: 1})
			}
			s.Blocks = append(s.Blocks, b)
		}
	}
	return s
}
