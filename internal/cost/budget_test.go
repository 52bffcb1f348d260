package cost_test

import (
	"math"
	"strings"
	"testing"

	"mechplan/internal/cost"
	"mechplan/internal/geo"
	"mechplan/internal/model"
	"mechplan/internal/msg"
	"mechplan/internal/store"
	"mechplan/internal/travel"
)

// builtIns estimates every built-in scenario with the default options.
func builtIns(t *testing.T) map[string]*cost.Estimate {
	t.Helper()
	bs, err := store.BuiltIns()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*cost.Estimate{}
	for _, b := range bs {
		e, _ := estimate(t, b.Scenario, cost.Options{})
		out[b.Scenario.ID] = e
	}
	return out
}

func close(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }

// TestObjectsSumToWhatTheUNPays: the statement by object of expenditure
// adds up to what the regular budget and the voluntary fund pay, in
// every period of every built-in; the additional requirement is the
// regular budget less what is absorbed, and never more than it.
func TestObjectsSumToWhatTheUNPays(t *testing.T) {
	for id, e := range builtIns(t) {
		periods := append(append([]cost.Period{e.Total}, e.Years...), e.Cycles...)
		for _, p := range periods {
			o := p.ByObject
			sum, rb, vf, add := 0.0, 0.0, 0.0, 0.0
			for _, k := range cost.ObjectList {
				sum += o.Get(k)
				rb += o.RegularBudget.Get(k)
				vf += o.VoluntaryFund.Get(k)
				add += o.AdditionalRequirement.Get(k)
			}
			if !close(sum, p.ByPayer.RegularBudget+p.ByPayer.VoluntaryFund) || !close(o.Total, sum) {
				t.Errorf("%s %s: objects add to %.2f (total %.2f), the UN pays %.2f", id, p.Label, sum, o.Total, p.ByPayer.RegularBudget+p.ByPayer.VoluntaryFund)
			}
			if !close(rb, p.ByPayer.RegularBudget) || !close(vf, p.ByPayer.VoluntaryFund) {
				t.Errorf("%s %s: by payer %.2f / %.2f, objects %.2f / %.2f", id, p.Label, p.ByPayer.RegularBudget, p.ByPayer.VoluntaryFund, rb, vf)
			}
			if !close(add, p.AdditionalRequirement) || p.AdditionalRequirement > p.ByPayer.RegularBudget+1e-6 || p.AdditionalRequirement < 0 {
				t.Errorf("%s %s: additional requirement %.2f (objects %.2f), regular budget %.2f", id, p.Label, p.AdditionalRequirement, add, p.ByPayer.RegularBudget)
			}
			if o.StaffAssessment <= 0 || o.StaffAssessment >= o.Posts {
				t.Errorf("%s %s: staff assessment %.2f of posts %.2f", id, p.Label, o.StaffAssessment, o.Posts)
			}
		}
		for _, l := range e.Lines {
			if (l.Object == cost.NotUN) != (l.Payer == cost.MemberStates) {
				t.Errorf("%s: line %q paid by %s has object %q", id, l.Item, l.Payer, l.Object)
			}
		}
	}
}

// TestAbsorptionRule: the OEWG's own pattern, three 5-day sessions in
// New York, is within the entitlement, so in 2024 only its posts are an
// additional requirement; a session away from New York is not absorbed,
// and raising the entitlement to zero makes the whole regular budget
// additional.
func TestAbsorptionRule(t *testing.T) {
	e := builtIns(t)["oewg-2021-2025"]
	y := e.Years[2024-2021]
	if y.ByObject.AdditionalRequirement.OtherStaffCosts != 0 || y.ByObject.AdditionalRequirement.ContractualServices != 0 {
		t.Errorf("2024 servicing and documentation are additional: %+v", y.ByObject.AdditionalRequirement)
	}
	near(t, "2024 additional requirement = posts", y.AdditionalRequirement, y.ByObject.Posts)
	if y.AdditionalRequirement >= y.Total {
		t.Errorf("additional %.0f not below the full cost %.0f", y.AdditionalRequirement, y.Total)
	}
	// The test scenario: a Geneva block is never absorbed.
	ts, _ := estimate(t, scenario(), cost.Options{})
	for _, l := range ts.Lines {
		if l.Venue == "GVA" && l.Absorbed != 0 {
			t.Errorf("Geneva line %q absorbed %.2f", l.Item, l.Absorbed)
		}
	}
	none, _ := estimate(t, scenario(model.Override{Key: "absorb.meetings_per_year.NYC", Value: 0}), cost.Options{})
	near(t, "no entitlement: all of the regular budget is additional", none.Total.AdditionalRequirement, none.Total.ByPayer.RegularBudget)
	half, _ := estimate(t, scenario(model.Override{Key: "absorb.meetings_per_year.NYC", Value: 0}, model.Override{Key: "absorb.posts_share", Value: 0.5}), cost.Options{})
	near(t, "half the posts absorbed", none.Total.AdditionalRequirement-half.Total.AdditionalRequirement, none.Total.ByObject.Posts/2)
}

// TestRecostA2008RateTo2026ByHand: the 2008 New York DSA, USD 378, is
// revalued to 2026 at the New York inflation assumption, 2.4% a year
// for 18 years, and flagged as stale.
func TestRecostA2008RateTo2026ByHand(t *testing.T) {
	e, _ := estimate(t, scenario(), cost.Options{})
	want := 378.0
	for y := 2008; y < 2026; y++ {
		want *= 1.024
	}
	// 378 × 1.024^18 = 579.28
	if math.Abs(want-579.28) > 0.01 {
		t.Fatalf("hand figure %.4f", want)
	}
	near(t, "DSA New York in 2026 prices", e.Table.Subsistence("NYC"), want)
	near(t, "cost.Recost", cost.Recost(378, 0.024, 2008, 2026), want)
	near(t, "no recosting forward of the price year", cost.Recost(378, 0.024, 2026, 2026), 378)
	found := false
	for _, l := range e.Lines {
		if l.Item == "Delegations to New York: daily subsistence allowance" {
			found = true
			if !l.Stale || l.RatePriceYear != 2008 || l.RecostKey != "recost.inflation.NYC" || math.Abs(l.Recost-want/378) > 1e-9 {
				t.Errorf("DSA line: stale %t, price year %d, recost %s %.6f", l.Stale, l.RatePriceYear, l.RecostKey, l.Recost)
			}
		}
		if l.Key == "meeting.interpreted.NYC" && (l.Stale || l.Recost != 1) {
			t.Errorf("a 2026 rate is flagged or recosted: %+v", l)
		}
	}
	if !found {
		t.Fatal("no DSA line for New York")
	}
	// A current override replaces the 2008 figure: no recosting, no flag.
	cur, _ := estimate(t, scenario(model.Override{Key: "dsa.NYC", Value: 500, AsOf: "2026-10", Source: "ICSC circular"}), cost.Options{})
	near(t, "overridden DSA", cur.Table.Subsistence("NYC"), 500)
}

// TestS7ChileFliesToEachRotatingVenue: S7's thematic groups are held in
// person with a hybrid option, so Chile's experts fly to Geneva, Nairobi
// and Vienna as the groups rotate among them.
func TestS7ChileFliesToEachRotatingVenue(t *testing.T) {
	e := builtIns(t)["s7-rotating-venues"]
	it, err := e.Itinerary("CHL", -1)
	if err != nil {
		t.Fatal(err)
	}
	flown := map[string]int{}
	for _, p := range it.Trips {
		if p.Flying > 0 {
			flown[p.Trip.Venue]++
		}
	}
	for _, v := range []string{"GVA", "NBO", "VIE", "NYC"} {
		if flown[v] == 0 {
			t.Errorf("Chile never flies to %s: %v", v, flown)
		}
	}
}

// TestS3ThreeBlocksIsNotCostedLikeS9: the three-block variant of S3 holds
// its groups in person, so its travel is not S9's, whose groups capitals
// follow remotely.
func TestS3ThreeBlocksIsNotCostedLikeS9(t *testing.T) {
	all := builtIns(t)
	s3, s9 := all["s3-three-blocks"], all["s9-hybrid-groups"]
	if s3.Total.Travel <= s9.Total.Travel*1.2 {
		t.Errorf("S3 three blocks travel %.0f, S9 %.0f: the groups' trips are missing", s3.Total.Travel, s9.Total.Travel)
	}
	if len(s3.Trips) <= len(s9.Trips) {
		t.Errorf("S3 three blocks has %d trips, S9 %d", len(s3.Trips), len(s9.Trips))
	}
}

// TestSponsorshipDefaultExcludesHighIncome: the default policy serves
// LDCs, LLDCs and SIDS but none the World Bank classes high income;
// Singapore and Bahrain (SIDS) come back only when asked for.
func TestSponsorshipDefaultExcludesHighIncome(t *testing.T) {
	d := ref(t)
	e, _ := estimate(t, scenario(), cost.Options{})
	n := 0
	for i, ok := range e.Eligible {
		s := &d.States[i]
		if ok {
			n++
			if cost.HighIncome(s.ISO3) {
				t.Errorf("%s is high income but eligible", s.ISO3)
			}
			if !s.LDC && !s.LLDC && !s.SIDS {
				t.Errorf("%s is eligible but on no list", s.ISO3)
			}
		} else if (s.LDC || s.LLDC || s.SIDS) && !cost.HighIncome(s.ISO3) {
			t.Errorf("%s is on a list, not high income, and not eligible", s.ISO3)
		}
	}
	rich, _ := estimate(t, scenario(), cost.Options{IncludeHighIncome: true})
	m := 0
	for i, ok := range rich.Eligible {
		if ok {
			m++
		}
		if iso := d.States[i].ISO3; (iso == "SGP" || iso == "BHR") && (ok != true || e.Eligible[i]) {
			t.Errorf("%s: default %t, with high income %t", iso, e.Eligible[i], ok)
		}
	}
	if n < 70 || m <= n {
		t.Errorf("%d eligible by default, %d with high-income states", n, m)
	}
	dev, _ := estimate(t, scenario(), cost.Options{Eligible: []string{"DEVELOPING"}})
	for i, ok := range dev.Eligible {
		if ok == cost.HighIncome(d.States[i].ISO3) {
			t.Errorf("DEVELOPING: %s eligible %t", d.States[i].ISO3, ok)
		}
	}
	if _, err := cost.Compute(scenario(), nil, d, cost.Options{Eligible: []string{"RICH"}}); err == nil {
		t.Error("an unknown policy is accepted")
	}
}

// TestEvalAndTravelAgreeForEveryState: the travel of one delegation
// (Estimate.Itinerary, the travel command) is the figure the estimate
// counts for that state (Travel.States, eval's delegation_travel.states),
// for all 193 under every built-in, sponsored seat included.
func TestEvalAndTravelAgreeForEveryState(t *testing.T) {
	for id, e := range builtIns(t) {
		for i := range e.Travel.States {
			st := &e.Travel.States[i]
			it, err := e.Itinerary(st.State.ISO3, -1)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(it.Cost-st.Cost) > 0.005 || math.Abs(it.Sponsored-st.Sponsored) > 0.005 || it.DaysAway != st.DaysAway ||
				math.Abs(it.Bill.CO2Kg-st.CO2Kg) > 1e-6 {
				t.Errorf("%s %s: travel %.2f (sponsored %.2f, %d days, %.1f kg), estimate %.2f (%.2f, %d days, %.1f kg)", id, st.State.ISO3,
					it.Cost, it.Sponsored, it.DaysAway, it.Bill.CO2Kg, st.Cost, st.Sponsored, st.DaysAway, st.CO2Kg)
			}
		}
	}
}

// TestCarbonByHand: one economy return flight Santiago–New York under
// the ICAO distance correction (+125 km beyond 5,500 km), 0.025 kg of
// fuel per passenger-km and 3.16 kg of CO2 per kg of fuel.
func TestCarbonByHand(t *testing.T) {
	e, _ := estimate(t, scenario(), cost.Options{})
	c := e.Table.Rules.Carbon
	near(t, "short band", c.CorrectedKm(400), 450)
	near(t, "medium band", c.CorrectedKm(3000), 3100)
	near(t, "long band", c.CorrectedKm(8000), 8125)
	d := ref(t)
	scl, _ := d.State("CHL")
	nyc, _ := d.Venue("NYC")
	km := geo.GreatCircleKm(scl.Lat, scl.Lon, nyc.Lat, nyc.Lon)
	fl := travel.Flight{Km: km}
	near(t, "one way, economy", c.OneWayKg(fl), (km+125)*0.025*3.16)
	fl.Business = true
	near(t, "one way, business", c.OneWayKg(fl), 2*(km+125)*0.025*3.16)
	it, _ := e.Itinerary("CHL", -1)
	want := 0.0
	for _, p := range it.Trips {
		want += 2 * p.Flying * (km + 125) * 0.025 * 3.16
	}
	near(t, "Chile's flights", it.Bill.CO2Kg, want)
	sum := 0.0
	for _, y := range e.Years {
		sum += y.CO2Kg
	}
	if sum <= e.Travel.CO2Kg || !close(sum, e.Total.CO2Kg) {
		t.Errorf("years' CO2 %.0f kg, total %.0f, delegations alone %.0f: the Secretariat's Geneva trip is missing", sum, e.Total.CO2Kg, e.Travel.CO2Kg)
	}
}

// TestWorkload: meeting hours with and without interpretation and pages
// translated, per year, from the test scenario's meetings.
func TestWorkload(t *testing.T) {
	e, sch := estimate(t, scenario(), cost.Options{})
	var hi, hu float64
	for _, m := range sch.Meetings {
		if m.Start.Year() != 2026 {
			continue
		}
		if m.Interpreted {
			hi += m.End.Sub(m.Start).Hours()
		} else {
			hu += m.End.Sub(m.Start).Hours()
		}
	}
	w := e.Years[0].Workload
	near(t, "interpreted hours", w.InterpretedMeetingHours, hi)
	near(t, "hours without interpretation", w.UninterpretedMeetingHours, hu)
	if hi != 3*14 || hu != 3*2 {
		t.Errorf("hand count: %g interpreted hours (want 14 meetings × 3), %g without (want 2 × 3)", hi, hu)
	}
	pages := 0.0
	for _, l := range e.Lines {
		if l.Year == 2026 && l.Category == cost.Documentation {
			pages += l.Quantity
		}
	}
	near(t, "pages translated", w.PagesTranslated, pages)
	near(t, "words", w.WordsTranslated, pages*330)
}

// TestFaresRecostedByTheirOwnIndex: the 2012 fare model is recosted by the
// air-fare index, not by New York's inflation: setting the index to zero
// leaves the fares at their 2012 figures and New York's DSA recosted.
func TestFaresRecostedByTheirOwnIndex(t *testing.T) {
	if k := cost.InflationKey(ref(t), "fare.base"); k != cost.FaresInflation {
		t.Fatalf("fare.base is recosted by %s", k)
	}
	if k := cost.InflationKey(ref(t), "terminal.expenses"); k != "recost.inflation.NYC" {
		t.Errorf("terminal.expenses is recosted by %s", k)
	}
	if k := cost.InflationKey(ref(t), "dsa.GVA"); k != "recost.inflation.GVA" {
		t.Errorf("dsa.GVA is recosted by %s", k)
	}
	// The fixed test rates carry no date; date the fares 2012 as the table does.
	fares := []model.Override{{Key: "fare.base", Value: 50, AsOf: "2012"}, {Key: "fare.per_km", Value: 0.068, AsOf: "2012"}}
	base, _ := estimate(t, scenario(fares...), cost.Options{})
	flat, _ := estimate(t, scenario(append(fares, model.Override{Key: cost.FaresInflation, Value: 0, AsOf: "2026-11", Source: "test"})...), cost.Options{})
	near(t, "fare.base at 2012 prices", flat.Table.Rules.Fare.Base, 50)
	near(t, "fare.per_km at 2012 prices", flat.Table.Rules.Fare.PerKm, 0.068)
	near(t, "fare.base recosted", base.Table.Rules.Fare.Base, cost.Recost(50, 0.024, 2012, 2026))
	near(t, "DSA New York still recosted", flat.Table.Subsistence("NYC"), cost.Recost(378, 0.024, 2008, 2026))
	for _, l := range base.Lines {
		if l.Key == "fare.base" && l.RecostKey != cost.FaresInflation {
			t.Errorf("%s: recosted by %s", l.Item, l.RecostKey)
		}
	}
}

// TestThinRouteSupplement: fares from Pacific and Central African capitals
// carry their M49 region's supplement on top of the distance model; other
// capitals' fares follow distance alone; the supplement is written as its
// own lines, which add up with the distance-model lines to the fares, and
// a supplement of 0 takes them away.
func TestThinRouteSupplement(t *testing.T) {
	d := ref(t)
	for iso, region := range map[string]string{"FJI": "054", "KIR": "057", "WSM": "061", "CMR": "017", "CHL": "005", "FRA": "155"} {
		s, ok := d.State(iso)
		if !ok || s.M49Region != region {
			t.Errorf("%s: M49 region %q, want %s", iso, s.M49Region, region)
		}
	}
	sup := []model.Override{{Key: "fare.region_supplement.054", Value: 0.5}, {Key: "fare.region_supplement.017", Value: 0.25}}
	e, _ := estimate(t, scenario(sup...), cost.Options{})
	flat, _ := estimate(t, scenario(), cost.Options{}) // the fixed rates set every supplement to 0
	f := e.Table.Rules.Fare
	fare := func(iso string) (float64, float64) {
		s, _ := d.State(iso)
		v, _ := d.Venue("NYC")
		km := geo.GreatCircleKm(s.Lat, s.Lon, v.Lat, v.Lon)
		it, err := e.Itinerary(iso, -1)
		if err != nil || len(it.Trips) == 0 {
			t.Fatalf("%s: %v", iso, err)
		}
		return it.Trips[0].Flight.Fare, f.Base + f.PerKm*km // delegations fly economy
	}
	got, model0 := fare("FJI")
	near(t, "Fiji's fare, Melanesia +50 %", got, 1.5*model0)
	got, model0 = fare("CMR")
	near(t, "Cameroon's fare, Middle Africa +25 %", got, 1.25*model0)
	got, model0 = fare("CHL")
	near(t, "Chile's fare, by distance alone", got, model0)
	var fares, thin, thinFlat float64
	for _, l := range e.Lines {
		if strings.Contains(l.Item, "air fares") && (l.Payer == cost.MemberStates || l.Payer == cost.VoluntaryFund) {
			fares += l.Amount
		}
		if strings.Contains(l.Item, "supplement for thin routes") {
			thin += l.Amount
			if l.Uses[0] != "fare.region_supplement.054" && l.Uses[0] != "fare.region_supplement.017" {
				t.Errorf("%s: names %v first", l.Item, l.Uses)
			}
		}
	}
	for _, l := range flat.Lines {
		if strings.Contains(l.Item, "supplement for thin routes") {
			thinFlat += l.Amount
		}
	}
	var billed float64
	for k := range e.Travel.Paid {
		billed += e.Travel.Paid[k].Fares + e.Travel.Sponsored[k].Fares
	}
	near(t, "fare lines = the bills' fares", fares, billed)
	if thin <= 0 || thinFlat != 0 {
		t.Errorf("supplement lines: USD %.2f with supplements, %.2f without", thin, thinFlat)
	}
	if e.Travel.Cost-flat.Travel.Cost-thin > 1e-6*e.Travel.Cost || flat.Travel.Cost+thin-e.Travel.Cost > 1e-6*e.Travel.Cost {
		t.Errorf("travel %.2f with supplements, %.2f without, supplement lines %.2f", e.Travel.Cost, flat.Travel.Cost, thin)
	}
}

// TestThinItemAsMsgNewWouldWriteIt: the supplement lines' item, written
// out by hand for speed, is the message msg.New makes from the template.
func TestThinItemAsMsgNewWouldWriteIt(t *testing.T) {
	e, _ := estimate(t, scenario(model.Override{Key: "fare.region_supplement.054", Value: 0.5}), cost.Options{})
	n := 0
	for _, l := range e.Lines {
		if l.ItemMsg.Code != "item.travel.thin" {
			continue
		}
		n++
		args := []any{}
		for _, a := range l.ItemMsg.Args {
			args = append(args, a.Name, a.Value)
		}
		want := msg.New("item.travel.thin", "{{.Who}} to {{.City}}: {{.What}}, supplement for thin routes from {{.Region}}", args...)
		if l.Item != want.English || l.ItemMsg.English != want.English {
			t.Errorf("item %q, msg.New writes %q", l.Item, want.English)
		}
	}
	if n == 0 {
		t.Fatal("no supplement line")
	}
}
