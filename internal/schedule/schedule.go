// Package schedule expands a scenario into the concrete meetings it holds
// over its horizon: dates at the venue (working days only), 3-hour slots,
// parallel tracks, and venue, agenda and start-time rotations. It also
// reports calendar conflicts and the meeting-day totals.
package schedule

import (
	"fmt"
	"sort"
	"time"

	"mechplan/internal/model"
	"mechplan/internal/msg"
	"mechplan/internal/refdata"
)

// MeetingMinutes is the length of a UN meeting: a 3-hour slot.
const MeetingMinutes = 180

// lunchMinutes separates the two meetings of a day when a body sets its own
// start time (10:00–13:00, 15:00–18:00 keeps two hours between them).
const lunchMinutes = 120

// Meeting is one 3-hour meeting of one body.
type Meeting struct {
	Block      string // block id
	Occurrence int    // which occurrence of the block (0-based, calendar order)
	Session    int    // index into Schedule.Sessions
	Body       string // body id
	BodyName   string
	Kind       model.BodyKind
	Venue      string
	Start, End time.Time // in the venue's zone
	// Year and Day give the venue's calendar date (Day counts days since
	// 1 January 1970), read once when the meeting is laid, so that totals
	// never ask the zone database again.
	Year, Day int
	Format    model.Format
	// Interpreted: six-language interpretation.
	Interpreted bool
	Webcast     bool
	Informal    bool
	Track       int // the room: 0 in consecutive blocks, the session's index in parallel ones
}

// SessionRun is one session of a body: its consecutive meetings in one block.
type SessionRun struct {
	Body       string
	BodyName   string
	Kind       model.BodyKind
	Block      string
	Occurrence int
	BlockRun   int // index into Schedule.Blocks
	Venue      string
	Format     model.Format
	First      int // index of its first meeting in Schedule.Meetings
	Count      int // number of meetings
	PerDay     int // meetings a day: 1 or 2
	// StartTime is the rotated start time used, or "" for the venue's hours.
	StartTime string
}

// BlockRun is one occurrence of a block: a meeting period at one venue.
type BlockRun struct {
	Block       string
	Name        string
	Occurrence  int
	Venue       string
	Start, End  time.Time // first meeting's start and last meeting's end, venue zone
	Year        int       // the venue's calendar year of its first meeting
	Sessions    []int     // indexes into Schedule.Sessions
	Arrangement model.Arrangement
}

// Conflict is a calendar problem worth the planner's attention.
type Conflict struct {
	Kind    string // "overlap", "high-level week", "calendar period", "moved"
	Message string // in English: Msg's English
	// Msg says it by message code (problem.overlap…) with its values, for
	// the faces that write it in another language.
	Msg  msg.Message
	Date string // YYYY-MM-DD where it starts
}

// Schedule is the scenario laid out on the calendar.
type Schedule struct {
	Meetings []Meeting
	Sessions []SessionRun
	Blocks   []BlockRun
	// Conflicts are the first MaxConflicts conflicts found; MoreConflicts
	// counts the others (200 blocks on the same 500 dates overlap in ten
	// million pairs: listing them all took minutes and gigabytes).
	Conflicts     []Conflict
	MoreConflicts int
	// FirstYear and Years give the calendar years of the horizon.
	FirstYear, Years int
	CycleYears       int

	yearIndex [][]int // meetings by year, built by byYear
	// sessionIndex and blocksInYear: sessions by year and block runs per
	// year, built by sessionsByYear
	sessionIndex [][]int
	blocksInYear []int
}

type occurrence struct {
	block int
	date  time.Time // requested start, midnight UTC as a civil date
	n     int       // occurrence index of its block
}

// Build lays out a validated scenario. It returns an error only for a
// scenario that does not validate against ref.
func Build(s *model.Scenario, ref *refdata.Data) (*Schedule, error) {
	if ps := s.Validate(ref.VenueCodes()); len(ps) > 0 {
		return nil, ps
	}
	start, _ := model.ParseDate(s.Horizon.Start)
	end := start.AddDate(s.Horizon.Years, 0, 0)
	sch := &Schedule{FirstYear: start.Year(), Years: end.Year() - start.Year(), CycleYears: s.CycleYears}
	if end.YearDay() > 1 {
		sch.Years++
	}
	occs := occurrences(s, start, end)
	b := builder{s: s, ref: ref, sch: sch, rotCursor: map[string]int{}, bodySessions: map[string]int{}, bodies: map[string]*model.Body{}}
	for i := range s.Bodies {
		if _, dup := b.bodies[s.Bodies[i].ID]; !dup {
			b.bodies[s.Bodies[i].ID] = &s.Bodies[i] // the first, as Scenario.Body finds
		}
	}
	b.reserve(occs)
	for _, o := range occs {
		if err := b.layBlock(o); err != nil {
			return nil, err
		}
	}
	sch.findConflicts(ref)
	return sch, nil
}

// occurrences lists every block occurrence in calendar order.
func occurrences(s *model.Scenario, start, end time.Time) []occurrence {
	var occs []occurrence
	for i := range s.Blocks {
		b := &s.Blocks[i]
		explicit := map[int]bool{}
		for _, d := range b.Dates {
			t, _ := model.ParseDate(d)
			explicit[t.Year()] = true
			occs = append(occs, occurrence{block: i, date: t})
		}
		if b.Month == 0 {
			continue
		}
		for y := start.Year(); y < end.Year() || (y == end.Year() && end.YearDay() > 1); y++ {
			if explicit[y] || !inCycle(b.Years, (y-start.Year())%s.CycleYears+1) || !inEvery(b, y, start.Year()) {
				continue
			}
			t := placement(y, time.Month(b.Month), b.Week)
			if t.Before(start) || !t.Before(end) {
				continue
			}
			occs = append(occs, occurrence{block: i, date: t})
		}
	}
	sort.SliceStable(occs, func(i, j int) bool {
		if !occs[i].date.Equal(occs[j].date) {
			return occs[i].date.Before(occs[j].date)
		}
		return occs[i].block < occs[j].block
	})
	count := map[int]int{}
	for i := range occs {
		occs[i].n = count[occs[i].block]
		count[occs[i].block]++
	}
	return occs
}

// inEvery applies a block's every-N-years rule.
func inEvery(b *model.Block, y, firstYear int) bool {
	if b.EveryYears <= 0 {
		return true
	}
	from := b.FromYear
	if from == 0 {
		from = firstYear
	}
	return y >= from && (y-from)%b.EveryYears == 0
}

func inCycle(years []int, y int) bool {
	if len(years) == 0 {
		return true
	}
	for _, v := range years {
		if v == y {
			return true
		}
	}
	return false
}

// placement is the Monday of the week-th week of the month (week 5: the
// last Monday).
func placement(year int, month time.Month, week int) time.Time {
	first := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	offset := (int(time.Monday) - int(first.Weekday()) + 7) % 7
	monday := first.AddDate(0, 0, offset)
	if week >= 5 {
		for monday.AddDate(0, 0, 7).Month() == month {
			monday = monday.AddDate(0, 0, 7)
		}
		return monday
	}
	return monday.AddDate(0, 0, 7*(week-1))
}

type builder struct {
	s            *model.Scenario
	ref          *refdata.Data
	sch          *Schedule
	rotCursor    map[string]int // next body index of each agenda rotation
	bodySessions map[string]int // sessions laid so far per body, for start-time rotation
	bodies       map[string]*model.Body
}

// reserve sizes the lists once for what the occurrences will lay at most
// (a session of a rotation counted at its longest body), never beyond
// the meetings a valid scenario may imply (model.MaxTotalMeetings): 50,000 meetings appended to a
// growing list were copied about twice over.
func (b *builder) reserve(occs []occurrence) {
	var meetings, sessions int
	for _, o := range occs {
		for _, ss := range b.s.Blocks[o.block].Sessions {
			n := ss.Meetings
			take := 1
			if ss.Rotation != "" {
				take = max(ss.Take, 1)
				if rot, ok := b.s.Rotation(ss.Rotation); ok && n == 0 {
					for _, id := range rot.Bodies {
						if body, ok := b.bodies[id]; ok {
							n = max(n, body.Meetings)
						}
					}
				}
			} else if body, ok := b.bodies[ss.Body]; ok && n == 0 {
				n = body.Meetings
			}
			meetings += take * max(n, 0)
			sessions += take
		}
	}
	b.sch.Meetings = make([]Meeting, 0, min(meetings, model.MaxTotalMeetings))
	b.sch.Sessions = make([]SessionRun, 0, min(sessions, model.MaxTotalMeetings))
	b.sch.Blocks = make([]BlockRun, 0, len(occs))
}

// entry is a session of a block after agenda rotations are resolved.
type entry struct {
	body     *model.Body
	meetings int
	format   model.Format
}

func (b *builder) entries(blk *model.Block) []entry {
	var out []entry
	for _, ss := range blk.Sessions {
		var ids []string
		if ss.Rotation != "" {
			rot, _ := b.s.Rotation(ss.Rotation)
			take := max(ss.Take, 1)
			for k := 0; k < take; k++ {
				c := b.rotCursor[rot.ID]
				ids = append(ids, rot.Bodies[c%len(rot.Bodies)])
				b.rotCursor[rot.ID] = c + 1
			}
		} else {
			ids = []string{ss.Body}
		}
		for _, id := range ids {
			body := b.bodies[id]
			e := entry{body: body, meetings: body.Meetings, format: body.Format}
			if ss.Meetings > 0 {
				e.meetings = ss.Meetings
			}
			if ss.Format != "" {
				e.format = ss.Format
			}
			out = append(out, e)
		}
	}
	return out
}

// day is a cursor over a venue's working days.
type day struct {
	venue *refdata.Venue
	date  time.Time // civil date, midnight UTC
}

func (d day) working() bool {
	wd := d.date.Weekday()
	if wd == time.Saturday || wd == time.Sunday {
		return false
	}
	_, holiday := d.venue.HolidayOn(d.date.Format(time.DateOnly))
	return !holiday
}

func (d day) nextWorking() day {
	for !d.working() {
		d.date = d.date.AddDate(0, 0, 1)
	}
	return d
}

func (d day) next() day {
	d.date = d.date.AddDate(0, 0, 1)
	return d.nextWorking()
}

func (b *builder) layBlock(o occurrence) error {
	blk := &b.s.Blocks[o.block]
	code := blk.VenueFor(o.n)
	venue, ok := b.ref.Venue(code)
	if !ok {
		return fmt.Errorf("block %s: unknown venue %q", blk.ID, code)
	}
	first := day{venue: venue, date: o.date}.nextWorking()
	if !first.date.Equal(o.date) {
		why := o.date.Weekday().String()
		if name, h := venue.HolidayOn(o.date.Format(time.DateOnly)); h {
			why = name
		}
		b.sch.conflict(func() Conflict {
			return Conflict{
				Kind: "moved", Date: o.date.Format(time.DateOnly),
				Msg: msg.New("problem.moved", "block {{.A}} would start on {{.D}} ({{.Why}}, {{.Venue}} closed); it starts on {{.Start}}",
					"A", blk.ID, "D", o.date.Format(time.DateOnly), "Why", why, "Venue", code, "Start", first.date.Format(time.DateOnly)),
			}
		})
	}
	run := BlockRun{Block: blk.ID, Name: blk.Name, Occurrence: o.n, Venue: code, Arrangement: blk.Arrangement}
	runIndex := len(b.sch.Blocks)
	cur, slot := first, 0
	for track, e := range b.entries(blk) {
		if blk.Arrangement == model.Parallel {
			cur, slot = first, 0
		}
		perDay := e.body.PerDay()
		if slot >= perDay {
			cur, slot = cur.next(), 0
		}
		sr := SessionRun{Body: e.body.ID, BodyName: e.body.Name, Kind: e.body.Kind, Block: blk.ID, Occurrence: o.n,
			BlockRun: runIndex, Venue: code, Format: e.format, First: len(b.sch.Meetings), Count: e.meetings, PerDay: perDay}
		starts := b.slotStarts(e.body, venue, &sr)
		if blk.Arrangement == model.Consecutive {
			track = 0
		}
		for m := 0; m < e.meetings; m++ {
			if slot >= perDay {
				cur, slot = cur.next(), 0
			}
			st := starts[slot]
			y, mo, d := cur.date.Date()
			startT := time.Date(y, mo, d, st.start/60, st.start%60, 0, 0, venue.Location())
			endT := time.Date(y, mo, d, st.end/60, st.end%60, 0, 0, venue.Location())
			b.sch.Meetings = append(b.sch.Meetings, Meeting{
				Block: blk.ID, Occurrence: o.n, Session: len(b.sch.Sessions), Body: e.body.ID, BodyName: e.body.Name,
				Kind: e.body.Kind, Venue: code, Start: startT, End: endT, Year: y, Day: int(cur.date.Unix() / 86400), Format: e.format,
				Interpreted: e.body.Interpretation, Webcast: e.body.Webcast, Informal: e.body.Informal, Track: track,
			})
			if run.Start.IsZero() || startT.Before(run.Start) {
				run.Start, run.Year = startT, y
			}
			if endT.After(run.End) {
				run.End = endT
			}
			slot++
		}
		run.Sessions = append(run.Sessions, len(b.sch.Sessions))
		b.sch.Sessions = append(b.sch.Sessions, sr)
	}
	b.sch.Blocks = append(b.sch.Blocks, run)
	return nil
}

type span struct{ start, end int } // minutes after midnight, venue time

// slotStarts returns the day's meeting slots for a body's next session,
// applying its start-time rotation.
func (b *builder) slotStarts(body *model.Body, venue *refdata.Venue, sr *SessionRun) []span {
	k := b.bodySessions[body.ID]
	b.bodySessions[body.ID] = k + 1
	if len(body.StartTimes) > 0 {
		sr.StartTime = body.StartTimes[k%len(body.StartTimes)]
		m, _ := model.ParseClock(sr.StartTime)
		second := m + MeetingMinutes + lunchMinutes
		return []span{{m, m + MeetingMinutes}, {second, second + MeetingMinutes}}
	}
	out := make([]span, 0, len(venue.Slots))
	for _, sl := range venue.Slots {
		a, _ := model.ParseClock(sl.Start)
		z, _ := model.ParseClock(sl.End)
		out = append(out, span{a, z})
	}
	if len(out) == 0 { // the UN's standard hours
		out = append(out, span{600, 780})
	}
	for len(out) < 2 { // a venue table with one slot: the body still holds two a day
		last := out[len(out)-1]
		out = append(out, span{last.end + lunchMinutes, last.end + lunchMinutes + MeetingMinutes})
	}
	return out
}

// Interpreted reports whether any meeting of a block's run is interpreted.
func (s *Schedule) Interpreted(br *BlockRun) bool {
	for _, si := range br.Sessions {
		sr := &s.Sessions[si]
		for k := sr.First; k < sr.First+sr.Count; k++ {
			if s.Meetings[k].Interpreted {
				return true
			}
		}
	}
	return false
}
