package schedule

import (
	"sort"
	"time"

	"mechplan/internal/msg"
	"mechplan/internal/refdata"
)

// HighLevelWeek returns the Monday and Friday of the week in which the
// General Assembly's general debate opens in the given year. The session
// opens on the Tuesday of the second week of September, counting from the
// first week with at least one working day (rule 1 of the GA's rules of
// procedure as amended, which gave 5 Sep 2023, 10 Sep 2024, 9 Sep 2025), and
// the general debate opens two weeks later (19 Sep 2023, 24 Sep 2024,
// 23 Sep 2025). Delegations' capitals and missions are absorbed that week.
func HighLevelWeek(year int) (monday, friday time.Time) {
	sep1 := time.Date(year, time.September, 1, 0, 0, 0, 0, time.UTC)
	// Monday of the week holding the first working day of September.
	firstWorking := sep1
	for firstWorking.Weekday() == time.Saturday || firstWorking.Weekday() == time.Sunday {
		firstWorking = firstWorking.AddDate(0, 0, 1)
	}
	back := (int(firstWorking.Weekday()) + 6) % 7
	week1 := firstWorking.AddDate(0, 0, -back)
	opening := week1.AddDate(0, 0, 7+1) // Tuesday of the second week
	debate := opening.AddDate(0, 0, 14)
	monday = debate.AddDate(0, 0, -1)
	return monday, monday.AddDate(0, 0, 4)
}

func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// MaxConflicts is how many conflicts a schedule lists; the rest are
// counted in MoreConflicts.
const MaxConflicts = 100

// conflict records a conflict, made only while the list has room.
func (s *Schedule) conflict(build func() Conflict) {
	if len(s.Conflicts) >= MaxConflicts {
		s.MoreConflicts++
		return
	}
	c := build()
	if c.Msg.Code != "" {
		c.Message = c.Msg.English
	}
	s.Conflicts = append(s.Conflicts, c)
}

// ConflictCount is how many conflicts were found, listed or not.
func (s *Schedule) ConflictCount() int { return len(s.Conflicts) + s.MoreConflicts }

func (s *Schedule) findConflicts(ref *refdata.Data) {
	// Each block's first and last day, read from the zone database once.
	first := make([]time.Time, len(s.Blocks))
	last := make([]time.Time, len(s.Blocks))
	for i := range s.Blocks {
		first[i], last[i] = civil(s.Blocks[i].Start), civil(s.Blocks[i].End)
	}
	// Sorted by first day, the blocks that can overlap a block follow it
	// until one starts after it ends.
	order := make([]int, len(s.Blocks))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { return first[order[x]].Before(first[order[y]]) })
	for x, i := range order {
		a := &s.Blocks[i]
		as, ae := first[i], last[i]
		// The blocks after this one that start by its last day overlap
		// it (they start on or after its first day and end no earlier
		// than they start): listed while the list has room, else counted.
		rest := order[x+1:]
		n := sort.Search(len(rest), func(k int) bool { return first[rest[k]].After(ae) })
		for _, j := range rest[:n] {
			if len(s.Conflicts) >= MaxConflicts {
				break
			}
			b := &s.Blocks[j]
			bs, be := first[j], last[j]
			s.conflict(func() Conflict {
				return Conflict{
					Kind: "overlap", Date: maxTime(as, bs).Format(time.DateOnly),
					Msg: msg.New("problem.overlap", "blocks {{.A}} ({{.AVenue}}, {{.AFrom}} to {{.ATo}}) and {{.B}} ({{.BVenue}}, {{.BFrom}} to {{.BTo}}) overlap",
						"A", a.Block, "AVenue", a.Venue, "AFrom", as.Format(time.DateOnly), "ATo", ae.Format(time.DateOnly),
						"B", b.Block, "BVenue", b.Venue, "BFrom", bs.Format(time.DateOnly), "BTo", be.Format(time.DateOnly)),
				}
			})
			n--
		}
		s.MoreConflicts += n
	}
	weeks := map[int][2]time.Time{}
	for i := range s.Blocks {
		a := &s.Blocks[i]
		as, ae := first[i], last[i]
		for y := as.Year(); y <= ae.Year(); y++ {
			w, ok := weeks[y]
			if !ok {
				mon, fri := HighLevelWeek(y)
				w = [2]time.Time{mon, fri}
				weeks[y] = w
			}
			if !as.After(w[1]) && !w[0].After(ae) {
				s.conflict(func() Conflict {
					return Conflict{
						Kind: "high-level week", Date: as.Format(time.DateOnly),
						Msg: msg.New("problem.high_level_week", "block {{.A}} ({{.From}} to {{.To}}) falls in the General Assembly's high-level week ({{.HFrom}} to {{.HTo}})",
							"A", a.Block, "From", as.Format(time.DateOnly), "To", ae.Format(time.DateOnly), "HFrom", w[0].Format(time.DateOnly), "HTo", w[1].Format(time.DateOnly)),
					}
				})
			}
		}
	}
	s.calendarPeriods(ref, first, last)
}

// calendarPeriods reports the blocks that fall in one of the venue's
// blackout periods (the First Committee's main session, the end-of-year
// holidays), naming the period and the nearest week that is free.
func (s *Schedule) calendarPeriods(ref *refdata.Data, first, last []time.Time) {
	for i := range s.Blocks {
		a := &s.Blocks[i]
		as, ae := first[i], last[i]
		for _, p := range ref.BlackoutsAt(a.Venue, as, ae) {
			s.conflict(func() Conflict {
				pairs := []any{"A", a.Block, "Venue", a.Venue, "From", as.Format(time.DateOnly), "To", ae.Format(time.DateOnly),
					"Period", msg.Named("period.", p.Name), "PFrom", p.From.Format(time.DateOnly), "PTo", p.To.Format(time.DateOnly)}
				m := msg.New("problem.calendar_period", "block {{.A}} ({{.Venue}}, {{.From}} to {{.To}}) falls in {{.Period}} ({{.PFrom}} to {{.PTo}})", pairs...)
				if free, ok := NearestFreeStart(ref, a.Venue, as, ae); ok {
					m = msg.New("problem.calendar_period_free", "block {{.A}} ({{.Venue}}, {{.From}} to {{.To}}) falls in {{.Period}} ({{.PFrom}} to {{.PTo}}); the nearest free start is {{.Free}}",
						append(pairs, "Free", free.Format(time.DateOnly))...)
				}
				return Conflict{Kind: "calendar period", Date: as.Format(time.DateOnly), Msg: m}
			})
		}
	}
}

// NearestFreeStart moves a block of days [first, last] by whole weeks,
// the nearest first (earlier before later at the same distance, up to 26
// weeks), until it touches neither a blackout period at the venue nor the
// General Assembly's high-level week.
func NearestFreeStart(ref *refdata.Data, venue string, first, last time.Time) (time.Time, bool) {
	for k := 1; k <= 26; k++ {
		for _, w := range []int{-k, k} {
			f, l := first.AddDate(0, 0, 7*w), last.AddDate(0, 0, 7*w)
			if len(ref.BlackoutsAt(venue, f, l)) > 0 {
				continue
			}
			clear := true
			for y := f.Year(); y <= l.Year(); y++ {
				mon, fri := HighLevelWeek(y)
				if !f.After(fri) && !mon.After(l) {
					clear = false
				}
			}
			if clear {
				return f, true
			}
		}
	}
	return time.Time{}, false
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
