package burden

import (
	"sort"
	"time"

	"mechplan/internal/geo"
	"mechplan/internal/model"
	"mechplan/internal/refdata"
	"mechplan/internal/schedule"
)

// Delegation is one member state's burden over the counted meetings.
type Delegation struct {
	ISO3, Name, TZ, Group string
	LDC, LLDC, SIDS       bool
	NightMinutes          int
	UnsociableMinutes     int
	// Score is the weighted hours: Σ minutes in a band × its weight / 60.
	Score float64
	// MeetingsTouched counts the counted meetings with any minute in a
	// band; NightMeetings those with any night minute.
	MeetingsTouched, NightMeetings int
	// Travel is the burden of the in-person sessions, which capital
	// experts reach by air.
	Travel Travel
}

// Report is the time-zone burden of one scenario for all delegations.
type Report struct {
	Bands       []Band
	AllMeetings bool
	// TravelToHybrid: the experts fly to the hybrid meetings, which are
	// then counted as in-person ones (delegation.travel_to_hybrid = 1, the
	// cost's participation assumption); see Settings.Resolve.
	TravelToHybrid bool
	// Counted are the indexes, into the schedule's meetings, of the
	// meetings counted: those open to remote participation, or all.
	Counted     []int
	Delegations []Delegation // in reference-data order
	Summary     Summary
	// Flight is the flight-time model behind Travel; Flight.Missing names
	// rate keys that were absent and replaced by fallbacks.
	Flight geo.FlightModel
}

// Counts reports whether a meeting counts for the clock burden: every
// meeting under AllMeetings, else those followed from the capital
// (FollowedRemotely). Call it on resolved settings (Resolve).
func (set Settings) Counts(m *schedule.Meeting) bool {
	return set.AllMeetings || set.FollowedRemotely(m)
}

// unixMinute is a meeting instant as whole Unix minutes.
func unixMinute(t time.Time) int64 {
	s := t.Unix()
	if s < 0 && s%60 != 0 {
		return s/60 - 1
	}
	return s / 60
}

// span returns the Unix-minute range covering every meeting, widened by
// a day on each side so that a shifted start (the optimiser) stays inside.
func span(ms []schedule.Meeting) (lo, hi int64) {
	if len(ms) == 0 {
		return 0, 1
	}
	lo, hi = unixMinute(ms[0].Start), unixMinute(ms[0].End)
	for i := range ms {
		lo = min(lo, unixMinute(ms[i].Start))
		hi = max(hi, unixMinute(ms[i].End))
	}
	return lo - 2*minutesPerDay, hi + 2*minutesPerDay
}

// Compute evaluates the burden of a laid-out scenario.
func Compute(s *model.Scenario, sch *schedule.Schedule, ref *refdata.Data, set Settings) (*Report, error) {
	bands, err := set.BandsFor(s)
	if err != nil {
		return nil, err
	}
	if set, err = set.Resolve(s, ref); err != nil {
		return nil, err
	}
	prof := compiled(bands)
	lo, hi := span(sch.Meetings)
	zones := classesFor(ref.States, lo, hi)
	r := &Report{Bands: bands, AllMeetings: set.AllMeetings, TravelToHybrid: set.TravelToHybrid, Flight: geo.NewFlightModel(ref)}

	counted := make([]int, 0, len(sch.Meetings))
	for i := range sch.Meetings {
		if set.Counts(&sch.Meetings[i]) {
			counted = append(counted, i)
		}
	}
	r.Counted = counted
	// Meetings in time order let each zone's period search start where the
	// previous meeting left it.
	order := append([]int(nil), counted...)
	sort.SliceStable(order, func(a, b int) bool { return sch.Meetings[order[a]].Start.Before(sch.Meetings[order[b]].Start) })
	starts := make([]int64, 2*len(order))
	for k, i := range order {
		starts[2*k], starts[2*k+1] = unixMinute(sch.Meetings[i].Start), unixMinute(sch.Meetings[i].End)
	}

	totals := prof.classTotals(zones.timelines, starts)
	r.Delegations = make([]Delegation, len(ref.States))
	for i := range ref.States {
		st := &ref.States[i]
		t := &totals[zones.ofState[i]]
		d := Delegation{ISO3: st.ISO3, Name: st.Name, TZ: st.TZ, Group: st.Group, LDC: st.LDC, LLDC: st.LLDC, SIDS: st.SIDS,
			MeetingsTouched: t.touched, NightMeetings: t.nightMeetings}
		for b := range bands {
			if prof.night[b] {
				d.NightMinutes += int(t.minutes[b])
			} else {
				d.UnsociableMinutes += int(t.minutes[b])
			}
		}
		d.Score = score(bands, t.minutes)
		r.Delegations[i] = d
	}
	travel(r, sch, ref, zones, set)
	r.Summary = summarise(r.Delegations)
	return r, nil
}

// classTotal is the burden of one zone class over a list of meetings.
type classTotal struct {
	minutes                []int64 // per band
	touched, nightMeetings int
}

// classTotals computes every class's totals for meetings given as pairs
// of Unix minutes (start, end), in time order. Meetings at the same
// instants (200 blocks on the same day, 50 parallel rooms) are counted
// once and their minutes multiplied by their number: integer minutes, so
// the totals are the same as meeting by meeting. It allocates once per
// call, not per meeting.
func (p *profile) classTotals(tls []timeline, meetings []int64) []classTotal {
	pairs, times := collapse(meetings)
	nb := len(p.bands)
	store := make([]int64, (len(tls)+1)*nb)
	out := make([]classTotal, len(tls))
	one := store[len(tls)*nb:]
	for c, tl := range tls {
		t := &out[c]
		t.minutes = store[c*nb : (c+1)*nb]
		hint := 0
		for k := 0; k < len(pairs); k += 2 {
			clear(one)
			hint = p.exposure(tl, hint, pairs[k], pairs[k+1], one)
			n := times[k/2]
			any, night := false, false
			for b, m := range one {
				if m > 0 {
					any = true
					night = night || p.night[b]
				}
				t.minutes[b] += m * n
			}
			if any {
				t.touched += int(n)
			}
			if night {
				t.nightMeetings += int(n)
			}
		}
	}
	return out
}

// collapse lists each distinct (start, end) pair of meetings in time
// order once, with how many meetings have it. Pairs with the same start
// are next to each other; their ends are told apart among them.
func collapse(meetings []int64) (pairs, times []int64) {
	pairs = make([]int64, 0, len(meetings))
	times = make([]int64, 0, len(meetings)/2)
	from := 0 // the first pair with the current start
	for k := 0; k+1 < len(meetings); k += 2 {
		s, e := meetings[k], meetings[k+1]
		if len(pairs) > 0 && pairs[2*from] != s {
			from = len(pairs) / 2
		}
		found := false
		for j := from; j < len(pairs)/2; j++ {
			if pairs[2*j+1] == e && pairs[2*j] == s {
				times[j]++
				found = true
				break
			}
		}
		if !found {
			pairs = append(pairs, s, e)
			times = append(times, 1)
		}
	}
	return pairs, times
}

// Local returns a meeting's start and end on the capital's clock, on that
// date: the figure a delegation reads in its own calendar.
func Local(m *schedule.Meeting, st *refdata.MemberState) (start, end time.Time) {
	loc := st.Location()
	if loc == nil {
		loc = time.UTC
	}
	return m.Start.In(loc), m.End.In(loc)
}

// Minutes is one meeting's burden at one capital.
type Minutes struct {
	Night, Unsociable int
	Score             float64
}

// MeetingBurden is the burden of one meeting for one delegation under the
// bands, for a screen that lists "my delegation"'s meetings one by one.
func MeetingBurden(m *schedule.Meeting, st *refdata.MemberState, bands []Band) Minutes {
	p := compile(bands)
	s, e := unixMinute(m.Start), unixMinute(m.End)
	loc := st.Location()
	if loc == nil {
		loc = time.UTC
	}
	tl := buildTimeline(loc, s, e)
	per := make([]int64, len(bands))
	p.exposure(tl, 0, s, e, per)
	var out Minutes
	for b, v := range per {
		if p.night[b] {
			out.Night += int(v)
		} else {
			out.Unsociable += int(v)
		}
	}
	out.Score = score(bands, per)
	return out
}
