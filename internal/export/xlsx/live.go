package xlsx

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"mechplan/internal/cost"
	"mechplan/internal/export/labels"
	"mechplan/internal/geo"
	"mechplan/internal/model"
	"mechplan/internal/msg"
	"mechplan/internal/refdata"
	"mechplan/internal/schedule"
	"mechplan/internal/travel"
)

// The workbook keeps every quantity the assumptions drive live: the
// translated pages (sessions × pages × languages), the post-years (posts
// of each grade), and every trip of the 193 delegations and of the staff
// flown from New York, laid out on the scenario's Travel sheet, where the
// flight time, business class, the long-haul day, the experts each body
// kind needs, the mission's delegates and the sponsored seats are
// formulas on the Assumptions sheet. A cost line's quantity is then a
// formula on that sheet, so an officer who edits a quantity or a
// threshold gets the engine's figure for that edit.
//
// The exporter computes each of those cells itself (the model below
// repeats the formulas) and checks the result against the engine's own
// lines before writing: a workbook that disagrees with the engine is an
// error, never a file.

// qline is one cost line as the workbook writes it: its quantity a
// formula (or a constant) and the value that formula gives.
type qline struct {
	year  int
	cat   cost.Category
	sec   cost.Section
	payer cost.Payer
	venue string
	// item is what the line counts, by code (the engine's cost.Line
	// ItemMsg); the Item column writes it in the workbook's language.
	item    msg.Message
	unit    string
	basis   string
	factors []string // rate keys whose product is the rate
	// flat marks a line neither escalated nor recosted: its quantity is
	// already in the year's dollars (the fund's programme support).
	flat  bool
	qty   string // formula of the quantity; "" for a constant
	qtyV  float64
	qkeys []string // assumptions the quantity reads
}

// itemOf is an engine line's item by code; a line without a code is its
// English.
func itemOf(l *cost.Line) msg.Message {
	if l.ItemMsg.Code == "" {
		return msg.Message{English: l.Item}
	}
	return l.ItemMsg
}

func (q *qline) id() string {
	return fmt.Sprintf("%d|%s|%s|%s", q.year, q.payer, q.venue, q.item.English)
}

func lineID(l *cost.Line) string {
	return fmt.Sprintf("%d|%s|%s|%s", l.Year, l.Payer, l.Venue, l.Item)
}

// Columns of a Travel sheet's delegation table.
const (
	tState = iota + 1
	tISO3
	tTrip
	tYear
	tVenue
	tKm
	tMission
	tEligible
	tHours
	tBusiness
	tLong
	tExperts
	tFlying
	tSponsored
	tPaid
	tNights
	tEconomy
	tRegion
	tColumns = tRegion
)

// Columns of the trip table and the away-from-New-York table.
const (
	pTrip = iota + 1
	pYear
	pVenue
	pFirst
	pLast
	pNights
	pKinds
	pExperts
)

const (
	wBlock = iota + 1
	wYear
	wVenue
	wFirst
	wLast
	wNights0
	wKm
	wHours
	wBusiness
	wEconomy
	wLong
	wNights
	wInterpreted
	wStaff
	wConference
	wColumns = wConference
)

// model gives the values of the assumptions in force for one scenario
// and the references to their cells, remembering which it referred to.
type liveRates struct {
	w *workbook
	i int
	a *cost.Assumptions
}

func (lr *liveRates) v(key string) float64 {
	a, _ := lr.a.Get(key)
	return a.Value
}

func (lr *liveRates) ref(key string) string {
	c, ok := lr.w.rates.cell(lr.i, key)
	if !ok {
		lr.w.fail(fmt.Errorf("%s: %s is not on the Assumptions sheet", lr.w.c.Results[lr.i].Scenario.Name, key))
	}
	return c
}

// usd is a money rate's keys: the rate and, for francs or euros, the
// exchange rate, as the engine converts it.
func (lr *liveRates) usd(key string) []string {
	a, ok := lr.a.Get(key)
	if ok && a.Currency != "" && a.Currency != "USD" {
		return []string{key, lr.a.ExchangeKey(a.Currency)}
	}
	return []string{key}
}

// bill sums one group of travellers' trips as the engine's travel.Bill,
// with, per fare region (travel.Rules.FareRegions), the flights whose
// fares carry its supplement.
type bill struct {
	trips, econFlights, busFlights, econKm, busKm, nights float64
	thin                                                  [travel.MaxFareRegions]bill4
}

// bill4 counts one fare region's flights and passenger-km by class.
type bill4 struct{ econFlights, busFlights, econKm, busKm float64 }

// quantities writes the Travel sheet of scenario i and returns every cost
// line whose quantity the workbook computes, in the engine's order.
func (w *workbook) quantities(i int) []qline {
	r := w.c.Results[i]
	est := r.Cost
	sch := r.Schedule
	lr := &liveRates{w: w, i: i, a: est.Assumptions}
	var out []qline
	for k := range est.Lines {
		l := &est.Lines[k]
		if l.Category == cost.Servicing && l.Unit == "meetings" {
			out = append(out, qline{year: l.Year, cat: l.Category, sec: l.Section, payer: l.Payer, venue: l.Venue, item: itemOf(l),
				unit: l.Unit, basis: l.Basis, factors: rateFactors(l, est.Assumptions), qtyV: l.Quantity})
		}
	}
	out = append(out, w.documentation(lr, sch)...)
	out = append(out, w.posts(lr, sch)...)
	tv := w.travelSheet(lr, sch)
	out = append(out, tv...)
	return out
}

func (w *workbook) documentation(lr *liveRates, sch *schedule.Schedule) []qline {
	per := make([]int, sch.Years)
	for k := range sch.Sessions {
		sr := &sch.Sessions[k]
		m := &sch.Meetings[sr.First]
		y := m.Start.Year() - sch.FirstYear
		if m.Informal || m.Kind == model.Informal || y < 0 || y >= sch.Years {
			continue
		}
		per[y]++
	}
	pages, langs := lr.v("documentation.pages_per_session"), lr.v("documentation.target_languages")
	var out []qline
	for y, n := range per {
		if n == 0 {
			continue
		}
		out = append(out, qline{year: sch.FirstYear + y, cat: cost.Documentation, sec: cost.ConferenceManagement, payer: cost.RegularBudget,
			item: msg.New("item.translation", "Translation of session documents into the other official languages"), unit: "translated pages",
			basis:   w.t("export.xlsx.basis.documentation", "{{.Sessions}} formal sessions × pages per session × languages", "Sessions", n),
			factors: lr.usd("documentation.translation_per_page"),
			qty:     fmt.Sprintf("%d*%s*%s", n, lr.ref("documentation.pages_per_session"), lr.ref("documentation.target_languages")),
			qtyV:    float64(n) * pages * langs, qkeys: []string{"documentation.pages_per_session", "documentation.target_languages"}})
	}
	return out
}

func (w *workbook) posts(lr *liveRates, sch *schedule.Schedule) []qline {
	var out []qline
	for y := 0; y < sch.Years; y++ {
		for _, g := range cost.Grades {
			key := "staff.posts." + g
			out = append(out, qline{year: sch.FirstYear + y, cat: cost.Secretariat, sec: cost.Disarmament, payer: cost.RegularBudget,
				item: msg.New("item.posts", "Secretariat posts, {{.Grade}}", "Grade", g), unit: "post-years", factors: lr.usd("staff.standard_cost." + g),
				qty: lr.ref(key), qtyV: lr.v(key), qkeys: []string{key}})
		}
	}
	return out
}

// flightRule is the engine's flight-time and business-class rule, with
// the cells it reads.
type flightRule struct {
	speed, overhead, leg, journey, long                float64
	speedRef, overheadRef, legRef, journeyRef, longRef string
}

func newFlightRule(lr *liveRates) flightRule {
	f := flightRule{speed: lr.v("flight.speed_kmh"), overhead: lr.v("flight.overhead_hours"),
		leg: lr.v("flight.business_threshold_leg_hours"), journey: lr.v("flight.business_threshold_journey_hours"),
		long: lr.v("flight.long_haul_hours")}
	if f.speed <= 0 {
		f.speed = geo.FallbackSpeedKmh
	}
	f.speedRef, f.overheadRef = lr.ref("flight.speed_kmh"), lr.ref("flight.overhead_hours")
	f.legRef, f.journeyRef = lr.ref("flight.business_threshold_leg_hours"), lr.ref("flight.business_threshold_journey_hours")
	f.longRef = lr.ref("flight.long_haul_hours")
	return f
}

// fly gives hours, business class and the long-haul day for a distance
// (0 for a local trip), as travel.FareModel.Fly and the table's rule do.
func (f flightRule) fly(km float64) (hours float64, business, long bool) {
	if km <= 0 {
		return 0, false, false
	}
	hours = km/f.speed + f.overhead
	business = km/f.speed >= f.leg || hours >= f.journey
	return hours, business, hours >= f.long
}

// formulas of the same rule on a row whose distance is in kmCell and
// hours in hoursCell.
func (f flightRule) hoursF(km string) string {
	return fmt.Sprintf("IF(%s>0,%s/%s+%s,0)", km, km, f.speedRef, f.overheadRef)
}

func (f flightRule) businessF(km, hours string) string {
	return fmt.Sprintf("IF(AND(%s>0,OR(%s/%s>=%s,%s>=%s)),1,0)", km, km, f.speedRef, f.legRef, hours, f.journeyRef)
}

// businessIfF is businessF for travellers who fly business class only
// when the flag cell is not 0 (delegation.business_class).
func (f flightRule) businessIfF(flag, km, hours string) string {
	return fmt.Sprintf("IF(AND(%s<>0,%s>0,OR(%s/%s>=%s,%s>=%s)),1,0)", flag, km, km, f.speedRef, f.legRef, hours, f.journeyRef)
}

func (f flightRule) longF(km, hours string) string {
	return fmt.Sprintf("IF(AND(%s>0,%s>=%s),1,0)", km, hours, f.longRef)
}

func b01(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// kmTo is the great-circle distance the engine flies, 0 within LocalKm.
func kmTo(lat, lon, vlat, vlon float64) float64 {
	km := exact(geo.GreatCircleKm(lat, lon, vlat, vlon))
	if km < travel.LocalKm {
		return 0
	}
	return km
}

// travelSheet writes the Travel sheet of scenario i (the delegations'
// trips, and the blocks away from New York) and returns the travel lines
// whose quantities are formulas on it.
func (w *workbook) travelSheet(lr *liveRates, sch *schedule.Schedule) []qline {
	i := lr.i
	r := w.c.Results[i]
	est := r.Cost
	ref := w.c.Ref
	sh := w.bases[i] + w.n.Travel
	fr := newFlightRule(lr)
	st := w.st
	w.fail(setPrintLayout(w.f, sh))
	w.streamed[sh] = true
	sw, err := w.f.NewStreamWriter(sh)
	if err != nil {
		w.fail(err)
		return nil
	}
	for k, width := range []float64{30, 7, 7, 11, 11, 11, 16, 12, 10, 10, 10, 12, 10, 12, 10, 10, 10} {
		w.fail(sw.SetColWidth(k+1, k+1, width))
	}
	row := 1
	put := func(cells ...any) {
		w.fail(sw.SetRow(cell(1, row), cells))
		row++
	}
	head := func(titles ...string) {
		cells := make([]any, len(titles))
		for k, t := range titles {
			cells[k] = excelize.Cell{StyleID: st.header, Value: t}
		}
		w.fail(sw.SetRow(cell(1, row), cells, excelize.RowOpts{Height: headerHeight(titles, 10)}))
		row++
	}
	num := func(v float64, style int) excelize.Cell { return excelize.Cell{StyleID: style, Value: exact(v)} }
	fx := func(f string, v float64, style int) excelize.Cell {
		return excelize.Cell{StyleID: style, Formula: f, Value: exact(v)}
	}
	put(excelize.Cell{StyleID: st.title, Value: w.t("export.xlsx.travel.title", "{{.Scenario}}: trips of the 193 delegations and of the staff from New York", "Scenario", r.Scenario.Name)})
	put(excelize.Cell{StyleID: st.note, Value: w.t("export.xlsx.travel.note",
		"Flight hours, business class, the long-haul day, the experts each trip needs, the mission's delegates and the sponsored seats are formulas on the {{.Sheet}} sheet: edit one there and the quantities of the Costs sheet follow.",
		"Sheet", w.n.Assumptions)})
	row++

	// The trips every delegation makes, in the engine's groups (year, venue).
	trips := est.Trips
	type group struct {
		year  int
		venue string
		trips []int
		kinds map[model.BodyKind]bool
	}
	var groups []*group
	for k := range trips {
		tr := &trips[k]
		var g *group
		for _, o := range groups {
			if o.year == tr.Year && o.venue == tr.Venue {
				g = o
			}
		}
		if g == nil {
			g = &group{year: tr.Year, venue: tr.Venue, kinds: map[model.BodyKind]bool{}}
			groups = append(groups, g)
		}
		g.trips = append(g.trips, k)
		for _, s := range tr.Sessions {
			g.kinds[sch.Sessions[s].Kind] = true
		}
	}
	sort.SliceStable(groups, func(a, b int) bool { return groups[a].year < groups[b].year })

	put(excelize.Cell{StyleID: st.group, Value: w.t("export.xlsx.travel.trips", "Trips: meetings attended in person at one venue, at most {{.Days}} idle days apart", "Days", travel.DefaultBridgeDays)})
	head(w.t("export.xlsx.col.trip", "Trip"), w.t("export.col.year", "Year"), w.t("export.xlsx.col.venue", "Venue"),
		w.t("export.xlsx.col.first_day", "First meeting day"), w.t("export.xlsx.col.last_day", "Last meeting day"),
		w.t("export.xlsx.col.nights", "Nights, day before to day after"), w.t("export.xlsx.col.kinds", "Body kinds"),
		w.t("export.xlsx.col.experts", "Experts per delegation"))
	tripRow := make([]int, len(trips))
	experts := make([]float64, len(trips))
	nights0 := make([]float64, len(trips))
	number := 0
	tripNo := make([]int, len(trips))
	for _, g := range groups {
		for _, k := range g.trips {
			tr := &trips[k]
			number++
			tripNo[k] = number
			var kinds []model.BodyKind
			for _, s := range tr.Sessions {
				kd := sch.Sessions[s].Kind
				if !containsKind(kinds, kd) {
					kinds = append(kinds, kd)
				}
			}
			var refs, names []string
			for _, kd := range kinds {
				key := "delegation.travellers." + string(kd)
				refs = append(refs, lr.ref(key))
				names = append(names, w.t("kind."+labels.KeyOf(string(kd)), string(kd)))
				experts[k] = math.Max(experts[k], lr.v(key))
			}
			nights0[k] = float64(int(tr.Last.Sub(tr.First).Hours()/24) + 2)
			ex := "0"
			if len(refs) > 0 {
				ex = "MAX(" + strings.Join(refs, ",") + ")"
			}
			tripRow[k] = row
			put(num(float64(number), st.integer), num(float64(tr.Year), 0), tr.Venue,
				num(day(tr.First), st.date), num(day(tr.Last), st.date),
				num(nights0[k], st.integer), strings.Join(names, ", "), fx(ex, experts[k], st.one))
		}
	}
	row++

	// The blocks held away from New York, which the Secretariat's staff
	// and, for interpreted blocks, the conference staff fly to.
	type away struct {
		year, row      int
		venue          string
		first, last    float64 // date serials
		km             float64
		business, long bool
		interpreted    bool
		nights         float64
		staff, conf    float64
	}
	var aways []away
	base, okBase := ref.Venue(cost.Base)
	if okBase {
		for k := range sch.Blocks {
			br := &sch.Blocks[k]
			if br.Venue == cost.Base {
				continue
			}
			v, ok := ref.Venue(br.Venue)
			if !ok {
				continue
			}
			km := kmTo(base.Lat, base.Lon, v.Lat, v.Lon)
			if km == 0 {
				continue
			}
			_, bus, long := fr.fly(km)
			n0 := float64(int(civil(br.End).Sub(civil(br.Start)).Hours()/24) + 2)
			a := away{year: br.Start.Year(), venue: br.Venue, km: km, business: bus, long: long, nights: n0 + b01(long),
				first: day(br.Start), last: day(br.End),
				staff: lr.v("away.staff_travellers"), interpreted: sch.Interpreted(br)}
			if a.interpreted {
				a.conf = lr.v("away.conference_travellers." + br.Venue)
			}
			aways = append(aways, a)
		}
		sort.SliceStable(aways, func(a, b int) bool {
			return aways[a].year < aways[b].year || aways[a].year == aways[b].year && aways[a].venue < aways[b].venue
		})
	}
	if len(aways) > 0 {
		put(excelize.Cell{StyleID: st.group, Value: w.t("export.xlsx.travel.away", "Blocks away from New York: the Secretariat's staff, and the conference staff for interpreted blocks")})
		head(w.t("export.xlsx.col.block", "Block"), w.t("export.col.year", "Year"), w.t("export.xlsx.col.venue", "Venue"),
			w.t("export.xlsx.col.first_day", "First meeting day"), w.t("export.xlsx.col.last_day", "Last meeting day"),
			w.t("export.xlsx.col.nights", "Nights, day before to day after"), w.t("export.xlsx.col.km_from_ny", "Km from New York"),
			w.t("export.xlsx.col.flight_hours", "Flight hours"), w.t("export.xlsx.col.business", "Business class"),
			w.t("export.xlsx.col.economy", "Economy class"), w.t("export.xlsx.col.long_haul", "Long haul (one more night)"),
			w.t("export.xlsx.col.nights_away", "Nights away"), w.t("export.xlsx.col.interpreted", "Interpreted"),
			w.t("export.xlsx.col.staff", "Secretariat staff"), w.t("export.xlsx.col.conference_staff", "Conference staff"))
		k := 0
		for a := range aways {
			x := &aways[a]
			x.row = row
			k++
			km, hours := abs(wKm, row), abs(wHours, row)
			hv, _, _ := fr.fly(x.km)
			interp := x.interpreted
			confF := "0"
			if interp {
				confF = fmt.Sprintf("%s*%s", abs(wInterpreted, row), lr.ref("away.conference_travellers."+x.venue))
			}
			put(num(float64(k), st.integer), num(float64(x.year), 0), x.venue, num(x.first, st.date), num(x.last, st.date),
				num(x.nights-b01(x.long), st.integer), num(x.km, st.integer),
				fx(fr.hoursF(km), hv, st.two), fx(fr.businessF(km, hours), b01(x.business), st.integer),
				fx(fmt.Sprintf("1-%s", abs(wBusiness, row)), 1-b01(x.business), st.integer),
				fx(fr.longF(km, hours), b01(x.long), st.integer),
				fx(fmt.Sprintf("%s+%s", abs(wNights0, row), abs(wLong, row)), x.nights, st.integer),
				num(b01(interp), st.integer),
				fx(lr.ref("away.staff_travellers"), x.staff, st.one), fx(confF, x.conf, st.one))
		}
		row++
	}

	// Every delegation's every trip.
	put(excelize.Cell{StyleID: st.group, Value: w.t("export.xlsx.travel.delegations", "Each delegation's trips: who flies, in which class, for how many nights")})
	dHead := row
	w.printTitles[sh] = dHead
	head(w.t("export.xlsx.col.member_state", "Member state"), "ISO3", w.t("export.xlsx.col.trip", "Trip"), w.t("export.col.year", "Year"),
		w.t("export.xlsx.col.venue", "Venue"), w.t("export.xlsx.col.km", "Km to the venue (0: local)"),
		w.t("export.xlsx.col.mission", "Mission at the venue"), w.t("export.xlsx.col.eligible", "Eligible for sponsorship"),
		w.t("export.xlsx.col.flight_hours", "Flight hours"), w.t("export.xlsx.col.business", "Business class"),
		w.t("export.xlsx.col.long_haul", "Long haul (one more night)"), w.t("export.xlsx.col.experts", "Experts per delegation"),
		w.t("export.xlsx.col.flying", "Flying from the capital"), w.t("export.xlsx.col.sponsored", "Sponsored seats"),
		w.t("export.xlsx.col.paid", "Paid by the state"), w.t("export.xlsx.col.nights_away", "Nights away"),
		w.t("export.xlsx.col.economy", "Economy class"), w.t("export.xlsx.col.m49_region", "M49 region (fare supplement)"))
	fareRegions := est.Table.Rules.FareRegions
	regionOf := func(s *refdata.MemberState) int {
		for r, code := range fareRegions {
			if code == s.M49Region && r < travel.MaxFareRegions {
				return r
			}
		}
		return -1
	}
	// Delegates fly business class under the UN rule only where the
	// scenario pays it; by default they fly economy.
	delegatesBusiness := lr.v("delegation.business_class") != 0
	flagRef := lr.ref("delegation.business_class")
	M, S := lr.v("delegation.mission_delegates"), lr.v("sponsorship.seats_per_state")
	mRef, sRef := lr.ref("delegation.mission_delegates"), lr.ref("sponsorship.seats_per_state")
	states := est.Table.States
	type span struct{ first, last int }
	gspan := make([]span, len(groups))
	gpaid := make([]bill, len(groups))
	gfund := make([]bill, len(groups))
	for gi, g := range groups {
		v, _ := ref.Venue(g.venue)
		gspan[gi].first = row
		for _, k := range g.trips {
			for si := range states {
				s := &states[si]
				km := kmTo(s.Lat, s.Lon, v.Lat, v.Lon)
				mission := s.HasMission(g.venue)
				eligible := si < len(est.Eligible) && est.Eligible[si]
				hours, bus, long := fr.fly(km)
				bus = bus && delegatesBusiness
				flying := 0.0
				if km > 0 {
					flying = math.Max(0, experts[k]+M*(1-b01(mission)))
				}
				seats := 0.0
				if eligible {
					seats = math.Min(S, flying)
				}
				paid := flying - seats
				n := nights0[k] + b01(long)
				p, f := &gpaid[gi], &gfund[gi]
				p.trips += paid
				f.trips += seats
				if bus {
					p.busFlights += 2 * paid
					p.busKm += 2 * paid * km
				} else {
					p.econFlights += 2 * paid
					p.econKm += 2 * paid * km
				}
				p.nights += paid * n
				f.econFlights += 2 * seats
				f.econKm += 2 * seats * km
				f.nights += seats * n
				if r := regionOf(s); r >= 0 && km > 0 {
					if bus {
						p.thin[r].busFlights += 2 * paid
						p.thin[r].busKm += 2 * paid * km
					} else {
						p.thin[r].econFlights += 2 * paid
						p.thin[r].econKm += 2 * paid * km
					}
					f.thin[r].econFlights += 2 * seats
					f.thin[r].econKm += 2 * seats * km
				}
				c := func(col int) string { return abs(col, row) }
				put(w.t(labels.StatePrefix+s.ISO3, s.Name), s.ISO3, num(float64(tripNo[k]), st.integer), num(float64(g.year), 0), g.venue,
					num(km, st.integer), num(b01(mission), st.integer), num(b01(eligible), st.integer),
					fx(fr.hoursF(c(tKm)), hours, st.two), fx(fr.businessIfF(flagRef, c(tKm), c(tHours)), b01(bus), st.integer),
					fx(fr.longF(c(tKm), c(tHours)), b01(long), st.integer),
					fx(ref1(pExperts, tripRow[k]), experts[k], st.one),
					fx(fmt.Sprintf("IF(%s>0,MAX(0,%s+%s*(1-%s)),0)", c(tKm), c(tExperts), mRef, c(tMission)), flying, st.one),
					fx(fmt.Sprintf("IF(%s=1,MIN(%s,%s),0)", c(tEligible), sRef, c(tFlying)), seats, st.one),
					fx(fmt.Sprintf("%s-%s", c(tFlying), c(tSponsored)), paid, st.one),
					fx(fmt.Sprintf("%s+%s", ref1(pNights, tripRow[k]), c(tLong)), n, st.integer),
					fx(fmt.Sprintf("1-%s", c(tBusiness)), 1-b01(bus), st.integer), s.M49Region)
			}
		}
		gspan[gi].last = row - 1
	}
	if row-1 > dHead {
		no := false
		w.fail(sw.AddTable(&excelize.Table{Range: cell(1, dHead) + ":" + cell(tColumns, row-1),
			Name: fmt.Sprintf("Travel%d", i+1), StyleName: "TableStyleLight1", ShowRowStripes: &no}))
	}
	w.fail(sw.Flush())

	// The lines, group by group, as the engine writes them.
	q := quote(sh) + "!"
	rng := func(col, first, last int) string { return q + abs(col, first) + ":" + abs(col, last) }
	var out []qline
	travelLines := func(year int, venue string, cat cost.Category, sec cost.Section, payer cost.Payer, who string,
		b bill, trips, km, econ, bus, nights, region string, economyOnly bool, qkeys []string) {
		place := venue
		if v, ok := ref.Venue(venue); ok {
			place = v.City
		}
		dsa := lr.usd("dsa." + venue)
		dsaBasis := ""
		if len(dsa) > 1 {
			dsaBasis = dsa[0] + " × " + dsa[1]
		}
		flights := append(append([]string(nil), qkeys...), "flight.speed_kmh", "flight.overhead_hours",
			"flight.business_threshold_leg_hours", "flight.business_threshold_journey_hours")
		addItem := func(item msg.Message, f string, v float64, unit, basis string, factors, keys []string) {
			out = append(out, qline{year: year, cat: cat, sec: sec, payer: payer, venue: venue,
				item: item, unit: unit, basis: basis, factors: factors, qty: f, qtyV: v, qkeys: keys})
		}
		add := func(what string, f string, v float64, unit, basis string, factors, keys []string) {
			addItem(cost.TravelItem(who, place, what), f, v, unit, basis, factors, keys)
		}
		// Sponsored seats fly economy whatever the distance.
		econFlights, econKm := "2*SUMPRODUCT("+trips+","+econ+")", "2*SUMPRODUCT("+trips+","+km+","+econ+")"
		if economyOnly {
			econFlights, econKm = "2*SUM("+trips+")", "2*SUMPRODUCT("+trips+","+km+")"
		}
		add("air fares, economy, fixed part", econFlights, b.econFlights, "one-way flights", "", []string{"fare.base"}, flights)
		add("air fares, economy, distance part", econKm, b.econKm, "passenger-km",
			"great-circle distance capital to venue", []string{"fare.per_km"}, flights)
		if !economyOnly {
			add("air fares, business class, fixed part", "2*SUMPRODUCT("+trips+","+bus+")", b.busFlights, "one-way flights",
				"fare.base × fare.business_multiplier", []string{"fare.base", "fare.business_multiplier"}, flights)
			add("air fares, business class, distance part", "2*SUMPRODUCT("+trips+","+km+","+bus+")", b.busKm, "passenger-km",
				"fare.per_km × fare.business_multiplier", []string{"fare.per_km", "fare.business_multiplier"}, flights)
		}
		// Thin routes: each fare region's supplement on its flights (the
		// delegation table's region column; staff fly from New York).
		for r, code := range fareRegions {
			if region == "" || r >= travel.MaxFareRegions {
				break
			}
			sk := cost.FareSupplementPrefix + code
			in := fmt.Sprintf("--(%s=\"%s\")", region, code)
			th := b.thin[r]
			thin := func(part, f string, v float64, unit string, factors []string) {
				addItem(cost.ThinRouteItem(who, place, part, code), f, v, unit, strings.Join(factors, " × "), factors, flights)
			}
			if economyOnly {
				thin("air fares, economy, fixed part", "2*SUMPRODUCT("+trips+","+in+")", th.econFlights, "one-way flights", []string{"fare.base", sk})
				thin("air fares, economy, distance part", "2*SUMPRODUCT("+trips+","+km+","+in+")", th.econKm, "passenger-km", []string{"fare.per_km", sk})
				continue
			}
			thin("air fares, economy, fixed part", "2*SUMPRODUCT("+trips+","+econ+","+in+")", th.econFlights, "one-way flights", []string{"fare.base", sk})
			thin("air fares, economy, distance part", "2*SUMPRODUCT("+trips+","+km+","+econ+","+in+")", th.econKm, "passenger-km", []string{"fare.per_km", sk})
			thin("air fares, business class, fixed part", "2*SUMPRODUCT("+trips+","+bus+","+in+")", th.busFlights, "one-way flights",
				[]string{"fare.base", "fare.business_multiplier", sk})
			thin("air fares, business class, distance part", "2*SUMPRODUCT("+trips+","+km+","+bus+","+in+")", th.busKm, "passenger-km",
				[]string{"fare.per_km", "fare.business_multiplier", sk})
		}
		add("daily subsistence allowance", "SUMPRODUCT("+trips+","+nights+")", b.nights, "traveller-nights", dsaBasis, dsa,
			append([]string{"flight.long_haul_hours"}, flights...))
		add("terminal expenses", "SUM("+trips+")", b.trips, "return trips", "", []string{"terminal.expenses"}, qkeys)
	}
	// Away from New York, grouped by year and venue.
	for a := 0; a < len(aways); {
		b := a
		for b < len(aways) && aways[b].year == aways[a].year && aways[b].venue == aways[a].venue {
			b++
		}
		first, last := aways[a].row, aways[b-1].row
		var staff, conf bill
		interp := false
		for k := a; k < b; k++ {
			x := &aways[k]
			add := func(bl *bill, n float64) {
				bl.trips += n
				if x.business {
					bl.busFlights += 2 * n
					bl.busKm += 2 * n * x.km
				} else {
					bl.econFlights += 2 * n
					bl.econKm += 2 * n * x.km
				}
				bl.nights += n * x.nights
			}
			add(&staff, x.staff)
			add(&conf, x.conf)
			interp = interp || x.interpreted
		}
		km, econ, bus, nights := rng(wKm, first, last), rng(wEconomy, first, last), rng(wBusiness, first, last), rng(wNights, first, last)
		x := &aways[a]
		travelLines(x.year, x.venue, cost.Secretariat, cost.Disarmament, cost.RegularBudget, "Secretariat staff from New York",
			staff, rng(wStaff, first, last), km, econ, bus, nights, "", false, []string{"away.staff_travellers"})
		if interp {
			travelLines(x.year, x.venue, cost.Servicing, cost.ConferenceManagement, cost.RegularBudget, "Interpreters and conference staff from New York",
				conf, rng(wConference, first, last), km, econ, bus, nights, "", false, []string{"away.conference_travellers." + x.venue})
		}
		a = b
	}
	for gi, g := range groups {
		who := []string{"delegation.mission_delegates", "sponsorship.seats_per_state"}
		for _, k := range model.BodyKinds {
			if g.kinds[k] {
				who = append(who, "delegation.travellers."+string(k))
			}
		}
		sp := gspan[gi]
		km, econ, bus, nights := rng(tKm, sp.first, sp.last), rng(tEconomy, sp.first, sp.last), rng(tBusiness, sp.first, sp.last), rng(tNights, sp.first, sp.last)
		region := rng(tRegion, sp.first, sp.last)
		travelLines(g.year, g.venue, cost.Travel, cost.Outside, cost.MemberStates, "Delegations", gpaid[gi],
			rng(tPaid, sp.first, sp.last), km, econ, bus, nights, region, false, who)
		travelLines(g.year, g.venue, cost.Sponsorship, cost.Outside, cost.VoluntaryFund, "Sponsored delegates", gfund[gi],
			rng(tSponsored, sp.first, sp.last), km, econ, bus, nights, region, true, who)
	}
	return out
}

// ref1 is an absolute reference to a cell of the same sheet.
func ref1(col, row int) string { return abs(col, row) }

func containsKind(ks []model.BodyKind, k model.BodyKind) bool {
	for _, o := range ks {
		if o == k {
			return true
		}
	}
	return false
}

// civil is the calendar day of t at the venue, as midnight UTC.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// exact rounds to the 15 significant digits a cell keeps, to the
// nearest: excelize cuts longer numbers, so 19:00 would read 18:59.
func exact(v float64) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	out, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		return v
	}
	return out
}

// headerHeight is a header row's height in points for titles wrapped
// in columns about width characters wide.
func headerHeight(titles []string, width int) float64 {
	lines := 1
	for _, t := range titles {
		lines = max(lines, wrappedLines(t, width))
	}
	return float64(15*lines + 3)
}
