// Package cost estimates what a scenario costs, laid out as a programme
// budget implications statement: every line is a quantity times a unit
// rate and names the assumptions (rate keys) behind it, so each figure can
// be traced to its source, date and placeholder status. Lines are grouped
// by budget section (2 conference management, 4 disarmament, 28 public
// information) and by who pays (regular budget, member states, voluntary
// fund), per year, per cycle and for the horizon.
package cost

import (
	"fmt"
	"math"
	"sort"
	"time"

	"mechplan/internal/geo"
	"mechplan/internal/model"
	"mechplan/internal/refdata"
	"mechplan/internal/schedule"
	"mechplan/internal/travel"
)

// Base is the duty station of the secretariat that services the
// mechanism (UNODA, New York); sessions elsewhere add its travel.
const Base = "NYC"

// Category is the heading of the eval command's cost figures.
type Category string

// Cost categories.
const (
	Servicing     Category = "servicing"     // meetings, surcharges, webcast, conference staff travel
	Documentation Category = "documentation" // translation of the session documents
	Secretariat   Category = "secretariat"   // posts and the substantive office's travel
	Travel        Category = "travel"        // delegations, paid by member states
	Sponsorship   Category = "sponsorship"   // sponsored seats, paid by a voluntary fund
)

// Categories lists them in statement order.
var Categories = []Category{Servicing, Documentation, Secretariat, Travel, Sponsorship}

// Section is a section of the UN programme budget.
type Section string

// Budget sections; Outside is for what the programme budget does not carry.
const (
	ConferenceManagement Section = "2"
	Disarmament          Section = "4"
	PublicInformation    Section = "28"
	Outside              Section = ""
)

// Name is how a statement titles a section.
func (s Section) Name() string {
	switch s {
	case ConferenceManagement:
		return "Section 2, General Assembly and Economic and Social Council affairs and conference management"
	case Disarmament:
		return "Section 4, Disarmament"
	case PublicInformation:
		return "Section 28, Global communications"
	}
	return "Outside the programme budget"
}

// Payer is who pays a line.
type Payer string

// Payers.
const (
	RegularBudget Payer = "regular_budget"
	MemberStates  Payer = "member_states"
	VoluntaryFund Payer = "voluntary_fund"
)

// Line is one figure of the estimate: Amount = Quantity × Rate.
type Line struct {
	Year     int
	Category Category
	Section  Section
	Payer    Payer
	Venue    string // "" for lines not tied to a duty station
	// Item says what is counted, in the users' words.
	Item     string
	Quantity float64
	Unit     string // of Quantity: "meetings", "one-way flights", ...
	// Rate is USD per unit at the line's year prices: the assumption
	// converted to dollars and escalated.
	Rate   float64
	Amount float64
	// Key is the assumption the rate comes from; Uses lists every
	// assumption the amount depends on, Key first, so that changing any
	// other key leaves the line as it is.
	Key  string
	Uses []string
	// Basis explains a rate or quantity that is not read straight from
	// the table (a conversion, a product of two rates, a count).
	Basis string
	// Placeholder is true when any assumption in Uses is a placeholder.
	Placeholder bool
	// RatePriceYear is the price year of Key's rate (0 for non-money),
	// so older figures used at face value can be flagged.
	RatePriceYear int
	// Escalation is the factor applied for years after the price year.
	Escalation float64
}

// Totals are the cost figures of a period in USD.
type Totals struct {
	Servicing     float64       `json:"servicing"`
	Documentation float64       `json:"documentation"`
	Secretariat   float64       `json:"secretariat"`
	Travel        float64       `json:"travel"`
	Sponsorship   float64       `json:"sponsorship"`
	Total         float64       `json:"total"`
	BySection     SectionTotals `json:"by_section"`
	ByPayer       PayerTotals   `json:"by_payer"`
}

// SectionTotals splits a total by budget section.
type SectionTotals struct {
	ConferenceManagement float64 `json:"section_2"`
	Disarmament          float64 `json:"section_4"`
	PublicInformation    float64 `json:"section_28"`
	Outside              float64 `json:"outside_budget"`
}

// PayerTotals splits a total by who pays.
type PayerTotals struct {
	RegularBudget float64 `json:"regular_budget"`
	MemberStates  float64 `json:"member_states"`
	VoluntaryFund float64 `json:"voluntary_fund"`
}

func (t *Totals) add(l *Line) {
	switch l.Category {
	case Servicing:
		t.Servicing += l.Amount
	case Documentation:
		t.Documentation += l.Amount
	case Secretariat:
		t.Secretariat += l.Amount
	case Travel:
		t.Travel += l.Amount
	case Sponsorship:
		t.Sponsorship += l.Amount
	}
	t.Total += l.Amount
	switch l.Section {
	case ConferenceManagement:
		t.BySection.ConferenceManagement += l.Amount
	case Disarmament:
		t.BySection.Disarmament += l.Amount
	case PublicInformation:
		t.BySection.PublicInformation += l.Amount
	default:
		t.BySection.Outside += l.Amount
	}
	switch l.Payer {
	case RegularBudget:
		t.ByPayer.RegularBudget += l.Amount
	case MemberStates:
		t.ByPayer.MemberStates += l.Amount
	case VoluntaryFund:
		t.ByPayer.VoluntaryFund += l.Amount
	}
}

// Period is a labelled stretch of the horizon and its cost.
type Period struct {
	Label     string
	FirstYear int
	LastYear  int
	Totals
}

// Options are the cost settings beyond the rates.
type Options struct {
	// BridgeDays: see travel.DefaultBridgeDays; 0 means the default.
	BridgeDays int
	// TravelToHybrid: capital-based delegates fly to hybrid meetings too.
	// By default they follow them from home, as the time-zone burden
	// counts them, which is the trade the Republic of Korea described:
	// night hours instead of a long flight.
	TravelToHybrid bool
	// Eligible lists who the sponsorship fund serves: "LDC", "LLDC",
	// "SIDS" and/or ISO3 codes. Empty means LDC, LLDC and SIDS.
	Eligible []string
}

// Estimate is a scenario's cost.
type Estimate struct {
	PriceYear  int
	Escalation float64 // per year, compounded after PriceYear
	Lines      []Line
	Years      []Period
	Cycles     []Period
	Total      Period
	// Travel is the trip plan of all 193 delegations.
	Travel *travel.AllStates
	// Trips is the calendar's trip structure, shared by all delegations.
	Trips []travel.Trip
	// Table has every capital-to-venue flight and the travel rules.
	Table *travel.Table
	// Delegation is the default delegation every state sends.
	Delegation  travel.Delegation
	Eligible    []bool // by index in refdata States
	Assumptions *Assumptions

	sch *schedule.Schedule
	ref *refdata.Data
	opt Options
}

// Compute estimates the cost of a laid-out scenario.
func Compute(s *model.Scenario, sch *schedule.Schedule, ref *refdata.Data, opt Options) (*Estimate, error) {
	a, err := NewAssumptions(ref, s.Assumptions)
	if err != nil {
		return nil, err
	}
	return ComputeWith(a, sch, ref, opt)
}

// ComputeWith estimates the cost under the given assumptions (a
// sensitivity run passes a changed copy).
func ComputeWith(a *Assumptions, sch *schedule.Schedule, ref *refdata.Data, opt Options) (*Estimate, error) {
	eligible, err := eligibility(ref, opt.Eligible)
	if err != nil {
		return nil, err
	}
	r := &reader{a: a}
	e := &Estimate{Assumptions: a, Eligible: eligible, sch: sch, ref: ref, opt: opt}
	e.PriceYear = int(r.value("cost.price_year"))
	e.Escalation = r.value("cost.escalation_per_year")
	b := &builder{e: e, r: r, a: a, sch: sch, ref: ref, placeholder: map[string]bool{}}
	b.rules(opt)
	b.servicing()
	b.documentation()
	b.posts()
	b.awayFromBase()
	b.delegations()
	if err := r.err(); err != nil {
		return nil, err
	}
	b.finish()
	return e, nil
}

// eligibility marks the states a sponsorship fund serves.
func eligibility(ref *refdata.Data, list []string) ([]bool, error) {
	if len(list) == 0 {
		list = []string{"LDC", "LLDC", "SIDS"}
	}
	out := make([]bool, len(ref.States))
	for _, e := range list {
		switch e {
		case "LDC", "LLDC", "SIDS":
			for i := range ref.States {
				s := &ref.States[i]
				if (e == "LDC" && s.LDC) || (e == "LLDC" && s.LLDC) || (e == "SIDS" && s.SIDS) {
					out[i] = true
				}
			}
		default:
			found := false
			for i := range ref.States {
				if ref.States[i].ISO3 == e {
					out[i], found = true, true
				}
			}
			if !found {
				return nil, fmt.Errorf("sponsorship: %q is neither LDC, LLDC, SIDS nor the ISO3 code of a member state", e)
			}
		}
	}
	return out, nil
}

// builder appends the lines of one estimate.
type builder struct {
	e   *Estimate
	r   *reader
	a   *Assumptions
	sch *schedule.Schedule
	ref *refdata.Data
	// dsaKeys are the keys behind each venue's subsistence rate in USD.
	dsaKeys map[string][]string
	// placeholder remembers, per key, whether the rate in force is a
	// placeholder: every line asks for a dozen keys.
	placeholder map[string]bool
}

func (b *builder) isPlaceholder(key string) bool {
	p, ok := b.placeholder[key]
	if !ok {
		v, found := b.a.Get(key)
		p = found && v.Placeholder && !v.Overridden
		b.placeholder[key] = p
	}
	return p
}

// flightKeys decide which flights are business class and how long the
// journey is.
var flightKeys = []string{"flight.speed_kmh", "flight.overhead_hours",
	"flight.business_threshold_leg_hours", "flight.business_threshold_journey_hours"}

func (b *builder) rules(opt Options) {
	r := b.r
	rules := travel.Rules{
		Fare: travel.FareModel{
			Base: r.value("fare.base"), PerKm: r.value("fare.per_km"),
			BusinessMultiplier: r.value("fare.business_multiplier"),
			Flight:             geo.FlightModel{SpeedKmh: r.value("flight.speed_kmh"), OverheadHours: r.value("flight.overhead_hours")},
			LegHours:           r.value("flight.business_threshold_leg_hours"),
			JourneyHours:       r.value("flight.business_threshold_journey_hours"),
		},
		Subsistence:   map[string]float64{},
		Terminal:      r.value("terminal.expenses"),
		LongHaulHours: r.value("flight.long_haul_hours"),
		BridgeDays:    opt.BridgeDays,
	}
	if rules.BridgeDays <= 0 {
		rules.BridgeDays = travel.DefaultBridgeDays
	}
	if rules.Fare.Flight.SpeedKmh <= 0 {
		// A zero speed would make every flight infinitely long; the
		// table's loader allows 0 for any rate, an override too.
		rules.Fare.Flight.SpeedKmh = geo.FallbackSpeedKmh
	}
	b.dsaKeys = map[string][]string{}
	for _, v := range b.ref.VenueCodes() {
		rules.Subsistence[v], b.dsaKeys[v] = r.usd("dsa." + v)
	}
	b.e.Table = travel.NewTable(b.ref, rules)
	attend := travel.InPersonOnly
	if opt.TravelToHybrid {
		attend = travel.InPersonAndHybrid
	}
	b.e.Trips = travel.Trips(b.sch, rules.BridgeDays, attend)
	var d travel.Delegation
	for i, k := range model.BodyKinds {
		d.Travellers[i] = r.value("delegation.travellers." + string(k))
	}
	d.MissionDelegates = r.value("delegation.mission_delegates")
	b.e.Delegation = d
}

// add appends a line; it drops empty ones, so that a statement lists only
// what the scenario uses.
func (b *builder) add(l Line) {
	if l.Quantity == 0 {
		return
	}
	f := 1.0
	if l.Year > b.e.PriceYear && b.e.Escalation != 0 {
		f = math.Pow(1+b.e.Escalation, float64(l.Year-b.e.PriceYear))
	}
	l.Escalation = f
	l.Rate *= f
	l.Amount = l.Quantity * l.Rate
	l.Uses = append(l.Uses, "cost.price_year", "cost.escalation_per_year")
	l.Uses = dedupe(l.Uses)
	if l.Key == "" {
		l.Key = l.Uses[0]
	}
	if v, ok := b.a.Get(l.Key); ok && v.Currency != "" {
		l.RatePriceYear = v.PriceYear
	}
	for _, k := range l.Uses {
		if b.isPlaceholder(k) {
			l.Placeholder = true
		}
	}
	b.e.Lines = append(b.e.Lines, l)
}

func dedupe(keys []string) []string {
	out := keys[:0:0]
	for _, k := range keys {
		dup := false
		for _, o := range out {
			if o == k {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, k)
		}
	}
	return out
}

func (b *builder) venueName(code string) string {
	if v, ok := b.ref.Venue(code); ok {
		return v.City
	}
	return code
}

// counts are the meetings of one year at one venue by service.
type counts struct {
	interpreted, uninterpreted, hybrid, virtual, webcast int
}

func (b *builder) servicing() {
	venues := b.ref.VenueCodes()
	nv := len(venues)
	idx := make(map[string]int, nv)
	for i, v := range venues {
		idx[v] = i
	}
	c := make([]counts, b.sch.Years*nv)
	for i := range b.sch.Meetings {
		m := &b.sch.Meetings[i]
		y := m.Start.Year() - b.sch.FirstYear
		if y < 0 || y >= b.sch.Years {
			continue
		}
		k := &c[y*nv+idx[m.Venue]]
		if m.Interpreted {
			k.interpreted++
		} else {
			k.uninterpreted++
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
	}
	for y := 0; y < b.sch.Years; y++ {
		year := b.sch.FirstYear + y
		var all counts
		for j, v := range venues {
			k := c[y*nv+j]
			all.hybrid += k.hybrid
			all.virtual += k.virtual
			all.webcast += k.webcast
			for _, s := range []struct {
				n          int
				key, label string
			}{
				{k.interpreted, "meeting.interpreted." + v, "Meetings with interpretation into the six official languages, "},
				{k.uninterpreted, "meeting.uninterpreted." + v, "Meetings without interpretation, "},
			} {
				rate, uses := b.r.usd(s.key)
				b.add(Line{Year: year, Category: Servicing, Section: ConferenceManagement, Payer: RegularBudget, Venue: v,
					Item: s.label + b.venueName(v), Quantity: float64(s.n), Unit: "meetings", Rate: rate, Uses: uses})
			}
		}
		for _, s := range []struct {
			n          int
			key, label string
			section    Section
		}{
			{all.hybrid, "meeting.hybrid_surcharge", "Hybrid meetings: remote participation with interpretation", ConferenceManagement},
			{all.virtual, "meeting.virtual_platform", "Virtual meetings: remote platform and technical host", ConferenceManagement},
			{all.webcast, "webcast.per_meeting", "Webcast on UN Web TV", PublicInformation},
		} {
			rate, uses := b.r.usd(s.key)
			b.add(Line{Year: year, Category: Servicing, Section: s.section, Payer: RegularBudget,
				Item: s.label, Quantity: float64(s.n), Unit: "meetings", Rate: rate, Uses: uses})
		}
	}
}

// documentation counts the formal sessions: informal ones have no
// official documents to translate.
func (b *builder) documentation() {
	pages := b.r.value("documentation.pages_per_session")
	langs := b.r.value("documentation.target_languages")
	rate, uses := b.r.usd("documentation.translation_per_page")
	uses = append(uses, "documentation.pages_per_session", "documentation.target_languages")
	per := make([]int, b.sch.Years)
	for i := range b.sch.Sessions {
		sr := &b.sch.Sessions[i]
		m := &b.sch.Meetings[sr.First]
		y := m.Start.Year() - b.sch.FirstYear
		if m.Informal || m.Kind == model.Informal || y < 0 || y >= b.sch.Years {
			continue
		}
		per[y]++
	}
	for y, n := range per {
		b.add(Line{Year: b.sch.FirstYear + y, Category: Documentation, Section: ConferenceManagement, Payer: RegularBudget,
			Item: "Translation of session documents into the other official languages", Quantity: float64(n) * pages * langs,
			Unit: "translated pages", Rate: rate, Uses: uses,
			Basis: fmt.Sprintf("%d formal sessions × %g pages × %g languages", n, pages, langs)})
	}
}

// Grades are the post grades a statement lists, senior first.
var Grades = []string{"D-1", "P-5", "P-4", "P-3", "P-2", "GS-OL"}

func (b *builder) posts() {
	for y := 0; y < b.sch.Years; y++ {
		for _, g := range Grades {
			n := b.r.value("staff.posts." + g)
			rate, uses := b.r.usd("staff.standard_cost." + g)
			b.add(Line{Year: b.sch.FirstYear + y, Category: Secretariat, Section: Disarmament, Payer: RegularBudget,
				Item: "Secretariat posts, " + g, Quantity: n, Unit: "post-years", Rate: rate,
				Uses: append(uses, "staff.posts."+g)})
		}
	}
}

// awayFromBase adds the travel of the substantive office and of the
// interpreters for each block held away from New York.
func (b *builder) awayFromBase() {
	base, ok := b.ref.Venue(Base)
	if !ok {
		return
	}
	t := b.e.Table
	staff := b.r.value("away.staff_travellers")
	type group struct {
		year        int
		venue       string
		staff, conf travel.Bill
	}
	// Groups in the order first met, found through a map: a search of
	// the list for each of 50,000 block runs was quadratic.
	type key struct {
		year  int
		venue string
	}
	var groups []*group
	byKey := map[key]*group{}
	find := func(y int, v string) *group {
		if g, ok := byKey[key{y, v}]; ok {
			return g
		}
		g := &group{year: y, venue: v}
		groups = append(groups, g)
		byKey[key{y, v}] = g
		return g
	}
	flights := map[string]travel.Flight{}
	for i := range b.sch.Blocks {
		br := &b.sch.Blocks[i]
		if br.Venue == Base {
			continue
		}
		fl, ok := flights[br.Venue]
		if !ok {
			fl = t.FlightFrom(base.Lat, base.Lon, b.ref, br.Venue)
			flights[br.Venue] = fl
		}
		if fl.Km == 0 {
			continue
		}
		trip := travel.Trip{Venue: br.Venue, First: civil(br.Start), Last: civil(br.End)}
		depart, back := t.Departure(&trip, fl)
		nights := int(back.Sub(depart).Hours() / 24)
		g := find(br.Start.Year(), br.Venue)
		s := travel.Price(staff, fl, nights, t.Subsistence(br.Venue), t.Rules.Terminal)
		g.staff.Add(&s)
		if b.interpreted(br) {
			n := b.r.value("away.conference_travellers." + br.Venue)
			c := travel.Price(n, fl, nights, t.Subsistence(br.Venue), t.Rules.Terminal)
			g.conf.Add(&c)
		}
	}
	for _, g := range groups {
		b.billLines(g.year, g.venue, &g.staff, Secretariat, Disarmament, RegularBudget, "Secretariat staff from New York",
			[]string{"away.staff_travellers"})
		b.billLines(g.year, g.venue, &g.conf, Servicing, ConferenceManagement, RegularBudget, "Interpreters and conference staff from New York",
			[]string{"away.conference_travellers." + g.venue})
	}
}

func (b *builder) interpreted(br *schedule.BlockRun) bool {
	for _, si := range br.Sessions {
		sr := &b.sch.Sessions[si]
		for k := sr.First; k < sr.First+sr.Count; k++ {
			if b.sch.Meetings[k].Interpreted {
				return true
			}
		}
	}
	return false
}

// delegations prices the trips of all 193 delegations and splits them
// into what member states pay and what the sponsorship fund pays.
func (b *builder) delegations() {
	seats := b.r.value("sponsorship.seats_per_state")
	b.e.Travel = b.e.Table.All(b.e.Trips, b.e.Delegation, travel.Sponsorship{Eligible: b.e.Eligible, Seats: seats})
	type group struct {
		year       int
		venue      string
		kinds      []model.BodyKind
		paid, fund travel.Bill
	}
	var groups []*group
	for k := range b.e.Trips {
		tr := &b.e.Trips[k]
		var g *group
		for _, o := range groups {
			if o.year == tr.Year && o.venue == tr.Venue {
				g = o
			}
		}
		if g == nil {
			g = &group{year: tr.Year, venue: tr.Venue}
			groups = append(groups, g)
		}
		g.paid.Add(&b.e.Travel.Paid[k])
		g.fund.Add(&b.e.Travel.Sponsored[k])
		for _, s := range tr.Sessions {
			kind := b.sch.Sessions[s].Kind
			if !containsKind(g.kinds, kind) {
				g.kinds = append(g.kinds, kind)
			}
		}
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].year < groups[j].year })
	for _, g := range groups {
		who := []string{"delegation.mission_delegates", "sponsorship.seats_per_state"}
		for _, k := range model.BodyKinds {
			if containsKind(g.kinds, k) {
				who = append(who, "delegation.travellers."+string(k))
			}
		}
		b.billLines(g.year, g.venue, &g.paid, Travel, Outside, MemberStates, "Delegations", who)
		b.billLines(g.year, g.venue, &g.fund, Sponsorship, Outside, VoluntaryFund, "Sponsored delegates", who)
	}
}

func containsKind(ks []model.BodyKind, k model.BodyKind) bool {
	for _, o := range ks {
		if o == k {
			return true
		}
	}
	return false
}

// billLines writes a travel bill as lines whose rates come straight from
// the table: the fixed and distance parts of the fares, business class at
// the multiplier, subsistence per night and terminal expenses per trip.
func (b *builder) billLines(year int, venue string, bl *travel.Bill, cat Category, sec Section, payer Payer, who string, whoKeys []string) {
	if bl.TravellerTrips == 0 {
		return
	}
	f := b.e.Table.Rules.Fare
	place := b.venueName(venue)
	keys := func(k ...string) []string {
		out := append([]string(nil), k...)
		out = append(out, flightKeys...)
		return append(out, whoKeys...)
	}
	line := func(item string, q float64, unit string, rate float64, basis string, uses []string) {
		b.add(Line{Year: year, Category: cat, Section: sec, Payer: payer, Venue: venue,
			Item: who + " to " + place + ": " + item, Quantity: q, Unit: unit, Rate: rate, Basis: basis, Uses: uses})
	}
	line("air fares, economy, fixed part", bl.EconomyFlights, "one-way flights", f.Base, "", keys("fare.base"))
	line("air fares, economy, distance part", bl.EconomyKm, "passenger-km", f.PerKm, "great-circle distance capital to venue", keys("fare.per_km"))
	line("air fares, business class, fixed part", bl.BusinessFlights, "one-way flights", f.Base*f.BusinessMultiplier,
		"fare.base × fare.business_multiplier", keys("fare.business_multiplier", "fare.base"))
	line("air fares, business class, distance part", bl.BusinessKm, "passenger-km", f.PerKm*f.BusinessMultiplier,
		"fare.per_km × fare.business_multiplier", keys("fare.business_multiplier", "fare.per_km"))
	dsa := b.e.Table.Subsistence(venue)
	basis := ""
	if ks := b.dsaKeys[venue]; len(ks) > 1 {
		basis = ks[0] + " × " + ks[1]
	}
	nightKeys := append(append([]string(nil), b.dsaKeys[venue]...), "flight.long_haul_hours")
	line("daily subsistence allowance", bl.Nights, "traveller-nights", dsa, basis, keys(nightKeys...))
	line("terminal expenses", bl.TravellerTrips, "return trips", b.e.Table.Rules.Terminal, "", append([]string{"terminal.expenses"}, whoKeys...))
}

func (b *builder) finish() {
	e := b.e
	e.Years = make([]Period, b.sch.Years)
	for i := range e.Years {
		y := b.sch.FirstYear + i
		e.Years[i] = Period{Label: fmt.Sprint(y), FirstYear: y, LastYear: y}
	}
	last := b.sch.FirstYear + b.sch.Years - 1
	e.Total = Period{Label: fmt.Sprintf("%d–%d", b.sch.FirstYear, last), FirstYear: b.sch.FirstYear, LastYear: last}
	if b.sch.Years == 1 {
		e.Total.Label = fmt.Sprint(last)
	}
	for y := b.sch.FirstYear; y <= last; y += max(b.sch.CycleYears, 1) {
		l := min(y+max(b.sch.CycleYears, 1)-1, last)
		p := Period{Label: fmt.Sprintf("%d–%d", y, l), FirstYear: y, LastYear: l}
		if y == l {
			p.Label = fmt.Sprint(y)
		}
		e.Cycles = append(e.Cycles, p)
	}
	for i := range e.Lines {
		l := &e.Lines[i]
		if k := l.Year - b.sch.FirstYear; k >= 0 && k < len(e.Years) {
			e.Years[k].add(l)
		}
		for c := range e.Cycles {
			if l.Year >= e.Cycles[c].FirstYear && l.Year <= e.Cycles[c].LastYear {
				e.Cycles[c].add(l)
			}
		}
		e.Total.add(l)
	}
}

// civil is the calendar day of t at the venue, as midnight UTC.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
