package cost_test

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"

	"mechplan/internal/cost"
	"mechplan/internal/model"
	"mechplan/internal/refdata"
	"mechplan/internal/schedule"
	"mechplan/internal/store"
)

func ref(t testing.TB) *refdata.Data {
	t.Helper()
	d, err := refdata.Default()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// fixed pins the rates the hand calculations below use, so the tests do
// not follow later edits of the default table.
var fixed = []model.Override{
	{Key: "meeting.interpreted.NYC", Value: 20000},
	{Key: "meeting.uninterpreted.NYC", Value: 5000},
	{Key: "meeting.interpreted.GVA", Value: 25000},
	{Key: "meeting.hybrid_surcharge", Value: 4000},
	{Key: "meeting.virtual_platform", Value: 1000},
	{Key: "webcast.per_meeting", Value: 1500},
	{Key: "documentation.pages_per_session", Value: 40},
	{Key: "documentation.target_languages", Value: 5},
	{Key: "documentation.translation_per_page", Value: 500},
	{Key: "staff.posts.P-4", Value: 1},
	{Key: "staff.standard_cost.P-4", Value: 200000},
	{Key: "staff.posts.D-1", Value: 0}, {Key: "staff.posts.P-5", Value: 0}, {Key: "staff.posts.P-3", Value: 0},
	{Key: "staff.posts.P-2", Value: 0}, {Key: "staff.posts.GS-OL", Value: 0},
	{Key: "away.staff_travellers", Value: 3},
	{Key: "away.conference_travellers.GVA", Value: 0},
	{Key: "dsa.GVA", Value: 366},
	{Key: "fx.CHF", Value: 1.25},
	{Key: "terminal.expenses", Value: 150},
	{Key: "fare.base", Value: 50}, {Key: "fare.per_km", Value: 0.068}, {Key: "fare.business_multiplier", Value: 3},
	{Key: "flight.speed_kmh", Value: 800}, {Key: "flight.overhead_hours", Value: 1.5},
	{Key: "flight.business_threshold_leg_hours", Value: 9}, {Key: "flight.business_threshold_journey_hours", Value: 11},
	{Key: "flight.long_haul_hours", Value: 9},
	{Key: "cost.price_year", Value: 2026}, {Key: "cost.escalation_per_year", Value: 0},
	// Fares by distance alone: TestThinRouteSupplement sets them.
	{Key: "fare.region_supplement.017", Value: 0}, {Key: "fare.region_supplement.054", Value: 0},
	{Key: "fare.region_supplement.057", Value: 0}, {Key: "fare.region_supplement.061", Value: 0},
}

// scenario: in 2026 a plenary week in New York (10 interpreted, webcast
// meetings), a virtual informal town hall (2 meetings, no interpretation),
// and a hybrid thematic group in Geneva (4 interpreted meetings).
func scenario(extra ...model.Override) *model.Scenario {
	return &model.Scenario{
		Version: model.FormatVersion, ID: "t", Name: "test",
		Horizon: model.Horizon{Start: "2026-01-01", Years: 2}, CycleYears: 1,
		Bodies: []model.Body{
			{ID: "plenary", Name: "Plenary", Kind: model.Plenary, Meetings: 10, Format: model.InPerson, Interpretation: true, Webcast: true},
			{ID: "town", Name: "Town hall", Kind: model.Informal, Meetings: 2, Format: model.Virtual, Informal: true},
			{ID: "tg", Name: "Group", Kind: model.ThematicGroup, Meetings: 4, Format: model.Hybrid, Interpretation: true},
		},
		Blocks: []model.Block{
			{ID: "july", Venue: "NYC", Dates: []string{"2026-07-20"}, Arrangement: model.Consecutive, Sessions: []model.Session{{Body: "plenary"}}},
			{ID: "town", Venue: "NYC", Dates: []string{"2026-09-14"}, Arrangement: model.Consecutive, Sessions: []model.Session{{Body: "town"}}},
			{ID: "gva", Venue: "GVA", Dates: []string{"2026-10-12"}, Arrangement: model.Consecutive, Sessions: []model.Session{{Body: "tg"}}},
		},
		Assumptions: append(append([]model.Override(nil), fixed...), extra...),
	}
}

func estimate(t testing.TB, s *model.Scenario, opt cost.Options) (*cost.Estimate, *schedule.Schedule) {
	t.Helper()
	sch, err := schedule.Build(s, ref(t))
	if err != nil {
		t.Fatal(err)
	}
	e, err := cost.Compute(s, sch, ref(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	return e, sch
}

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 0.005 {
		t.Errorf("%s = %.4f, want %.4f", what, got, want)
	}
}

func line(t *testing.T, e *cost.Estimate, year int, key string) cost.Line {
	t.Helper()
	var found []cost.Line
	for _, l := range e.Lines {
		if l.Year == year && l.Key == key {
			found = append(found, l)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d lines with key %s in %d, want 1", len(found), key, year)
	}
	return found[0]
}

func TestRegularBudgetLinesByHand(t *testing.T) {
	e, _ := estimate(t, scenario(), cost.Options{})
	for _, c := range []struct {
		key      string
		q, rate  float64
		section  cost.Section
		category cost.Category
	}{
		{"meeting.interpreted.NYC", 10, 20000, cost.ConferenceManagement, cost.Servicing},
		{"meeting.uninterpreted.NYC", 2, 5000, cost.ConferenceManagement, cost.Servicing},
		{"meeting.interpreted.GVA", 4, 25000, cost.ConferenceManagement, cost.Servicing},
		{"meeting.hybrid_surcharge", 4, 4000, cost.ConferenceManagement, cost.Servicing},
		{"meeting.virtual_platform", 2, 1000, cost.ConferenceManagement, cost.Servicing},
		{"webcast.per_meeting", 10, 1500, cost.PublicInformation, cost.Servicing},
		// Two formal sessions (the town hall is informal): 2 × 40 pages ×
		// 5 languages.
		{"documentation.translation_per_page", 400, 500, cost.ConferenceManagement, cost.Documentation},
		{"staff.standard_cost.P-4", 1, 200000, cost.Disarmament, cost.Secretariat},
	} {
		l := line(t, e, 2026, c.key)
		if l.Quantity != c.q || l.Rate != c.rate || l.Amount != c.q*c.rate || l.Section != c.section ||
			l.Category != c.category || l.Payer != cost.RegularBudget {
			t.Errorf("%s: %+v", c.key, l)
		}
	}
	// Posts run every year of the horizon, meetings or not.
	if l := line(t, e, 2027, "staff.standard_cost.P-4"); l.Amount != 200000 {
		t.Errorf("2027 posts %+v", l)
	}
}

func TestStaffTravelToGeneva(t *testing.T) {
	e, _ := estimate(t, scenario(), cost.Options{})
	// New York (40.749, -73.968) to Geneva (venues.json) is about 6,200 km:
	// 7.75 h in the air (economy), a 9.25 h journey with the connection,
	// so long haul. The group meets Monday 12 and Tuesday 13 October:
	// leave Saturday 10, back 14, 4 nights at CHF 366 × 1.25 = USD 457.50.
	// Three staff: 12 traveller-nights.
	var staff cost.Line
	for _, l := range e.Lines {
		if l.Key == "dsa.GVA" && l.Category == cost.Secretariat {
			staff = l
		}
	}
	if staff.Quantity != 12 || staff.Rate != 457.5 || staff.Section != cost.Disarmament || staff.Basis != "dsa.GVA × fx.CHF.2025" {
		t.Errorf("staff subsistence %+v", staff)
	}
	// The override of every year's rate (fx.CHF) is read under the key of
	// the year in force: the price year 2026, whose latest average is 2025.
	if !slices.Contains(staff.Uses, "fx.CHF.2025") || !slices.Contains(staff.Uses, "away.staff_travellers") {
		t.Errorf("staff subsistence uses %v", staff.Uses)
	}
	var term cost.Line
	for _, l := range e.Lines {
		if l.Key == "terminal.expenses" && l.Category == cost.Secretariat {
			term = l
		}
	}
	near(t, "terminal", term.Amount, 3*150)
	var km float64
	for _, l := range e.Lines {
		if l.Key == "fare.per_km" && l.Category == cost.Secretariat {
			km = l.Quantity
		}
	}
	if km < 2*3*6100 || km > 2*3*6300 {
		t.Errorf("staff passenger-km %.0f, want about 3 × 2 × 6,200", km)
	}
}

func TestDelegationTravelIsPaidByMemberStatesAndFund(t *testing.T) {
	for _, c := range []struct {
		hybrid bool
		trips  float64 // per state
	}{{false, 1}, {true, 2}} {
		t.Run(fmt.Sprintf("travel to hybrid %t", c.hybrid), func(t *testing.T) {
			checkTravelPayers(t, cost.Options{Eligible: []string{"FJI", "CHL"}, TravelToHybrid: c.hybrid}, c.trips)
		})
	}
}

func checkTravelPayers(t *testing.T, opt cost.Options, tripsPerState float64) {
	e, _ := estimate(t, scenario(), opt)
	var paid, fund, psc float64
	for _, l := range e.Lines {
		switch {
		case l.Payer == cost.MemberStates:
			paid += l.Amount
		case l.Object == cost.ProgrammeSupportCosts:
			psc += l.Amount
		case l.Payer == cost.VoluntaryFund:
			fund += l.Amount
		}
		if (l.Payer == cost.MemberStates) != (l.Category == cost.Travel) || (l.Payer == cost.VoluntaryFund) != (l.Category == cost.Sponsorship) {
			t.Errorf("line %q: category %s, payer %s", l.Item, l.Category, l.Payer)
		}
	}
	// Delegations travel to the in-person plenary, and to the hybrid
	// group only when TravelToHybrid is set; the lines and the per-state
	// figures agree.
	near(t, "lines = all states", paid+fund, e.Travel.Cost)
	near(t, "fund", fund, e.Travel.SponsoredCost)
	near(t, "programme support cost, 13% of the fund's spending", psc, 0.13*fund)
	fij, _ := e.Itinerary("FJI", -1)
	chl, _ := e.Itinerary("CHL", -1)
	// One seat each on every trip: the fund pays one traveller's share,
	// flying economy (delegations fly economy by default, so a seat costs
	// what each of the delegation's travellers costs).
	want := 0.0
	for _, it := range []*cost.Itinerary{fij, chl} {
		for _, p := range it.Trips {
			if p.Flying > 0 {
				if p.Flight.Business {
					t.Errorf("%s flies business class by default", it.Delegation.State.ISO3)
				}
				want += p.Bill.Total() / p.Flying
				near(t, "the itinerary's sponsored seat", p.SponsoredBill.Total(), p.Bill.Total()/p.Flying)
			}
		}
	}
	near(t, "fund by hand", fund, want)
	fund += psc // the need includes the programme support cost
	f := e.Fund()
	if f.Eligible != 2 || f.Total.SeatTrips != 2*tripsPerState || f.Years[0].SeatTrips != 2*tripsPerState {
		t.Errorf("fund %+v, want 2 states × %g trips", f, tripsPerState)
	}
	p := e.Buys(fund / 2)
	if float64(p.SeatTrips) != tripsPerState || math.Abs(p.Share-0.5) > 1e-9 {
		t.Errorf("half the need buys %+v, want %g seat-trips", p, tripsPerState)
	}
}

func TestEscalationAfterThePriceYear(t *testing.T) {
	e, _ := estimate(t, scenario(model.Override{Key: "cost.escalation_per_year", Value: 0.02}), cost.Options{})
	l26 := line(t, e, 2026, "staff.standard_cost.P-4")
	l27 := line(t, e, 2027, "staff.standard_cost.P-4")
	if l26.Amount != 200000 || l27.Amount != 204000 || l27.Escalation != 1.02 {
		t.Errorf("2026 %+v\n2027 %+v", l26, l27)
	}
}

func TestUnknownOverrideNamesItsField(t *testing.T) {
	s := scenario(model.Override{Key: "meeting.interpreted.XXX", Value: 1})
	sch, err := schedule.Build(s, ref(t))
	if err != nil {
		t.Fatal(err)
	}
	_, err = cost.Compute(s, sch, ref(t), cost.Options{})
	var ps model.Problems
	if !errors.As(err, &ps) || ps[0].Path != "assumptions["+itoa(len(fixed))+"].key" {
		t.Errorf("err = %v", err)
	}
	if _, err := cost.Compute(scenario(), sch, ref(t), cost.Options{Eligible: []string{"XYZ"}}); err == nil {
		t.Error("an unknown sponsorship code should fail")
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// lineID identifies a line across two estimates.
type lineID struct {
	year     int
	item     string
	category cost.Category
}

// TestOverrideChangesExactlyTheLinesThatNameIt changes every assumption
// the built-in Global Mechanism and a mixed scenario use, one at a time,
// and checks that every line that moved names it.
func TestOverrideChangesExactlyTheLinesThatNameIt(t *testing.T) {
	gm, _, err := store.FindBuiltIn("global-mechanism")
	if err != nil {
		t.Fatal(err)
	}
	// Keys that a 50% rise does not move in these scenarios, and why.
	inert := map[string]string{
		"cost.escalation_per_year":                "0 × 1.5 is still 0",
		"flight.business_threshold_journey_hours": "the 9-hour leg rule decides first: the journey adds only 1.5 h",
		"staff.posts.D-1":                         "0 posts", "staff.posts.P-2": "0 posts",
		"away.conference_travellers.GVA":      "0 interpreters: Geneva has its own",
		"delegation.mission_delegates":        "every member state keeps a mission in New York, so mission delegates never fly there",
		"flight.business_threshold_leg_hours": "delegations fly economy and the test scenario has no Secretariat travel",
	}
	for _, s := range []*model.Scenario{gm, scenario()} {
		base, _ := estimate(t, s, cost.Options{})
		index := func(e *cost.Estimate) map[lineID]cost.Line {
			m := map[lineID]cost.Line{}
			for _, l := range e.Lines {
				id := lineID{l.Year, l.Item, l.Category}
				if _, dup := m[id]; dup {
					t.Fatalf("%s: two lines %v", s.ID, id)
				}
				m[id] = l
			}
			return m
		}
		before := index(base)
		keys := map[string]bool{}
		for _, l := range base.Lines {
			if l.Uses[0] != l.Key {
				t.Errorf("%s: line %q: Uses %v does not start with its key %s", s.ID, l.Item, l.Uses, l.Key)
			}
			for _, k := range l.Uses {
				keys[k] = true
			}
		}
		for k := range keys {
			v, ok := base.Assumptions.Get(k)
			if !ok {
				t.Fatalf("line names %s, which the rates table lacks", k)
			}
			// Moved by half, within the rate's bounds: a year by five, a
			// setting to its other value.
			nv := v.Value * 1.5
			switch b := cost.BoundsOf(&v.Rate); {
			case b.Whole && b.Hi == 1:
				nv = 1 - v.Value
			case b.Whole:
				nv = v.Value - 5
			case nv > b.Hi:
				nv = (v.Value + b.Hi) / 2
			}
			c := s.Clone()
			c.Assumptions = append(slices.DeleteFunc(c.Assumptions, func(o model.Override) bool { return o.Key == k }),
				model.Override{Key: k, Value: nv})
			after := index(must(estimate(t, c, cost.Options{})))
			changed := 0
			for id, a := range after {
				b, ok := before[id]
				if ok && a.Amount == b.Amount && a.Quantity == b.Quantity {
					continue
				}
				changed++
				if !slices.Contains(a.Uses, k) {
					t.Errorf("%s: %s moved to %v changed %q, which does not name it (uses %v)", s.ID, k, nv, id.item, a.Uses)
				}
			}
			for id, b := range before {
				if _, ok := after[id]; !ok {
					changed++
					if !slices.Contains(b.Uses, k) {
						t.Errorf("%s: %s moved to %v removed %q, which does not name it", s.ID, k, nv, id.item)
					}
				}
			}
			if changed == 0 && inert[k] == "" {
				t.Errorf("%s: %s moved to %v changed no line, though lines name it", s.ID, k, nv)
			}
		}
	}
}

func must(e *cost.Estimate, _ *schedule.Schedule) *cost.Estimate { return e }

func TestSensitivityIsSortedAndLinear(t *testing.T) {
	e, _ := estimate(t, scenario(), cost.Options{})
	sw, err := e.Sensitivity(0.2)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(sw); i++ {
		if sw[i].Swing > sw[i-1].Swing {
			t.Fatalf("not sorted at %d: %v then %v", i, sw[i-1], sw[i])
		}
	}
	for _, s := range sw {
		if s.Key == "staff.standard_cost.P-4" {
			// Two post-years of USD 200,000: ±20% is ±80,000.
			near(t, "P-4 swing", s.Swing, 160000)
			near(t, "P-4 low", e.Total.Total-s.Low, 80000)
			return
		}
	}
	t.Error("no swing for staff.standard_cost.P-4")
}

// TestSensitivityBracketsTheBase: every cost is monotonic in each
// assumption, so moving one by ±20 % leaves the base total between the
// two ends; a moved value that lost its price year (a 2008 rate read as
// a current one) would put both ends below the base.
func TestSensitivityBracketsTheBase(t *testing.T) {
	for _, id := range []string{"oewg-2021-2025", "global-mechanism", "s7-rotating-venues"} {
		s, _, err := store.FindBuiltIn(id)
		if err != nil {
			t.Fatal(err)
		}
		e, _ := estimate(t, s, cost.Options{})
		sw, err := e.Sensitivity(0.2)
		if err != nil {
			t.Fatal(err)
		}
		base := e.Total.Total
		for _, x := range sw {
			lo, hi := min(x.Low, x.High), max(x.Low, x.High)
			if base < lo-0.01 || base > hi+0.01 {
				t.Errorf("%s: %s ±20 %% gives %.2f and %.2f around a base of %.2f", id, x.Key, x.Low, x.High, base)
			}
		}
	}
}

func TestPeriodsAddUp(t *testing.T) {
	gm, _, _ := store.FindBuiltIn("global-mechanism")
	e, _ := estimate(t, gm, cost.Options{})
	var years, cycles float64
	for _, y := range e.Years {
		years += y.Total
		near(t, y.Label+" by section", y.BySection.ConferenceManagement+y.BySection.Disarmament+y.BySection.PublicInformation+y.BySection.Outside, y.Total)
		near(t, y.Label+" by payer", y.ByPayer.RegularBudget+y.ByPayer.MemberStates+y.ByPayer.VoluntaryFund, y.Total)
		near(t, y.Label+" by category", y.Servicing+y.Documentation+y.Secretariat+y.Travel+y.Sponsorship, y.Total)
	}
	for _, c := range e.Cycles {
		cycles += c.Total
	}
	near(t, "years", years, e.Total.Total)
	near(t, "cycles", cycles, e.Total.Total)
	if len(e.Years) != 5 || len(e.Cycles) != 3 || e.Cycles[0].Label != "2026–2027" {
		t.Errorf("periods %d years, cycles %+v", len(e.Years), e.Cycles)
	}
}

// TestOutsideStandardHours: a body moved to 08:00 in New York meets
// 08:00–11:00 and 13:00–16:00, both outside the standard slots; each
// meeting carries meeting.outside_standard_hours, and the optimiser's
// rate is the line's.
func TestOutsideStandardHours(t *testing.T) {
	ref := ref(t)
	s := &model.Scenario{Version: model.FormatVersion, ID: "t", Name: "t", Horizon: model.Horizon{Start: "2027-01-01", Years: 1}, CycleYears: 1,
		Bodies: []model.Body{{ID: "g", Name: "g", Kind: model.ThematicGroup, Meetings: 4, Format: model.Hybrid, StartTimes: []string{"08:00"}}},
		Blocks: []model.Block{{ID: "b", Venue: "NYC", Dates: []string{"2027-03-01"}, Arrangement: model.Consecutive, Sessions: []model.Session{{Body: "g"}}}}}
	sch, err := schedule.Build(s, ref)
	if err != nil {
		t.Fatal(err)
	}
	est, err := cost.Compute(s, sch, ref, cost.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rate, err := cost.OutsideHoursRate(s, ref)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, l := range est.Lines {
		if l.Key != refdata.OutsideHoursKey {
			continue
		}
		found = true
		if l.Quantity != 4 || l.Item != "Meetings outside the standard meeting hours, New York" || !l.Placeholder {
			t.Errorf("line %+v, want 4 meetings in New York, placeholder", l)
		}
		if got := rate(2027); math.Abs(got-l.Rate) > 1e-9 {
			t.Errorf("optimiser's rate %.2f, line's %.2f", got, l.Rate)
		}
	}
	if !found {
		t.Fatal("no out-of-hours line")
	}
	s.Bodies[0].StartTimes = []string{"10:00"}
	sch, _ = schedule.Build(s, ref)
	est, _ = cost.Compute(s, sch, ref, cost.Options{})
	for _, l := range est.Lines {
		if l.Key == refdata.OutsideHoursKey {
			t.Errorf("meetings at 10:00 and 15:00 carry an out-of-hours line: %+v", l)
		}
	}
}

// TestItineraryWithoutTheMission leaves the permanent mission's delegates
// out: fewer people in the room, and where the state has no mission at
// the venue (they would have flown in), fewer flying and a smaller bill.
func TestItineraryWithoutTheMission(t *testing.T) {
	e, _ := estimate(t, scenario(), cost.Options{})
	if e.Delegation.MissionDelegates <= 0 {
		t.Fatalf("the default delegation has no mission delegates: %+v", e.Delegation)
	}
	for _, iso3 := range []string{"FJI", "CHL"} {
		with, err := e.ItineraryWith(iso3, 2, true)
		if err != nil {
			t.Fatal(err)
		}
		without, _ := e.ItineraryWith(iso3, 2, false)
		if len(with.Trips) == 0 || len(with.Trips) != len(without.Trips) {
			t.Fatalf("%s: %d and %d trips", iso3, len(with.Trips), len(without.Trips))
		}
		for k, p := range with.Trips {
			q := without.Trips[k]
			if q.People != 2 || p.People != 2+e.Delegation.MissionDelegates {
				t.Errorf("%s trip %d: %g people with the mission, %g without", iso3, k, p.People, q.People)
			}
			if q.Flying != 2 || (p.Flying != 2 && p.Flying != p.People) {
				t.Errorf("%s trip %d: %g flying with the mission, %g without", iso3, k, p.Flying, q.Flying)
			}
		}
		if without.Cost > with.Cost {
			t.Errorf("%s: leaving the mission out costs more (%g > %g)", iso3, without.Cost, with.Cost)
		}
		if plain, _ := e.Itinerary(iso3, 2); plain.Cost != with.Cost {
			t.Errorf("%s: Itinerary and ItineraryWith(…, true) differ", iso3)
		}
	}
}

// TestSensitivityIsTheFullEstimateMoved: each bar of the tornado, which
// re-estimates from the calendar's facts read once, is exactly the total
// of a complete estimate with the rate moved, on every built-in scenario.
func TestSensitivityIsTheFullEstimateMoved(t *testing.T) {
	bs, err := store.BuiltIns()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bs {
		e, sch := estimate(t, b.Scenario, cost.Options{})
		sw, err := e.Sensitivity(0.2)
		if err != nil {
			t.Fatal(err)
		}
		if len(sw) == 0 {
			t.Fatalf("%s: no swings", b.Scenario.ID)
		}
		for _, s := range sw {
			for _, side := range []struct {
				f   float64
				got float64
			}{{0.8, s.Low}, {1.2, s.High}} {
				full, err := cost.ComputeWith(e.Assumptions.With(s.Key, s.Value*side.f), sch, ref(t), cost.Options{})
				if err != nil {
					t.Fatal(err)
				}
				if full.Total.Total != side.got {
					t.Errorf("%s %s ×%g: tornado %v, full estimate %v", b.Scenario.ID, s.Key, side.f, side.got, full.Total.Total)
				}
			}
		}
	}
}

// TestSensitivityStopsWhenTold: told to stop, the sensitivity gives up
// before its next re-estimate, with ErrStopped and no bars.
func TestSensitivityStopsWhenTold(t *testing.T) {
	e, _ := estimate(t, scenario(), cost.Options{})
	asked := 0
	sw, err := e.SensitivityUntil(0.2, func() bool { asked++; return asked > 3 })
	if !errors.Is(err, cost.ErrStopped) || sw != nil || asked != 4 {
		t.Fatalf("%v, %d swings, asked %d times", err, len(sw), asked)
	}
	all, err := e.SensitivityUntil(0.2, func() bool { return false })
	if err != nil || len(all) < 2 {
		t.Fatalf("never told to stop: %v, %d swings", err, len(all))
	}
}
