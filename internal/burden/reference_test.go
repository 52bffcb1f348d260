package burden

import (
	"math/rand/v2"
	"testing"
	"time"

	"mechplan/internal/model"
	"mechplan/internal/refdata"
	"mechplan/internal/schedule"
	"mechplan/internal/store"
)

// referenceDelegation is the burden of one delegation computed the slow,
// obvious way: every minute of every counted meeting converted with
// time.In and classified by the local clock. It shares nothing with the
// fast path except owner (which band a minute of the day belongs to) and
// score (weighted hours of integer minutes).
func referenceDelegation(sch *schedule.Schedule, st *refdata.MemberState, bands []Band, set Settings) Delegation {
	d := Delegation{ISO3: st.ISO3}
	per := make([]int64, len(bands))
	for i := range sch.Meetings {
		m := &sch.Meetings[i]
		if !set.Counts(m) {
			continue
		}
		any, night := false, false
		for t := m.Start; t.Before(m.End); t = t.Add(time.Minute) {
			l := t.In(st.Location())
			o := owner(bands, l.Hour()*60+l.Minute())
			if o < 0 {
				continue
			}
			per[o]++
			any = true
			if bands[o].Night() {
				night = true
				d.NightMinutes++
			} else {
				d.UnsociableMinutes++
			}
		}
		if any {
			d.MeetingsTouched++
		}
		if night {
			d.NightMeetings++
		}
	}
	d.Score = score(bands, per)
	return d
}

func defaultRef(t testing.TB) *refdata.Data {
	t.Helper()
	ref, err := refdata.Default()
	if err != nil {
		t.Fatal(err)
	}
	return ref
}

func crossCheck(t *testing.T, name string, s *model.Scenario, sch *schedule.Schedule, ref *refdata.Data, set Settings) {
	t.Helper()
	r, err := Compute(s, sch, ref, set)
	if err != nil {
		t.Fatal(err)
	}
	// The reference counts the meetings the report says it counted the
	// participation for: the scenario's delegation.travel_to_hybrid.
	set.TravelToHybrid = r.TravelToHybrid
	for i := range ref.States {
		want := referenceDelegation(sch, &ref.States[i], r.Bands, set)
		got := r.Delegations[i]
		if got.NightMinutes != want.NightMinutes || got.UnsociableMinutes != want.UnsociableMinutes || got.Score != want.Score ||
			got.MeetingsTouched != want.MeetingsTouched || got.NightMeetings != want.NightMeetings {
			t.Fatalf("%s, %s: fast night %d unsociable %d score %g touched %d/%d; reference %d %d %g %d/%d", name, want.ISO3,
				got.NightMinutes, got.UnsociableMinutes, got.Score, got.MeetingsTouched, got.NightMeetings,
				want.NightMinutes, want.UnsociableMinutes, want.Score, want.MeetingsTouched, want.NightMeetings)
		}
	}
}

// Every built-in scenario, counting the remote meetings and then every
// meeting, must give the reference's figures to the minute.
func TestFastMatchesReferenceOnBuiltIns(t *testing.T) {
	ref := defaultRef(t)
	all, err := store.BuiltIns()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range all {
		for _, set := range []Settings{{}, {AllMeetings: true}} {
			s := b.Scenario
			name := s.ID
			if set.AllMeetings {
				name += "/all"
			}
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				sch, err := schedule.Build(s, ref)
				if err != nil {
					t.Fatal(err)
				}
				crossCheck(t, name, s, sch, ref, set)
			})
		}
	}
}

// Random meetings at random venues, dates, hours and lengths (some cross
// the venue's midnight, some last ten hours, some fall on clock-change
// days), under random bands that may wrap midnight and overlap.
func TestFastMatchesReferenceOnRandomMeetings(t *testing.T) {
	ref := defaultRef(t)
	rng := rand.New(rand.NewPCG(4, 2026))
	for round := 0; round < 20; round++ {
		sch := &schedule.Schedule{}
		for k := 0; k < 40; k++ {
			v := &ref.Venues[rng.IntN(len(ref.Venues))]
			day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(9*365))
			if k%5 == 0 { // a northern or southern clock-change weekend
				day = []time.Time{time.Date(2026, 3, 29, 0, 0, 0, 0, time.UTC), time.Date(2026, 4, 5, 0, 0, 0, 0, time.UTC),
					time.Date(2026, 9, 27, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}[rng.IntN(4)]
			}
			start := time.Date(day.Year(), day.Month(), day.Day(), 0, rng.IntN(minutesPerDay), 0, 0, v.Location())
			f := model.Formats[rng.IntN(len(model.Formats))]
			sch.Meetings = append(sch.Meetings, schedule.Meeting{Venue: v.Code, Start: start, End: start.Add(time.Duration(1+rng.IntN(600)) * time.Minute), Format: f})
		}
		var bands []Band
		for n := 1 + rng.IntN(4); len(bands) < n; {
			from, to := rng.IntN(minutesPerDay), rng.IntN(minutesPerDay)
			if from == to {
				continue
			}
			name := model.BandUnsociable
			if rng.IntN(2) == 0 {
				name = model.BandNight
			}
			bands = append(bands, Band{Name: name, From: from, To: to, Weight: float64(rng.IntN(50)) / 10})
		}
		crossCheck(t, "random", nil, sch, ref, Settings{Bands: bands, AllMeetings: round%2 == 0})
	}
}
