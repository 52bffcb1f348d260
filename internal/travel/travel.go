// Package travel turns a schedule into travel blocks: the trips a
// delegation books to attend its in-person and hybrid meetings, what each
// trip costs (return air fare from the capital, subsistence at the venue,
// terminal expenses) and which parallel sessions a delegation of k people
// cannot cover. The trip structure depends only on the calendar, so it is
// built once and priced for each of the 193 delegations.
package travel

import (
	"sort"
	"sync"
	"time"

	"mechplan/internal/geo"
	"mechplan/internal/model"
	"mechplan/internal/refdata"
	"mechplan/internal/schedule"
)

// DefaultBridgeDays is how many days without meetings a traveller waits
// through at the venue rather than flying home: a weekend plus a holiday
// on either side, so a block that spans a weekend is one trip.
const DefaultBridgeDays = 4

// FareModel is the air-fare and flight-time rule set.
type FareModel struct {
	// Base and PerKm give a one-way economy fare: Base + PerKm × km.
	Base, PerKm float64
	// BusinessMultiplier is the business-class fare over the economy fare.
	BusinessMultiplier float64
	Flight             geo.FlightModel
	// Business class when the longest leg (taken as the whole distance
	// flown, as if direct) reaches LegHours or the journey, connections
	// included, reaches JourneyHours: the UN staff rule.
	LegHours, JourneyHours float64
}

// Flight is the one-way journey from a capital to a venue.
type Flight struct {
	Km       float64
	Hours    float64 // journey time, connections included
	Business bool
	// Fare is the one-way fare in USD, business class when Business,
	// with the supplement of a thin route included.
	Fare float64
	// Region is 1 + the index in Rules.FareRegions of the capital's fare
	// region when its fares carry a supplement, 0 when they do not.
	Region int
}

// MaxFareRegions is how many regions may carry a fare supplement.
const MaxFareRegions = 8

// LocalKm is the distance under which a capital counts as the venue city
// (Vienna, Nairobi, Bangkok...): its delegates go home at night, so they
// need no fare, no subsistence and no terminal expenses.
const LocalKm = 50

// economy returns the flight in economy class, whatever its length.
func (f FareModel) economy(fl Flight) Flight {
	if fl.Business && f.BusinessMultiplier > 0 {
		fl.Business = false
		fl.Fare /= f.BusinessMultiplier
	}
	return fl
}

// withSupplement puts a thin route's supplement on the flight: region is
// its index in Rules.FareRegions, supplement the fraction of the fare.
func withSupplement(fl Flight, region int, supplement float64) Flight {
	if fl.Km == 0 || region < 0 {
		return fl
	}
	fl.Region = region + 1
	fl.Fare *= 1 + supplement
	return fl
}

// Fly prices the one-way journey over a great-circle distance; within
// LocalKm there is no journey.
func (f FareModel) Fly(km float64) Flight {
	if km < LocalKm {
		return Flight{}
	}
	fl := Flight{Km: km, Hours: f.Flight.Hours(km)}
	leg := km / f.Flight.SpeedKmh
	fl.Business = leg >= f.LegHours || fl.Hours >= f.JourneyHours
	fl.Fare = f.Base + f.PerKm*km
	if fl.Business {
		fl.Fare *= f.BusinessMultiplier
	}
	return fl
}

// Carbon is the emissions model of the ICAO Carbon Emissions Calculator
// methodology, reduced to what a planner needs: the great-circle distance
// is lengthened by a correction for routing and holding that depends on
// its band, fuel burnt per passenger and corrected kilometre, 3.16 kg of
// CO₂ per kg of jet fuel, and a factor for the larger share of the cabin
// a business seat takes (docs/costs.md).
type Carbon struct {
	// FuelKgPerKm is jet fuel per economy passenger and corrected km.
	FuelKgPerKm float64
	// CO2PerFuel is kg of CO₂ per kg of fuel burnt.
	CO2PerFuel float64
	// BusinessFactor multiplies a business seat's share.
	BusinessFactor float64
	// Correction lengthens the great-circle distance: Short km under
	// ShortKm, Medium km up to LongKm, Long km beyond.
	ShortKm, LongKm     float64
	Short, Medium, Long float64
}

// CorrectedKm is the distance the ICAO method charges for a great-circle
// distance.
func (c Carbon) CorrectedKm(km float64) float64 {
	switch {
	case km <= 0:
		return 0
	case km < c.ShortKm:
		return km + c.Short
	case km <= c.LongKm:
		return km + c.Medium
	}
	return km + c.Long
}

// OneWayKg is the CO₂ of one passenger's one-way flight, in kg.
func (c Carbon) OneWayKg(fl Flight) float64 {
	kg := c.CorrectedKm(fl.Km) * c.FuelKgPerKm * c.CO2PerFuel
	if fl.Business && c.BusinessFactor > 0 {
		kg *= c.BusinessFactor
	}
	return kg
}

// Rules are the travel rules and rates of one evaluation, in USD.
type Rules struct {
	Fare FareModel
	// DelegatesBusiness: delegations that pay their own way fly business
	// class under the UN staff rule (Fare.LegHours, Fare.JourneyHours);
	// false puts them in economy. National rules vary, so it is a
	// setting; the Secretariat's staff always follow the UN rule and
	// sponsored seats always fly economy.
	DelegatesBusiness bool
	Carbon            Carbon
	// Subsistence is the daily subsistence allowance per night, in USD,
	// by venue code.
	Subsistence map[string]float64
	// Terminal is the terminal expenses of one traveller's trip, in USD.
	Terminal float64
	// LongHaulHours: from this journey time on, travellers leave two days
	// before the first meeting instead of one.
	LongHaulHours float64
	// BridgeDays: see DefaultBridgeDays.
	BridgeDays int
	// FareRegions are the M49 regions whose fares carry a supplement
	// (at most MaxFareRegions), FareSupplements the supplement of each as
	// a fraction of the distance model's fare: thin routes (the Pacific,
	// Central Africa) cost more than their distance says.
	FareRegions     []string
	FareSupplements []float64
}

// regionOf is the index in FareRegions of a state's region, -1 if none.
func (r Rules) regionOf(s *refdata.MemberState) int {
	for i, code := range r.FareRegions {
		if code == s.M49Region && i < MaxFareRegions {
			return i
		}
	}
	return -1
}

// Attendance says which meetings capital-based delegates fly to.
type Attendance int

const (
	// InPersonOnly: delegates follow hybrid and virtual meetings from their
	// capital, as the time-zone burden counts them by default; only
	// in-person meetings need a trip.
	InPersonOnly Attendance = iota
	// InPersonAndHybrid: delegates also fly to hybrid meetings.
	InPersonAndHybrid
)

// travels reports whether a meeting of the format needs a trip.
func (a Attendance) travels(f model.Format) bool {
	return f == model.InPerson || (f == model.Hybrid && a == InPersonAndHybrid)
}

// Trip is a travel block in the calendar: meetings attended in person at
// one venue with at most BridgeDays idle days between them. It is the same
// for every delegation that attends everything; only the dates of
// departure and the cost differ from one capital to another.
type Trip struct {
	Venue string
	// First and Last are the first and last meeting days, civil dates at
	// the venue (midnight UTC).
	First, Last time.Time
	Year        int   // the year of the first meeting day
	Sessions    []int // indexes into Schedule.Sessions, in calendar order
	Meetings    int
	// kinds has bit i set when a session of model.BodyKinds[i] is in the trip.
	kinds uint8
}

// Trips lays out the trips of a delegation that attends every meeting it
// travels to (see Attendance). Virtual meetings never need a trip. A change
// of venue always starts a new trip.
func Trips(sch *schedule.Schedule, bridgeDays int, attend Attendance) []Trip {
	order := make([]int, 0, len(sch.Meetings))
	for i := range sch.Meetings {
		if attend.travels(sch.Meetings[i].Format) {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool {
		return sch.Meetings[order[a]].Start.Before(sch.Meetings[order[b]].Start)
	})
	var trips []Trip
	lastDay := 0
	for _, i := range order {
		m := &sch.Meetings[i]
		day := civilDay(m.Start)
		cur := len(trips) - 1
		if cur < 0 || trips[cur].Venue != m.Venue || day-lastDay-1 > bridgeDays {
			d := dayDate(day)
			trips = append(trips, Trip{Venue: m.Venue, First: d, Year: d.Year()})
			cur++
		}
		t := &trips[cur]
		if day > lastDay || t.Last.IsZero() {
			t.Last = dayDate(day)
			lastDay = day
		}
		t.Meetings++
		t.kinds |= kindBit(m.Kind)
		if !contains(t.Sessions, m.Session) {
			t.Sessions = append(t.Sessions, m.Session)
		}
	}
	for i := range trips {
		sort.Ints(trips[i].Sessions)
	}
	return trips
}

func contains(xs []int, x int) bool {
	// Trips hold a handful of sessions; a scan beats a map.
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// civilDay numbers the venue's calendar day of t, so that gaps between
// meeting days are plain subtraction.
func civilDay(t time.Time) int {
	y, m, d := t.Date()
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func dayDate(n int) time.Time { return time.Unix(int64(n)*86400, 0).UTC() }

func kindIndex(k model.BodyKind) int {
	for i, b := range model.BodyKinds {
		if b == k {
			return i
		}
	}
	return len(model.BodyKinds) - 1
}

func kindBit(k model.BodyKind) uint8 { return 1 << kindIndex(k) }

// Delegation is who a member state sends to the mechanism's meetings.
type Delegation struct {
	State *refdata.MemberState
	// Travellers is how many capital-based experts fly to a session, by
	// body kind, indexed as model.BodyKinds. On a trip with sessions of
	// several kinds the largest number travels and stays throughout.
	// Counts may be fractional: an average delegation over many states,
	// or a sensitivity run that moves the count by 20%.
	Travellers [6]float64
	// MissionDelegates is how many diplomats of the permanent mission
	// follow the process. Where the state keeps a mission at the venue
	// they attend locally; elsewhere they fly in with the experts.
	MissionDelegates float64
}

// SetTravellers sends the same number of experts to every kind of body.
func (d *Delegation) SetTravellers(n float64) {
	for i := range d.Travellers {
		d.Travellers[i] = n
	}
}

// people is how many of the delegation are in the room for a trip with
// the given sessions: the most experts any of its body kinds needs, plus
// the mission's delegates.
func (d *Delegation) people(kinds uint8) float64 {
	n := 0.0
	for i, t := range d.Travellers {
		if kinds&(1<<i) != 0 && t > n {
			n = t
		}
	}
	return n + d.MissionDelegates
}

// flying is how many of them board a plane for a trip to the venue.
func (d *Delegation) flying(kinds uint8, hasMission bool) float64 {
	n := d.people(kinds)
	if hasMission {
		n -= d.MissionDelegates
	}
	return n
}

// Bill is what some travellers on some trips cost, in the parts a cost
// statement shows. All money is USD.
type Bill struct {
	TravellerTrips  float64 // one traveller's return journey counts 1
	EconomyFlights  float64 // one-way flights in economy
	BusinessFlights float64 // one-way flights in business class
	EconomyKm       float64 // passenger-km flown in economy
	BusinessKm      float64
	Nights          float64 // traveller-nights at the venue
	CO2Kg           float64 // the flights' CO₂ by the Carbon model
	Fares           float64
	Subsistence     float64
	Terminal        float64
	// Thin are, per fare region (Rules.FareRegions), the flights and
	// passenger-km whose fares carry that region's supplement, included
	// in the counts above: the supplement is Thin × the distance model's
	// rates × the supplement.
	Thin [MaxFareRegions]ThinFlights
}

// ThinFlights counts the flights of one fare region by class.
type ThinFlights struct {
	EconomyFlights, BusinessFlights, EconomyKm, BusinessKm float64
}

// Total is fares, subsistence and terminal expenses together.
func (b *Bill) Total() float64 { return b.Fares + b.Subsistence + b.Terminal }

// Add adds another bill.
func (b *Bill) Add(o *Bill) {
	b.TravellerTrips += o.TravellerTrips
	b.EconomyFlights += o.EconomyFlights
	b.BusinessFlights += o.BusinessFlights
	b.EconomyKm += o.EconomyKm
	b.BusinessKm += o.BusinessKm
	b.Nights += o.Nights
	b.CO2Kg += o.CO2Kg
	b.Fares += o.Fares
	b.Subsistence += o.Subsistence
	b.Terminal += o.Terminal
	for r := range b.Thin {
		t, u := &b.Thin[r], &o.Thin[r]
		t.EconomyFlights += u.EconomyFlights
		t.BusinessFlights += u.BusinessFlights
		t.EconomyKm += u.EconomyKm
		t.BusinessKm += u.BusinessKm
	}
}

// Price prices n travellers on one return journey of the given nights;
// callers send no one when there is no flight (a local delegation).
func Price(n float64, fl Flight, nights int, dsa, terminal float64) Bill {
	if n <= 0 {
		return Bill{}
	}
	b := Bill{TravellerTrips: n, Nights: n * float64(nights)}
	if fl.Business {
		b.BusinessFlights = 2 * n
		b.BusinessKm = 2 * n * fl.Km
	} else {
		b.EconomyFlights = 2 * n
		b.EconomyKm = 2 * n * fl.Km
	}
	if r := fl.Region - 1; r >= 0 && r < MaxFareRegions {
		t := &b.Thin[r]
		t.EconomyFlights, t.BusinessFlights = b.EconomyFlights, b.BusinessFlights
		t.EconomyKm, t.BusinessKm = b.EconomyKm, b.BusinessKm
	}
	b.Fares = 2 * n * fl.Fare
	b.Terminal = n * terminal
	b.Subsistence = b.Nights * dsa
	return b
}

// Price prices n travellers like the package function and adds the CO₂
// of their flights under the table's carbon model.
func (t *Table) Price(n float64, fl Flight, nights int, dsa float64) Bill {
	b := Price(n, fl, nights, dsa, t.Rules.Terminal)
	if b.TravellerTrips > 0 {
		b.CO2Kg = 2 * n * t.Rules.Carbon.OneWayKg(fl)
	}
	return b
}

// Table holds, for one evaluation, every capital-to-venue flight and each
// venue's subsistence rate, so that pricing 193 delegations is arithmetic.
type Table struct {
	Rules   Rules
	States  []refdata.MemberState
	venues  []string
	index   map[string]int
	flights []Flight // state i, venue j at i*len(venues)+j
	long    []bool   // the flight is long haul: leave two days early
	mission []bool
	dsa     []float64
}

// geometry is what does not depend on the rates: distances and missions.
type geometry struct {
	km      []float64
	mission []bool
}

// geometries caches the geometry of each reference set: the rates change
// from one evaluation to the next, the capitals and venues do not.
var geometries sync.Map // *refdata.Data -> *geometry

func geometryOf(ref *refdata.Data) *geometry {
	if g, ok := geometries.Load(ref); ok {
		return g.(*geometry)
	}
	nv := len(ref.Venues)
	g := &geometry{km: make([]float64, len(ref.States)*nv), mission: make([]bool, len(ref.States)*nv)}
	for i := range ref.States {
		s := &ref.States[i]
		for j := range ref.Venues {
			v := &ref.Venues[j]
			g.km[i*nv+j] = geo.GreatCircleKm(s.Lat, s.Lon, v.Lat, v.Lon)
			g.mission[i*nv+j] = s.HasMission(v.Code)
		}
	}
	geometries.Store(ref, g)
	return g
}

// NewTable prices the flights of every member state to every venue.
func NewTable(ref *refdata.Data, rules Rules) *Table {
	t := &Table{Rules: rules, States: ref.States, venues: ref.VenueCodes(), index: map[string]int{}}
	nv := len(t.venues)
	g := geometryOf(ref)
	t.mission = g.mission
	t.flights = make([]Flight, len(g.km))
	t.long = make([]bool, len(g.km))
	for k, km := range g.km {
		t.flights[k] = rules.stateFlight(&t.States[k/nv], km)
		t.long[k] = t.isLong(t.flights[k])
	}
	t.dsa = make([]float64, nv)
	for j, code := range t.venues {
		t.index[code] = j
		t.dsa[j] = rules.Subsistence[code]
	}
	return t
}

// stateFlight is a delegation's flight from its capital, with its fare
// region's supplement on a thin route.
func (r Rules) stateFlight(s *refdata.MemberState, km float64) Flight {
	fl := r.delegateFlight(km)
	if len(r.FareRegions) > 0 {
		if i := r.regionOf(s); i >= 0 && i < len(r.FareSupplements) {
			fl = withSupplement(fl, i, r.FareSupplements[i])
		}
	}
	return fl
}

// delegateFlight is a delegation's flight: business class only when
// delegations follow the UN staff rule.
func (r Rules) delegateFlight(km float64) Flight {
	fl := r.Fare.Fly(km)
	if !r.DelegatesBusiness {
		fl = r.Fare.economy(fl)
	}
	return fl
}

func (t *Table) isLong(fl Flight) bool { return fl.Km > 0 && fl.Hours >= t.Rules.LongHaulHours }

// FlightFrom returns the one-way flight between two points under the
// table's rules, for travellers who do not start from a capital (the
// secretariat's staff flying from New York).
func (t *Table) FlightFrom(lat, lon float64, ref *refdata.Data, venue string) Flight {
	v, ok := ref.Venue(venue)
	if !ok {
		return Flight{}
	}
	return t.Rules.Fare.Fly(geo.GreatCircleKm(lat, lon, v.Lat, v.Lon))
}

// Subsistence returns the USD rate per night at a venue.
func (t *Table) Subsistence(venue string) float64 { return t.dsa[t.index[venue]] }

// Departure returns the day a traveller leaves for a trip and the day they
// come home: the day before the first meeting (two days before after a
// long-haul journey) and the day after the last.
func (t *Table) Departure(trip *Trip, fl Flight) (depart, back time.Time) {
	lead := 1
	if t.isLong(fl) {
		lead = 2
	}
	return trip.First.AddDate(0, 0, -lead), trip.Last.AddDate(0, 0, 1)
}

// TripPlan is one trip as a delegation books it.
type TripPlan struct {
	Trip         *Trip
	Depart, Back time.Time
	Nights       int
	DaysAway     int     // departure and return days included
	People       float64 // in the room: experts and mission delegates
	Flying       float64 // of whom fly from the capital
	// Sponsored is how many of those who fly the sponsorship fund pays
	// for, in economy; the others fly on Flight.
	Sponsored float64
	Flight    Flight
	// Bill is the whole trip; SponsoredBill the fund's part of it.
	Bill, SponsoredBill Bill
}

// Itinerary is a delegation's trips over the horizon.
type Itinerary struct {
	Delegation Delegation
	Trips      []TripPlan
	DaysAway   int
	Cost       float64
	// Sponsored is the part of Cost the sponsorship fund pays.
	Sponsored float64
	Bill      Bill
}

// Plan prices a delegation's trips, with seats sponsored economy seats on
// each trip (0 for a state the fund does not serve), as All prices them.
// The delegation's state must be one of the table's member states or
// carry its own coordinates and missions.
func (t *Table) Plan(trips []Trip, d Delegation, ref *refdata.Data, seats float64) Itinerary {
	it := Itinerary{Delegation: d}
	for k := range trips {
		tr := &trips[k]
		v, ok := ref.Venue(tr.Venue)
		if !ok {
			continue
		}
		fl := t.Rules.stateFlight(d.State, geo.GreatCircleKm(d.State.Lat, d.State.Lon, v.Lat, v.Lon))
		p := t.plan(tr, &d, fl, d.State.HasMission(tr.Venue), t.Subsistence(tr.Venue), seats)
		it.Trips = append(it.Trips, p)
		it.DaysAway += p.DaysAway
		it.Bill.Add(&p.Bill)
		it.Sponsored += p.SponsoredBill.Total()
	}
	it.Cost = it.Bill.Total()
	return it
}

func (t *Table) plan(tr *Trip, d *Delegation, fl Flight, hasMission bool, dsa, seats float64) TripPlan {
	p := TripPlan{Trip: tr, Flight: fl, People: d.people(tr.kinds)}
	if fl.Km > 0 {
		p.Flying = d.flying(tr.kinds, hasMission)
	}
	p.Depart, p.Back = t.Departure(tr, fl)
	p.Nights = int(p.Back.Sub(p.Depart).Hours() / 24)
	if p.Flying > 0 {
		p.DaysAway = p.Nights + 1
		p.Sponsored = min(max(seats, 0), p.Flying)
	}
	p.Bill = t.Price(p.Flying-p.Sponsored, fl, p.Nights, dsa)
	if p.Sponsored > 0 {
		p.SponsoredBill = t.Price(p.Sponsored, t.Rules.Fare.economy(fl), p.Nights, dsa)
		p.Bill.Add(&p.SponsoredBill)
	}
	return p
}
