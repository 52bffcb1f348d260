package burden

import (
	"fmt"
	"math"
	"time"

	"mechplan/internal/model"
	"mechplan/internal/refdata"
	"mechplan/internal/schedule"
)

// Quarter-hour candidates: the optimiser tries every start time of the
// venue's day in 15-minute steps.
const (
	StepMinutes = 15
	Candidates  = minutesPerDay / StepMinutes
)

// secondMeetingOffset is where the day's second meeting starts after the
// first when a body sets its own start time (three hours and a two-hour
// lunch, as schedule lays it out).
const secondMeetingOffset = schedule.MeetingMinutes + 120

// exactLimit bounds the exact search over rotations: beyond this many
// combinations of start times the optimiser turns greedy.
const exactLimit = 20000

// Candidate is one start time tried for a body's sessions, with the
// scenario's burden if the body met at that time (other bodies as they
// are).
type Candidate struct {
	Start int // minutes after midnight, venue time
	// Feasible is false when the day's meetings would end after the
	// venue's midnight, which a scenario file does not allow.
	Feasible bool
	Max      float64 // the worst-off delegation's score
	Total    float64 // the sum of all delegations' scores
}

// BodyChoice is the optimiser's answer for one body.
type BodyChoice struct {
	Body, BodyName string
	// AsWritten is the body's start_times in the scenario (empty: the
	// venue's hours).
	AsWritten []string
	// Candidates holds the 96 quarter-hours; BestWorst minimises the
	// worst-off delegation's score (then the total), BestTotal the total
	// (then the worst).
	Candidates           []Candidate
	BestWorst, BestTotal int
	// StartTimes is the suggestion: one time, or a rotation that
	// successive sessions of the body take in turn.
	StartTimes []string
	// Method is "exact" when every rotation was tried, "greedy" when the
	// positions were chosen one by one and then improved in turn.
	Method string
}

// VenueChoice is the suggested order of a block's venue rotation.
type VenueChoice struct {
	Block                string
	AsWritten, Suggested []string
}

// Suggestion is what the optimiser proposes, with the burden before and
// after, and the scenario with the proposal applied.
type Suggestion struct {
	Before, After Summary
	Venues        []VenueChoice
	Bodies        []BodyChoice
	// Scenario is a copy of the input with start_times (and venue orders)
	// set: the desktop app's "apply".
	Scenario *model.Scenario
}

// Optimize chooses, for each body with meetings open to remote
// participation, the start time (or rotation of start times over a cycle)
// that minimises the maximum burden any delegation accumulates over the
// horizon, then the total; before that, where blocks rotate venues, the
// order of venues that does so. Bodies and blocks are taken one at a time
// with the others fixed: each step is exact or greedy (see BodyChoice),
// the sequence is a heuristic.
func Optimize(s *model.Scenario, ref *refdata.Data, set Settings) (*Suggestion, error) {
	bands, err := set.BandsFor(s)
	if err != nil {
		return nil, err
	}
	prof := compiled(bands)
	cur := s.Clone()
	before, err := evaluate(cur, ref, set)
	if err != nil {
		return nil, err
	}
	out := &Suggestion{Before: before.Summary}

	if out.Venues, err = chooseVenues(cur, ref, set); err != nil {
		return nil, err
	}
	for bi := range cur.Bodies {
		body := &cur.Bodies[bi]
		sch, err := schedule.Build(cur, ref)
		if err != nil {
			return nil, err
		}
		if !hasRemote(sch, body.ID, set) {
			continue
		}
		ch, err := chooseStartTimes(cur, sch, ref, set, prof, body)
		if err != nil {
			return nil, err
		}
		body.StartTimes = append([]string(nil), ch.StartTimes...)
		out.Bodies = append(out.Bodies, ch)
	}
	after, err := evaluate(cur, ref, set)
	if err != nil {
		return nil, err
	}
	out.After, out.Scenario = after.Summary, cur
	return out, nil
}

func evaluate(s *model.Scenario, ref *refdata.Data, set Settings) (*Report, error) {
	sch, err := schedule.Build(s, ref)
	if err != nil {
		return nil, err
	}
	return Compute(s, sch, ref, set)
}

func hasRemote(sch *schedule.Schedule, body string, set Settings) bool {
	for i := range sch.Meetings {
		if m := &sch.Meetings[i]; m.Body == body && m.Format.Remote() && set.Counts(m) {
			return true
		}
	}
	return false
}

// better orders (worst, total) pairs: the worst-off first, the total to
// break ties. A tiny tolerance keeps float noise from deciding.
func better(max1, tot1, max2, tot2 float64) bool {
	const eps = 1e-9
	if math.Abs(max1-max2) > eps {
		return max1 < max2
	}
	return tot1 < tot2-eps
}

// chooseVenues tries every order of each rotating block's venues (every
// cyclic shift when there are more than five) and keeps the best.
func chooseVenues(cur *model.Scenario, ref *refdata.Data, set Settings) ([]VenueChoice, error) {
	var out []VenueChoice
	for bi := range cur.Blocks {
		blk := &cur.Blocks[bi]
		if len(blk.Venues) < 2 {
			continue
		}
		written := append([]string(nil), blk.Venues...)
		r, err := evaluate(cur, ref, set)
		if err != nil {
			return nil, err
		}
		best, bestMax, bestTot := written, r.Summary.Max, r.Summary.TotalScore
		for _, order := range orders(written) {
			blk.Venues = order
			r, err := evaluate(cur, ref, set)
			if err != nil {
				return nil, err
			}
			if better(r.Summary.Max, r.Summary.TotalScore, bestMax, bestTot) {
				best, bestMax, bestTot = order, r.Summary.Max, r.Summary.TotalScore
			}
		}
		blk.Venues = best
		out = append(out, VenueChoice{Block: blk.ID, AsWritten: written, Suggested: append([]string(nil), best...)})
	}
	return out, nil
}

// orders lists the venue orders worth trying: all permutations of up to
// five venues, otherwise the cyclic shifts.
func orders(vs []string) [][]string {
	var out [][]string
	if len(vs) > 5 {
		for k := 1; k < len(vs); k++ {
			out = append(out, append(append([]string(nil), vs[k:]...), vs[:k]...))
		}
		return out
	}
	var perm func(prefix, rest []string)
	perm = func(prefix, rest []string) {
		if len(rest) == 0 {
			out = append(out, append([]string(nil), prefix...))
			return
		}
		for i := range rest {
			next := append(append([]string(nil), rest[:i]...), rest[i+1:]...)
			perm(append(prefix, rest[i]), next)
		}
	}
	perm(nil, vs)
	return out
}

// shiftable is a counted meeting of the body being optimised, described
// so that its instant under any start time is arithmetic.
type shiftable struct {
	session  int   // the body's session ordinal (the rotation index)
	slot     int   // 0 or 1: first or second meeting of the day
	midnight int64 // the venue date's 00:00 as if it were UTC, Unix minutes
	off      int64 // the venue's offset that day, minutes
	loc      *time.Location
	steady   bool // no clock change at the venue that day
}

func (m shiftable) at(start int) int64 {
	clock := start + m.slot*secondMeetingOffset
	if m.steady {
		return m.midnight + int64(clock) - m.off
	}
	d := time.Unix(m.midnight*60, 0).UTC()
	return unixMinute(time.Date(d.Year(), d.Month(), d.Day(), clock/60, clock%60, 0, 0, m.loc))
}

// chooseStartTimes scores the 96 quarter-hours for one body and picks a
// start time or a rotation of start times over the cycle.
func chooseStartTimes(s *model.Scenario, sch *schedule.Schedule, ref *refdata.Data, set Settings, prof *profile, body *model.Body) (BodyChoice, error) {
	ch := BodyChoice{Body: body.ID, BodyName: body.Name, AsWritten: append([]string(nil), body.StartTimes...)}
	lo, hi := span(sch.Meetings)
	zones := classesFor(ref.States, lo, hi)
	nz := len(zones.timelines)
	weight := make([]float64, nz) // delegations per class
	for _, c := range zones.ofState {
		weight[c]++
	}

	// The burden of every other counted meeting, per class.
	var others []int64
	var mine []shiftable
	ordinal, sessions := map[int]int{}, 0
	cycleEnd := horizonStart(s).AddDate(s.CycleYears, 0, 0)
	perCycle := 0
	for si := range sch.Sessions {
		if sch.Sessions[si].Body == body.ID {
			ordinal[si] = sessions
			sessions++
			if sch.Meetings[sch.Sessions[si].First].Start.Before(cycleEnd) {
				perCycle++
			}
		}
	}
	for i := range sch.Meetings {
		m := &sch.Meetings[i]
		if !set.Counts(m) {
			continue
		}
		if m.Body != body.ID {
			others = append(others, unixMinute(m.Start), unixMinute(m.End))
			continue
		}
		sh, err := describe(m, &sch.Sessions[m.Session], ref)
		if err != nil {
			return ch, err
		}
		sh.session = ordinal[m.Session]
		mine = append(mine, sh)
	}
	sortPairs(others)
	base := make([]float64, nz)
	for c, t := range prof.classTotals(zones.timelines, others) {
		base[c] = score(prof.bands, t.minutes)
	}

	// Positions of the rotation: one per session of the first cycle.
	positions := max(1, min(perCycle, model.MaxStartTimes, sessions))
	// contrib[(p*Candidates+c)*nz+z]: the score that class z takes from
	// the body's sessions at position p if they start at candidate c.
	contrib := make([]float64, positions*Candidates*nz)
	per := make([]int64, len(prof.bands))
	for c := 0; c < Candidates; c++ {
		start := c * StepMinutes
		for _, m := range mine {
			a := m.at(start)
			e := a + schedule.MeetingMinutes
			row := contrib[((m.session%positions)*Candidates+c)*nz:]
			for z, tl := range zones.timelines {
				clear(per)
				prof.exposure(tl, 0, a, e, per)
				row[z] += score(prof.bands, per)
			}
		}
	}
	feasible := func(c int) bool {
		last := c*StepMinutes + schedule.MeetingMinutes
		if body.PerDay() == 2 {
			last += secondMeetingOffset
		}
		return last <= minutesPerDay
	}
	acc := make([]float64, nz)
	evalWith := func(pick []int) (worst, total float64) {
		copy(acc, base)
		for p, c := range pick {
			row := contrib[(p*Candidates+c)*nz : (p*Candidates+c+1)*nz]
			for z := range acc {
				acc[z] += row[z]
			}
		}
		for z, v := range acc {
			worst = math.Max(worst, v)
			total += v * weight[z]
		}
		return worst, total
	}

	// One start time for every session.
	ch.Candidates = make([]Candidate, Candidates)
	pick := make([]int, positions)
	ch.BestWorst, ch.BestTotal = -1, -1
	for c := range ch.Candidates {
		for p := range pick {
			pick[p] = c
		}
		w, t := evalWith(pick)
		ch.Candidates[c] = Candidate{Start: c * StepMinutes, Feasible: feasible(c), Max: w, Total: t}
		if !feasible(c) {
			continue
		}
		if ch.BestWorst < 0 || better(w, t, ch.Candidates[ch.BestWorst].Max, ch.Candidates[ch.BestWorst].Total) {
			ch.BestWorst = c
		}
		if ch.BestTotal < 0 || better(t, w, ch.Candidates[ch.BestTotal].Total, ch.Candidates[ch.BestTotal].Max) {
			ch.BestTotal = c
		}
	}
	if ch.BestWorst < 0 {
		return ch, fmt.Errorf("body %s: no start time keeps its meetings before the venue's midnight", body.ID)
	}
	var ok []int
	for c := range ch.Candidates {
		if ch.Candidates[c].Feasible {
			ok = append(ok, c)
		}
	}

	best := make([]int, positions)
	for p := range best {
		best[p] = ch.BestWorst
	}
	bestW, bestT := ch.Candidates[ch.BestWorst].Max, ch.Candidates[ch.BestWorst].Total
	if positions > 1 {
		var rot []int
		if math.Pow(float64(len(ok)), float64(positions)) <= exactLimit {
			ch.Method = "exact"
			rot = exactRotation(ok, positions, evalWith)
		} else {
			ch.Method = "greedy"
			rot = greedyRotation(ok, positions, best, evalWith)
		}
		if w, t := evalWith(rot); better(w, t, bestW, bestT) {
			best = rot
		}
	} else {
		ch.Method = "exact"
	}
	// A rotation whose positions all agree is one start time.
	same := true
	for _, c := range best {
		same = same && c == best[0]
	}
	if same {
		best = best[:1]
	}
	for _, c := range best {
		ch.StartTimes = append(ch.StartTimes, Clock(c*StepMinutes))
	}
	return ch, nil
}

// exactRotation tries every assignment of the allowed start times to the
// rotation's positions (small cases only: see exactLimit).
func exactRotation(ok []int, positions int, eval func([]int) (float64, float64)) []int {
	idx := make([]int, positions)
	pick := make([]int, positions)
	var best []int
	var bw, bt float64
	for {
		for p := range idx {
			pick[p] = ok[idx[p]]
		}
		if w, t := eval(pick); best == nil || better(w, t, bw, bt) {
			best, bw, bt = append([]int(nil), pick...), w, t
		}
		p := 0
		for p < positions {
			idx[p]++
			if idx[p] < len(ok) {
				break
			}
			idx[p] = 0
			p++
		}
		if p == positions {
			return best
		}
	}
}

// greedyRotation improves one position at a time, the others fixed,
// until no single change helps (at most 20 passes): the IETF practice of
// moving each meeting's slot in turn, not a proof of optimality.
func greedyRotation(ok []int, positions int, start []int, eval func([]int) (float64, float64)) []int {
	pick := append([]int(nil), start...)
	bw, bt := eval(pick)
	for pass := 0; pass < 20; pass++ {
		changed := false
		for p := 0; p < positions; p++ {
			keep := pick[p]
			for _, c := range ok {
				pick[p] = c
				if w, t := eval(pick); better(w, t, bw, bt) {
					bw, bt, keep, changed = w, t, c, true
				}
			}
			pick[p] = keep
		}
		if !changed {
			break
		}
	}
	return pick
}

func horizonStart(s *model.Scenario) time.Time {
	t, _ := model.ParseDate(s.Horizon.Start)
	return t
}

// describe finds which meeting of the day m is (its slot) and the venue's
// clock that day.
func describe(m *schedule.Meeting, sr *schedule.SessionRun, ref *refdata.Data) (shiftable, error) {
	v, ok := ref.Venue(m.Venue)
	if !ok {
		return shiftable{}, fmt.Errorf("unknown venue %q", m.Venue)
	}
	clock := m.Start.Hour()*60 + m.Start.Minute()
	second := -1
	if sr.StartTime != "" {
		first, _ := model.ParseClock(sr.StartTime)
		second = first + secondMeetingOffset
	} else if len(v.Slots) > 1 {
		second, _ = model.ParseClock(v.Slots[1].Start)
	} else {
		second = 900 // the UN's afternoon meeting, as schedule lays it out
	}
	sh := shiftable{loc: v.Location()}
	if clock >= second {
		sh.slot = 1
	}
	y, mo, d := m.Start.Date()
	sh.midnight = unixMinute(time.Date(y, mo, d, 0, 0, 0, 0, time.UTC))
	_, off0 := time.Date(y, mo, d, 0, 0, 0, 0, sh.loc).Zone()
	_, off1 := time.Date(y, mo, d, 23, 59, 0, 0, sh.loc).Zone()
	sh.off, sh.steady = int64(off0/60), off0 == off1
	return sh, nil
}

// sortPairs sorts (start, end) pairs by start, in place.
func sortPairs(p []int64) {
	// Insertion sort: the schedule is nearly in time order already.
	for i := 2; i < len(p); i += 2 {
		for j := i; j >= 2 && p[j] < p[j-2]; j -= 2 {
			p[j], p[j-2] = p[j-2], p[j]
			p[j+1], p[j-1] = p[j-1], p[j+1]
		}
	}
}
