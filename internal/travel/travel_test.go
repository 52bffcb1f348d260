package travel_test

import (
	"math"
	"testing"
	"time"

	"mechplan/internal/geo"
	"mechplan/internal/model"
	"mechplan/internal/refdata"
	"mechplan/internal/schedule"
	"mechplan/internal/travel"
)

// The NYC venue sits at 40.749 N, 73.968 W (venues.json). Capitals on its
// meridian make the great-circle distance a hand calculation:
// degrees × 6371.0088 km × π / 180 = degrees × 111.1951 km.
const (
	nycLat, nycLon = 40.749, -73.968
	kmPerDegree    = geo.EarthRadiusKm * math.Pi / 180
)

// rules are the default rates of rates.json, written out so the test
// figures below can be checked by hand.
var rules = travel.Rules{
	Fare: travel.FareModel{
		Base: 50, PerKm: 0.068, BusinessMultiplier: 3,
		Flight:   geo.FlightModel{SpeedKmh: 800, OverheadHours: 1.5},
		LegHours: 9, JourneyHours: 11,
	},
	Subsistence:   map[string]float64{"NYC": 378},
	Terminal:      150,
	LongHaulHours: 9,
	BridgeDays:    travel.DefaultBridgeDays,
	// The tests below check the UN staff rule's business class.
	DelegatesBusiness: true,
}

func ref(t testing.TB) *refdata.Data {
	t.Helper()
	d, err := refdata.Default()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// build lays out a scenario of plenary, thematic groups and blocks at NYC.
func build(t testing.TB, blocks ...model.Block) *schedule.Schedule {
	t.Helper()
	s := &model.Scenario{
		Version: model.FormatVersion, ID: "t", Name: "test",
		Horizon: model.Horizon{Start: "2026-01-01", Years: 1}, CycleYears: 1,
		Bodies: []model.Body{
			{ID: "plenary", Name: "Plenary", Kind: model.Plenary, Meetings: 10, Format: model.InPerson, Interpretation: true},
			{ID: "tg1", Name: "Group one", Kind: model.ThematicGroup, Meetings: 4, Format: model.InPerson, Interpretation: true},
			{ID: "tg2", Name: "Group two", Kind: model.ThematicGroup, Meetings: 4, Format: model.InPerson, Interpretation: true},
			{ID: "pl4", Name: "Short plenary", Kind: model.Plenary, Meetings: 4, Format: model.InPerson, Interpretation: true},
		},
		Blocks: blocks,
	}
	sch, err := schedule.Build(s, ref(t))
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func block(id, date string, arr model.Arrangement, bodies ...string) model.Block {
	b := model.Block{ID: id, Venue: "NYC", Dates: []string{date}, Arrangement: arr}
	for _, x := range bodies {
		b.Sessions = append(b.Sessions, model.Session{Body: x})
	}
	return b
}

// capital is a state on the venue's meridian, degrees south of it.
func capital(degrees float64, mission bool) *refdata.MemberState {
	return &refdata.MemberState{ISO3: "XXX", Lat: nycLat - degrees, Lon: nycLon, Group: refdata.GroupLatinAmerica,
		Missions: map[string]bool{"NYC": mission}}
}

func delegation(st *refdata.MemberState) travel.Delegation {
	d := travel.Delegation{State: st, MissionDelegates: 1}
	d.Travellers[0] = 2 // plenary
	d.Travellers[1] = 1 // thematic group
	return d
}

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 0.01 {
		t.Errorf("%s = %.4f, want %.4f", what, got, want)
	}
}

func date(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }

func TestOneBlockWithAndWithoutMission(t *testing.T) {
	sch := build(t, block("july", "2026-07-20", model.Consecutive, "plenary"))
	trips := travel.Trips(sch, travel.DefaultBridgeDays, travel.InPersonAndHybrid)
	if len(trips) != 1 || !trips[0].First.Equal(date("2026-07-20")) || !trips[0].Last.Equal(date("2026-07-24")) {
		t.Fatalf("trips = %+v, want one trip 20–24 July", trips)
	}
	tab := travel.NewTable(ref(t), rules)
	// 10 degrees: 1111.951 km, 1111.951/800 + 1.5 = 2.89 h, economy;
	// fare 50 + 0.068 × 1111.951 = 125.6127 each way. Leave Sunday 19,
	// back Saturday 25: 6 nights × 378. Per traveller:
	// 2 × 125.6127 + 2268 + 150 = 2669.2254.
	for _, c := range []struct {
		mission bool
		flying  float64
	}{{true, 2}, {false, 3}} {
		it := tab.Plan(trips, delegation(capital(10, c.mission)), ref(t), 0)
		p := it.Trips[0]
		near(t, "km", p.Flight.Km, 10*kmPerDegree)
		if p.Flight.Business || !p.Depart.Equal(date("2026-07-19")) || !p.Back.Equal(date("2026-07-25")) || p.Nights != 6 || p.DaysAway != 7 {
			t.Errorf("mission %v: %+v", c.mission, p)
		}
		if p.Flying != c.flying || p.People != 3 {
			t.Errorf("mission %v: flying %g of %g, want %g of 3", c.mission, p.Flying, p.People, c.flying)
		}
		near(t, "cost", it.Cost, c.flying*2669.2254)
	}
}

func TestLongHaulCrossesBusinessThreshold(t *testing.T) {
	sch := build(t, block("july", "2026-07-20", model.Consecutive, "plenary"))
	trips := travel.Trips(sch, travel.DefaultBridgeDays, travel.InPersonAndHybrid)
	tab := travel.NewTable(ref(t), rules)
	// The leg threshold is 9 h at 800 km/h: 7200 km, 64.75 degrees.
	below := tab.Plan(trips, delegation(capital(64, true)), ref(t), 0).Trips[0]
	if below.Flight.Business {
		t.Errorf("64 degrees (%.0f km, %.2f h flying) flies business", below.Flight.Km, below.Flight.Km/800)
	}
	// 70 degrees: 7783.657 km, 9.73 h in the air: business class at
	// 3 × (50 + 0.068 × 7783.656) = 3 × 579.2886 = 1737.8657 each way. The journey of
	// 11.23 h is long haul: leave Saturday 18, back Saturday 25, 7 nights.
	// Per traveller 2 × 1737.8657 + 7 × 378 + 150 = 6271.7314.
	it := tab.Plan(trips, delegation(capital(70, true)), ref(t), 0)
	p := it.Trips[0]
	if !p.Flight.Business || !p.Depart.Equal(date("2026-07-18")) || p.Nights != 7 || p.DaysAway != 8 {
		t.Errorf("70 degrees: %+v", p)
	}
	near(t, "fare", p.Flight.Fare, 1737.8657)
	near(t, "cost", it.Cost, 2*6271.7314)
	if p.Bill.BusinessFlights != 4 || p.Bill.EconomyFlights != 0 {
		t.Errorf("bill %+v: want 4 business one-way flights", p.Bill)
	}
}

func TestBlockOverWeekendIsOneTrip(t *testing.T) {
	// Wednesday 15 July: Wed, Thu, Fri, then Mon 20 and Tue 21.
	sch := build(t, block("july", "2026-07-15", model.Consecutive, "plenary"))
	trips := travel.Trips(sch, travel.DefaultBridgeDays, travel.InPersonAndHybrid)
	if len(trips) != 1 {
		t.Fatalf("%d trips, want 1", len(trips))
	}
	if !trips[0].First.Equal(date("2026-07-15")) || !trips[0].Last.Equal(date("2026-07-21")) || trips[0].Meetings != 10 {
		t.Errorf("trip %+v", trips[0])
	}
	p := travel.NewTable(ref(t), rules).Plan(trips, delegation(capital(10, true)), ref(t), 0).Trips[0]
	if p.Nights != 8 { // 14 to 22 July
		t.Errorf("nights = %d, want 8", p.Nights)
	}
	// Without bridging, the weekend splits it.
	if n := len(travel.Trips(sch, 1, travel.InPersonAndHybrid)); n != 2 {
		t.Errorf("bridge 1 day: %d trips, want 2", n)
	}
}

func TestBlocksThreeWeeksApartAreTwoTrips(t *testing.T) {
	sch := build(t, block("a", "2026-07-20", model.Consecutive, "plenary"), block("b", "2026-08-10", model.Consecutive, "tg1"))
	trips := travel.Trips(sch, travel.DefaultBridgeDays, travel.InPersonAndHybrid)
	if len(trips) != 2 {
		t.Fatalf("%d trips, want 2", len(trips))
	}
	it := travel.NewTable(ref(t), rules).Plan(trips, delegation(capital(10, true)), ref(t), 0)
	// Trip 1: 2 plenary experts, 6 nights. Trip 2 (10–11 Aug, two days
	// of the group): 1 expert, 9 to 12 August, 3 nights:
	// 2 × 125.6127 + 3 × 378 + 150 = 1535.2254.
	if it.Trips[0].Flying != 2 || it.Trips[1].Flying != 1 || it.Trips[1].Nights != 3 {
		t.Errorf("trips %+v", it.Trips)
	}
	near(t, "cost", it.Cost, 2*2669.2254+1535.2254)
	if it.DaysAway != 7+4 {
		t.Errorf("days away %d, want 11", it.DaysAway)
	}
}

func TestTwoPersonDelegationMissesAParallelSession(t *testing.T) {
	sch := build(t, block("p", "2026-07-20", model.Parallel, "pl4", "tg1", "tg2"))
	if len(sch.Meetings) != 12 {
		t.Fatalf("%d meetings, want 12", len(sch.Meetings))
	}
	c := travel.Cover(sch, 2)
	// Three rooms for 2 days, two meetings a day: 4 slots of 3 meetings.
	// Two people follow the plenary and the first group; the second group
	// goes uncovered: 8 of 12 meeting hours covered.
	if c.Covered != 8 || math.Abs(c.Share-8.0/12) > 1e-9 {
		t.Errorf("covered %d (%.3f), want 8 (0.667)", c.Covered, c.Share)
	}
	if len(c.Uncovered) != 1 || c.Uncovered[0].Body != "tg2" || c.Uncovered[0].Missed != 4 || c.Uncovered[0].Date != "2026-07-20" {
		t.Errorf("uncovered %+v, want all of tg2", c.Uncovered)
	}
	if c3 := travel.Cover(sch, 3); c3.Covered != 12 || len(c3.Uncovered) != 0 {
		t.Errorf("three people: %+v", c3)
	}
	// The trip keeps both experts of the plenary for its whole length.
	it := travel.NewTable(ref(t), rules).Plan(travel.Trips(sch, 4, travel.InPersonAndHybrid), delegation(capital(10, false)), ref(t), 0)
	if it.Trips[0].People != 3 || it.Trips[0].Flying != 3 {
		t.Errorf("trip %+v", it.Trips[0])
	}
}

func TestLocalDelegationDoesNotTravel(t *testing.T) {
	sch := build(t, block("july", "2026-07-20", model.Consecutive, "plenary"))
	it := travel.NewTable(ref(t), rules).Plan(travel.Trips(sch, 4, travel.InPersonAndHybrid), delegation(capital(0.1, false)), ref(t), 0)
	if it.Cost != 0 || it.DaysAway != 0 || it.Trips[0].Flying != 0 {
		t.Errorf("a capital 11 km from the venue: %+v", it.Trips[0])
	}
}

func TestAllStatesSplitsSponsoredSeats(t *testing.T) {
	d := ref(t)
	sch := build(t, block("july", "2026-07-20", model.Consecutive, "plenary"))
	trips := travel.Trips(sch, 4, travel.InPersonAndHybrid)
	tab := travel.NewTable(d, rules)
	del := delegation(nil)
	all := tab.All(trips, del, travel.Sponsorship{})
	eligible := make([]bool, len(d.States))
	var want, saved float64
	for i := range d.States {
		one := tab.Plan(trips, travel.Delegation{State: &d.States[i], Travellers: del.Travellers, MissionDelegates: 1}, d, 0)
		near(t, d.States[i].ISO3, all.States[i].Cost, one.Cost)
		if d.States[i].LDC {
			eligible[i] = true
			if one.Cost > 0 {
				// A sponsored seat flies economy: the traveller's share of
				// the delegation's bill, less the business-class premium.
				seat := one.Cost / one.Trips[0].Flying
				if fl := one.Trips[0].Flight; fl.Business {
					premium := 2 * fl.Fare * (1 - 1/rules.Fare.BusinessMultiplier)
					seat -= premium
					saved += premium
				}
				want += seat
			}
		}
	}
	if saved == 0 {
		t.Fatal("no LDC capital is a business-class flight from New York: the test shows nothing")
	}
	sp := tab.All(trips, del, travel.Sponsorship{Eligible: eligible, Seats: 1})
	near(t, "total less the business premium of sponsored seats", sp.Cost, all.Cost-saved)
	near(t, "one LDC seat each, economy", sp.SponsoredCost, want)
	near(t, "paid + sponsored", sp.Paid[0].Total()+sp.Sponsored[0].Total(), sp.Cost)
	if top := all.MostBurdened(10); len(top) != 10 || top[0].Cost < top[9].Cost {
		t.Errorf("most burdened %+v", top)
	}
	var groups float64
	for _, g := range all.ByGroup() {
		groups += g.Cost
	}
	near(t, "groups sum", groups, all.Cost)
}
