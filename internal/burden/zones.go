package burden

import (
	"sort"
	"sync"
	"time"

	"mechplan/internal/refdata"
)

// period is a stretch of UTC time during which a zone keeps one offset.
// Times are Unix minutes; every offset in use since 1972 is a whole
// number of minutes (Kathmandu's +05:45 included).
type period struct {
	start, end int64 // [start, end)
	off        int64 // minutes east of UTC
}

// timeline lists a zone's periods over a stretch of time, so that the
// offset at an instant is a lookup, not a time.In per meeting and
// delegation: the zone database is read once per zone and clock change.
type timeline []period

// buildTimeline reads the zone's offsets over [lo, hi) from the zone
// database, one ZoneBounds call per clock change. Neighbouring periods
// with the same offset (a change of abbreviation only) are merged.
func buildTimeline(loc *time.Location, lo, hi int64) timeline {
	var tl timeline
	for t := lo; t < hi; {
		at := time.Unix(t*60, 0).In(loc)
		_, off := at.Zone()
		_, until := at.ZoneBounds()
		end := hi
		if !until.IsZero() {
			// A zone change on a fractional minute (historic zones only)
			// rounds up, so that the loop always advances.
			if u := (until.Unix() + 59) / 60; u < end {
				end = max(u, t+1)
			}
		}
		p := period{start: t, end: end, off: int64(off) / 60}
		if n := len(tl); n > 0 && tl[n-1].off == p.off {
			tl[n-1].end = p.end
		} else {
			tl = append(tl, p)
		}
		t = end
	}
	return tl
}

// find returns the index of the period holding t, starting the search
// at the hint because meetings come in time order.
func (tl timeline) find(t int64, hint int) int {
	if hint >= 0 && hint < len(tl) && tl[hint].start <= t {
		for i := hint; i < len(tl) && i < hint+4; i++ {
			if t < tl[i].end {
				return i
			}
		}
	}
	i := sort.Search(len(tl), func(i int) bool { return tl[i].end > t })
	if i == len(tl) {
		i = len(tl) - 1
	}
	return i
}

func (tl timeline) equal(o timeline) bool {
	if len(tl) != len(o) {
		return false
	}
	for i := range tl {
		if tl[i] != o[i] {
			return false
		}
	}
	return true
}

// hash is FNV-1a over the periods, to find equal timelines quickly.
func (tl timeline) hash() uint64 {
	h := uint64(14695981039346656037)
	for _, p := range tl {
		for _, v := range [3]int64{p.start, p.end, p.off} {
			h ^= uint64(v)
			h *= 1099511628211
		}
	}
	return h
}

// zoneClasses groups the delegations whose capitals keep the same clock
// over [lo, hi): Paris, Berlin and Rome are three zones but one class.
// Every figure is computed once per class and shared by its delegations,
// which is why 193 delegations cost about as much as 60 or so.
type zoneClasses struct {
	timelines []timeline
	ofState   []int // class of each refdata state
}

func newZoneClasses(states []refdata.MemberState, lo, hi int64) *zoneClasses {
	z := &zoneClasses{ofState: make([]int, len(states))}
	byName := make(map[string]int, len(states))
	byHash := make(map[uint64][]int, len(states))
	for i := range states {
		st := &states[i]
		if c, ok := byName[st.TZ]; ok {
			z.ofState[i] = c
			continue
		}
		loc := st.Location()
		if loc == nil {
			loc = time.UTC
		}
		tl := buildTimeline(loc, lo, hi)
		h := tl.hash()
		c := -1
		for _, k := range byHash[h] {
			if z.timelines[k].equal(tl) {
				c = k
			}
		}
		if c < 0 {
			c = len(z.timelines)
			z.timelines = append(z.timelines, tl)
			byHash[h] = append(byHash[h], c)
		}
		byName[st.TZ] = c
		z.ofState[i] = c
	}
	return z
}

// classCache keeps the zone classes of recent evaluations. The zone
// database and the reference data do not change while the program runs,
// and a user editing a scenario re-evaluates the same years again and
// again: reading 193 zones each time would cost most of the evaluation.
var classCache struct {
	sync.Mutex
	m map[classKey]*zoneClasses
}

type classKey struct {
	states         *refdata.MemberState // the reference data's first state
	n              int
	fromYear, toYr int
}

// maxCachedClasses bounds the cache; a horizon is at most 50 years, and
// a session rarely looks at more than a handful of year ranges.
const maxCachedClasses = 32

// classesFor returns the zone classes covering whole calendar years
// around [lo, hi), from the cache when another evaluation built them.
func classesFor(states []refdata.MemberState, lo, hi int64) *zoneClasses {
	if len(states) == 0 {
		return &zoneClasses{}
	}
	y0 := time.Unix(lo*60, 0).UTC().Year()
	y1 := time.Unix(hi*60, 0).UTC().Year()
	k := classKey{&states[0], len(states), y0, y1}
	classCache.Lock()
	defer classCache.Unlock()
	if z, ok := classCache.m[k]; ok {
		return z
	}
	from := unixMinute(time.Date(y0, 1, 1, 0, 0, 0, 0, time.UTC))
	to := unixMinute(time.Date(y1+1, 1, 1, 0, 0, 0, 0, time.UTC))
	z := newZoneClasses(states, from, to)
	if classCache.m == nil || len(classCache.m) >= maxCachedClasses {
		classCache.m = map[classKey]*zoneClasses{}
	}
	classCache.m[k] = z
	return z
}

// offsetAt is the zone's offset at Unix minute t.
func (tl timeline) offsetAt(t int64) int64 { return tl[tl.find(t, 0)].off }

// exposure adds to minutes[b] the minutes of band b that a meeting over
// Unix minutes [s, e) spends at a capital on this timeline, splitting the
// meeting where the capital changes its clocks. It returns the period
// index reached, the hint for the next, later meeting.
func (p *profile) exposure(tl timeline, hint int, s, e int64, minutes []int64) int {
	i := hint
	for s < e {
		i = tl.find(s, i)
		seg := min(e, tl[i].end)
		if tl[i].end <= s { // past the timeline's end: keep its last offset
			seg = e
		}
		a, b := s+tl[i].off, seg+tl[i].off
		for k := range p.bands {
			minutes[k] += p.upTo(k, b) - p.upTo(k, a)
		}
		s = seg
	}
	return i
}
