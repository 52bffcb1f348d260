package refdata

import (
	"fmt"
	"io/fs"
	"time"
)

// calendarFile holds the venues' service windows, the periods of the
// calendar of conferences a new body avoids, and the rate of a meeting
// outside the standard slots.
const calendarFile = "calendar.json"

// Window is the widest stretch of a venue's day its interpreters and
// conference staff can service, in minutes after midnight, venue time.
// The optimiser proposes no meeting outside it.
type Window struct {
	From, To int
	Source   string
	// Assumed is true where no published figure gives the window.
	Assumed bool
}

// Contains reports whether the venue-clock interval [from, to) lies in
// the window.
func (w Window) Contains(from, to int) bool { return from >= w.From && to <= w.To }

// String writes the window as "08:00–20:00".
func (w Window) String() string { return clock(w.From) + "–" + clock(w.To) }

func clock(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

// InStandardSlots reports whether the venue-clock interval [from, to)
// lies inside one of the venue's standard meeting slots: a meeting that
// does not carries the out-of-hours servicing cost.
func (v *Venue) InStandardSlots(from, to int) bool {
	for _, s := range v.Slots {
		a, _ := parseClock(s.Start)
		b, _ := parseClock(s.End)
		if from >= a && to <= b {
			return true
		}
	}
	return false
}

// Blackout is a period of the calendar of conferences at a venue that a
// new body avoids: the First Committee's main session in New York, the
// end-of-year holidays. From and To are the first and last days.
type Blackout struct {
	Venue string
	Kind  string // stable key: first_committee, year_end
	Name  string // as a sentence reads it: "the First Committee's main session"
	From  time.Time
	To    time.Time
	// Source cites the document that gives the dates, or the rule by
	// which they were projected.
	Source string
	// Assumed is true where the dates (or one of them) are projected.
	Assumed bool
}

// OutsideHoursKey is the rate of one meeting held outside the venue's
// standard slots.
const OutsideHoursKey = "meeting.outside_standard_hours"

type calendarJSON struct {
	Windows []struct {
		Venue   string `json:"venue"`
		From    string `json:"from"`
		To      string `json:"to"`
		Source  string `json:"source"`
		Assumed bool   `json:"assumed"`
	} `json:"service_windows"`
	Rates     []rateJSON `json:"rates"`
	Blackouts []struct {
		Venue   string `json:"venue"`
		Kind    string `json:"kind"`
		Name    string `json:"name"`
		From    string `json:"from"`
		To      string `json:"to"`
		Source  string `json:"source"`
		Assumed bool   `json:"assumed"`
	} `json:"blackouts"`
}

func parseClock(s string) (int, bool) {
	// By hand rather than with clockPattern: the cost model asks for every
	// meeting of a scenario (up to model.MaxTotalMeetings), and the
	// regular expression made the out-of-hours line a quarter of a
	// costing's time.
	if s == "24:00" {
		return 24 * 60, true
	}
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	digit := func(c byte) (int, bool) { return int(c - '0'), c >= '0' && c <= '9' }
	h1, ok1 := digit(s[0])
	h2, ok2 := digit(s[1])
	m1, ok3 := digit(s[3])
	m2, ok4 := digit(s[4])
	h, m := h1*10+h2, m1*10+m2
	if !ok1 || !ok2 || !ok3 || !ok4 || h > 23 || m > 59 {
		return 0, false
	}
	return h*60 + m, true
}

// loadCalendar reads calendar.json into the venues (their windows) and
// returns the blackout periods and the extra rates.
func loadCalendar(fsys fs.FS, venues []Venue, ps *problems) ([]Blackout, []Rate) {
	var f calendarJSON
	if !decodeJSON(fsys, calendarFile, &f, ps) {
		return nil, nil
	}
	index := map[string]int{}
	for i := range venues {
		index[venues[i].Code] = i
	}
	has := map[string]bool{}
	for i, w := range f.Windows {
		row := i + 1
		bad := func(col, format string, args ...any) {
			ps.add(calendarFile, row, "service_windows."+col, format, args...)
		}
		vi, ok := index[w.Venue]
		if !ok {
			bad("venue", "%q is not a venue in %s", w.Venue, venuesFile)
			continue
		}
		if has[w.Venue] {
			bad("venue", "%s has two service windows", w.Venue)
			continue
		}
		has[w.Venue] = true
		from, ok1 := parseClock(w.From)
		to, ok2 := parseClock(w.To)
		if !ok1 || !ok2 || from >= to {
			bad("from", "%q-%q: want HH:MM (to may be 24:00) with from before to", w.From, w.To)
			continue
		}
		if w.Source == "" {
			bad("source", "a service window needs a source (for an assumption, the reasoning)")
		}
		v := &venues[vi]
		v.Window = Window{From: from, To: to, Source: w.Source, Assumed: w.Assumed}
		for j, s := range v.Slots {
			a, _ := parseClock(s.Start)
			b, _ := parseClock(s.End)
			if !v.Window.Contains(a, b) {
				bad("from", "%s's standard slot %d (%s-%s) lies outside its window %s", v.Code, j+1, s.Start, s.End, v.Window)
			}
		}
	}
	for i := range venues {
		if !has[venues[i].Code] {
			ps.add(calendarFile, 0, "service_windows", "no service window for venue %s", venues[i].Code)
		}
	}
	var out []Blackout
	for i, b := range f.Blackouts {
		row := i + 1
		bad := func(col, format string, args ...any) { ps.add(calendarFile, row, "blackouts."+col, format, args...) }
		if _, ok := index[b.Venue]; !ok {
			bad("venue", "%q is not a venue in %s", b.Venue, venuesFile)
			continue
		}
		if b.Kind == "" || b.Name == "" {
			bad("kind", "a blackout period needs a kind and a name")
		}
		from, err1 := time.Parse(time.DateOnly, b.From)
		to, err2 := time.Parse(time.DateOnly, b.To)
		if err1 != nil || err2 != nil || to.Before(from) || to.Sub(from) > 120*24*time.Hour {
			bad("from", "%q to %q: want YYYY-MM-DD dates, from not after to, at most 120 days apart", b.From, b.To)
			continue
		}
		if b.Source == "" {
			bad("source", "a blackout period needs a source (for projected dates, the rule)")
		}
		out = append(out, Blackout{Venue: b.Venue, Kind: b.Kind, Name: b.Name, From: from, To: to, Source: b.Source, Assumed: b.Assumed})
	}
	return out, rateRows(calendarFile, f.Rates, ps)
}

// BlackoutsAt returns the blackout periods at a venue that touch the
// days from first to last (inclusive).
func (d *Data) BlackoutsAt(venue string, first, last time.Time) []Blackout {
	var out []Blackout
	for _, b := range d.Blackouts {
		if b.Venue == venue && !first.After(b.To) && !b.From.After(last) {
			out = append(out, b)
		}
	}
	return out
}
