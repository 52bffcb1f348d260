package burden

import (
	"math"
	"testing"

	"mechplan/internal/model"
	"mechplan/internal/schedule"
	"mechplan/internal/store"
)

// smallVirtual is one virtual group meeting a day (two meetings) in March
// and in October, in New York, for two years of a one-year cycle: two
// sessions a cycle, four in all.
func smallVirtual() *model.Scenario {
	return &model.Scenario{
		Version: model.FormatVersion, ID: "small", Name: "Small virtual group",
		Horizon: model.Horizon{Start: "2026-01-01", Years: 2}, CycleYears: 1,
		Bodies: []model.Body{{ID: "tg", Name: "Thematic group", Kind: model.ThematicGroup, Meetings: 2, Format: model.Virtual}},
		Blocks: []model.Block{
			{ID: "spring", Venue: "NYC", Month: 3, Week: 2, Arrangement: model.Consecutive, Sessions: []model.Session{{Body: "tg"}}},
			{ID: "autumn", Venue: "NYC", Month: 10, Week: 2, Arrangement: model.Consecutive, Sessions: []model.Session{{Body: "tg"}}},
		},
	}
}

// The 96 candidates, checked one by one by brute force: lay the scenario
// out with start_times set and count minute by minute with time.In.
func TestOptimizeCandidatesMatchBruteForce(t *testing.T) {
	ref := defaultRef(t)
	s := smallVirtual()
	sug, err := Optimize(s, ref, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if len(sug.Bodies) != 1 || len(sug.Bodies[0].Candidates) != Candidates {
		t.Fatalf("bodies %+v", sug.Bodies)
	}
	ch := sug.Bodies[0]
	bestMax, bestTot, bestAt := math.Inf(1), math.Inf(1), -1
	for c, cand := range ch.Candidates {
		if wantFeasible := c*StepMinutes+480 <= minutesPerDay; cand.Feasible != wantFeasible {
			t.Fatalf("%s: feasible %v, want %v", Clock(c*StepMinutes), cand.Feasible, wantFeasible)
		}
		if !cand.Feasible {
			continue
		}
		try := s.Clone()
		try.Bodies[0].StartTimes = []string{Clock(c * StepMinutes)}
		sch, err := schedule.Build(try, ref)
		if err != nil {
			t.Fatal(err)
		}
		bands := DefaultBands()
		worst, total := 0.0, 0.0
		for i := range ref.States {
			d := referenceDelegation(sch, &ref.States[i], bands, Settings{})
			worst = math.Max(worst, d.Score)
			total += d.Score
		}
		if math.Abs(worst-cand.Max) > 1e-9 || math.Abs(total-cand.Total) > 1e-6 {
			t.Fatalf("%s: optimiser worst %g total %g, brute force %g %g", Clock(c*StepMinutes), cand.Max, cand.Total, worst, total)
		}
		if better(worst, total, bestMax, bestTot) {
			bestMax, bestTot, bestAt = worst, total, c
		}
	}
	if ch.BestWorst != bestAt {
		t.Errorf("best for the worst-off at %s, brute force %s", Clock(ch.BestWorst*StepMinutes), Clock(bestAt*StepMinutes))
	}
	t.Logf("as written (10:00): worst %.2f; best single time %s: worst %.2f, total %.1f; suggestion %v (%s): worst %.2f",
		sug.Before.Max, Clock(bestAt*StepMinutes), bestMax, bestTot, ch.StartTimes, ch.Method, sug.After.Max)
}

// The rotation over a cycle (two positions here, so searched exactly) is
// at least as good as every pair of whole-hour start times, and the
// figures reported after applying it are the scenario's own.
func TestOptimizeRotationBeatsEveryHourlyPair(t *testing.T) {
	ref := defaultRef(t)
	s := smallVirtual()
	sug, err := Optimize(s, ref, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	ch := sug.Bodies[0]
	if ch.Method != "exact" {
		t.Errorf("method %s, want exact for two positions", ch.Method)
	}
	if ps := sug.Scenario.Validate(ref.VenueCodes()); len(ps) > 0 {
		t.Fatal(ps)
	}
	applied, err := evaluate(sug.Scenario, ref, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if applied.Summary.Max != sug.After.Max || applied.Summary.TotalScore != sug.After.TotalScore {
		t.Errorf("after: reported %g/%g, applied scenario %g/%g", sug.After.Max, sug.After.TotalScore, applied.Summary.Max, applied.Summary.TotalScore)
	}
	if sug.After.Max > sug.Before.Max {
		t.Errorf("worse than as written: %g > %g", sug.After.Max, sug.Before.Max)
	}
	if len(s.Bodies[0].StartTimes) != 0 {
		t.Error("Optimize changed its input")
	}
	for a := 0; a <= 16; a++ {
		for b := 0; b <= 16; b++ {
			try := s.Clone()
			try.Bodies[0].StartTimes = []string{Clock(a * 60), Clock(b * 60)}
			r, err := evaluate(try, ref, Settings{})
			if err != nil {
				t.Fatal(err)
			}
			if better(r.Summary.Max, r.Summary.TotalScore, sug.After.Max, sug.After.TotalScore) {
				t.Fatalf("%v beats the suggestion %v: worst %g vs %g", try.Bodies[0].StartTimes, ch.StartTimes, r.Summary.Max, sug.After.Max)
			}
		}
	}
	t.Logf("rotation %v: worst %.2f (as written %.2f), total %.1f (as written %.1f), Gini %.3f (as written %.3f)",
		ch.StartTimes, sug.After.Max, sug.Before.Max, sug.After.TotalScore, sug.Before.TotalScore, sug.After.Gini, sug.Before.Gini)
}

// A rotating venue block: the optimiser tries each order and never makes
// the worst-off delegation worse than as written.
func TestOptimizeVenueRotation(t *testing.T) {
	ref := defaultRef(t)
	s := smallVirtual()
	s.Bodies[0].Format = model.Hybrid
	s.Blocks[0].Venue, s.Blocks[0].Venues = "", []string{"NYC", "GVA", "BKK"}
	sug, err := Optimize(s, ref, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if len(sug.Venues) != 1 || len(sug.Venues[0].Suggested) != 3 {
		t.Fatalf("venues %+v", sug.Venues)
	}
	if sug.After.Max > sug.Before.Max {
		t.Errorf("worse than as written: %g > %g", sug.After.Max, sug.Before.Max)
	}
	if got := len(orders([]string{"a", "b", "c"})); got != 6 {
		t.Errorf("%d orders of three venues, want 6", got)
	}
	if got := len(orders([]string{"a", "b", "c", "d", "e", "f"})); got != 5 {
		t.Errorf("%d orders of six venues, want the 5 other cyclic shifts", got)
	}
}

func TestOptimizeBuiltInsNeverWorsen(t *testing.T) {
	ref := defaultRef(t)
	all, err := store.BuiltIns()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range all {
		sug, err := Optimize(b.Scenario, ref, Settings{})
		if err != nil {
			t.Fatalf("%s: %v", b.Scenario.ID, err)
		}
		if sug.After.Max > sug.Before.Max+1e-9 {
			t.Errorf("%s: worst-off %g after, %g before", b.Scenario.ID, sug.After.Max, sug.Before.Max)
		}
		if ps := sug.Scenario.Validate(ref.VenueCodes()); len(ps) > 0 {
			t.Errorf("%s: suggestion does not validate: %v", b.Scenario.ID, ps)
		}
		for _, ch := range sug.Bodies {
			t.Logf("%s/%s: %v (%s); worst %.1f → %.1f", b.Scenario.ID, ch.Body, ch.StartTimes, ch.Method, sug.Before.Max, sug.After.Max)
		}
	}
}
