package burden

import (
	"fmt"
	"math"
	"time"

	"mechplan/internal/cost"
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

// Objectives are what a chair weighs for one choice of start time, each
// over the whole horizon with the other bodies as they are.
type Objectives struct {
	// Worst is the worst-off score: the highest of any delegation's and
	// the room's (see Room).
	Worst float64
	// Total is the sum of all delegations' scores.
	Total float64
	// AtNight counts delegations with any night minute.
	AtNight int
	// ExtraCost is the USD cost of the body's meetings outside the venue's
	// standard slots (meeting.outside_standard_hours, escalated).
	ExtraCost float64
}

const eps = 1e-9

// WorstOff is the worst-off score (the objective, delegations and room).
func (o Objectives) WorstOff() float64 { return o.Worst }

// Dominates reports whether o is no worse than p on all four objectives
// and better on one.
func (o Objectives) Dominates(p Objectives) bool {
	noWorse := o.noWorseOnBurden(p) && o.ExtraCost <= p.ExtraCost+eps
	better := o.Worst < p.Worst-eps || o.Total < p.Total-eps || o.AtNight < p.AtNight || o.ExtraCost < p.ExtraCost-eps
	return noWorse && better
}

func (o Objectives) noWorseOnBurden(p Objectives) bool {
	return o.Worst <= p.Worst+eps && o.Total <= p.Total+eps && o.AtNight <= p.AtNight
}

// DominatesOnBurden reports whether o is no worse than p on the worst-off,
// the total and the delegations at night, and better on one of them.
func (o Objectives) DominatesOnBurden(p Objectives) bool {
	return o.noWorseOnBurden(p) && (o.Worst < p.Worst-eps || o.Total < p.Total-eps || o.AtNight < p.AtNight)
}

// Before is the recommendation rule's order: the least worst-off, then
// the least total, then the fewest delegations at night, then the least
// extra cost.
func (o Objectives) Before(p Objectives) bool {
	switch {
	case o.Worst < p.Worst-eps || o.Worst > p.Worst+eps:
		return o.Worst < p.Worst
	case o.Total < p.Total-eps || o.Total > p.Total+eps:
		return o.Total < p.Total
	case o.AtNight != p.AtNight:
		return o.AtNight < p.AtNight
	}
	return o.ExtraCost < p.ExtraCost-eps
}

// Candidate is one start time tried for a body's sessions, with the
// scenario's burden if the body met at that time (other bodies as they
// are).
type Candidate struct {
	Start int // minutes after midnight, venue time
	// Feasible is false when the day's meetings would end after the
	// venue's midnight, which a scenario file does not allow; such a
	// candidate is not scored (its figures are zero).
	Feasible bool
	// InWindow is true when every meeting of the body lies inside the
	// allowed window at its venue: only those are proposed.
	InWindow bool
	Max      float64 // the worst-off delegation's score
	Total    float64 // the sum of all delegations' scores
	Objectives
	// Room is the burden on the people in the room at this time.
	Room Room
	// OutsideSlots counts the body's meetings outside the standard slots.
	OutsideSlots int
	// OnFront marks the Pareto front of the in-window candidates.
	OnFront bool
}

// BodyChoice is the optimiser's answer for one body.
type BodyChoice struct {
	Body, BodyName string
	// AsWritten is the body's start_times in the scenario (empty: the
	// venue's hours); AsWrittenObjectives its figures.
	AsWritten           []string
	AsWrittenObjectives Objectives
	AsWrittenRoom       Room
	// Candidates holds the 96 quarter-hours; BestWorst minimises the
	// worst-off (then the total), BestTotal the total (then the worst),
	// both within the allowed window.
	Candidates           []Candidate
	BestWorst, BestTotal int
	// Front lists the indexes of the candidates on the Pareto front, in
	// start order.
	Front []int
	// Recommended is the candidate the rule picks (see Objectives.Before)
	// among the front's points that the scenario as written does not
	// dominate; -1 when every point is dominated, and the body keeps its
	// times.
	Recommended int
	// StartTimes is the recommendation applied: one time (or, when
	// Recommended is -1, the times as written).
	StartTimes []string
	// Window is the allowed stretch of the venue's day and its source;
	// WindowBinds is true when the rule would pick a time outside it
	// (Unconstrained, an index into Candidates) that it prefers.
	WindowFrom, WindowTo int
	WindowSource         string
	WindowBinds          bool
	Unconstrained        int
	// Rotation is a rotation of start times (within the window) over the
	// cycle that successive sessions take in turn, when one beats the
	// best single time for the worst-off: a separate proposal, not
	// applied to Suggestion.Scenario (see Suggestion.Rotated).
	Rotation []string
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
	Before, After         Summary
	RoomBefore, RoomAfter Room
	// ByGroup and ByStatus set the regional groups and the LDC, LLDC and
	// SIDS lists before and after: the table a chair reads out.
	ByGroup, ByStatus []Change
	Years             int
	Venues            []VenueChoice
	Bodies            []BodyChoice
	// HybridInRoom: the scenario has hybrid meetings and its experts fly
	// to them (Settings.Resolve), so they are not followed remotely and
	// give the optimiser nothing to move.
	HybridInRoom bool
	// Scenario is a copy of the input with the recommended start_times
	// (and venue orders) set: the desktop app's "apply".
	Scenario *model.Scenario
	// Rotated is Scenario with each body's Rotation applied instead, or
	// nil when no rotation beats the single times.
	Rotated *model.Scenario
}

// Optimize chooses, for each body with meetings open to remote
// participation, a start time inside the allowed window by a rule a chair
// can state (see BodyChoice and Objectives.Before), and a rotation of
// start times over the cycle as a separate proposal; before that, where
// blocks rotate venues, the order of venues that minimises the worst-off
// then the total. Bodies and blocks are taken one at a time with the
// others fixed: each step is exact, the sequence is a heuristic.
func Optimize(s *model.Scenario, ref *refdata.Data, set Settings) (*Suggestion, error) {
	bands, err := set.BandsFor(s)
	if err != nil {
		return nil, err
	}
	if set.Hours != nil && (set.Hours.From < 0 || set.Hours.To > minutesPerDay || set.Hours.From >= set.Hours.To) {
		return nil, fmt.Errorf("hours: %s-%s: want a window within one day, from before to", Clock(set.Hours.From), clockEnd(set.Hours.To))
	}
	if set, err = set.Resolve(s, ref); err != nil {
		return nil, err
	}
	rate, err := cost.OutsideHoursRate(s, ref)
	if err != nil {
		return nil, err
	}
	prof := compiled(bands)
	cur := s.Clone()
	before, sch0, err := evaluateWith(cur, ref, set)
	if err != nil {
		return nil, err
	}
	out := &Suggestion{Before: before.Summary, Years: s.Horizon.Years, HybridInRoom: set.TravelToHybrid && hasHybrid(sch0)}
	if out.RoomBefore, err = RoomBurden(sch0, ref, bands); err != nil {
		return nil, err
	}

	if out.Venues, err = chooseVenues(cur, ref, set); err != nil {
		return nil, err
	}
	rotations := map[int][]string{}
	for bi := range cur.Bodies {
		body := &cur.Bodies[bi]
		sch, err := schedule.Build(cur, ref)
		if err != nil {
			return nil, err
		}
		if !hasRemote(sch, body.ID, set) {
			continue
		}
		ch, err := chooseStartTimes(cur, sch, ref, set, prof, body, rate)
		if err != nil {
			return nil, err
		}
		body.StartTimes = append([]string(nil), ch.StartTimes...)
		if len(ch.Rotation) > 0 {
			rotations[bi] = ch.Rotation
		}
		out.Bodies = append(out.Bodies, ch)
	}
	after, sch1, err := evaluateWith(cur, ref, set)
	if err != nil {
		return nil, err
	}
	if out.RoomAfter, err = RoomBurden(sch1, ref, bands); err != nil {
		return nil, err
	}
	out.After, out.Scenario = after.Summary, cur
	out.ByGroup = changes(before.Summary.ByGroup, after.Summary.ByGroup)
	out.ByStatus = changes(before.Summary.ByStatus, after.Summary.ByStatus)
	if len(rotations) > 0 {
		rot := cur.Clone()
		for bi, r := range rotations {
			rot.Bodies[bi].StartTimes = append([]string(nil), r...)
		}
		out.Rotated = rot
	}
	return out, nil
}

func evaluateWith(s *model.Scenario, ref *refdata.Data, set Settings) (*Report, *schedule.Schedule, error) {
	sch, err := schedule.Build(s, ref)
	if err != nil {
		return nil, nil, err
	}
	r, err := Compute(s, sch, ref, set)
	return r, sch, err
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
		if m := &sch.Meetings[i]; m.Body == body && set.FollowedRemotely(m) {
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
	venue    string
	year     int
	counted  bool     // counts for the capitals' burden (Settings.Counts)
	room     bool     // held in a room (not virtual)
	actual   [2]int64 // the meeting's instants as written, Unix minutes
	session  int      // the body's session ordinal (the rotation index)
	slot     int      // 0 or 1: first or second meeting of the day
	midnight int64    // the venue date's 00:00 as if it were UTC, Unix minutes
	off      int64    // the venue's offset that day, minutes
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

// chooseStartTimes scores the 96 quarter-hours for one body, marks those
// inside the allowed window, computes their Pareto front, picks the
// recommendation by the rule, and searches a rotation over the cycle.
func chooseStartTimes(s *model.Scenario, sch *schedule.Schedule, ref *refdata.Data, set Settings, prof *profile, body *model.Body, rate func(int) float64) (BodyChoice, error) {
	ch := BodyChoice{Body: body.ID, BodyName: body.Name, AsWritten: append([]string(nil), body.StartTimes...), Recommended: -1, Unconstrained: -1}
	lo, hi := span(sch.Meetings)
	zones := classesFor(ref.States, lo, hi)
	rooms := newRoomTimes(ref, lo, hi)
	nz, nb := len(zones.timelines), len(prof.bands)
	weight := make([]float64, nz) // delegations per class
	for _, c := range zones.ofState {
		weight[c]++
	}

	// The burden of every other meeting, per class and in the room.
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
	roomBase := make([]int64, nb)
	venues := map[string]*refdata.Venue{}
	for i := range sch.Meetings {
		m := &sch.Meetings[i]
		if m.Body != body.ID {
			if set.Counts(m) {
				others = append(others, unixMinute(m.Start), unixMinute(m.End))
			}
			if inRoom(m) {
				tl, err := rooms.of(m.Venue)
				if err != nil {
					return ch, err
				}
				prof.exposure(tl, 0, unixMinute(m.Start), unixMinute(m.End), roomBase)
			}
			continue
		}
		sh, err := describe(m, &sch.Sessions[m.Session], ref)
		if err != nil {
			return ch, err
		}
		sh.session, sh.counted = ordinal[m.Session], set.Counts(m)
		venues[m.Venue], _ = ref.Venue(m.Venue)
		mine = append(mine, sh)
	}
	sortPairs(others)
	base := make([]float64, nz)
	baseNight := make([]int64, nz)
	for c, t := range prof.classTotals(zones.timelines, others) {
		base[c] = score(prof.bands, t.minutes)
		for b, v := range t.minutes {
			if prof.night[b] {
				baseNight[c] += v
			}
		}
	}
	// The allowed window: one source for the body (the first venue's, or
	// the settings' / scenario's, which apply everywhere).
	first := true
	for _, sh := range mine {
		f, t, src := AllowedWindow(s, venues[sh.venue], set)
		if first || f > ch.WindowFrom || t < ch.WindowTo {
			ch.WindowFrom, ch.WindowTo, ch.WindowSource = f, t, src
		}
		first = false
	}

	// Positions of the rotation: one per session of the first cycle.
	positions := max(1, min(perCycle, model.MaxStartTimes, sessions))
	// For position p and candidate c: contrib[(p*Candidates+c)*nz+z] is
	// the score class z takes from the body's sessions at p starting at c,
	// night[...] their night minutes; room[(p*Candidates+c)*nb+b] the
	// room's minutes in band b; extra[p*Candidates+c] the extra cost and
	// outside[...] the meetings outside the standard slots.
	contrib := make([]float64, positions*Candidates*nz)
	night := make([]int64, positions*Candidates*nz)
	room := make([]int64, positions*Candidates*nb)
	extra := make([]float64, positions*Candidates)
	outside := make([]int, positions*Candidates)
	inWindow := make([]bool, Candidates)
	per := make([]int64, nb)
	feasible := func(c int) bool {
		last := c*StepMinutes + schedule.MeetingMinutes
		if body.PerDay() == 2 {
			last += secondMeetingOffset
		}
		return last <= minutesPerDay
	}
	for c := 0; c < Candidates; c++ {
		// A day that would end after the venue's midnight cannot be
		// written in a scenario file: not scored.
		if !feasible(c) {
			continue
		}
		start := c * StepMinutes
		inWindow[c] = true
		for _, m := range mine {
			clock := start + m.slot*secondMeetingOffset
			f, t, _ := AllowedWindow(s, venues[m.venue], set)
			if clock < f || clock+schedule.MeetingMinutes > t {
				inWindow[c] = false
			}
			pc := (m.session%positions)*Candidates + c
			if !venues[m.venue].InStandardSlots(clock, clock+schedule.MeetingMinutes) {
				outside[pc]++
				extra[pc] += rate(m.year)
			}
			a := m.at(start)
			e := a + schedule.MeetingMinutes
			if m.room {
				tl, err := rooms.of(m.venue)
				if err != nil {
					return ch, err
				}
				prof.exposure(tl, 0, a, e, room[pc*nb:(pc+1)*nb])
			}
			if !m.counted {
				continue
			}
			row := contrib[pc*nz : (pc+1)*nz]
			nrow := night[pc*nz : (pc+1)*nz]
			for z, tl := range zones.timelines {
				clear(per)
				prof.exposure(tl, 0, a, e, per)
				row[z] += score(prof.bands, per)
				for b, v := range per {
					if prof.night[b] {
						nrow[z] += v
					}
				}
			}
		}
	}
	acc := make([]float64, nz)
	accNight := make([]int64, nz)
	roomAcc := make([]int64, nb)
	// evalWith gives the objectives of one start time per position.
	evalWith := func(pick []int) (o Objectives, maxDeleg float64, r Room, out int) {
		copy(acc, base)
		copy(accNight, baseNight)
		copy(roomAcc, roomBase)
		for p, c := range pick {
			pc := p*Candidates + c
			for z, v := range contrib[pc*nz : (pc+1)*nz] {
				acc[z] += v
			}
			for z, v := range night[pc*nz : (pc+1)*nz] {
				accNight[z] += v
			}
			for b, v := range room[pc*nb : (pc+1)*nb] {
				roomAcc[b] += v
			}
			o.ExtraCost += extra[pc]
			out += outside[pc]
		}
		for z, v := range acc {
			maxDeleg = math.Max(maxDeleg, v)
			o.Total += v * weight[z]
			if accNight[z] > 0 {
				o.AtNight += int(weight[z])
			}
		}
		r = roomOf(prof, roomAcc)
		o.Worst = math.Max(maxDeleg, r.Score)
		return o, maxDeleg, r, out
	}
	worstTotal := func(pick []int) (float64, float64) {
		o, _, _, _ := evalWith(pick)
		return o.Worst, o.Total
	}

	// The scenario as written, from the meetings' own instants.
	{
		copy(acc, base)
		copy(accNight, baseNight)
		copy(roomAcc, roomBase)
		for _, m := range mine {
			if m.room {
				tl, _ := rooms.of(m.venue)
				prof.exposure(tl, 0, m.actual[0], m.actual[1], roomAcc)
			}
			at := time.Unix(m.actual[0]*60, 0).In(m.loc)
			clock := at.Hour()*60 + at.Minute()
			if !venues[m.venue].InStandardSlots(clock, clock+int(m.actual[1]-m.actual[0])) {
				ch.AsWrittenObjectives.ExtraCost += rate(m.year)
			}
			if !m.counted {
				continue
			}
			for z, tl := range zones.timelines {
				clear(per)
				prof.exposure(tl, 0, m.actual[0], m.actual[1], per)
				acc[z] += score(prof.bands, per)
				for b, v := range per {
					if prof.night[b] {
						accNight[z] += v
					}
				}
			}
		}
		var maxDeleg float64
		for z, v := range acc {
			maxDeleg = math.Max(maxDeleg, v)
			ch.AsWrittenObjectives.Total += v * weight[z]
			if accNight[z] > 0 {
				ch.AsWrittenObjectives.AtNight += int(weight[z])
			}
		}
		ch.AsWrittenRoom = roomOf(prof, roomAcc)
		ch.AsWrittenObjectives.Worst = math.Max(maxDeleg, ch.AsWrittenRoom.Score)
	}

	// One start time for every session.
	ch.Candidates = make([]Candidate, Candidates)
	pick := make([]int, positions)
	ch.BestWorst, ch.BestTotal = -1, -1
	var ok []int
	for c := range ch.Candidates {
		for p := range pick {
			pick[p] = c
		}
		if !feasible(c) {
			ch.Candidates[c] = Candidate{Start: c * StepMinutes}
			continue
		}
		o, md, r, out := evalWith(pick)
		ch.Candidates[c] = Candidate{Start: c * StepMinutes, Feasible: feasible(c), InWindow: feasible(c) && inWindow[c],
			Max: md, Total: o.Total, Objectives: o, Room: r, OutsideSlots: out}
		if !ch.Candidates[c].InWindow {
			continue
		}
		ok = append(ok, c)
		if ch.BestWorst < 0 || better(o.Worst, o.Total, ch.Candidates[ch.BestWorst].Worst, ch.Candidates[ch.BestWorst].Total) {
			ch.BestWorst = c
		}
		if ch.BestTotal < 0 || better(o.Total, o.Worst, ch.Candidates[ch.BestTotal].Total, ch.Candidates[ch.BestTotal].Worst) {
			ch.BestTotal = c
		}
	}
	if len(ok) == 0 {
		return ch, fmt.Errorf("body %s: no start time keeps its meetings inside the allowed window %s–%s (%s) and before the venue's midnight; widen it with --hours or meeting_window",
			body.ID, Clock(ch.WindowFrom), clockEnd(ch.WindowTo), ch.WindowSource)
	}
	ch.Front = paretoFront(ch.Candidates, ok)
	for _, c := range ch.Front {
		ch.Candidates[c].OnFront = true
	}
	ch.Recommended = recommend(ch.Candidates, ch.Front, ch.AsWrittenObjectives)
	// Would the rule pick a time outside the window?
	var all []int
	for c := range ch.Candidates {
		if ch.Candidates[c].Feasible {
			all = append(all, c)
		}
	}
	if u := recommend(ch.Candidates, paretoFront(ch.Candidates, all), ch.AsWrittenObjectives); u >= 0 && !ch.Candidates[u].InWindow &&
		(ch.Recommended < 0 || ch.Candidates[u].Objectives.Before(ch.Candidates[ch.Recommended].Objectives)) {
		ch.WindowBinds, ch.Unconstrained = true, u
	}
	if ch.Recommended >= 0 {
		ch.StartTimes = []string{Clock(ch.Candidates[ch.Recommended].Start)}
	} else {
		ch.StartTimes = append([]string(nil), body.StartTimes...)
	}

	// A rotation over the cycle, within the window, kept if it beats the
	// best single time for the worst-off (then the total).
	ch.Method = "exact"
	if positions > 1 {
		best := make([]int, positions)
		for p := range best {
			best[p] = ch.BestWorst
		}
		var rot []int
		if math.Pow(float64(len(ok)), float64(positions)) <= exactLimit {
			rot = exactRotation(ok, positions, worstTotal)
		} else {
			ch.Method = "greedy"
			rot = greedyRotation(ok, positions, best, worstTotal)
		}
		w, t := worstTotal(rot)
		bw, bt := worstTotal(best)
		if better(w, t, bw, bt) {
			for _, c := range rot {
				ch.Rotation = append(ch.Rotation, Clock(c*StepMinutes))
			}
		}
	}
	return ch, nil
}

// clockEnd writes a window's end, where 24:00 is the venue's midnight.
func clockEnd(m int) string {
	if m == minutesPerDay {
		return "24:00"
	}
	return Clock(m)
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
	sh := shiftable{loc: v.Location(), venue: m.Venue, year: m.Start.Year(), room: inRoom(m),
		actual: [2]int64{unixMinute(m.Start), unixMinute(m.End)}}
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
