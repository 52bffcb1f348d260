// Package model defines a structure proposal (a Scenario) in the users'
// words: bodies that meet, blocks that say where and when they meet,
// rotations, and the assumptions a scenario overrides. It has no I/O and no
// UI; Validate reports every problem at once with its field path.
package model

import "mechplan/internal/msg"

// FormatVersion is the scenario file format this program writes.
const FormatVersion = 2

// BodyKind is what a body is in the mechanism.
type BodyKind string

// The kinds of body a mechanism has.
const (
	Plenary          BodyKind = "plenary"
	ThematicGroup    BodyKind = "thematic_group"
	Intersessional   BodyKind = "intersessional"
	Organizational   BodyKind = "organizational"
	ReviewConference BodyKind = "review_conference"
	Informal         BodyKind = "informal" // town hall or stakeholder session
)

// BodyKinds lists every kind, in the order the UI offers them.
var BodyKinds = []BodyKind{Plenary, ThematicGroup, Intersessional, Organizational, ReviewConference, Informal}

// Format is how delegations take part in a meeting.
type Format string

// Meeting formats.
const (
	InPerson Format = "in_person"
	Hybrid   Format = "hybrid"
	Virtual  Format = "virtual"
)

// Formats lists every format.
var Formats = []Format{InPerson, Hybrid, Virtual}

// Remote reports whether delegations can follow the meeting from their capital.
func (f Format) Remote() bool { return f == Hybrid || f == Virtual }

// Arrangement is the order of sessions inside a block.
type Arrangement string

// Block arrangements.
const (
	Consecutive Arrangement = "consecutive" // back to back, one room
	Parallel    Arrangement = "parallel"    // same days, one room each
)

// Scenario is one structure proposal: a document the user saves, shares and
// compares.
type Scenario struct {
	// Version is the file format version (FormatVersion when written).
	Version int    `json:"mechplan_scenario"`
	ID      string `json:"id"`
	Name    string `json:"name"`
	// ShortName is the label shown where space is short (the library,
	// charts, table headings, sheet names): "S9 hybrid groups". Optional;
	// Label falls back to Name. Added in format version 2.
	ShortName   string     `json:"short_name,omitempty"`
	Proponent   string     `json:"proponent,omitempty"`
	Description string     `json:"description,omitempty"`
	Sources     []Source   `json:"sources,omitempty"`
	Horizon     Horizon    `json:"horizon"`
	CycleYears  int        `json:"cycle_years"`
	Bodies      []Body     `json:"bodies"`
	Blocks      []Block    `json:"blocks"`
	Rotations   []Rotation `json:"rotations,omitempty"`
	// Assumed lists the parameters the proponent left open, with the value
	// this scenario chose for them.
	Assumed []Assumed `json:"assumed,omitempty"`
	// Assumptions overrides default rates (see refdata) for this scenario.
	Assumptions []Override `json:"assumptions,omitempty"`
	// BurdenBands, when given, replaces the time-zone burden's default
	// bands of the local clock (night 00:00–06:00, unsociable 06:00–08:00
	// and 20:00–00:00) for this scenario.
	BurdenBands []Band `json:"burden_bands,omitempty"`
	// MeetingWindow, when given, replaces every venue's service window:
	// the stretch of the venue's day the optimiser may propose meetings
	// in (the venues' own, 08:00–20:00 by default, otherwise).
	MeetingWindow Window `json:"meeting_window,omitzero"`
}

// Window is a stretch of the venue's day, "08:00" to "20:00"; To may be
// "24:00".
type Window struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// IsZero reports whether the window is unset.
func (w Window) IsZero() bool { return w.From == "" && w.To == "" }

// Minutes returns the window in minutes after midnight.
func (w Window) Minutes() (from, to int, err error) {
	if from, err = ParseClock(w.From); err != nil {
		return 0, 0, err
	}
	if w.To == "24:00" {
		to = 24 * 60
	} else if to, err = ParseClock(w.To); err != nil {
		return 0, 0, err
	}
	if to <= from {
		return 0, 0, msg.New("problem.window_order", "{{.From}}-{{.To}}: the window must end after it starts (to may be 24:00)", "From", w.From, "To", w.To).Err()
	}
	return from, to, nil
}

// Band names of the local clock used by the time-zone burden.
const (
	BandNight      = "night"
	BandUnsociable = "unsociable"
)

// Band is a stretch of the local clock at a delegation's capital that
// weighs on its experts: From to To (HH:MM), wrapping midnight when To is
// not after From ("22:00"–"06:00"; "20:00"–"00:00" ends at midnight).
type Band struct {
	Name string `json:"name"` // night or unsociable
	From string `json:"from"`
	To   string `json:"to"`
	// Weight is the burden of one hour in the band; the score of a
	// delegation is its weighted hours.
	Weight float64 `json:"weight"`
}

// Source is where a scenario comes from: a document and its lines.
type Source struct {
	Document string `json:"document"`
	Lines    string `json:"lines,omitempty"`
	Note     string `json:"note,omitempty"`
}

// Horizon is the planning period: Years calendar years from Start.
type Horizon struct {
	Start string `json:"start"` // YYYY-MM-DD
	Years int    `json:"years"`
}

// Assumed records a parameter the source left open and the value chosen.
type Assumed struct {
	Field string `json:"field"` // what was assumed, e.g. "plenary length"
	Value string `json:"value"` // e.g. "5 days"
	Why   string `json:"why,omitempty"`
}

// Override replaces a default rate for one scenario.
type Override struct {
	Key    string  `json:"key"`
	Value  float64 `json:"value"`
	Source string  `json:"source,omitempty"`
	AsOf   string  `json:"as_of,omitempty"`
	Note   string  `json:"note,omitempty"`
}

// Body is a plenary, a thematic group, an intersessional meeting, an
// organizational session, a review conference or an informal session.
type Body struct {
	ID    string   `json:"id"`
	Name  string   `json:"name"`
	Kind  BodyKind `json:"kind"`
	AdHoc bool     `json:"ad_hoc,omitempty"` // a time-bound thematic group
	Topic string   `json:"topic,omitempty"`
	// Meetings is the length of one session in meetings (3-hour slots);
	// with two a day, 10 meetings are 5 days and 3 are a day and a half.
	Meetings int `json:"meetings"`
	// MeetingsPerDay is 1 or 2; 0 means 2.
	MeetingsPerDay int    `json:"meetings_per_day,omitempty"`
	Format         Format `json:"format"`
	Informal       bool   `json:"informal,omitempty"`
	// Interpretation into the six official languages.
	Interpretation bool `json:"interpretation"`
	Webcast        bool `json:"webcast"`
	// StartTimes, in venue time (HH:MM), replaces the venue's standard
	// meeting hours; with several, successive sessions of the body rotate
	// through them, so that the same regions do not always take the night.
	StartTimes []string `json:"start_times,omitempty"`
}

// PerDay returns the number of meetings the body holds on one day.
func (b *Body) PerDay() int {
	if b.MeetingsPerDay == 1 {
		return 1
	}
	return 2
}

// Block is a meeting period: where and when a group of sessions happens.
type Block struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	// Venue is a duty-station code (NYC, GVA, VIE, NBO, BKK, ADD, SCL, BEY).
	Venue string `json:"venue,omitempty"`
	// Venues rotates the venue: the n-th occurrence of the block meets at
	// Venues[n mod len(Venues)]. Use either Venue or Venues.
	Venues []string `json:"venues,omitempty"`
	// Years are the years of the cycle (1-based) in which the block meets;
	// empty means every year.
	Years []int `json:"years,omitempty"`
	// EveryYears makes the block meet only every N calendar years, counting
	// from FromYear (default: the horizon's first year), e.g. a review
	// conference every 5 years whatever the cycle.
	EveryYears int `json:"every_years,omitempty"`
	FromYear   int `json:"from_year,omitempty"`
	// Month and Week place the block in each year it meets: it starts on
	// the Monday of the Week-th week of Month (week 5: the last Monday).
	Month int `json:"month,omitempty"`
	Week  int `json:"week,omitempty"`
	// Dates are explicit start dates (YYYY-MM-DD); a date replaces the
	// placement for its year. A block with dates and no month meets only on
	// its dates.
	Dates       []string    `json:"dates,omitempty"`
	Arrangement Arrangement `json:"arrangement"`
	Sessions    []Session   `json:"sessions"`
}

// Session is one entry of a block: a body, or the next bodies of an agenda
// rotation.
type Session struct {
	Body     string `json:"body,omitempty"`
	Rotation string `json:"rotation,omitempty"`
	// Take is how many bodies a rotation entry takes (default 1).
	Take int `json:"take,omitempty"`
	// Meetings and Format override the body's for this entry.
	Meetings int    `json:"meetings,omitempty"`
	Format   Format `json:"format,omitempty"`
}

// Rotation is an agenda rotation: blocks that name it take the next bodies
// of its list, in calendar order, so that not every group meets every time.
type Rotation struct {
	ID     string   `json:"id"`
	Bodies []string `json:"bodies"`
}

// Body returns the body with the id.
func (s *Scenario) Body(id string) (*Body, bool) {
	for i := range s.Bodies {
		if s.Bodies[i].ID == id {
			return &s.Bodies[i], true
		}
	}
	return nil, false
}

// Rotation returns the rotation with the id.
func (s *Scenario) Rotation(id string) (*Rotation, bool) {
	for i := range s.Rotations {
		if s.Rotations[i].ID == id {
			return &s.Rotations[i], true
		}
	}
	return nil, false
}

// VenueFor returns the venue of the n-th occurrence of the block.
func (b *Block) VenueFor(n int) string {
	if len(b.Venues) > 0 {
		return b.Venues[n%len(b.Venues)]
	}
	return b.Venue
}

// Clone returns a deep copy, so an editor can change it without touching
// the original.
func (s *Scenario) Clone() *Scenario {
	c := *s
	c.Sources = append([]Source(nil), s.Sources...)
	c.Assumed = append([]Assumed(nil), s.Assumed...)
	c.Assumptions = append([]Override(nil), s.Assumptions...)
	c.BurdenBands = append([]Band(nil), s.BurdenBands...)
	c.Bodies = make([]Body, len(s.Bodies))
	for i, b := range s.Bodies {
		b.StartTimes = append([]string(nil), b.StartTimes...)
		c.Bodies[i] = b
	}
	c.Blocks = make([]Block, len(s.Blocks))
	for i, b := range s.Blocks {
		b.Venues = append([]string(nil), b.Venues...)
		b.Years = append([]int(nil), b.Years...)
		b.Dates = append([]string(nil), b.Dates...)
		b.Sessions = append([]Session(nil), b.Sessions...)
		c.Blocks[i] = b
	}
	c.Rotations = make([]Rotation, len(s.Rotations))
	for i, r := range s.Rotations {
		r.Bodies = append([]string(nil), r.Bodies...)
		c.Rotations[i] = r
	}
	return &c
}
