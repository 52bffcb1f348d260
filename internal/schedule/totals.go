package schedule

import (
	"fmt"
	"sort"

	"mechplan/internal/model"
)

// Totals are the meeting-day figures of a period (a year, a cycle, the horizon).
type Totals struct {
	// MeetingDays: calendar days with at least one meeting.
	MeetingDays int `json:"meeting_days"`
	// BodyDays: days of sitting summed over bodies, so parallel sessions
	// count separately and a 3-meeting session is 1.5 body-days.
	BodyDays            float64 `json:"body_days"`
	Meetings            int     `json:"meetings"`
	InterpretedMeetings int     `json:"interpreted_meetings"`
	InPersonDays        int     `json:"in_person_days"`
	HybridDays          int     `json:"hybrid_days"`
	VirtualDays         int     `json:"virtual_days"`
	// MaxParallel: the most meetings under way at one instant, which is
	// the smallest delegation that can cover every meeting.
	MaxParallel int `json:"max_parallel"`
	// Blocks: meeting periods, i.e. trips for a delegation that attends all.
	Blocks int `json:"blocks"`
}

// Period is a labelled stretch of the horizon and its totals.
type Period struct {
	Label     string `json:"label"` // "2026", "2026–2027", "2026–2030"
	FirstYear int    `json:"first_year"`
	LastYear  int    `json:"last_year"`
	Totals
}

// YearTotals returns the totals of each calendar year of the horizon.
func (s *Schedule) YearTotals() []Period {
	out := make([]Period, 0, s.Years)
	for i := 0; i < s.Years; i++ {
		y := s.FirstYear + i
		out = append(out, s.period(y, y))
	}
	return out
}

// CycleTotals returns the totals of each cycle of the horizon.
func (s *Schedule) CycleTotals() []Period {
	var out []Period
	for y := s.FirstYear; y < s.FirstYear+s.Years; y += s.CycleYears {
		last := min(y+s.CycleYears-1, s.FirstYear+s.Years-1)
		out = append(out, s.period(y, last))
	}
	return out
}

// HorizonTotals returns the totals over the whole horizon.
func (s *Schedule) HorizonTotals() Period {
	return s.period(s.FirstYear, s.FirstYear+s.Years-1)
}

func label(first, last int) string {
	if first == last {
		return fmt.Sprint(first)
	}
	return fmt.Sprintf("%d–%d", first, last)
}

// byYear indexes the meetings by the venue's calendar year, once, so that
// the totals of every year and cycle cost one pass over the meetings.
func (s *Schedule) byYear() [][]int {
	if s.yearIndex == nil {
		s.yearIndex = make([][]int, s.Years)
		for i := range s.Meetings {
			if k := s.Meetings[i].Year - s.FirstYear; k >= 0 && k < s.Years {
				s.yearIndex[k] = append(s.yearIndex[k], i)
			}
		}
	}
	return s.yearIndex
}

// sessionsByYear indexes the sessions by the year of their first meeting
// and counts the block runs of each year, once.
func (s *Schedule) sessionsByYear() ([][]int, []int) {
	if s.sessionIndex == nil {
		s.sessionIndex = make([][]int, s.Years)
		s.blocksInYear = make([]int, s.Years)
		for i := range s.Sessions {
			if k := s.Meetings[s.Sessions[i].First].Year - s.FirstYear; k >= 0 && k < s.Years {
				s.sessionIndex[k] = append(s.sessionIndex[k], i)
			}
		}
		for i := range s.Blocks {
			if k := s.Blocks[i].Year - s.FirstYear; k >= 0 && k < s.Years {
				s.blocksInYear[k]++
			}
		}
	}
	return s.sessionIndex, s.blocksInYear
}

// period computes the totals of the meetings whose venue date falls in
// [first, last]; a session and a block count in the year they start.
func (s *Schedule) period(first, last int) Period {
	p := Period{Label: label(first, last), FirstYear: first, LastYear: last}
	t := &p.Totals
	days := map[int]uint8{} // day → a bit per format
	var spans []instant
	index := s.byYear()
	for y := max(first, s.FirstYear); y <= last && y-s.FirstYear < len(index); y++ {
		for _, i := range index[y-s.FirstYear] {
			m := &s.Meetings[i]
			t.Meetings++
			if m.Interpreted {
				t.InterpretedMeetings++
			}
			days[m.Day] |= formatBit(m.Format)
			spans = append(spans, instant{m.Start.Unix(), 1}, instant{m.End.Unix(), -1})
		}
	}
	for _, bits := range days {
		t.MeetingDays++
		if bits&formatBit(model.InPerson) != 0 {
			t.InPersonDays++
		}
		if bits&formatBit(model.Hybrid) != 0 {
			t.HybridDays++
		}
		if bits&formatBit(model.Virtual) != 0 {
			t.VirtualDays++
		}
	}
	// A session's body-days are whole or half days (one or two meetings a
	// day), so their sum is exact in any order: year by year it is the
	// sum over the sessions in list order.
	sessions, blocks := s.sessionsByYear()
	for y := max(first, s.FirstYear); y <= last && y-s.FirstYear < len(sessions); y++ {
		for _, i := range sessions[y-s.FirstYear] {
			sr := &s.Sessions[i]
			t.BodyDays += float64(sr.Count) / float64(sr.PerDay)
		}
		t.Blocks += blocks[y-s.FirstYear]
	}
	t.MaxParallel = maxOverlap(spans)
	return p
}

func formatBit(f model.Format) uint8 {
	switch f {
	case model.InPerson:
		return 1
	case model.Hybrid:
		return 2
	default:
		return 4
	}
}

type instant struct {
	at    int64
	delta int
}

// maxOverlap is the largest number of intervals open at one instant; an
// interval that ends when another starts does not overlap it.
func maxOverlap(ev []instant) int {
	sort.Slice(ev, func(i, j int) bool {
		if ev[i].at != ev[j].at {
			return ev[i].at < ev[j].at
		}
		return ev[i].delta < ev[j].delta
	})
	open, best := 0, 0
	for _, e := range ev {
		open += e.delta
		best = max(best, open)
	}
	return best
}
