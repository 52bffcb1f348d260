package cost

import (
	"math"
	"sort"
	"strings"
	"sync"
	"time"

	"mechplan/internal/model"
	"mechplan/internal/msg"
	"mechplan/internal/refdata"
	"mechplan/internal/schedule"
	"mechplan/internal/travel"
)

// facts are what an estimate reads from the calendar alone, whatever the
// rates: the meetings of each year and venue by service, those outside the
// standard hours, the formal sessions, the block runs away from New York
// and the delegations' trips. A sensitivity run re-estimates with other
// rates from the same facts instead of reading every meeting again, so
// its figures are those of a full estimate (the same values, summed in the
// same order).
type facts struct {
	venues  []string
	count   []counts // by year × venue
	outside []int    // meetings outside the standard hours, by year × venue
	formal  []int    // formal sessions by year
	away    []awayRun
	// spans are the distinct stays away (venue, first and last day) and
	// awayGroups the distinct years and venues, in the order first met.
	spans      []awaySpan
	awayGroups []awayGroup

	mu         sync.Mutex
	trips      map[tripsKey][]travel.Trip
	tripGroups map[*travel.Trip]*tripGroups // by the trips' first element
}

// tripGroups are the delegations' trips by year and venue: the groups in
// the order first met, each trip's group, and each group's kinds of body
// in the order first met.
type tripGroups struct {
	groups []awayGroup
	of     []int
	kinds  [][]model.BodyKind
}

// tripGroupsFor groups a list of trips once.
func (f *facts) tripGroupsFor(trips []travel.Trip, sch *schedule.Schedule) *tripGroups {
	if len(trips) == 0 {
		return &tripGroups{}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if tg, ok := f.tripGroups[&trips[0]]; ok && len(tg.of) == len(trips) {
		return tg
	}
	tg := &tripGroups{of: make([]int, len(trips))}
	index := map[awayGroup]int{}
	for k := range trips {
		tr := &trips[k]
		key := awayGroup{tr.Year, tr.Venue}
		g, ok := index[key]
		if !ok {
			g = len(tg.groups)
			index[key] = g
			tg.groups = append(tg.groups, key)
			tg.kinds = append(tg.kinds, nil)
		}
		tg.of[k] = g
		for _, s := range tr.Sessions {
			kind := sch.Sessions[s].Kind
			if !containsKind(tg.kinds[g], kind) {
				tg.kinds[g] = append(tg.kinds[g], kind)
			}
		}
	}
	if f.tripGroups == nil {
		f.tripGroups = map[*travel.Trip]*tripGroups{}
	}
	f.tripGroups[&trips[0]] = tg
	return tg
}

// awayRun is one block run held away from New York: its stay (index in
// spans), its year and venue (index in awayGroups) and whether it has
// interpretation.
type awayRun struct {
	span, group int
	interpreted bool
}

type awaySpan struct {
	venue       string
	first, last time.Time // calendar days at the venue, as midnight UTC
	interpreted bool      // one of its runs is interpreted
}

type awayGroup struct {
	year  int
	venue string
}

type tripsKey struct {
	bridgeDays int
	attend     travel.Attendance
}

// newFacts reads the calendar once. The venue's clock of each meeting
// comes from a table of the zones' stretches between clock changes (one
// look-up of the zone database per stretch, not four per meeting: past
// 2037 each look-up works the zone's rule out again).
func newFacts(sch *schedule.Schedule, ref *refdata.Data) *facts {
	f := &facts{venues: ref.VenueCodes(), trips: map[tripsKey][]travel.Trip{}}
	nv := len(f.venues)
	idx := make(map[string]int, nv)
	for i, v := range f.venues {
		idx[v] = i
	}
	f.count = make([]counts, sch.Years*nv)
	f.outside = make([]int, sch.Years*nv)
	f.formal = make([]int, sch.Years)
	var clock wallClock
	for i := range sch.Meetings {
		m := &sch.Meetings[i]
		w := clock.of(m.Start)
		y := w.Year() - sch.FirstYear
		if y < 0 || y >= sch.Years {
			continue
		}
		j := idx[m.Venue]
		k := &f.count[y*nv+j]
		h := m.End.Sub(m.Start).Hours()
		if m.Interpreted {
			k.interpreted++
			k.interpretedHours += h
		} else {
			k.uninterpreted++
			k.uninterpretedHours += h
		}
		switch m.Format {
		case model.Hybrid:
			k.hybrid++
		case model.Virtual:
			k.virtual++
		}
		if m.Webcast {
			k.webcast++
		}
		if OutsideStandardHours(m.Venue, w.Hour()*60+w.Minute(), int(m.End.Sub(m.Start).Minutes()), ref) {
			f.outside[y*nv+j]++
		}
	}
	for i := range sch.Sessions {
		sr := &sch.Sessions[i]
		m := &sch.Meetings[sr.First]
		y := clock.of(m.Start).Year() - sch.FirstYear
		if m.Informal || m.Kind == model.Informal || y < 0 || y >= sch.Years {
			continue
		}
		f.formal[y]++
	}
	type spanKey struct {
		venue       string
		first, last int64
	}
	spans := map[spanKey]int{}
	groups := map[awayGroup]int{}
	for i := range sch.Blocks {
		br := &sch.Blocks[i]
		if br.Venue == Base {
			continue
		}
		start := clock.of(br.Start)
		first, last := civil(start), civil(clock.of(br.End))
		run := awayRun{interpreted: sch.Interpreted(br)}
		sk := spanKey{br.Venue, first.Unix(), last.Unix()}
		var ok bool
		if run.span, ok = spans[sk]; !ok {
			run.span = len(f.spans)
			spans[sk] = run.span
			f.spans = append(f.spans, awaySpan{venue: br.Venue, first: first, last: last})
		}
		f.spans[run.span].interpreted = f.spans[run.span].interpreted || run.interpreted
		gk := awayGroup{start.Year(), br.Venue}
		if run.group, ok = groups[gk]; !ok {
			run.group = len(f.awayGroups)
			groups[gk] = run.group
			f.awayGroups = append(f.awayGroups, gk)
		}
		f.away = append(f.away, run)
	}
	return f
}

// tripsFor lays out the delegations' trips once for each way of counting
// them (the calendar's trips do not depend on the rates).
func (f *facts) tripsFor(sch *schedule.Schedule, bridgeDays int, attend travel.Attendance) []travel.Trip {
	f.mu.Lock()
	defer f.mu.Unlock()
	k := tripsKey{bridgeDays, attend}
	t, ok := f.trips[k]
	if !ok {
		t = travel.Trips(sch, bridgeDays, attend)
		f.trips[k] = t
	}
	return t
}

// wallClock gives a time as its own zone's clock reads it, as the same
// wall time in UTC (whose Year, Hour, Minute and Date are t's), looking
// the zone database up once per stretch between two clock changes
// (time.Time.ZoneBounds) and adding that stretch's offset for every
// other time inside it: the arithmetic time.Time does itself after its
// look-up.
type wallClock struct {
	stretches map[*time.Location][]stretch // sorted by from
}

type stretch struct {
	from, to int64 // Unix seconds, [from, to)
	offset   int64
}

func (c *wallClock) of(t time.Time) time.Time {
	loc := t.Location()
	if loc == time.UTC {
		return t
	}
	u := t.Unix()
	s := c.stretches[loc]
	i := sort.Search(len(s), func(i int) bool { return s[i].to > u })
	if i == len(s) || s[i].from > u {
		_, off := t.Zone()
		st := stretch{from: math.MinInt64, to: math.MaxInt64, offset: int64(off)}
		if a, b := t.ZoneBounds(); !a.IsZero() || !b.IsZero() {
			if !a.IsZero() {
				st.from = a.Unix()
			}
			if !b.IsZero() {
				st.to = b.Unix()
			}
		}
		if st.from > u || st.to <= u {
			// Not a stretch the database can name: this time alone.
			st.from, st.to = u, u+1
		}
		if c.stretches == nil {
			c.stretches = map[*time.Location][]stretch{}
		}
		s = append(s, stretch{})
		copy(s[i+1:], s[i:])
		s[i] = st
		c.stretches[loc] = s
	}
	return time.Unix(u+s[i].offset, int64(t.Nanosecond())).UTC()
}

// items caches the cost lines' item messages (msg.New parses its English
// template each time; a worst-case estimate writes thousands of lines
// with the same few dozen items), keyed by code and values.
var items sync.Map

// itemMsg is msg.New for a line's item, made once per code and values.
func itemMsg(code, english string, pairs ...any) msg.Message {
	var key strings.Builder
	key.WriteString(code)
	for _, p := range pairs {
		key.WriteByte(0)
		switch v := p.(type) {
		case string:
			key.WriteString(v)
		case msg.Message:
			if len(v.Args) > 0 {
				return msg.New(code, english, pairs...)
			}
			key.WriteString(v.Code)
			key.WriteByte(1)
			key.WriteString(v.English)
		default:
			// Not a value this cache knows how to key: made each time.
			return msg.New(code, english, pairs...)
		}
	}
	if m, ok := items.Load(key.String()); ok {
		return copyArgs(m.(msg.Message))
	}
	m := msg.New(code, english, pairs...)
	items.Store(key.String(), m)
	return copyArgs(m)
}

// copyArgs gives each line its own list of values.
func copyArgs(m msg.Message) msg.Message {
	m.Args = append([]msg.Arg(nil), m.Args...)
	return m
}
