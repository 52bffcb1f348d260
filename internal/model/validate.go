package model

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"mechplan/internal/msg"
)

// Limits bound what a scenario may ask for, so that any file that validates
// evaluates in bounded time and memory.
const (
	MaxHorizonYears    = 50
	MaxCycleYears      = 10
	MaxBodies          = 100
	MaxBlocks          = 200
	MaxSessionsInBlock = 50
	MaxMeetings        = 60 // per session: 30 days of two meetings
	MaxStartTimes      = 96
	MaxDates           = 500
	MaxTextLen         = 10000
	MaxBands           = 24
	MaxBandWeight      = 100
	MaxIDLen           = 64
	MaxShortNameLen    = 32 // characters
	MaxRotations       = 100
	MaxSources         = 100
	MaxAssumed         = 100
	MaxAssumptions     = 200
	// MaxTotalMeetings bounds the meetings a scenario implies over its
	// horizon: the most expensive files it lets through (plan.WorstCase)
	// evaluate, export and draw in under 2 s on two shared cores
	// (docs/security.md). At 50,000 the costs' sensitivity and the
	// workbook took 2.1–2.2 s of processor time, at 40,000 the workbook
	// 2.3 s once it carried the hybrid trade-off and thin-route fares.
	MaxTotalMeetings = 30000
	MinYear          = 1990
	MaxYear          = 2200
	// MaxOverrideValue bounds any rate override the file reader takes;
	// the cost model narrows each rate's own range (cost.BoundsOf).
	MaxOverrideValue = 1e12
)

// Problem is one thing wrong with a scenario, at a field path such as
// "bodies[2].meetings".
type Problem struct {
	Path string
	// Message is the English, as the command line and logs write it.
	Message string
	// Msg is the message by code, for a face to write in its language;
	// its English is Message.
	Msg msg.Message
	// Where is Path by code when it is not a field path but a place in
	// the file ("line 3, column 5"), for a face to write in its language.
	Where msg.Message
}

func (p Problem) String() string { return p.Path + ": " + p.Message }

// FilePath is the path of a problem of the whole file rather than of a field.
const FilePath = "(file)"

// Place is where the problem is, by code: a place in the file (Where),
// the whole file, or a field path, which is written as it is in every
// language.
func (p Problem) Place() msg.Message {
	switch {
	case p.Where.Code != "":
		return p.Where
	case p.Path == FilePath:
		return msg.New("problem.place.file", FilePath)
	}
	return msg.Message{English: p.Path}
}

// Problems is every problem found; it is an error when not empty.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Err returns nil when there are no problems.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]*$`)

type checker struct {
	Report
	// bodyList is the known bodies for messages, listed once.
	bodyList msg.Message
}

// add records a problem by its code; english is the code's English as
// en.json writes it, pairs its values (msg.New).
func (c *checker) add(path, code, english string, pairs ...any) {
	c.Say(path, msg.New(code, english, pairs...))
}

// addErr records a problem an error gives, by its code when it has one.
func (c *checker) addErr(path string, err error) {
	if m, ok := msg.Of(err); ok {
		c.Say(path, m)
		return
	}
	c.Add(path, "%v", err)
}

// count checks a list's length against its limit (model.CountProblem);
// when the list is too long its elements are not checked one by one
// (fail fast: a file of 200,000 bodies gets one message, not 200,000).
func (c *checker) count(path string, n int) bool {
	p, ok, tooLong := CountProblem(path, n)
	if !ok {
		c.AddProblem(p)
	}
	return !tooLong
}

func (c *checker) intRange(path string, v, lo, hi int, what string) bool {
	if v < lo || v > hi {
		c.add(path, "problem.between", "must be between {{.Lo}} and {{.Hi}}{{.What}}, got {{.Got}}", "Lo", lo, "Hi", hi, "What", What(what), "Got", v)
		return false
	}
	return true
}

// text checks a free-text field: its length, and that it holds no
// control character (a line break only in the fields that are
// paragraphs: description, notes, why), so that a name cannot forge lines
// or move the cursor when it is printed.
func (c *checker) text(path, v string, required bool) {
	c.textIn(path, v, required, false)
}

// paragraph checks a free-text field that may span lines.
func (c *checker) paragraph(path, v string) { c.textIn(path, v, false, true) }

func (c *checker) textIn(path, v string, required, lines bool) {
	if required && strings.TrimSpace(v) == "" {
		c.add(path, "problem.required", "is required")
	}
	if len(v) > MaxTextLen {
		c.add(path, "problem.too_long", "must be at most {{.Max}} bytes long, got {{.Got}}", "Max", MaxTextLen, "Got", len(v))
	}
	for i, r := range v {
		if !unicode.IsControl(r) || lines && (r == '\n' || r == '\t') {
			continue
		}
		if lines {
			c.add(path, "problem.control_text", "must not contain control characters other than line breaks and tabs; found {{.C}} at byte {{.At}}", "C", strconv.QuoteRune(r), "At", i)
		} else {
			c.add(path, "problem.control_line", "must be one line without control characters; found {{.C}} at byte {{.At}}", "C", strconv.QuoteRune(r), "At", i)
		}
		return
	}
}

// shortName checks a label meant for narrow places: one line of at most
// MaxShortNameLen characters.
func (c *checker) shortName(path, v string) {
	if n := utf8.RuneCountInString(v); n > MaxShortNameLen {
		c.add(path, "problem.id_too_long", "must be at most {{.Max}} characters, got {{.Got}}", "Max", MaxShortNameLen, "Got", n)
	}
	if strings.IndexFunc(v, unicode.IsControl) >= 0 {
		c.add(path, "problem.one_line", "must be one line of text, without control characters")
	}
}

func (c *checker) id(path, v string) {
	switch {
	case v == "":
		c.add(path, "problem.required_id", "is required (lower-case letters, digits, '-', '_' or '.')")
	case len(v) > MaxIDLen:
		c.add(path, "problem.id_too_long", "must be at most {{.Max}} characters, got {{.Got}}", "Max", MaxIDLen, "Got", len(v))
	case !idPattern.MatchString(v):
		c.add(path, "problem.id_chars", "{{.V}}: use lower-case letters, digits, '-', '_' or '.', starting with a letter or digit", "V", QuotedMsg(v))
	}
}

// ParseDate parses a YYYY-MM-DD date in the scenario's sense (a calendar
// day, no zone).
func ParseDate(s string) (time.Time, error) {
	return time.Parse(time.DateOnly, s)
}

// ParseClock parses an HH:MM time of day into minutes after midnight.
func ParseClock(s string) (int, error) {
	t, err := time.Parse("15:04", s)
	if err != nil || len(s) != 5 {
		return 0, msg.New("problem.clock", "{{.V}} is not a time of day HH:MM (00:00 to 23:59)", "V", QuotedMsg(s)).Err()
	}
	return t.Hour()*60 + t.Minute(), nil
}

func (c *checker) date(path, v string) (time.Time, bool) {
	t, err := ParseDate(v)
	if err != nil {
		c.add(path, "problem.date", "{{.V}} is not a date YYYY-MM-DD", "V", QuotedMsg(v))
		return t, false
	}
	if t.Year() < MinYear || t.Year() > MaxYear {
		c.add(path, "problem.year", "year must be between {{.Lo}} and {{.Hi}}, got {{.Got}}", "Lo", MinYear, "Hi", MaxYear, "Got", t.Year())
		return t, false
	}
	return t, true
}

func oneOf[T ~string](v T, all []T) bool {
	for _, a := range all {
		if v == a {
			return true
		}
	}
	return false
}

func list[T ~string](all []T) string {
	s := make([]string, len(all))
	for i, a := range all {
		s[i] = string(a)
	}
	return strings.Join(s, ", ")
}

// Validate checks the scenario against the model's rules and limits and
// returns every problem at once. venues lists the known duty-station codes.
func (s *Scenario) Validate(venues []string) Problems {
	c := &checker{}
	if s.Version != FormatVersion {
		c.add("mechplan_scenario", "problem.version", "format version must be {{.Want}}, got {{.Got}}", "Want", FormatVersion, "Got", s.Version)
	}
	c.id("id", s.ID)
	c.text("name", s.Name, true)
	c.shortName("short_name", s.ShortName)
	c.text("proponent", s.Proponent, false)
	c.paragraph("description", s.Description)
	if c.count("sources", len(s.Sources)) {
		for i, src := range s.Sources {
			p := fmt.Sprintf("sources[%d]", i)
			c.text(p+".document", src.Document, true)
			c.text(p+".lines", src.Lines, false)
			c.paragraph(p+".note", src.Note)
		}
	}
	if c.count("assumed", len(s.Assumed)) {
		for i, a := range s.Assumed {
			p := fmt.Sprintf("assumed[%d]", i)
			c.text(p+".field", a.Field, true)
			c.text(p+".value", a.Value, true)
			c.paragraph(p+".why", a.Why)
		}
	}
	start, horizonOK := c.date("horizon.start", s.Horizon.Start)
	if !c.intRange("horizon.years", s.Horizon.Years, 1, MaxHorizonYears, " years") {
		horizonOK = false
	}
	c.intRange("cycle_years", s.CycleYears, 1, MaxCycleYears, " years")
	if s.CycleYears > 0 && s.Horizon.Years > 0 && s.CycleYears > s.Horizon.Years {
		c.add("cycle_years", "problem.cycle", "must not exceed horizon.years ({{.Max}}), got {{.Got}}", "Max", s.Horizon.Years, "Got", s.CycleYears)
	}
	end := start.AddDate(s.Horizon.Years, 0, 0)

	bodies := s.validateBodies(c)
	rotations := s.validateRotations(c, bodies)
	total, counted := s.validateBlocks(c, venues, bodies, rotations, horizonOK, start, end)
	if counted && total > MaxTotalMeetings {
		c.add("blocks", "problem.too_many_meetings", "the scenario implies {{.N}} meetings over its horizon; the limit is {{.Max}}", "N", total, "Max", MaxTotalMeetings)
	}
	if c.count("assumptions", len(s.Assumptions)) {
		for i, o := range s.Assumptions {
			p := fmt.Sprintf("assumptions[%d]", i)
			if o.Key == "" {
				c.add(p+".key", "problem.required_rate", "is required (the key of a default rate)")
			}
			if o.Value < 0 || o.Value > MaxOverrideValue || o.Value != o.Value {
				c.add(p+".value", "problem.value", "must be between 0 and 1e12, got {{.Got}}", "Got", o.Value)
			}
			c.text(p+".source", o.Source, false)
			c.text(p+".as_of", o.AsOf, false)
			c.paragraph(p+".note", o.Note)
		}
	}
	s.validateBands(c)
	return c.Problems()
}

// knownBodies is the bodies a reference may name; nil when the list of
// bodies broke its limit and was not read, so that references to it are
// not checked either.
type knownBodies map[string]bool

// unknownBody reports a reference to a body that is not there.
func (c *checker) unknownBody(path, id string, bodies knownBodies) {
	if bodies == nil || bodies[id] {
		return
	}
	c.add(path, "problem.unknown_body", "unknown body {{.V}}; bodies are: {{.List}}", "V", QuotedMsg(id), "List", c.bodyList)
}

func (s *Scenario) validateRotations(c *checker, bodies knownBodies) map[string]int {
	if !c.count("rotations", len(s.Rotations)) {
		return nil
	}
	rotations := map[string]int{}
	for i, r := range s.Rotations {
		p := fmt.Sprintf("rotations[%d]", i)
		c.id(p+".id", r.ID)
		if _, dup := rotations[r.ID]; dup && r.ID != "" {
			c.add(p+".id", "problem.duplicate_rotation", "{{.V}} is used by another rotation", "V", QuotedMsg(r.ID))
		}
		rotations[r.ID] = len(r.Bodies)
		if ok := c.count(p+".bodies", len(r.Bodies)); !ok || len(r.Bodies) == 0 {
			continue
		}
		for j, b := range r.Bodies {
			c.unknownBody(fmt.Sprintf("%s.bodies[%d]", p, j), b, bodies)
		}
	}
	return rotations
}

// validateBands checks the scenario's own burden bands. Bands may overlap:
// a minute in a night band and an unsociable one counts as night.
func (s *Scenario) validateBands(c *checker) {
	if !s.MeetingWindow.IsZero() {
		if _, _, err := s.MeetingWindow.Minutes(); err != nil {
			c.addErr("meeting_window", err)
		}
	}
	if !c.count("burden_bands", len(s.BurdenBands)) {
		return
	}
	for i, b := range s.BurdenBands {
		p := fmt.Sprintf("burden_bands[%d]", i)
		if b.Name != BandNight && b.Name != BandUnsociable {
			c.add(p+".name", "problem.band", "{{.V}} is not a band; use {{.A}} or {{.B}}", "V", QuotedMsg(string(b.Name)), "A", BandNight, "B", BandUnsociable)
		}
		from, errFrom := ParseClock(b.From)
		if errFrom != nil {
			c.addErr(p+".from", errFrom)
		}
		to, errTo := ParseClock(b.To)
		if errTo != nil {
			c.addErr(p+".to", errTo)
		}
		if errFrom == nil && errTo == nil && from == to {
			c.add(p+".to", "problem.band_empty", "must differ from from ({{.From}}): a band covers part of the day, not none or all of it", "From", b.From)
		}
		if b.Weight < 0 || b.Weight > MaxBandWeight || b.Weight != b.Weight {
			c.add(p+".weight", "problem.between", "must be between {{.Lo}} and {{.Hi}}{{.What}}, got {{.Got}}", "Lo", 0, "Hi", MaxBandWeight, "What", What(" (burden of one hour in the band)"), "Got", b.Weight)
		}
	}
}

func (s *Scenario) bodyIDs() []string {
	ids := make([]string, len(s.Bodies))
	for i := range s.Bodies {
		ids[i] = s.Bodies[i].ID
	}
	return ids
}

func (s *Scenario) validateBodies(c *checker) knownBodies {
	if !c.count("bodies", len(s.Bodies)) {
		return nil
	}
	c.bodyList = ListedMsg(s.bodyIDs())
	seen := knownBodies{}
	for i, b := range s.Bodies {
		p := fmt.Sprintf("bodies[%d]", i)
		c.id(p+".id", b.ID)
		if seen[b.ID] && b.ID != "" {
			c.add(p+".id", "problem.duplicate_body", "{{.V}} is used by another body", "V", QuotedMsg(b.ID))
		}
		seen[b.ID] = true
		c.text(p+".name", b.Name, true)
		c.text(p+".topic", b.Topic, false)
		if !oneOf(b.Kind, BodyKinds) {
			c.add(p+".kind", "problem.kind", "{{.V}} is not a kind of body; use one of: {{.List}}", "V", QuotedMsg(string(b.Kind)), "List", list(BodyKinds))
		}
		c.intRange(p+".meetings", b.Meetings, 1, MaxMeetings, " meetings of 3 hours (two a day)")
		if b.MeetingsPerDay != 0 {
			c.intRange(p+".meetings_per_day", b.MeetingsPerDay, 1, 2, "")
		}
		if !oneOf(b.Format, Formats) {
			c.add(p+".format", "problem.format", "{{.V}} is not a format; use one of: {{.List}}", "V", QuotedMsg(string(b.Format)), "List", list(Formats))
		}
		if !c.count(p+".start_times", len(b.StartTimes)) {
			continue
		}
		for j, t := range b.StartTimes {
			m, err := ParseClock(t)
			q := fmt.Sprintf("%s.start_times[%d]", p, j)
			if err != nil {
				c.addErr(q, err)
				continue
			}
			// The last meeting of a day must end by midnight, venue time,
			// so that a meeting day is one calendar day at the venue.
			last := m + 180
			if b.PerDay() == 2 {
				last = m + 300 + 180
			}
			if last > 24*60 {
				c.add(q, "problem.midnight", "{{.Time}}: the day's meetings would end after midnight at the venue; with {{.N}} meetings a day, start by {{.By}}", "Time", t, "N", b.PerDay(), "By", clock(24*60-(last-m)))
			}
		}
	}
	return seen
}

func clock(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

// validateBlocks checks the blocks and returns how many meetings they
// imply at most; counted is false when the blocks were too many to count.
func (s *Scenario) validateBlocks(c *checker, venues []string, bodies knownBodies, rotations map[string]int, horizonOK bool, start, end time.Time) (total int, counted bool) {
	if !c.count("blocks", len(s.Blocks)) {
		return 0, false
	}
	counted = true
	known := map[string]bool{}
	for _, v := range venues {
		known[v] = true
	}
	venueList := ListedMsg(venues)
	venueMsg := func(path, v string) {
		if !known[v] {
			c.add(path, "problem.unknown_venue", "unknown venue {{.V}}; use one of: {{.List}}", "V", QuotedMsg(v), "List", venueList)
		}
	}
	seen := map[string]bool{}
	for i, b := range s.Blocks {
		p := fmt.Sprintf("blocks[%d]", i)
		c.id(p+".id", b.ID)
		if seen[b.ID] && b.ID != "" {
			c.add(p+".id", "problem.duplicate_block", "{{.V}} is used by another block", "V", QuotedMsg(b.ID))
		}
		seen[b.ID] = true
		c.text(p+".name", b.Name, false)
		switch {
		case b.Venue != "" && len(b.Venues) > 0:
			c.add(p+".venues", "problem.venue_or_venues", "give either venue or venues (a rotation), not both")
		case b.Venue == "" && len(b.Venues) == 0:
			c.add(p+".venue", "problem.required_venue", "is required: a duty station, one of {{.List}}", "List", venueList)
		case b.Venue != "":
			venueMsg(p+".venue", b.Venue)
		}
		if c.count(p+".venues", len(b.Venues)) {
			for j, v := range b.Venues {
				venueMsg(fmt.Sprintf("%s.venues[%d]", p, j), v)
			}
		}
		if c.count(p+".years", len(b.Years)) {
			for j, y := range b.Years {
				if s.CycleYears >= 1 && s.CycleYears <= MaxCycleYears {
					c.intRange(fmt.Sprintf("%s.years[%d]", p, j), y, 1, s.CycleYears, " (a year of the cycle)")
				}
			}
		}
		if b.EveryYears != 0 {
			c.intRange(p+".every_years", b.EveryYears, 1, MaxHorizonYears, " years")
		}
		if b.FromYear != 0 {
			c.intRange(p+".from_year", b.FromYear, MinYear, MaxYear, "")
		}
		if b.Month != 0 || b.Week != 0 || len(b.Dates) == 0 {
			c.intRange(p+".month", b.Month, 1, 12, " (or give dates)")
			c.intRange(p+".week", b.Week, 1, 5, " (5 = the last week of the month)")
		}
		datesOK := c.count(p+".dates", len(b.Dates))
		firstAt := map[string]int{}
		for j, d := range b.Dates {
			if !datesOK {
				break
			}
			q := fmt.Sprintf("%s.dates[%d]", p, j)
			if k, twice := firstAt[d]; twice {
				// The same start twice would lay the block out twice on
				// one day, in parallel with itself.
				c.add(q, "problem.duplicate_date", "{{.D}} is given twice in this block's dates (also dates[{{.First}}])", "D", d, "First", k)
				continue
			}
			firstAt[d] = j
			t, ok := c.date(q, d)
			if ok && horizonOK && (t.Before(start) || !t.Before(end)) {
				c.add(q, "problem.outside_horizon", "{{.D}} lies outside the horizon {{.From}} to {{.To}}", "D", d, "From", start.Format(time.DateOnly), "To", end.AddDate(0, 0, -1).Format(time.DateOnly))
			}
		}
		if !oneOf(b.Arrangement, []Arrangement{Consecutive, Parallel}) {
			c.add(p+".arrangement", "problem.arrangement", "{{.V}} is not an arrangement; use consecutive or parallel", "V", QuotedMsg(string(b.Arrangement)))
		}
		if !c.count(p+".sessions", len(b.Sessions)) {
			counted = false
			continue
		}
		perOccurrence := 0
		for j, ss := range b.Sessions {
			q := fmt.Sprintf("%s.sessions[%d]", p, j)
			perOccurrence += s.validateSession(c, q, ss, bodies, rotations)
		}
		total += perOccurrence * s.occurrenceBound(&b)
	}
	return total, counted
}

// occurrenceBound is an upper bound on how often a block meets over the
// horizon, used to refuse scenarios that imply too many meetings before any
// is laid out.
func (s *Scenario) occurrenceBound(b *Block) int {
	years := s.Horizon.Years
	if years < 0 || years > MaxHorizonYears {
		years = MaxHorizonYears
	}
	n := len(b.Dates)
	if b.Month != 0 {
		n += years
	}
	return n
}

func (s *Scenario) validateSession(c *checker, q string, ss Session, bodies map[string]bool, rotations map[string]int) int {
	meetings := 0
	switch {
	case ss.Body != "" && ss.Rotation != "":
		c.add(q, "problem.body_or_rotation", "give either body or rotation, not both")
	case ss.Body != "":
		c.unknownBody(q+".body", ss.Body, bodies)
		if b, ok := s.Body(ss.Body); ok {
			meetings = b.Meetings
		}
	case ss.Rotation != "":
		n, ok := rotations[ss.Rotation]
		if !ok && rotations != nil {
			c.add(q+".rotation", "problem.unknown_rotation", "unknown rotation {{.V}}", "V", QuotedMsg(ss.Rotation))
		}
		take := ss.Take
		if take == 0 {
			take = 1
		}
		if ok && n > 0 {
			c.intRange(q+".take", take, 1, n, " (bodies in the rotation)")
		}
		meetings = take * MaxMeetings
	default:
		c.add(q+".body", "problem.required_body", "is required: the id of a body, or give a rotation")
	}
	if ss.Take != 0 && ss.Rotation == "" {
		c.add(q+".take", "problem.take", "applies only to a rotation entry")
	}
	if ss.Meetings != 0 {
		if c.intRange(q+".meetings", ss.Meetings, 1, MaxMeetings, " meetings of 3 hours (two a day)") {
			meetings = ss.Meetings
			if ss.Rotation != "" {
				meetings *= max(ss.Take, 1)
			}
		}
	}
	if ss.Format != "" && !oneOf(ss.Format, Formats) {
		c.add(q+".format", "problem.format", "{{.V}} is not a format; use one of: {{.List}}", "V", QuotedMsg(string(ss.Format)), "List", list(Formats))
	}
	return meetings
}
