package burden

import (
	"math"
	"strings"
	"testing"
	"time"

	"mechplan/internal/cost"
	"mechplan/internal/model"
	"mechplan/internal/refdata"
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

// The 96 candidates, checked one by one by brute force with the window
// opened to the whole day: lay the scenario out with start_times set,
// count minute by minute with time.In, cost it with internal/cost, and
// check the room against RoomBurden.
func TestOptimizeCandidatesMatchBruteForce(t *testing.T) {
	ref := defaultRef(t)
	s := smallVirtual()
	s.Bodies[0].Format = model.Hybrid
	whole := Settings{Hours: &Span{From: 0, To: minutesPerDay}}
	sug, err := Optimize(s, ref, whole)
	if err != nil {
		t.Fatal(err)
	}
	if len(sug.Bodies) != 1 || len(sug.Bodies[0].Candidates) != Candidates {
		t.Fatalf("bodies %+v", sug.Bodies)
	}
	ch := sug.Bodies[0]
	bands := DefaultBands()
	for c, cand := range ch.Candidates {
		if wantFeasible := c*StepMinutes+480 <= minutesPerDay; cand.Feasible != wantFeasible || cand.InWindow != wantFeasible {
			t.Fatalf("%s: feasible %v in window %v, want %v", Clock(c*StepMinutes), cand.Feasible, cand.InWindow, wantFeasible)
		}
		if !cand.Feasible {
			continue
		}
		o, room := bruteForce(t, s, c*StepMinutes, bands)
		if math.Abs(o.Worst-cand.Worst) > 1e-9 || math.Abs(o.Total-cand.Total) > 1e-6 || o.AtNight != cand.AtNight || math.Abs(o.ExtraCost-cand.ExtraCost) > 1e-6 ||
			room.NightMinutes != cand.Room.NightMinutes || room.UnsociableMinutes != cand.Room.UnsociableMinutes || math.Abs(room.Score-cand.Room.Score) > 1e-6 {
			t.Fatalf("%s: optimiser %+v room %+v, brute force %+v room %+v", Clock(c*StepMinutes), cand.Objectives, cand.Room, o, room)
		}
	}
	// The default window (08:00–20:00 in New York, two meetings a day):
	// starts from 08:00 to 12:00 only.
	sug, err = Optimize(s, ref, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	for c, cand := range sug.Bodies[0].Candidates {
		if want := c*StepMinutes >= 480 && c*StepMinutes <= 720; cand.InWindow != want {
			t.Errorf("%s: in window %v, want %v", Clock(c*StepMinutes), cand.InWindow, want)
		}
	}
}

// bruteForce lays the scenario out with the body at one start time and
// computes the four objectives and the room's burden the slow way.
func bruteForce(t *testing.T, s *model.Scenario, start int, bands []Band) (Objectives, Room) {
	t.Helper()
	ref := defaultRef(t)
	try := s.Clone()
	try.Bodies[0].StartTimes = []string{Clock(start)}
	sch, err := schedule.Build(try, ref)
	if err != nil {
		t.Fatal(err)
	}
	var o Objectives
	maxDeleg := 0.0
	for i := range ref.States {
		d := referenceDelegation(sch, &ref.States[i], bands, Settings{})
		maxDeleg = math.Max(maxDeleg, d.Score)
		o.Total += d.Score
		if d.NightMinutes > 0 {
			o.AtNight++
		}
	}
	// The room, minute by minute on the venue's clock.
	var room Room
	for i := range sch.Meetings {
		m := &sch.Meetings[i]
		if m.Format == model.Virtual {
			continue
		}
		for at := m.Start; at.Before(m.End); at = at.Add(time.Minute) {
			l := at.In(m.Start.Location())
			for _, b := range bands {
				if b.Contains(l.Hour()*60 + l.Minute()) {
					if b.Night() {
						room.NightMinutes++
					} else {
						room.UnsociableMinutes++
					}
					room.Score += b.Weight / 60
					break
				}
			}
		}
	}
	o.Worst = math.Max(maxDeleg, room.Score)
	est, err := cost.Compute(try, sch, ref, cost.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range est.Lines {
		if l.Key == refdata.OutsideHoursKey {
			o.ExtraCost += l.Amount
		}
	}
	return o, room
}

// A brute-force check of the Pareto front and of the rule on the small
// case: every whole-hour and quarter-hour start in the window is scored
// the slow way; a candidate is on the front exactly when no other beats
// it on all four objectives, and the recommendation is the rule's choice
// among the points the scenario as written does not dominate.
func TestParetoFrontBruteForce(t *testing.T) {
	ref := defaultRef(t)
	s := smallVirtual()
	s.Bodies[0].Format = model.Hybrid
	set := Settings{Hours: &Span{From: 6 * 60, To: 22 * 60}}
	sug, err := Optimize(s, ref, set)
	if err != nil {
		t.Fatal(err)
	}
	ch := sug.Bodies[0]
	bands := DefaultBands()
	var in []int
	objs := map[int]Objectives{}
	for c, cand := range ch.Candidates {
		if cand.InWindow {
			in = append(in, c)
			objs[c], _ = bruteForce(t, s, c*StepMinutes, bands)
		}
	}
	if len(in) != (14*60-6*60)/StepMinutes+1 {
		t.Fatalf("%d candidates in 06:00–22:00, want 06:00 to 14:00", len(in))
	}
	asWritten, _ := bruteForce(t, s, 600, bands)
	if d := ch.AsWrittenObjectives; math.Abs(d.Worst-asWritten.Worst) > 1e-9 || d.AtNight != asWritten.AtNight {
		t.Errorf("as written %+v, brute force %+v", d, asWritten)
	}
	best := -1
	for _, i := range in {
		dominated := false
		for _, j := range in {
			a, b := objs[j], objs[i]
			if a.Worst <= b.Worst && a.Total <= b.Total+1e-9 && a.AtNight <= b.AtNight && a.ExtraCost <= b.ExtraCost &&
				(a.Worst < b.Worst || a.Total < b.Total-1e-9 || a.AtNight < b.AtNight || a.ExtraCost < b.ExtraCost) {
				dominated = true
			}
		}
		if dominated == ch.Candidates[i].OnFront {
			t.Errorf("%s: on front %v, brute force says dominated %v", Clock(i*StepMinutes), ch.Candidates[i].OnFront, dominated)
		}
		w := asWritten
		if dominated || (w.Worst <= objs[i].Worst && w.Total <= objs[i].Total+1e-9 && w.AtNight <= objs[i].AtNight &&
			(w.Worst < objs[i].Worst || w.Total < objs[i].Total-1e-9 || w.AtNight < objs[i].AtNight)) {
			continue
		}
		if best < 0 || objs[i].Before(objs[best]) {
			best = i
		}
	}
	if ch.Recommended != best {
		t.Errorf("recommended %d, brute force %d", ch.Recommended, best)
	}
	var front []string
	for _, i := range ch.Front {
		front = append(front, Clock(i*StepMinutes))
	}
	t.Logf("front %v; recommended %v", front, ch.StartTimes)
}

// The room's burden, worked by hand. One hybrid day in New York on
// Monday 8 March 2027 (EST), moved to 06:00: meetings 06:00–09:00 and
// 11:00–14:00 venue time. The room spends 06:00–08:00 in the unsociable
// band (120 minutes, score 2) and no minute at night under the default
// bands; with a night of 22:00–07:00 it spends 06:00–07:00 at night
// (60 minutes × 3 = 3) and 07:00–08:00 unsociable (1): score 4. Moved to
// 04:00 (04:00–07:00 and 09:00–12:00) it spends 04:00–06:00 at night and
// 06:00–07:00 unsociable: 120 × 3 / 60 + 60 / 60 = score 7.
func TestRoomNightHandWorked(t *testing.T) {
	ref := defaultRef(t)
	s := &model.Scenario{Version: model.FormatVersion, ID: "room", Name: "room", Horizon: model.Horizon{Start: "2027-01-01", Years: 1}, CycleYears: 1,
		Bodies: []model.Body{{ID: "g", Name: "g", Kind: model.ThematicGroup, Meetings: 2, Format: model.Hybrid}},
		Blocks: []model.Block{{ID: "b", Venue: "NYC", Dates: []string{"2027-03-08"}, Arrangement: model.Consecutive, Sessions: []model.Session{{Body: "g"}}}}}
	late := []Band{{Name: model.BandNight, From: 22 * 60, To: 7 * 60, Weight: 3}, {Name: model.BandUnsociable, From: 7 * 60, To: 8 * 60, Weight: 1}}
	for _, c := range []struct {
		start string
		bands []Band
		want  Room
	}{
		{"06:00", DefaultBands(), Room{NightMinutes: 0, UnsociableMinutes: 120, Score: 2}},
		{"06:00", late, Room{NightMinutes: 60, UnsociableMinutes: 60, Score: 4}},
		{"04:00", DefaultBands(), Room{NightMinutes: 120, UnsociableMinutes: 60, Score: 7}},
		{"10:00", DefaultBands(), Room{}},
	} {
		try := s.Clone()
		try.Bodies[0].StartTimes = []string{c.start}
		sch, err := schedule.Build(try, ref)
		if err != nil {
			t.Fatal(err)
		}
		got, err := RoomBurden(sch, ref, c.bands)
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("%s: room %+v, want %+v", c.start, got, c.want)
		}
		// The optimiser's candidate at that time agrees.
		sug, err := Optimize(s, ref, Settings{Bands: c.bands, Hours: &Span{From: 0, To: minutesPerDay}})
		if err != nil {
			t.Fatal(err)
		}
		at, _ := model.ParseClock(c.start)
		if cand := sug.Bodies[0].Candidates[at/StepMinutes]; cand.Room != c.want {
			t.Errorf("%s: candidate's room %+v, want %+v", c.start, cand.Room, c.want)
		}
	}
}

// The rotation over a cycle (two positions here, so searched exactly) is
// at least as good as every pair of whole-hour start times in the
// window, and it is a separate proposal: Scenario carries the single
// recommended time, Rotated the rotation.
func TestOptimizeRotationBeatsEveryHourlyPair(t *testing.T) {
	ref := defaultRef(t)
	s := smallVirtual()
	set := Settings{Hours: &Span{From: 0, To: minutesPerDay}}
	sug, err := Optimize(s, ref, set)
	if err != nil {
		t.Fatal(err)
	}
	ch := sug.Bodies[0]
	if ch.Method != "exact" {
		t.Errorf("method %s, want exact for two positions", ch.Method)
	}
	if len(ch.Rotation) != 2 || sug.Rotated == nil {
		t.Fatalf("rotation %v, want two positions", ch.Rotation)
	}
	if ps := sug.Rotated.Validate(ref.VenueCodes()); len(ps) > 0 {
		t.Fatal(ps)
	}
	applied, err := evaluate(sug.Scenario, ref, set)
	if err != nil {
		t.Fatal(err)
	}
	if applied.Summary.Max != sug.After.Max || applied.Summary.TotalScore != sug.After.TotalScore {
		t.Errorf("after: reported %g/%g, applied scenario %g/%g", sug.After.Max, sug.After.TotalScore, applied.Summary.Max, applied.Summary.TotalScore)
	}
	if len(s.Bodies[0].StartTimes) != 0 {
		t.Error("Optimize changed its input")
	}
	rot, err := evaluate(sug.Rotated, ref, set)
	if err != nil {
		t.Fatal(err)
	}
	for a := 0; a <= 16; a++ {
		for b := 0; b <= 16; b++ {
			try := s.Clone()
			try.Bodies[0].StartTimes = []string{Clock(a * 60), Clock(b * 60)}
			r, err := evaluate(try, ref, set)
			if err != nil {
				t.Fatal(err)
			}
			if better(r.Summary.Max, r.Summary.TotalScore, rot.Summary.Max, rot.Summary.TotalScore) {
				t.Fatalf("%v beats the rotation %v: worst %g vs %g", try.Bodies[0].StartTimes, ch.Rotation, r.Summary.Max, rot.Summary.Max)
			}
		}
	}
	t.Logf("rotation %v: worst %.2f (single time %v: %.2f; as written %.2f)", ch.Rotation, rot.Summary.Max, ch.StartTimes, sug.After.Max, sug.Before.Max)
}

// On the hybrid proposal (S9): no meeting of the optimised scenario lies
// outside New York's allowed window, the recommendation is not dominated
// by the scenario as written on the worst-off, the total and the
// delegations at night, and the window is reported as binding.
func TestOptimizeS9StaysInTheWindow(t *testing.T) {
	ref := defaultRef(t)
	all, err := store.BuiltIns()
	if err != nil {
		t.Fatal(err)
	}
	var s *model.Scenario
	for _, b := range all {
		if b.Scenario.ID == "s9-hybrid-groups" {
			s = b.Scenario
		}
	}
	if s == nil {
		t.Fatal("no s9-hybrid-groups")
	}
	sug, err := Optimize(s, ref, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	sch, err := schedule.Build(sug.Scenario, ref)
	if err != nil {
		t.Fatal(err)
	}
	ny, _ := ref.Venue("NYC")
	for _, m := range sch.Meetings {
		from := m.Start.Hour()*60 + m.Start.Minute()
		if !ny.Window.Contains(from, from+int(m.End.Sub(m.Start).Minutes())) {
			t.Fatalf("meeting %s %s–%s outside the window %s", m.Body, m.Start.Format("2006-01-02 15:04"), m.End.Format("15:04"), ny.Window)
		}
	}
	binds := false
	for _, ch := range sug.Bodies {
		if ch.Recommended >= 0 && ch.AsWrittenObjectives.DominatesOnBurden(ch.Candidates[ch.Recommended].Objectives) {
			t.Errorf("%s: recommendation dominated by the scenario as written", ch.Body)
		}
		binds = binds || ch.WindowBinds
		t.Logf("%s: %v (front %d points, window binds %v)", ch.Body, ch.StartTimes, len(ch.Front), ch.WindowBinds)
	}
	before := Objectives{Worst: math.Max(sug.Before.Max, sug.RoomBefore.Score), Total: sug.Before.TotalScore, AtNight: sug.Before.HitByNight}
	after := Objectives{Worst: math.Max(sug.After.Max, sug.RoomAfter.Score), Total: sug.After.TotalScore, AtNight: sug.After.HitByNight}
	if before.DominatesOnBurden(after) {
		t.Errorf("the scenario as written %+v dominates the suggestion %+v", before, after)
	}
	if !binds {
		t.Error("the window never binds on S9, where the unconstrained optimiser chose 00:00")
	}
	t.Logf("worst-off %.1f → %.1f, total %.1f → %.1f, at night %d → %d, room night %d → %d min",
		sug.Before.Max, sug.After.Max, sug.Before.TotalScore, sug.After.TotalScore, sug.Before.HitByNight, sug.After.HitByNight,
		sug.RoomBefore.NightMinutes, sug.RoomAfter.NightMinutes)
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
			t.Logf("%s/%s: %v (rotation %v, %s); worst %.1f → %.1f", b.Scenario.ID, ch.Body, ch.StartTimes, ch.Rotation, ch.Method, sug.Before.Max, sug.After.Max)
		}
	}
}

// The rotation report on the small case: the table shows each year's
// times, the accumulated scores agree with full evaluations of both
// scenarios, and night-years are counted per year.
func TestCompareRotation(t *testing.T) {
	ref := defaultRef(t)
	s := smallVirtual()
	set := Settings{Hours: &Span{From: 0, To: minutesPerDay}}
	sug, err := Optimize(s, ref, set)
	if err != nil {
		t.Fatal(err)
	}
	if sug.Rotated == nil {
		t.Fatal("no rotation")
	}
	rep, err := CompareRotation(sug.Scenario, sug.Rotated, ref, set)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := evaluate(sug.Scenario, ref, set)
	r, _ := evaluate(sug.Rotated, ref, set)
	if math.Abs(rep.FixedMax-f.Summary.Max) > 1e-9 || math.Abs(rep.RotatedMax-r.Summary.Max) > 1e-9 ||
		math.Abs(rep.FixedTotal-f.Summary.TotalScore) > 1e-6 || math.Abs(rep.RotatedTotal-r.Summary.TotalScore) > 1e-6 {
		t.Errorf("report %g/%g %g/%g, evaluations %g/%g %g/%g", rep.FixedMax, rep.RotatedMax, rep.FixedTotal, rep.RotatedTotal,
			f.Summary.Max, r.Summary.Max, f.Summary.TotalScore, r.Summary.TotalScore)
	}
	if len(rep.Table) != 2 || len(rep.Table[0].Rotated) != 2 || rep.Table[0].Rotated[0] != sug.Bodies[0].Rotation[0] {
		t.Errorf("table %+v, want 2 years with the rotation's two times %v", rep.Table, sug.Bodies[0].Rotation)
	}
	for i, d := range rep.Delegations {
		if math.Abs(d.Fixed-f.Delegations[i].Score) > 1e-9 || d.NightYearsFixed > 2 || (d.NightYearsFixed > 0) != (f.Delegations[i].NightMinutes > 0) {
			t.Fatalf("%s: %+v vs %+v", d.ISO3, d, f.Delegations[i])
		}
	}
	t.Logf("every year at night: fixed %d, rotated %d; worst %.1f → %.1f", rep.EveryYearFixed, rep.EveryYearRotated, rep.FixedMax, rep.RotatedMax)
}

// Where the scenario rotates a block's venues, the rotation table shows,
// year by year, the venues the body meets at under the order Optimize
// chose (the venue rotation over the cycle next to the start times').
func TestCompareRotationShowsVenues(t *testing.T) {
	ref := defaultRef(t)
	s := smallVirtual()
	s.Blocks[0].Venue, s.Blocks[0].Venues = "", []string{"NYC", "GVA"}
	set := Settings{Hours: &Span{From: 0, To: minutesPerDay}}
	sug, err := Optimize(s, ref, set)
	if err != nil {
		t.Fatal(err)
	}
	if sug.Rotated == nil {
		t.Fatal("no rotation")
	}
	if len(sug.Venues) != 1 || len(sug.Venues[0].Suggested) != 2 {
		t.Fatalf("venue choices %+v", sug.Venues)
	}
	rep, err := CompareRotation(sug.Scenario, sug.Rotated, ref, set)
	if err != nil {
		t.Fatal(err)
	}
	sch, err := schedule.Build(sug.Rotated, ref)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]map[string]bool{}
	for _, sr := range sch.Sessions {
		y := sch.Meetings[sr.First].Start.Year()
		if want[y] == nil {
			want[y] = map[string]bool{}
		}
		want[y][sr.Venue] = true
	}
	years := map[string]bool{}
	for _, row := range rep.Table {
		if len(row.Venues) != len(want[row.Year]) {
			t.Errorf("%d: venues %v, schedule has %v", row.Year, row.Venues, want[row.Year])
		}
		for _, v := range row.Venues {
			if !want[row.Year][v] {
				t.Errorf("%d: venue %s not in the schedule's %v", row.Year, v, want[row.Year])
			}
		}
		years[strings.Join(row.Venues, "+")] = true
	}
	if len(rep.Table) != 2 || len(years) != 2 {
		t.Errorf("table %+v: want two years meeting at different venue sets (the spring block alternates NYC and GVA)", rep.Table)
	}
}
