package burden

import (
	"math"
	"testing"
	"time"

	"mechplan/internal/model"
	"mechplan/internal/refdata"
	"mechplan/internal/schedule"
)

func state(t *testing.T, ref *refdata.Data, iso3 string) *refdata.MemberState {
	t.Helper()
	st, ok := ref.State(iso3)
	if !ok {
		t.Fatalf("no state %s", iso3)
	}
	return st
}

// meetingAt is a hybrid meeting at a venue, on a venue-local date and
// clock, lasting the given minutes.
func meetingAt(t *testing.T, ref *refdata.Data, venue, date, clock string, minutes int) schedule.Meeting {
	t.Helper()
	v, ok := ref.Venue(venue)
	if !ok {
		t.Fatalf("no venue %s", venue)
	}
	d, err := model.ParseDate(date)
	if err != nil {
		t.Fatal(err)
	}
	c, err := model.ParseClock(clock)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(d.Year(), d.Month(), d.Day(), c/60, c%60, 0, 0, v.Location())
	return schedule.Meeting{Venue: venue, Start: start, End: start.Add(time.Duration(minutes) * time.Minute), Format: model.Hybrid}
}

func band(name, from, to string, w float64) Band {
	a, _ := model.ParseClock(from)
	b, _ := model.ParseClock(to)
	return Band{Name: name, From: a, To: b, Weight: w}
}

// Hand-worked cases: the local clock at the capital on the meeting's date,
// then the minutes in each band.
func TestMeetingBurdenHandWorked(t *testing.T) {
	ref := defaultRef(t)
	wrapNight := []Band{band("night", "22:00", "06:00", 3), band("unsociable", "06:00", "08:00", 1), band("unsociable", "20:00", "00:00", 1)}
	cases := []struct {
		name                 string
		iso3                 string
		venue, date, clock   string
		minutes              int
		bands                []Band
		localStart, localEnd string // capital's clock, "2006-01-02 15:04 MST"
		night, unsociable    int
		score                float64
	}{
		// New York 10:00 EDT (UTC−4) is 14:00 UTC, 02:00 NZST (UTC+12) the next day.
		{"Wellington, July, NY morning", "NZL", "NYC", "2026-07-21", "10:00", 180, nil,
			"2026-07-22 02:00 NZST", "2026-07-22 05:00 NZST", 180, 0, 9},
		// In December both clocks move: 10:00 EST (UTC−5) is 15:00 UTC, 04:00 NZDT (UTC+13).
		{"Wellington, December, NY morning", "NZL", "NYC", "2026-12-08", "10:00", 180, nil,
			"2026-12-09 04:00 NZDT", "2026-12-09 07:00 NZDT", 120, 60, 7},
		{"Wellington, July, NY afternoon", "NZL", "NYC", "2026-07-21", "15:00", 180, nil,
			"2026-07-22 07:00 NZST", "2026-07-22 10:00 NZST", 0, 60, 1},
		// Kathmandu keeps UTC+05:45: 14:00 UTC is 19:45; 20:00–22:45 is unsociable.
		{"Kathmandu, July, NY morning", "NPL", "NYC", "2026-07-21", "10:00", 180, nil,
			"2026-07-21 19:45 +0545", "2026-07-21 22:45 +0545", 0, 165, 2.75},
		{"Kathmandu, July, NY afternoon", "NPL", "NYC", "2026-07-21", "15:00", 180, nil,
			"2026-07-22 00:45 +0545", "2026-07-22 03:45 +0545", 180, 0, 9},
		// Tokyo: 23:00–02:00 JST crosses local midnight: 60 unsociable, 120 night.
		{"Tokyo, across local midnight", "JPN", "NYC", "2026-07-21", "10:00", 180, nil,
			"2026-07-21 23:00 JST", "2026-07-22 02:00 JST", 120, 60, 7},
		// Washington moves to EDT at 07:00 UTC on 8 March 2026. A five-hour
		// meeting from 07:00 CET in Geneva (06:00–11:00 UTC) reads 01:00 EST
		// to 07:00 EDT on the wall, yet lasts 300 minutes: 60 + 180 at
		// night, 60 unsociable (06:00–07:00 EDT). Wall-clock subtraction
		// would give 300 night minutes.
		{"Washington, spring-forward day", "USA", "GVA", "2026-03-08", "07:00", 300, nil,
			"2026-03-08 01:00 EST", "2026-03-08 07:00 EDT", 240, 60, 13},
		// New Zealand falls back at 14:00 UTC on 4 April 2026 (03:00 NZDT →
		// 02:00 NZST): 02:00 NZDT to 04:00 NZST is 180 night minutes.
		{"Wellington, fall-back day", "NZL", "NYC", "2026-04-04", "09:00", 180, nil,
			"2026-04-05 02:00 NZDT", "2026-04-05 04:00 NZST", 180, 0, 9},
		// A night band wrapping midnight, 22:00–06:00: 22:00–22:45 is night,
		// 20:00–22:00 stays unsociable (night wins where the bands overlap).
		{"Kathmandu, night 22:00–06:00", "NPL", "NYC", "2026-07-21", "10:00", 180, wrapNight,
			"2026-07-21 19:45 +0545", "2026-07-21 22:45 +0545", 45, 120, 4.25},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := state(t, ref, c.iso3)
			m := meetingAt(t, ref, c.venue, c.date, c.clock, c.minutes)
			bands := c.bands
			if bands == nil {
				bands = DefaultBands()
			}
			ls, le := Local(&m, st)
			const layout = "2006-01-02 15:04 MST"
			if ls.Format(layout) != c.localStart || le.Format(layout) != c.localEnd {
				t.Errorf("local %s – %s, want %s – %s", ls.Format(layout), le.Format(layout), c.localStart, c.localEnd)
			}
			got := MeetingBurden(&m, st, bands)
			if got.Night != c.night || got.Unsociable != c.unsociable || math.Abs(got.Score-c.score) > 1e-9 {
				t.Errorf("night %d unsociable %d score %g, want %d %d %g", got.Night, got.Unsociable, got.Score, c.night, c.unsociable, c.score)
			}
		})
	}
}

// One day of 10:00–13:00 and 15:00–18:00 in New York, counted for every
// meeting: the capitals with any minute between 00:00 and 06:00. The
// brief's figures are about 84 in July and 98 in December; the exact
// figures depend on the capital chosen for states with several zones.
func TestNightCapitalsForANewYorkDay(t *testing.T) {
	ref := defaultRef(t)
	cases := []struct {
		date  string
		about int
	}{{"2026-07-21", 84}, {"2026-12-08", 98}}
	for _, c := range cases {
		sch := &schedule.Schedule{Meetings: []schedule.Meeting{
			meetingAt(t, ref, "NYC", c.date, "10:00", 180), meetingAt(t, ref, "NYC", c.date, "15:00", 180),
		}}
		for i := range sch.Meetings {
			sch.Meetings[i].Format = model.InPerson // counted only with AllMeetings
		}
		r, err := Compute(nil, sch, ref, Settings{AllMeetings: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d of %d capitals have night minutes (brief: about %d)", c.date, r.Summary.HitByNight, len(r.Delegations), c.about)
		if d := r.Summary.HitByNight - c.about; d < -6 || d > 6 {
			t.Errorf("%s: %d capitals at night, want %d ± 6", c.date, r.Summary.HitByNight, c.about)
		}
		if len(r.Counted) != 2 {
			t.Errorf("counted %d meetings, want 2", len(r.Counted))
		}
		none, err := Compute(nil, sch, ref, Settings{})
		if err != nil {
			t.Fatal(err)
		}
		if len(none.Counted) != 0 || none.Summary.HitByNight != 0 {
			t.Errorf("in-person meetings counted without AllMeetings: %d", len(none.Counted))
		}
	}
}

func TestBandsFor(t *testing.T) {
	s := &model.Scenario{BurdenBands: []model.Band{{Name: "night", From: "23:00", To: "07:00", Weight: 5}}}
	cases := []struct {
		name string
		set  Settings
		s    *model.Scenario
		want []Band
	}{
		{"defaults", Settings{}, nil, DefaultBands()},
		{"settings", Settings{Bands: []Band{band("night", "01:00", "05:00", 2)}}, nil, []Band{band("night", "01:00", "05:00", 2)}},
		{"scenario replaces settings", Settings{Bands: []Band{band("night", "01:00", "05:00", 2)}}, s, []Band{band("night", "23:00", "07:00", 5)}},
		{"--night replaces the night band, keeps its weight", Settings{Night: &Span{22 * 60, 6 * 60}}, s, []Band{band("night", "22:00", "06:00", 5)}},
		{"--night over defaults", Settings{Night: &Span{22 * 60, 6 * 60}}, nil,
			[]Band{band("night", "22:00", "06:00", 3), band("unsociable", "06:00", "08:00", 1), band("unsociable", "20:00", "00:00", 1)}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.set.BandsFor(c.s)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %v, want %v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Fatalf("got %v, want %v", got, c.want)
				}
			}
		})
	}
	if _, err := (Settings{Bands: []Band{{Name: "dusk", From: 0, To: 60}}}).BandsFor(nil); err == nil {
		t.Error("a band named dusk was accepted")
	}
}

func TestParseSpan(t *testing.T) {
	for in, want := range map[string]Span{"00:00-06:00": {0, 360}, "22:00–06:00": {1320, 360}} {
		got, err := ParseSpan(in)
		if err != nil || got != want {
			t.Errorf("ParseSpan(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "22:00", "06:00-06:00", "25:00-06:00", "0:00-6:00"} {
		if _, err := ParseSpan(bad); err == nil {
			t.Errorf("ParseSpan(%q) accepted", bad)
		}
	}
}

func TestPercentileAndGini(t *testing.T) {
	ten := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	for _, c := range []struct{ p, want float64 }{{50, 5}, {90, 9}, {100, 10}, {1, 1}} {
		if got := Percentile(ten, c.p); got != c.want {
			t.Errorf("p%g = %g, want %g", c.p, got, c.want)
		}
	}
	for _, c := range []struct {
		xs   []float64
		want float64
	}{
		{[]float64{2, 2, 2, 2}, 0},
		{[]float64{0, 0, 0, 0}, 0},
		{[]float64{0, 0, 0, 1}, 0.75}, // (n−1)/n: one carries all
		{[]float64{1, 2, 3, 4}, 0.25}, // Σ(2i−5)xᵢ = −3−2+3+12 = 10; 10/(4·10)
	} {
		if got := Gini(c.xs); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("Gini(%v) = %g, want %g", c.xs, got, c.want)
		}
	}
}

func TestSummaryGroupsAndWorstOff(t *testing.T) {
	ds := []Delegation{
		{ISO3: "AAA", Group: refdata.GroupAfrican, LDC: true, NightMinutes: 60, Score: 3},
		{ISO3: "BBB", Group: refdata.GroupAfrican, SIDS: true, LDC: true, UnsociableMinutes: 60, Score: 1},
		{ISO3: "CCC", Group: refdata.GroupWEOG, NightMinutes: 60, Score: 3},
		{ISO3: "DDD", Group: refdata.GroupWEOG},
	}
	s := summarise(ds)
	if s.HitByNight != 2 || s.TotalScore != 7 || s.Max != 3 || s.P50 != 1 {
		t.Errorf("hit %d total %g max %g p50 %g; want 2 7 3 1", s.HitByNight, s.TotalScore, s.Max, s.P50)
	}
	if len(s.WorstOff) != 2 || s.WorstOff[0] != "AAA" || s.WorstOff[1] != "CCC" {
		t.Errorf("worst off %v, want [AAA CCC]", s.WorstOff)
	}
	if g := s.ByGroup[0]; g.Name != refdata.GroupAfrican || g.Delegations != 2 || g.Score != 4 || g.MeanScore != 2 || g.HitByNight != 1 {
		t.Errorf("African group %+v", g)
	}
	if g := s.ByStatus[0]; g.Name != StatusLDC || g.Delegations != 2 || g.Score != 4 {
		t.Errorf("LDC %+v", g)
	}
	if g := s.ByStatus[3]; g.Name != StatusOther || g.Delegations != 2 || g.Score != 3 {
		t.Errorf("none of these %+v", g)
	}
}

func TestTravelBurden(t *testing.T) {
	ref := defaultRef(t)
	if got := ZonesCrossed(12*60, -4*60); got != 8 {
		t.Errorf("UTC+12 to UTC−4: %g zones, want 8 (the short way)", got)
	}
	if got := ZonesCrossed(5*60+45, -4*60); got != 9.75 {
		t.Errorf("Kathmandu to New York in July: %g, want 9.75", got)
	}
	npl, nyc := state(t, ref, "NPL"), func() *refdata.Venue { v, _ := ref.Venue("NYC"); return v }()
	km, h := FlightHours(ref, npl, nyc)
	// Kathmandu (27.7 N, 85.3 E) to New York: about 12,150 km.
	if km < 11900 || km > 12400 {
		t.Errorf("Kathmandu–New York %.0f km, want about 12,150", km)
	}
	speed, _ := ref.Rate("flight.speed_kmh")
	over, _ := ref.Rate("flight.overhead_hours")
	if want := km/speed.Value + over.Value; math.Abs(h-want) > 1e-9 {
		t.Errorf("flight hours %g, want km/speed + overhead = %g", h, want)
	}
	s := &schedule.Schedule{
		Meetings: []schedule.Meeting{meetingAt(t, ref, "NYC", "2026-07-21", "10:00", 180)},
		Sessions: []schedule.SessionRun{{First: 0, Count: 1}},
		Blocks:   []schedule.BlockRun{{Venue: "NYC", Sessions: []int{0}}},
	}
	s.Meetings[0].Format = model.InPerson
	r, err := Compute(nil, s, ref, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range r.Delegations {
		if d.ISO3 == "NPL" {
			if d.Travel.Trips != 1 || math.Abs(d.Travel.FlightHours-2*h) > 1e-9 || d.Travel.ZonesCrossed != 9.75 {
				t.Errorf("Nepal travel %+v, want 1 trip, %.2f h, 9.75 zones", d.Travel, 2*h)
			}
		}
	}
}
