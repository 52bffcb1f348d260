package travel

import (
	"sort"
	"time"

	"mechplan/internal/model"
	"mechplan/internal/schedule"
)

// Coverage is how much of the calendar a delegation of People can follow
// when every person sits in one meeting at a time.
type Coverage struct {
	People   int
	Meetings int // all meetings, any format
	Covered  int
	// Share is the covered share of meeting hours (every meeting lasts
	// 3 hours, so it is also the share of meetings).
	Share     float64
	Uncovered []UncoveredSession
}

// UncoveredSession is a session the delegation misses wholly or in part.
type UncoveredSession struct {
	Session  int // index into Schedule.Sessions
	Body     string
	BodyName string
	Block    string
	Venue    string
	Date     string // first day missed, venue time, YYYY-MM-DD
	Missed   int    // meetings missed
	Meetings int    // meetings in the session
}

// priority says which body a short-handed delegation follows first: the
// decision-making bodies before the groups that report to them.
var priority = map[model.BodyKind]int{
	model.Plenary: 0, model.ReviewConference: 1, model.Organizational: 2,
	model.ThematicGroup: 3, model.Intersessional: 4, model.Informal: 5,
}

// Cover assigns people to meetings in calendar order, the plenary first
// when meetings start together, and reports what is left uncovered.
func Cover(sch *schedule.Schedule, people int) Coverage {
	c := Coverage{People: people, Meetings: len(sch.Meetings)}
	order := make([]int, len(sch.Meetings))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ma, mb := &sch.Meetings[order[a]], &sch.Meetings[order[b]]
		if !ma.Start.Equal(mb.Start) {
			return ma.Start.Before(mb.Start)
		}
		if priority[ma.Kind] != priority[mb.Kind] {
			return priority[ma.Kind] < priority[mb.Kind]
		}
		return ma.Track < mb.Track
	})
	free := make([]time.Time, max(people, 0)) // when each person is free again
	missed := map[int]*UncoveredSession{}
	var sessions []int
	for _, i := range order {
		m := &sch.Meetings[i]
		seat := -1
		for p := range free {
			if !free[p].After(m.Start) {
				seat = p
				break
			}
		}
		if seat >= 0 {
			free[seat] = m.End
			c.Covered++
			continue
		}
		u, ok := missed[m.Session]
		if !ok {
			sr := &sch.Sessions[m.Session]
			u = &UncoveredSession{Session: m.Session, Body: sr.Body, BodyName: sr.BodyName, Block: sr.Block,
				Venue: sr.Venue, Date: m.Start.Format(time.DateOnly), Meetings: sr.Count}
			missed[m.Session] = u
			sessions = append(sessions, m.Session)
		}
		u.Missed++
	}
	sort.Ints(sessions)
	for _, s := range sessions {
		c.Uncovered = append(c.Uncovered, *missed[s])
	}
	if c.Meetings > 0 {
		c.Share = float64(c.Covered) / float64(c.Meetings)
	}
	return c
}
