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
	"strings"
	"time"

	"mechplan/internal/geo"
	"mechplan/internal/model"
	"mechplan/internal/msg"
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

// Object is an object of expenditure of a UN budget statement.
type Object string

// Objects of expenditure; NotUN is for what member states pay themselves.
const (
	Posts                    Object = "posts"
	OtherStaffCosts          Object = "other_staff_costs"
	TravelOfRepresentatives  Object = "travel_of_representatives"
	TravelOfStaff            Object = "travel_of_staff"
	ContractualServices      Object = "contractual_services"
	GeneralOperatingExpenses Object = "general_operating_expenses"
	GrantsAndContributions   Object = "grants_and_contributions"
	ProgrammeSupportCosts    Object = "programme_support_costs"
	NotUN                    Object = ""
)

// ObjectList lists the objects in statement order.
var ObjectList = []Object{Posts, OtherStaffCosts, TravelOfRepresentatives, TravelOfStaff, ContractualServices,
	GeneralOperatingExpenses, GrantsAndContributions, ProgrammeSupportCosts}

// Name is how a statement titles an object of expenditure.
func (o Object) Name() string {
	switch o {
	case Posts:
		return "Posts"
	case OtherStaffCosts:
		return "Other staff costs"
	case TravelOfRepresentatives:
		return "Travel of representatives"
	case TravelOfStaff:
		return "Travel of staff"
	case ContractualServices:
		return "Contractual services"
	case GeneralOperatingExpenses:
		return "General operating expenses"
	case GrantsAndContributions:
		return "Grants and contributions"
	case ProgrammeSupportCosts:
		return "Programme support costs"
	}
	return "Not paid by the United Nations"
}

// ContingencyNote is how a statement treats the contingency fund.
const ContingencyNote = "Additional requirements of the regular budget that the General Assembly approves outside the proposed programme budget are charged to the contingency fund (General Assembly resolutions 41/213 of 19 December 1986 and 42/211 of 21 December 1987); voluntary-fund spending is not."

// Line is one figure of the estimate: Amount = Quantity × Rate.
type Line struct {
	Year     int
	Category Category
	Section  Section
	Payer    Payer
	Object   Object
	Venue    string // "" for lines not tied to a duty station
	// Item says what is counted, in the users' words, in English;
	// ItemMsg says it by message code with its values, for the faces that
	// write it in another language (Item is ItemMsg's English).
	Item     string
	ItemMsg  msg.Message
	Quantity float64
	Unit     string // of Quantity: "meetings", "one-way flights", ...
	// Rate is USD per unit at the line's year prices: the assumption
	// converted to dollars and escalated.
	Rate   float64
	Amount float64
	// AbsorbedQuantity is the part of Quantity that existing resources
	// absorb under the absorption rule (absorb.* keys); Absorbed is its
	// amount. Only regular-budget lines absorb anything.
	AbsorbedQuantity float64
	Absorbed         float64
	// AbsorbedBy names the absorption rule's keys behind AbsorbedQuantity
	// (they change what is absorbed, never Amount).
	AbsorbedBy []string
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
	// Recost is the factor inside Rate that revalues the line's money
	// rate from its price year RecostFrom to the estimate's, at the
	// inflation assumption RecostKey: (1 + inflation)^(PriceYear −
	// RecostFrom). 1 and "" when the rate is current.
	Recost     float64
	RecostKey  string
	RecostFrom int
	// Stale: the rate's price year is more than StaleYears before the
	// estimate's; it is recosted by the inflation assumption, but a
	// current figure should replace it.
	Stale bool
	// StaleKey is the money rate that dates the line (RatePriceYear).
	StaleKey string
}

// Additional is the line's additional requirement: what the regular
// budget needs beyond existing resources. Lines the regular budget does
// not pay have none.
func (l *Line) Additional() float64 {
	if l.Payer != RegularBudget {
		return 0
	}
	return l.Amount - l.Absorbed
}

// StaleYears is how old a rate's price year may be before it is flagged.
const StaleYears = 3

// Objects splits an amount by object of expenditure.
type Objects struct {
	Posts                    float64 `json:"posts"`
	OtherStaffCosts          float64 `json:"other_staff_costs"`
	TravelOfRepresentatives  float64 `json:"travel_of_representatives"`
	TravelOfStaff            float64 `json:"travel_of_staff"`
	ContractualServices      float64 `json:"contractual_services"`
	GeneralOperatingExpenses float64 `json:"general_operating_expenses"`
	GrantsAndContributions   float64 `json:"grants_and_contributions"`
	ProgrammeSupportCosts    float64 `json:"programme_support_costs"`
	Total                    float64 `json:"total"`
	// StaffAssessment is the part of Posts that is staff assessment,
	// shown apart (it returns to member states as income); not added
	// to Total again.
	StaffAssessment float64 `json:"staff_assessment"`
}

// Get returns one object's amount.
func (o *Objects) Get(k Object) float64 {
	switch k {
	case Posts:
		return o.Posts
	case OtherStaffCosts:
		return o.OtherStaffCosts
	case TravelOfRepresentatives:
		return o.TravelOfRepresentatives
	case TravelOfStaff:
		return o.TravelOfStaff
	case ContractualServices:
		return o.ContractualServices
	case GeneralOperatingExpenses:
		return o.GeneralOperatingExpenses
	case GrantsAndContributions:
		return o.GrantsAndContributions
	case ProgrammeSupportCosts:
		return o.ProgrammeSupportCosts
	}
	return 0
}

func (o *Objects) add(k Object, v, assessment float64) {
	switch k {
	case Posts:
		o.Posts += v
		o.StaffAssessment += v * assessment
	case OtherStaffCosts:
		o.OtherStaffCosts += v
	case TravelOfRepresentatives:
		o.TravelOfRepresentatives += v
	case TravelOfStaff:
		o.TravelOfStaff += v
	case ContractualServices:
		o.ContractualServices += v
	case GeneralOperatingExpenses:
		o.GeneralOperatingExpenses += v
	case GrantsAndContributions:
		o.GrantsAndContributions += v
	case ProgrammeSupportCosts:
		o.ProgrammeSupportCosts += v
	default:
		return
	}
	o.Total += v
}

// ObjectTotals is what the United Nations pays (regular budget plus
// voluntary fund) by object of expenditure, split by payer, and the
// regular budget's additional requirement by object.
type ObjectTotals struct {
	Objects
	RegularBudget         Objects `json:"regular_budget"`
	VoluntaryFund         Objects `json:"voluntary_fund"`
	AdditionalRequirement Objects `json:"additional_requirement"`
}

// Totals are the cost figures of a period in USD.
type Totals struct {
	Servicing     float64 `json:"servicing"`
	Documentation float64 `json:"documentation"`
	Secretariat   float64 `json:"secretariat"`
	Travel        float64 `json:"travel"`
	Sponsorship   float64 `json:"sponsorship"`
	Total         float64 `json:"total"`
	// AdditionalRequirement is the regular budget's need beyond what
	// existing resources absorb: the figure a programme budget
	// implications statement gives. Total is the full cost.
	AdditionalRequirement float64       `json:"additional_requirement"`
	BySection             SectionTotals `json:"by_section"`
	ByPayer               PayerTotals   `json:"by_payer"`
	ByObject              ObjectTotals  `json:"by_object"`
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

func (t *Totals) add(l *Line, assessment float64) {
	t.AdditionalRequirement += l.Additional()
	switch l.Payer {
	case RegularBudget:
		t.ByObject.RegularBudget.add(l.Object, l.Amount, assessment)
		t.ByObject.Objects.add(l.Object, l.Amount, assessment)
		t.ByObject.AdditionalRequirement.add(l.Object, l.Additional(), assessment)
	case VoluntaryFund:
		t.ByObject.VoluntaryFund.add(l.Object, l.Amount, assessment)
		t.ByObject.Objects.add(l.Object, l.Amount, assessment)
	}
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
	Workload Workload
	// CO2Kg is the CO₂ of all delegations' and the Secretariat's flights.
	CO2Kg float64
}

// Workload is what conference services plan capacity with.
type Workload struct {
	InterpretedMeetingHours   float64 `json:"interpreted_meeting_hours"`
	UninterpretedMeetingHours float64 `json:"meeting_hours_without_interpretation"`
	PagesTranslated           float64 `json:"pages_translated"`
	WordsTranslated           float64 `json:"words_translated"`
}

func (w *Workload) add(o Workload) {
	w.InterpretedMeetingHours += o.InterpretedMeetingHours
	w.UninterpretedMeetingHours += o.UninterpretedMeetingHours
	w.PagesTranslated += o.PagesTranslated
	w.WordsTranslated += o.WordsTranslated
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
	// "SIDS", "DEVELOPING" (every state the World Bank does not class as
	// high income) and/or ISO3 codes. Empty means LDC, LLDC and SIDS.
	// High-income states are left out of the lists unless
	// IncludeHighIncome is set; an ISO3 code always counts.
	Eligible          []string
	IncludeHighIncome bool
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
	Delegation travel.Delegation
	Eligible   []bool // by index in refdata States
	// Policy is the eligibility policy the fund applies.
	Policy      []string
	Assumptions *Assumptions
	// StaffAssessment is the share of a post's standard cost that is
	// staff assessment.
	StaffAssessment float64

	sch   *schedule.Schedule
	ref   *refdata.Data
	opt   Options
	facts *facts
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
	return computeWith(a, sch, ref, opt, nil)
}

// computeWith estimates from the calendar's facts, read once per schedule
// (nil: read them now).
func computeWith(a *Assumptions, sch *schedule.Schedule, ref *refdata.Data, opt Options, f *facts) (*Estimate, error) {
	eligible, err := eligibility(ref, opt.Eligible, opt.IncludeHighIncome)
	if err != nil {
		return nil, err
	}
	if f == nil {
		f = newFacts(sch, ref)
	}
	r := &reader{a: a}
	e := &Estimate{Assumptions: a, Eligible: eligible, Policy: policy(opt), sch: sch, ref: ref, opt: opt, facts: f}
	e.PriceYear = int(r.value("cost.price_year"))
	e.Escalation = r.value("cost.escalation_per_year")
	r.priceYear, r.ref = e.PriceYear, ref
	b := &builder{e: e, r: r, a: a, sch: sch, ref: ref, f: f, placeholder: map[string]bool{}, co2: map[int]float64{}}
	b.rules(opt)
	b.servicing()
	b.outsideHours()
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

// policy names the eligibility policy: the lists, and whether high-income
// states on them are left out.
func policy(opt Options) []string {
	out := append([]string(nil), opt.Eligible...)
	if len(out) == 0 {
		out = append(out, DefaultEligible...)
	}
	if opt.IncludeHighIncome {
		return append(out, "high-income states included")
	}
	return append(out, "high-income states excluded")
}

// eligibility marks the states a sponsorship fund serves.
func eligibility(ref *refdata.Data, list []string, rich bool) ([]bool, error) {
	if len(list) == 0 {
		list = DefaultEligible
	}
	out := make([]bool, len(ref.States))
	for _, e := range list {
		switch e {
		case "LDC", "LLDC", "SIDS", "DEVELOPING":
			for i := range ref.States {
				s := &ref.States[i]
				if !rich && HighIncome(s.ISO3) {
					continue
				}
				if (e == "LDC" && s.LDC) || (e == "LLDC" && s.LLDC) || (e == "SIDS" && s.SIDS) || e == "DEVELOPING" {
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
				return nil, fmt.Errorf("sponsorship: %q is neither LDC, LLDC, SIDS, DEVELOPING nor the ISO3 code of a member state", e)
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
	f   *facts
	// dsaKeys are the keys behind each venue's subsistence rate in USD.
	dsaKeys map[string][]string
	// placeholder remembers, per key, whether the rate in force is a
	// placeholder: every line asks for a dozen keys.
	placeholder map[string]bool
	// fareKeys are the keys behind each travel rate (fx, recosting).
	fareKeys map[string][]string
	// absorbedShare is, per year, the share of the year's meetings that
	// fall within the entitlement at Headquarters.
	absorbedShare []float64
	// co2 is the flights' CO₂ per year, kg.
	co2 map[int]float64
	// workload per year, from FirstYear.
	workload []Workload
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
			Base: b.fare("fare.base"), PerKm: b.fare("fare.per_km"),
			BusinessMultiplier: r.value("fare.business_multiplier"),
			Flight:             geo.FlightModel{SpeedKmh: r.value("flight.speed_kmh"), OverheadHours: r.value("flight.overhead_hours")},
			LegHours:           r.value("flight.business_threshold_leg_hours"),
			JourneyHours:       r.value("flight.business_threshold_journey_hours"),
		},
		Subsistence:       map[string]float64{},
		Terminal:          b.fare("terminal.expenses"),
		LongHaulHours:     r.value("flight.long_haul_hours"),
		BridgeDays:        opt.BridgeDays,
		DelegatesBusiness: r.value("delegation.business_class") != 0,
		Carbon: travel.Carbon{
			FuelKgPerKm: r.value("carbon.fuel_kg_per_passenger_km"), CO2PerFuel: r.value("carbon.co2_per_kg_fuel"),
			BusinessFactor: r.value("carbon.business_class_factor"),
			ShortKm:        r.value("carbon.correction.short_below_km"), LongKm: r.value("carbon.correction.long_above_km"),
			Short: r.value("carbon.correction.short_km"), Medium: r.value("carbon.correction.medium_km"), Long: r.value("carbon.correction.long_km"),
		},
	}
	if rules.BridgeDays <= 0 {
		rules.BridgeDays = travel.DefaultBridgeDays
	}
	if rules.Fare.Flight.SpeedKmh <= 0 {
		// A zero speed would make every flight infinitely long; the
		// table's loader allows 0 for any rate, an override too.
		rules.Fare.Flight.SpeedKmh = geo.FallbackSpeedKmh
	}
	rules.FareRegions, rules.FareSupplements = b.fareRegions()
	b.dsaKeys = map[string][]string{}
	for _, v := range b.ref.VenueCodes() {
		rules.Subsistence[v], b.dsaKeys[v] = r.usd("dsa." + v)
	}
	b.e.Table = travel.NewTable(b.ref, rules)
	attend := travel.InPersonOnly
	if travelsToHybrid(opt.TravelToHybrid, r.value(TravelToHybridKey)) {
		attend = travel.InPersonAndHybrid
	}
	b.e.Trips = b.f.tripsFor(b.sch, rules.BridgeDays, attend)
	var d travel.Delegation
	for i, k := range model.BodyKinds {
		d.Travellers[i] = r.value("delegation.travellers." + string(k))
	}
	d.MissionDelegates = r.value("delegation.mission_delegates")
	b.e.Delegation = d
}

// FareSupplementPrefix is the key of a fare region's supplement: fares
// from capitals of M49 region 054 (Melanesia) carry
// fare.region_supplement.054 on top of the distance model.
const FareSupplementPrefix = "fare.region_supplement."

// fareRegions lists the M49 regions of member states whose fares the
// rates table gives a supplement, in the order of the states, with the
// supplements.
func (b *builder) fareRegions() ([]string, []float64) {
	var codes []string
	var sups []float64
	seen := make(map[string]bool, 32)
	for i := range b.ref.States {
		code := b.ref.States[i].M49Region
		if code == "" || seen[code] || len(codes) == travel.MaxFareRegions {
			continue
		}
		seen[code] = true
		if v, ok := b.a.Get(FareSupplementPrefix + code); ok {
			codes = append(codes, code)
			sups = append(sups, v.Value)
		}
	}
	return codes, sups
}

// fare reads a travel rate in USD recosted to the price year and
// remembers the keys it took for the lines that use it.
func (b *builder) fare(key string) float64 {
	v, keys := b.r.usd(key)
	if b.fareKeys == nil {
		b.fareKeys = map[string][]string{}
	}
	b.fareKeys[key] = keys
	return v
}

// add appends a line; it drops empty ones, so that a statement lists only
// what the scenario uses.
func (b *builder) add(l Line) {
	if l.Quantity == 0 {
		return
	}
	if l.ItemMsg.Code != "" {
		l.Item = l.ItemMsg.English
	}
	f := 1.0
	if l.Year > b.e.PriceYear && b.e.Escalation != 0 {
		f = math.Pow(1+b.e.Escalation, float64(l.Year-b.e.PriceYear))
	}
	l.Escalation = f
	l.Rate *= f
	l.Amount = l.Quantity * l.Rate
	l.Absorbed = l.AbsorbedQuantity * l.Rate
	l.Uses = append(l.Uses, "cost.price_year", "cost.escalation_per_year")
	l.Uses = dedupe(l.Uses)
	if l.Key == "" {
		l.Key = l.Uses[0]
	}
	for _, k := range l.Uses {
		// The oldest money rate the line rests on dates it.
		if v, ok := b.a.Get(k); ok && v.Currency != "" && !strings.HasPrefix(k, "fx.") {
			if py := PriceYearOf(v, b.e.PriceYear); py > 0 && (l.RatePriceYear == 0 || py < l.RatePriceYear) {
				l.RatePriceYear, l.StaleKey = py, k
			}
		}
	}
	l.Stale = l.RatePriceYear > 0 && l.RatePriceYear < b.e.PriceYear-StaleYears
	l.Recost = 1
	for _, k := range l.Uses {
		if strings.HasPrefix(k, "recost.inflation.") {
			l.RecostKey, l.RecostFrom = k, l.RatePriceYear
			l.Recost = Recost(1, b.r.value(k), l.RatePriceYear, b.e.PriceYear)
		}
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

// city is a venue's city as a message ("city.geneva"), for an item.
func (b *builder) city(code string) msg.Message { return msg.Named("city.", b.venueName(code)) }

// TravelItem is the item of a travel line: who flies, to which city, and
// what is paid ("air fares, economy, fixed part"), by code.
func TravelItem(who, city, what string) msg.Message {
	return msg.New("item.travel", "{{.Who}} to {{.City}}: {{.What}}",
		"Who", msg.Named("item.who.", who), "City", msg.Named("city.", city), "What", msg.Named("item.what.", what))
}

// ThinRouteItem is the item of a fare line's supplement for the thin
// routes from an M49 region, by code, the region by its name: the message
// msg.New("item.travel.thin", "{{.Who}} to {{.City}}: {{.What}},
// supplement for thin routes from {{.Region}}", ...) makes, written out
// without parsing the template, as an estimate has dozens of these lines
// (TestThinItemAsMsgNewWouldWriteIt).
func ThinRouteItem(who, city, what, region string) msg.Message {
	w, c, x := msg.Named("item.who.", who), msg.Named("city.", city), msg.Named("item.what.", what)
	r := msg.Message{Code: "region.m49." + region, English: refdata.M49RegionName(region)}
	return msg.Message{Code: "item.travel.thin",
		Args:    []msg.Arg{{Name: "Who", Value: w}, {Name: "City", Value: c}, {Name: "What", Value: x}, {Name: "Region", Value: r}},
		English: w.English + " to " + c.English + ": " + x.English + ", supplement for thin routes from " + r.English}
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
	// hours of meetings with and without interpretation
	interpretedHours, uninterpretedHours float64
}

func (b *builder) servicing() {
	venues := b.f.venues
	nv := len(venues)
	c := b.f.count
	entitlement := b.r.value(absorbMeetings)
	b.absorbedShare = make([]float64, b.sch.Years)
	b.workload = make([]Workload, b.sch.Years)
	for y := 0; y < b.sch.Years; y++ {
		year := b.sch.FirstYear + y
		var all counts
		total := 0
		for j := range venues {
			total += c[y*nv+j].interpreted + c[y*nv+j].uninterpreted
		}
		for j, v := range venues {
			k := c[y*nv+j]
			all.hybrid += k.hybrid
			all.virtual += k.virtual
			all.webcast += k.webcast
			b.workload[y].InterpretedMeetingHours += k.interpretedHours
			b.workload[y].UninterpretedMeetingHours += k.uninterpretedHours
			// The entitlement at Headquarters absorbs interpreted
			// meetings first, then the others.
			var absI, absU float64
			if v == Base {
				absI = math.Min(float64(k.interpreted), entitlement)
				absU = math.Min(float64(k.uninterpreted), math.Max(0, entitlement-absI))
				if total > 0 {
					b.absorbedShare[y] = (absI + absU) / float64(total)
				}
			}
			for _, s := range []struct {
				n         int
				abs       float64
				key, code string
				english   string
			}{
				{k.interpreted, absI, "meeting.interpreted." + v, "item.interpreted", "Meetings with interpretation into the six official languages, {{.City}}"},
				{k.uninterpreted, absU, "meeting.uninterpreted." + v, "item.uninterpreted", "Meetings without interpretation, {{.City}}"},
			} {
				rate, uses := b.r.usd(s.key)
				var by []string
				if v == Base {
					by = []string{absorbMeetings}
				}
				b.add(Line{Year: year, Category: Servicing, Section: ConferenceManagement, Payer: RegularBudget, Object: OtherStaffCosts, Venue: v,
					ItemMsg: itemMsg(s.code, s.english, "City", b.city(v)), Quantity: float64(s.n), AbsorbedQuantity: s.abs, AbsorbedBy: by, Unit: "meetings", Rate: rate, Uses: uses})
			}
		}
		for _, s := range []struct {
			n        int
			key      string
			item     msg.Message
			section  Section
			object   Object
			absorbed float64
		}{
			// Remote participation is new work; the webcast of an
			// entitled meeting is part of its servicing.
			{all.hybrid, "meeting.hybrid_surcharge", itemMsg("item.hybrid", "Hybrid meetings: remote participation with interpretation"), ConferenceManagement, GeneralOperatingExpenses, 0},
			{all.virtual, "meeting.virtual_platform", itemMsg("item.virtual", "Virtual meetings: remote platform and technical host"), ConferenceManagement, GeneralOperatingExpenses, 0},
			{all.webcast, "webcast.per_meeting", itemMsg("item.webcast", "Webcast on UN Web TV"), PublicInformation, ContractualServices, b.absorbedShare[y]},
		} {
			rate, uses := b.r.usd(s.key)
			var by []string
			if s.object == ContractualServices {
				by = []string{absorbMeetings}
			}
			b.add(Line{Year: year, Category: Servicing, Section: s.section, Payer: RegularBudget, Object: s.object,
				ItemMsg: s.item, Quantity: float64(s.n), AbsorbedQuantity: float64(s.n) * s.absorbed, AbsorbedBy: by, Unit: "meetings", Rate: rate, Uses: uses})
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
	per := b.f.formal
	words := b.r.value("documentation.words_per_page")
	for y, n := range per {
		q := float64(n) * pages * langs
		b.workload[y].PagesTranslated += q
		b.workload[y].WordsTranslated += q * words
		// The documents of entitled meetings are part of the entitlement.
		b.add(Line{Year: b.sch.FirstYear + y, Category: Documentation, Section: ConferenceManagement, Payer: RegularBudget, Object: ContractualServices,
			ItemMsg: itemMsg("item.translation", "Translation of session documents into the other official languages"), Quantity: q,
			AbsorbedQuantity: q * b.absorbedShare[y], AbsorbedBy: []string{absorbMeetings}, Unit: "translated pages", Rate: rate, Uses: uses,
			Basis: fmt.Sprintf("%d formal sessions × %g pages × %g languages", n, pages, langs)})
	}
}

// Grades are the post grades a statement lists, senior first.
var Grades = []string{"D-1", "P-5", "P-4", "P-3", "P-2", "GS-OL"}

func (b *builder) posts() {
	share := math.Min(1, math.Max(0, b.r.value(absorbPosts)))
	b.e.StaffAssessment = b.r.value("staff.assessment_share")
	for y := 0; y < b.sch.Years; y++ {
		for _, g := range Grades {
			n := b.r.value("staff.posts." + g)
			rate, uses := b.r.usd("staff.standard_cost." + g)
			b.add(Line{Year: b.sch.FirstYear + y, Category: Secretariat, Section: Disarmament, Payer: RegularBudget, Object: Posts,
				ItemMsg: itemMsg("item.posts", "Secretariat posts, {{.Grade}}", "Grade", g), Quantity: n, AbsorbedQuantity: n * share, AbsorbedBy: []string{absorbPosts}, Unit: "post-years", Rate: rate,
				Uses: append(uses, "staff.posts."+g)})
		}
	}
}

// The absorption rule's keys.
const (
	absorbMeetings = "absorb.meetings_per_year.NYC"
	absorbPosts    = "absorb.posts_share"
)

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
	// Each stay is priced once (the same stay of 200 blocks costs the
	// same), then added run by run in calendar order, as a run-by-run
	// pricing would add it. Groups are listed in the order first met.
	type priced struct {
		skip    bool // no flight: the venue is New York's neighbour
		confKey string
		confOK  bool // the rates table has the conference travellers
		s, c    travel.Bill
	}
	flights := map[string]travel.Flight{}
	stays := make([]priced, len(b.f.spans))
	for i := range b.f.spans {
		sp, p := &b.f.spans[i], &stays[i]
		fl, ok := flights[sp.venue]
		if !ok {
			fl = t.FlightFrom(base.Lat, base.Lon, b.ref, sp.venue)
			flights[sp.venue] = fl
		}
		if fl.Km == 0 {
			p.skip = true
			continue
		}
		trip := travel.Trip{Venue: sp.venue, First: sp.first, Last: sp.last}
		depart, back := t.Departure(&trip, fl)
		nights := int(back.Sub(depart).Hours() / 24)
		p.s = t.Price(staff, fl, nights, t.Subsistence(sp.venue))
		if sp.interpreted {
			p.confKey = "away.conference_travellers." + sp.venue
			var n float64
			if v, ok := b.a.Get(p.confKey); ok {
				n, p.confOK = v.Value, true
			}
			p.c = t.Price(n, fl, nights, t.Subsistence(sp.venue))
		}
	}
	var groups []*group
	byIndex := make([]*group, len(b.f.awayGroups))
	for i := range b.f.away {
		run := &b.f.away[i]
		p := &stays[run.span]
		if p.skip {
			continue
		}
		g := byIndex[run.group]
		if g == nil {
			k := b.f.awayGroups[run.group]
			g = &group{year: k.year, venue: k.venue}
			byIndex[run.group] = g
			groups = append(groups, g)
		}
		g.staff.Add(&p.s)
		b.co2[g.year] += p.s.CO2Kg
		if run.interpreted {
			if !p.confOK {
				b.r.value(p.confKey) // reports the missing rate, as each run did
			}
			g.conf.Add(&p.c)
			b.co2[g.year] += p.c.CO2Kg
		}
	}
	for _, g := range groups {
		b.billLines(g.year, g.venue, &g.staff, Secretariat, Disarmament, RegularBudget, TravelOfStaff, "Secretariat staff from New York",
			[]string{"away.staff_travellers"})
		b.billLines(g.year, g.venue, &g.conf, Servicing, ConferenceManagement, RegularBudget, TravelOfStaff, "Interpreters and conference staff from New York",
			[]string{"away.conference_travellers." + g.venue})
	}
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
	// The trips' groups (year and venue, in the order first met, with
	// the kinds of body they serve) are the calendar's, read once.
	tg := b.f.tripGroupsFor(b.e.Trips, b.sch)
	groups := make([]*group, len(tg.groups))
	for i, k := range tg.groups {
		groups[i] = &group{year: k.year, venue: k.venue, kinds: tg.kinds[i]}
	}
	for k := range b.e.Trips {
		g := groups[tg.of[k]]
		g.paid.Add(&b.e.Travel.Paid[k])
		g.fund.Add(&b.e.Travel.Sponsored[k])
		b.co2[g.year] += b.e.Travel.Paid[k].CO2Kg + b.e.Travel.Sponsored[k].CO2Kg
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].year < groups[j].year })
	for _, g := range groups {
		who := []string{"delegation.mission_delegates", "sponsorship.seats_per_state"}
		for _, k := range model.BodyKinds {
			if containsKind(g.kinds, k) {
				who = append(who, "delegation.travellers."+string(k))
			}
		}
		b.billLines(g.year, g.venue, &g.paid, Travel, Outside, MemberStates, NotUN, "Delegations", append(who, "delegation.business_class"))
		b.billLines(g.year, g.venue, &g.fund, Sponsorship, Outside, VoluntaryFund, TravelOfRepresentatives, "Sponsored delegates", who)
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
func (b *builder) billLines(year int, venue string, bl *travel.Bill, cat Category, sec Section, payer Payer, obj Object, who string, whoKeys []string) {
	if bl.TravellerTrips == 0 {
		return
	}
	f := b.e.Table.Rules.Fare
	place := b.city(venue)
	keys := func(k ...string) []string {
		var out []string
		for _, key := range k {
			if fk, ok := b.fareKeys[key]; ok {
				out = append(out, fk...)
			} else {
				out = append(out, key)
			}
		}
		out = append(out, flightKeys...)
		return append(out, whoKeys...)
	}
	line := func(what string, q float64, unit string, rate float64, basis string, uses []string) {
		b.add(Line{Year: year, Category: cat, Section: sec, Payer: payer, Object: obj, Venue: venue,
			ItemMsg: TravelItem(who, place.English, what), Quantity: q, Unit: unit, Rate: rate, Basis: basis, Uses: uses})
	}
	line("air fares, economy, fixed part", bl.EconomyFlights, "one-way flights", f.Base, "", keys("fare.base"))
	line("air fares, economy, distance part", bl.EconomyKm, "passenger-km", f.PerKm, "great-circle distance capital to venue", keys("fare.per_km"))
	line("air fares, business class, fixed part", bl.BusinessFlights, "one-way flights", f.Base*f.BusinessMultiplier,
		"fare.base × fare.business_multiplier", keys("fare.business_multiplier", "fare.base"))
	line("air fares, business class, distance part", bl.BusinessKm, "passenger-km", f.PerKm*f.BusinessMultiplier,
		"fare.per_km × fare.business_multiplier", keys("fare.business_multiplier", "fare.per_km"))
	// Thin routes: the supplement of each fare region, on the same
	// flights and passenger-km, at the distance model's rates × the
	// supplement.
	rules := b.e.Table.Rules
	for r, code := range rules.FareRegions {
		if r >= travel.MaxFareRegions || r >= len(rules.FareSupplements) {
			break
		}
		th := &bl.Thin[r]
		sk, sup := FareSupplementPrefix+code, rules.FareSupplements[r]
		if sup == 0 {
			continue // fares by distance alone: no line
		}
		if th.EconomyFlights == 0 && th.EconomyKm == 0 && th.BusinessFlights == 0 && th.BusinessKm == 0 {
			continue // no one flies from the region: every line would be empty (add drops them)
		}
		thin := func(item string, q float64, unit string, rate float64, basis string, uses []string) {
			if q == 0 {
				return // add drops it anyway; its message is not worth making
			}
			b.add(Line{Year: year, Category: cat, Section: sec, Payer: payer, Object: obj, Venue: venue,
				ItemMsg:  ThinRouteItem(who, place.English, item, code),
				Quantity: q, Unit: unit, Rate: rate, Basis: basis, Uses: uses})
		}
		thin("air fares, economy, fixed part", th.EconomyFlights, "one-way flights", f.Base*sup, "fare.base × "+sk, keys(sk, "fare.base"))
		thin("air fares, economy, distance part", th.EconomyKm, "passenger-km", f.PerKm*sup, "fare.per_km × "+sk, keys(sk, "fare.per_km"))
		thin("air fares, business class, fixed part", th.BusinessFlights, "one-way flights", f.Base*f.BusinessMultiplier*sup,
			"fare.base × fare.business_multiplier × "+sk, keys(sk, "fare.business_multiplier", "fare.base"))
		thin("air fares, business class, distance part", th.BusinessKm, "passenger-km", f.PerKm*f.BusinessMultiplier*sup,
			"fare.per_km × fare.business_multiplier × "+sk, keys(sk, "fare.business_multiplier", "fare.per_km"))
	}
	dsa := b.e.Table.Subsistence(venue)
	basis := ""
	// The basis is the product of keys the rate is made of, before any
	// recosting (Line.Recost): the allowance and its exchange rate.
	var prod []string
	for _, k := range b.dsaKeys[venue] {
		if !strings.HasPrefix(k, "recost.") {
			prod = append(prod, k)
		}
	}
	if len(prod) > 1 {
		basis = strings.Join(prod, " × ")
	}
	nightKeys := append(append([]string(nil), b.dsaKeys[venue]...), "flight.long_haul_hours")
	line("daily subsistence allowance", bl.Nights, "traveller-nights", dsa, basis, keys(nightKeys...))
	line("terminal expenses", bl.TravellerTrips, "return trips", b.e.Table.Rules.Terminal, "", append(append([]string(nil), b.fareKeys["terminal.expenses"]...), whoKeys...))
}

// programmeSupport charges the fund's programme support cost on what it
// spends each year; its quantity is already in the year's prices, so it
// is not escalated again.
func (b *builder) programmeSupport() {
	rate := b.r.value(pscKey)
	spent := map[int]float64{}
	uses := map[int][]string{}
	var years []int
	for i := range b.e.Lines {
		l := &b.e.Lines[i]
		if l.Payer == VoluntaryFund {
			if _, ok := spent[l.Year]; !ok {
				years = append(years, l.Year)
				uses[l.Year] = []string{pscKey}
			}
			spent[l.Year] += l.Amount
			uses[l.Year] = dedupe(append(uses[l.Year], l.Uses...))
		}
	}
	psc := msg.New("item.programme_support", "Programme support costs on the fund's expenditure")
	for _, y := range years {
		if spent[y] == 0 || rate == 0 {
			continue
		}
		l := Line{Year: y, Category: Sponsorship, Section: Outside, Payer: VoluntaryFund, Object: ProgrammeSupportCosts,
			ItemMsg: psc, Item: psc.English, Quantity: spent[y], Unit: "USD of fund expenditure",
			Rate: rate, Amount: spent[y] * rate, Key: pscKey, Uses: uses[y], Escalation: 1, Recost: 1,
			Basis: "sponsored delegates' travel of the year × the programme support rate"}
		for _, k := range l.Uses {
			l.Placeholder = l.Placeholder || b.isPlaceholder(k)
		}
		b.e.Lines = append(b.e.Lines, l)
	}
}

const pscKey = "fund.programme_support_rate"

func (b *builder) finish() {
	b.programmeSupport()
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
	sa := e.StaffAssessment
	for i := range e.Lines {
		l := &e.Lines[i]
		if k := l.Year - b.sch.FirstYear; k >= 0 && k < len(e.Years) {
			e.Years[k].add(l, sa)
		}
		for c := range e.Cycles {
			if l.Year >= e.Cycles[c].FirstYear && l.Year <= e.Cycles[c].LastYear {
				e.Cycles[c].add(l, sa)
			}
		}
		e.Total.add(l, sa)
	}
	for i := range e.Years {
		w, co2 := b.workload[i], b.co2[e.Years[i].FirstYear]
		e.Years[i].Workload, e.Years[i].CO2Kg = w, co2
		for c := range e.Cycles {
			if e.Years[i].FirstYear >= e.Cycles[c].FirstYear && e.Years[i].FirstYear <= e.Cycles[c].LastYear {
				e.Cycles[c].Workload.add(w)
				e.Cycles[c].CO2Kg += co2
			}
		}
		e.Total.Workload.add(w)
		e.Total.CO2Kg += co2
	}
}

// civil is the calendar day of t at the venue, as midnight UTC.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
