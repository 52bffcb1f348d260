// Package ics writes the meetings of one or more scenarios as an
// iCalendar file (RFC 5545) that Outlook, Google Calendar and Apple
// Calendar import: one VEVENT per meeting in its venue's time zone, with a
// VTIMEZONE for every zone used, stable UIDs, escaped text and folded lines.
package ics

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"mechplan/internal/export/labels"
	"mechplan/internal/model"
	"mechplan/internal/plan"
	"mechplan/internal/refdata"
	"mechplan/internal/schedule"
)

const (
	prodID     = "-//Mechplan//Intergovernmental meeting planner//EN"
	localStamp = "20060102T150405"
	utcStamp   = "20060102T150405Z"
	// maxOctets is the longest a content line may be before folding.
	maxOctets = 75
)

// Options choose what a calendar holds and its language.
type Options struct {
	// Labels gives the event text's words; nil is English.
	Labels labels.Labels
	// Past keeps the baseline's meetings before the comparison's date
	// (the OEWG's sessions already held); by default they are left out,
	// so an imported calendar holds only what is proposed.
	Past bool
}

// maxCalName is the longest calendar name, in characters: calendar
// lists show a short name.
const maxCalName = 40

// Encode returns one calendar of every meeting of the comparison's
// scenarios, in English, the baseline's past meetings included. DTSTAMP
// is the comparison's date, so the same input gives the same bytes.
func Encode(c *plan.Comparison) []byte {
	all := make([]int, len(c.Results))
	for i := range all {
		all[i] = i
	}
	return EncodeWith(c, all, Options{Past: true})
}

// Write writes the calendar of every scenario to out as it goes, so that
// the 200,000 meetings of the largest scenario (a 100 MB calendar) are
// never held in memory at once.
func Write(out io.Writer, c *plan.Comparison) error {
	all := make([]int, len(c.Results))
	for i := range all {
		all[i] = i
	}
	return WriteWith(out, c, all, Options{Past: true})
}

// EncodeScenario returns the calendar of one scenario of the comparison:
// the file to import, one per scenario, so that competing proposals do
// not land on the same days of one calendar.
func EncodeScenario(c *plan.Comparison, i int, o Options) []byte {
	return EncodeWith(c, []int{i}, o)
}

// EncodeWith returns one calendar of the scenarios at the given indexes.
func EncodeWith(c *plan.Comparison, which []int, o Options) []byte {
	var b bytes.Buffer
	_ = WriteWith(&b, c, which, o) // a bytes.Buffer does not fail
	return b.Bytes()
}

// WriteWith writes one calendar of the scenarios at the given indexes to
// out as it goes.
func WriteWith(out io.Writer, c *plan.Comparison, which []int, o Options) error {
	l := labels.Or(o.Labels)
	w := &writer{buf: bufio.NewWriterSize(out, 64<<10), l: l}
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:" + prodID)
	w.line("CALSCALE:GREGORIAN")
	w.line("METHOD:PUBLISH")
	ss := make([]*model.Scenario, len(c.Results))
	for i, r := range c.Results {
		ss[i] = r.Scenario
	}
	short := model.DistinctLabels(ss, maxCalName-len("Mechplan: "))
	name := "Mechplan"
	if len(which) == 1 {
		name += ": " + short[which[0]]
	} else {
		name += ": " + l.Text("export.ics.calname", "{{.Count}} scenarios", "Count", len(which))
	}
	w.line("X-WR-CALNAME:" + escape(name))
	meetings := func(i int) []schedule.Meeting {
		ms := c.Results[i].Schedule.Meetings
		if o.Past || i != c.Baseline {
			return ms
		}
		var out []schedule.Meeting
		for _, m := range ms {
			if !m.Start.Before(c.Date) {
				out = append(out, m)
			}
		}
		return out
	}
	var rs [][]schedule.Meeting
	for _, i := range which {
		rs = append(rs, meetings(i))
	}
	for _, z := range zonesUsed(rs) {
		w.timezone(z.loc, z.from, z.to)
	}
	stamp := c.Date.UTC().Format(utcStamp)
	for k, i := range which {
		for j := range rs[k] {
			w.event(c.Results[i], short[i], &rs[k][j], c.Ref, stamp)
		}
	}
	w.line("END:VCALENDAR")
	return w.buf.Flush()
}

// FileNames gives each scenario's calendar file a name: its id, made safe
// for a file system, unique.
func FileNames(c *plan.Comparison) []string {
	out := make([]string, len(c.Results))
	used := map[string]bool{}
	for i, r := range c.Results {
		base := strings.Map(func(r rune) rune {
			switch {
			case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
				return r
			}
			return '-'
		}, r.Scenario.ID)
		base = strings.Trim(base, ".-")
		if base == "" {
			base = "scenario"
		}
		out[i] = UniqueName(base, used)
	}
	return out
}

// UniqueName is base.ics, or base-2.ics, base-3.ics… when a name already
// in used (lower-cased: file systems that ignore case would merge them)
// has it; the name returned is added to used.
func UniqueName(base string, used map[string]bool) string {
	name := base + ".ics"
	for n := 2; used[strings.ToLower(name)]; n++ {
		name = fmt.Sprintf("%s-%d.ics", base, n)
	}
	used[strings.ToLower(name)] = true
	return name
}

// writer writes content lines; a write error is kept by the bufio.Writer
// and returned by Flush.
type writer struct {
	buf *bufio.Writer
	l   labels.Labels
}

// line writes one content line, folded at 75 octets without splitting a
// UTF-8 sequence: continuation lines start with a space (RFC 5545 §3.1).
func (w *writer) line(s string) {
	limit := maxOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.buf.WriteString(s[:cut])
		w.buf.WriteString("\r\n ")
		s = s[cut:]
		limit = maxOctets - 1 // the leading space counts
	}
	w.buf.WriteString(s)
	w.buf.WriteString("\r\n")
}

// escape makes text safe for a TEXT value (RFC 5545 §3.3.11).
func escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; ch {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteByte(ch)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteString(`\n`)
		default:
			if ch < 0x20 && ch != '\t' {
				continue // control characters are not allowed in TEXT
			}
			b.WriteByte(ch)
		}
	}
	return b.String()
}

var formatNames = map[model.Format]string{model.InPerson: "in person", model.Hybrid: "hybrid", model.Virtual: "virtual"}

func (w *writer) event(r *plan.Result, short string, m *schedule.Meeting, ref *refdata.Data, stamp string) {
	l := w.l
	tz := m.Start.Location().String()
	venue := m.Venue
	if ref != nil {
		if v, ok := ref.Venue(m.Venue); ok {
			venue = v.Name
		}
	}
	w.line("BEGIN:VEVENT")
	// The UID names what the meeting is, not where it sits in a list, so
	// re-importing an edited scenario updates the meetings that remain.
	w.line("UID:" + escape(fmt.Sprintf("%s/%s/%d/%s/%s@mechplan", r.Scenario.ID, m.Block, m.Occurrence, m.Body, m.Start.Format("20060102T1504"))))
	w.line("DTSTAMP:" + stamp)
	w.line("DTSTART;TZID=" + tz + ":" + m.Start.Format(localStamp))
	w.line("DTEND;TZID=" + tz + ":" + m.End.Format(localStamp))
	w.line("SUMMARY:" + escape(m.BodyName+" — "+short))
	w.line("LOCATION:" + escape(venue))
	format := l.Text("format."+labels.KeyOf(string(m.Format)), formatNames[m.Format])
	desc := []string{
		l.Text("export.ics.scenario", "Scenario: {{.Name}}", "Name", r.Scenario.Name),
		l.Text("export.ics.body", "Body: {{.Name}}", "Name", m.BodyName),
		l.Text("export.ics.format", "Format: {{.Format}}", "Format", format),
		l.Text("export.ics.times", "Venue time {{.Start}}–{{.End}} ({{.Zone}}); UTC {{.UTCStart}}–{{.UTCEnd}}",
			"Start", m.Start.Format("15:04"), "End", m.End.Format("15:04"), "Zone", tz,
			"UTCStart", m.Start.UTC().Format("15:04"), "UTCEnd", m.End.UTC().Format("15:04")),
	}
	if m.Interpreted {
		desc = append(desc, l.Text("export.ics.interpreted", "Interpretation into the six official languages"))
	}
	if m.Informal {
		desc = append(desc, l.Text("export.ics.informal", "Informal meeting"))
	}
	w.line("DESCRIPTION:" + escape(strings.Join(desc, "\n")))
	kind := l.Text("kind."+labels.KeyOf(string(m.Kind)), string(m.Kind))
	w.line("CATEGORIES:" + escape(short) + "," + escape(kind))
	w.line("TRANSP:OPAQUE")
	w.line("END:VEVENT")
}

type zoneUse struct {
	loc      *time.Location
	from, to time.Time
}

// zonesUsed lists each venue zone with the span of its meetings, by name.
func zonesUsed(rs [][]schedule.Meeting) []zoneUse {
	byName := map[string]*zoneUse{}
	for _, ms := range rs {
		for i := range ms {
			m := &ms[i]
			loc := m.Start.Location()
			z, ok := byName[loc.String()]
			if !ok {
				z = &zoneUse{loc: loc, from: m.Start, to: m.End}
				byName[loc.String()] = z
			}
			if m.Start.Before(z.from) {
				z.from = m.Start
			}
			if m.End.After(z.to) {
				z.to = m.End
			}
		}
	}
	out := make([]zoneUse, 0, len(byName))
	for _, z := range byName {
		out = append(out, *z)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].loc.String() < out[j].loc.String() })
	return out
}

// transition is a change of a zone's UTC offset.
type transition struct {
	at             time.Time // the first instant of the new offset
	fromOff, toOff int
	name           string
	daylight       bool
}

// transitions finds every change of offset between from and to, to the
// second: a daily scan, then bisection inside the day that changed.
func transitions(loc *time.Location, from, to time.Time) []transition {
	var out []transition
	prev := from.In(loc)
	_, prevOff := prev.Zone()
	for t := prev.Add(24 * time.Hour); !t.After(to.Add(24 * time.Hour)); t = t.Add(24 * time.Hour) {
		_, off := t.In(loc).Zone()
		if off == prevOff {
			prev = t
			continue
		}
		lo, hi := prev, t
		for hi.Sub(lo) > time.Second {
			mid := lo.Add(hi.Sub(lo) / 2)
			if _, o := mid.In(loc).Zone(); o == prevOff {
				lo = mid
			} else {
				hi = mid
			}
		}
		at := hi.In(loc)
		name, _ := at.Zone()
		out = append(out, transition{at: at, fromOff: prevOff, toOff: off, name: name, daylight: at.IsDST()})
		prev, prevOff = t, off
	}
	return out
}

// timezone writes a VTIMEZONE with one observance per transition in the
// years the meetings span (and one before, for the first meeting).
func (w *writer) timezone(loc *time.Location, from, to time.Time) {
	start := time.Date(from.Year()-1, time.January, 1, 0, 0, 0, 0, loc)
	end := time.Date(to.Year()+1, time.December, 31, 0, 0, 0, 0, loc)
	w.line("BEGIN:VTIMEZONE")
	w.line("TZID:" + loc.String())
	name, off := start.Zone()
	kind := "STANDARD"
	if start.IsDST() {
		kind = "DAYLIGHT"
	}
	w.observance(kind, start, off, off, name)
	for _, tr := range transitions(loc, start, end) {
		kind := "STANDARD"
		if tr.daylight {
			kind = "DAYLIGHT"
		}
		// DTSTART is the wall-clock time of the change on the old offset.
		local := tr.at.UTC().Add(time.Duration(tr.fromOff) * time.Second)
		w.observance(kind, local, tr.fromOff, tr.toOff, tr.name)
	}
	w.line("END:VTIMEZONE")
}

func (w *writer) observance(kind string, wall time.Time, from, to int, name string) {
	w.line("BEGIN:" + kind)
	w.line("DTSTART:" + wall.Format(localStamp))
	w.line("TZOFFSETFROM:" + offset(from))
	w.line("TZOFFSETTO:" + offset(to))
	w.line("TZNAME:" + escape(name))
	w.line("END:" + kind)
}

// offset formats seconds east of UTC as ±hhmm (or ±hhmmss).
func offset(sec int) string {
	sign := "+"
	if sec < 0 {
		sign, sec = "-", -sec
	}
	s := fmt.Sprintf("%s%02d%02d", sign, sec/3600, sec/60%60)
	if sec%60 != 0 {
		s += fmt.Sprintf("%02d", sec%60)
	}
	return s
}
