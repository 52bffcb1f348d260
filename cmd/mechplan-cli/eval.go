package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"mechplan/internal/cost"
	"mechplan/internal/model"
	"mechplan/internal/plan"
	"mechplan/internal/schedule"
	"mechplan/internal/travel"
)

// evaluate runs the engine on each scenario, naming the scenario on failure.
func (c *cli) evaluate(ss []*model.Scenario) ([]*plan.Result, error) {
	return c.evaluateWith(ss, plan.Options{})
}

func (c *cli) evaluateWith(ss []*model.Scenario, opt plan.Options) ([]*plan.Result, error) {
	ref, err := c.refdata()
	if err != nil {
		return nil, err
	}
	out := make([]*plan.Result, len(ss))
	for i, s := range ss {
		r, err := plan.Evaluate(s, ref, opt)
		if err != nil {
			return nil, withFile(c.origin(s), err)
		}
		out[i] = r
	}
	return out, nil
}

type yearJSON struct {
	Year int `json:"year"`
	schedule.Totals
	// Cost: total is the full cost, additional_requirement what the
	// regular budget needs beyond what existing resources absorb.
	Cost      cost.Totals   `json:"cost"`
	Workload  cost.Workload `json:"workload"`
	CO2Tonnes float64       `json:"co2_tonnes"`
}

type periodJSON struct {
	Label string `json:"label"`
	schedule.Totals
	Cost      cost.Totals   `json:"cost"`
	Workload  cost.Workload `json:"workload"`
	CO2Tonnes float64       `json:"co2_tonnes"`
}

func period(label string, t schedule.Totals, p *cost.Period) periodJSON {
	return periodJSON{label, t, roundTotals(p.Totals), roundWorkload(p.Workload), round2(p.CO2Kg / 1000)}
}

func roundWorkload(w cost.Workload) cost.Workload {
	return cost.Workload{InterpretedMeetingHours: round2(w.InterpretedMeetingHours), UninterpretedMeetingHours: round2(w.UninterpretedMeetingHours),
		PagesTranslated: round2(w.PagesTranslated), WordsTranslated: round2(w.WordsTranslated)}
}

// roundTotals keeps the totals as the engine has them: amounts are
// rounded where they are printed, and the JSON keeps cents.
func roundTotals(t cost.Totals) cost.Totals { return t }

type conflictJSON struct {
	Kind    string `json:"kind"`
	Date    string `json:"date"`
	Message string `json:"message"`
}

type evalJSON struct {
	ID        string         `json:"id"`
	Name      string         `json:"name"`
	Years     []yearJSON     `json:"years"`
	Cycles    []periodJSON   `json:"cycles"`
	Total     periodJSON     `json:"total"`
	Conflicts []conflictJSON `json:"conflicts"`
	// MoreConflicts counts the conflicts found but not listed.
	MoreConflicts int `json:"more_conflicts,omitempty"`
	// VsBaseline is the horizon total minus the baseline's, per average
	// year, when a baseline is chosen.
	VsBaseline *baselineJSON `json:"vs_baseline,omitempty"`
	// PriceYear: every amount is USD of that year (escalated after it
	// when an escalation rate is set).
	PriceYear  int     `json:"price_year"`
	Escalation float64 `json:"escalation_per_year"`
	// CostLines are the cost statement's lines; Assumptions are every
	// rate they name, with source, date and placeholder flag.
	CostLines        []lineJSON       `json:"cost_lines"`
	Assumptions      []assumptionJSON `json:"assumptions"`
	DelegationTravel delegationsJSON  `json:"delegation_travel"`
	Sponsorship      fundJSON         `json:"sponsorship"`
	Sensitivity      []swingJSON      `json:"sensitivity,omitempty"`
	// Statement says how to read the cost figures.
	Statement statementJSON `json:"statement"`
	// HybridTradeoff, for scenarios with hybrid meetings.
	HybridTradeoff *tradeoffJSON `json:"hybrid_tradeoff,omitempty"`
}

// statementJSON explains the two cost figures and the statement by
// object of expenditure.
type statementJSON struct {
	FullCost              string   `json:"full_cost"`
	AdditionalRequirement string   `json:"additional_requirement"`
	AbsorptionRule        []string `json:"absorption_rule"`
	ByObject              string   `json:"by_object"`
	ContingencyFund       string   `json:"contingency_fund"`
	StaleRates            []string `json:"stale_rates"`
}

func statement(est *cost.Estimate) statementJSON {
	s := statementJSON{
		FullCost:              "total: every cost of the scenario, whoever pays (regular budget, member states, voluntary fund)",
		AdditionalRequirement: "additional_requirement: what the regular budget needs beyond what existing resources absorb under the absorption rule, the figure a programme budget implications statement gives",
		AbsorptionRule:        []string{"absorb.meetings_per_year.NYC", "absorb.posts_share"},
		ByObject:              "by_object: what the United Nations pays (regular budget plus voluntary fund) by object of expenditure; staff_assessment is the part of posts that is staff assessment, not added again",
		ContingencyFund:       cost.ContingencyNote,
		StaleRates:            []string{},
	}
	seen := map[string]bool{}
	for _, l := range est.Lines {
		if l.Stale && !seen[l.StaleKey] {
			seen[l.StaleKey] = true
			s.StaleRates = append(s.StaleRates, l.StaleKey)
		}
	}
	return s
}

type baselineJSON struct {
	Baseline           string  `json:"baseline"`
	MeetingDaysPerYear float64 `json:"meeting_days_per_year"`
	MeetingsPerYear    float64 `json:"meetings_per_year"`
	BlocksPerYear      float64 `json:"blocks_per_year"`
	MaxParallel        int     `json:"max_parallel"`
}

func cmdEval(c *cli, args []string) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	baseline := fs.String("baseline", "", "id of the scenario to compare against (it is evaluated too)")
	eligible := fs.String("eligible", "", "who the sponsorship fund serves: LDC, LLDC, SIDS, DEVELOPING and/or ISO3 codes, comma-separated (default LDC,LLDC,SIDS, high-income states left out)")
	rich := fs.Bool("include-high-income", false, "let the sponsorship lists include states the World Bank classes as high income")
	sensitivity := fs.Bool("sensitivity", false, "also move each assumption by ±20% and list the swing of the total")
	hybrid := travelToHybridFlag(fs)
	pos, ok := c.flags(fs, args)
	if !ok {
		return exitUsage
	}
	ss, err := c.scenarios(pos)
	if err != nil {
		return c.fail(err)
	}
	opt := plan.Options{Cost: cost.Options{Eligible: splitList(*eligible), IncludeHighIncome: *rich, TravelToHybrid: *hybrid}}
	results, err := c.evaluateWith(ss, opt)
	if err != nil {
		return c.fail(err)
	}
	var base *plan.Result
	if *baseline != "" {
		for _, r := range results {
			if r.Scenario.ID == *baseline {
				base = r
			}
		}
		if base == nil {
			bs, err := c.scenario(*baseline)
			if err != nil {
				return c.fail(err)
			}
			br, err := c.evaluateWith([]*model.Scenario{bs}, opt)
			if err != nil {
				return c.fail(err)
			}
			base = br[0]
		}
	}
	out := make([]evalJSON, len(results))
	for i, r := range results {
		est := r.Cost
		e := evalJSON{ID: r.Scenario.ID, Name: r.Scenario.Name, Total: period(r.Total.Label, r.Total.Totals, &est.Total)}
		for i, y := range r.Years {
			p := period("", y.Totals, &est.Years[i])
			e.Years = append(e.Years, yearJSON{y.FirstYear, y.Totals, p.Cost, p.Workload, p.CO2Tonnes})
		}
		for i, p := range r.Cycles {
			e.Cycles = append(e.Cycles, period(p.Label, p.Totals, &est.Cycles[i]))
		}
		e.Statement = statement(est)
		if e.HybridTradeoff, err = c.tradeoff(r, opt); err != nil {
			return c.fail(withFile(r.Scenario.ID, err))
		}
		e.PriceYear, e.Escalation = est.PriceYear, est.Escalation
		e.CostLines, e.Assumptions = costLines(est)
		e.DelegationTravel = delegations(est)
		e.Sponsorship = fund(est)
		if *sensitivity {
			sw, err := est.Sensitivity(0.2)
			if err != nil {
				return c.fail(withFile(c.origin(r.Scenario), err))
			}
			for _, w := range sw {
				e.Sensitivity = append(e.Sensitivity, swingJSON{w.Key, w.Label, w.Value, round2(w.Low), round2(w.High), round2(w.Swing), w.Placeholder})
			}
		}
		e.Conflicts = []conflictJSON{}
		for _, k := range r.Conflicts {
			e.Conflicts = append(e.Conflicts, conflictJSON{k.Kind, k.Date, k.Message})
		}
		e.MoreConflicts = r.MoreConflicts
		if base != nil {
			d, m, b := r.AverageYear()
			bd, bm, bb := base.AverageYear()
			e.VsBaseline = &baselineJSON{Baseline: base.Scenario.ID, MeetingDaysPerYear: round2(d - bd),
				MeetingsPerYear: round2(m - bm), BlocksPerYear: round2(b - bb), MaxParallel: r.Total.MaxParallel - base.Total.MaxParallel}
		}
		out[i] = e
	}
	if *asJSON {
		return c.json(map[string]any{"scenarios": out})
	}
	for i, e := range out {
		if i > 0 {
			fmt.Fprintln(c.stdout)
		}
		fmt.Fprintf(c.stdout, "%s — %s\n", e.ID, display(e.Name))
		t := c.table("YEAR", "MEETING DAYS", "BODY-DAYS", "MEETINGS", "INTERPRETED", "IN PERSON", "HYBRID", "VIRTUAL", "MAX PARALLEL", "BLOCKS")
		for _, y := range e.Years {
			t.row(c.totalsRow(strconv.Itoa(y.Year), y.Totals)...)
		}
		for _, p := range e.Cycles {
			if len(e.Cycles) > 1 {
				t.row(c.totalsRow(c.say("cli.row.cycle", "cycle {{.Period}}", "Period", p.Label), p.Totals)...)
			}
		}
		t.row(c.totalsRow(c.totalLabel(e.Total.Label), e.Total.Totals)...)
		t.flush()
		c.printCost(e)
		c.printTradeoff(e.HybridTradeoff)
		if v := e.VsBaseline; v != nil {
			fmt.Fprintln(c.stdout, c.say("cli.msg.vs_baseline", "vs {{.Baseline}}, per year: {{.Days}} meeting days, {{.Meetings}} meetings, {{.Blocks}} blocks; max parallel {{.Parallel}}",
				"Baseline", v.Baseline, "Days", c.signed(v.MeetingDaysPerYear, 1), "Meetings", c.signed(v.MeetingsPerYear, 1), "Blocks", c.signed(v.BlocksPerYear, 1),
				"Parallel", c.signed(float64(v.MaxParallel), 0)))
		}
		c.printConflicts(results[i].Conflicts, results[i].MoreConflicts)
	}
	return exitOK
}

func round2(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 2, 64), 64)
	return v
}

func (c *cli) totalsRow(label string, t schedule.Totals) []string {
	return []string{label, c.count(t.MeetingDays), c.decimal(t.BodyDays), c.count(t.Meetings),
		c.count(t.InterpretedMeetings), c.count(t.InPersonDays), c.count(t.HybridDays), c.count(t.VirtualDays),
		c.count(t.MaxParallel), c.count(t.Blocks)}
}

// totalLabel is the row of a table's total over a period ("total
// 2027–2031").
func (c *cli) totalLabel(period string) string {
	return c.say("cli.row.total", "total {{.Period}}", "Period", period)
}

type meetingJSON struct {
	Body        string `json:"body"`
	BodyName    string `json:"body_name"`
	Kind        string `json:"kind"`
	Block       string `json:"block"`
	Date        string `json:"date"`
	Start       string `json:"start"`
	End         string `json:"end"`
	Venue       string `json:"venue"`
	TZ          string `json:"tz"`
	UTCStart    string `json:"utc_start"`
	Format      string `json:"format"`
	Interpreted bool   `json:"interpreted"`
	Track       int    `json:"track"`
}

func meetingRow(m *schedule.Meeting) meetingJSON {
	return meetingJSON{
		Body: m.Body, BodyName: m.BodyName, Kind: string(m.Kind), Block: m.Block,
		Date: m.Start.Format(time.DateOnly), Start: m.Start.Format("15:04"), End: m.End.Format("15:04"),
		Venue: m.Venue, TZ: m.Start.Location().String(), UTCStart: m.Start.UTC().Format(time.RFC3339),
		Format: string(m.Format), Interpreted: m.Interpreted, Track: m.Track,
	}
}

func cmdSchedule(c *cli, args []string) int {
	fs := flag.NewFlagSet("schedule", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, ok := c.flags(fs, args)
	if !ok || len(pos) != 1 {
		fmt.Fprintln(c.stderr, c.usageLine(synopsis("schedule")))
		return exitUsage
	}
	ss, err := c.scenarios(pos)
	if err != nil {
		return c.fail(err)
	}
	rs, err := c.evaluate(ss)
	if err != nil {
		return c.fail(err)
	}
	r := rs[0]
	rows := make([]meetingJSON, len(r.Schedule.Meetings))
	for i := range r.Schedule.Meetings {
		rows[i] = meetingRow(&r.Schedule.Meetings[i])
	}
	if *asJSON {
		conf := []conflictJSON{}
		for _, k := range r.Conflicts {
			conf = append(conf, conflictJSON{k.Kind, k.Date, k.Message})
		}
		return c.json(map[string]any{"scenario": r.Scenario.ID, "meetings": rows, "conflicts": conf, "more_conflicts": r.MoreConflicts})
	}
	fmt.Fprintln(c.stdout, c.say("cli.msg.schedule", "{{.ID}} — {{.Name}}: {{.N}} meetings", "ID", r.Scenario.ID, "Name", display(r.Scenario.Name), "N", c.count(len(rows))))
	t := c.table("DATE", "DAY", "START", "END", "VENUE", "ZONE", "BODY", "FORMAT", "TRACK")
	for i, m := range rows {
		t.row(c.date(m.Date), c.weekday(r.Schedule.Meetings[i].Start.Weekday()), m.Start, m.End, m.Venue, m.TZ, display(m.BodyName),
			c.say("format."+m.Format, m.Format), c.count(m.Track+1))
	}
	t.flush()
	c.printConflicts(r.Conflicts, r.MoreConflicts)
	return exitOK
}

// printConflicts lists a schedule's conflicts and counts those not listed.
func (c *cli) printConflicts(ks []schedule.Conflict, more int) {
	for _, k := range ks {
		fmt.Fprintf(c.stdout, "! %s: %s\n", c.label("conflict.", k.Kind), c.message(k.Msg))
	}
	if more > 0 {
		fmt.Fprintln(c.stdout, "! "+c.say("cli.msg.more_conflicts", "and {{.N}} more conflicts (the first {{.Listed}} are listed)", "N", c.count(more), "Listed", c.count(len(ks))))
	}
}

// splitList splits a comma-separated flag value; empty gives nil.
func splitList(v string) []string {
	var out []string
	for _, f := range strings.Split(v, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, strings.ToUpper(f))
		}
	}
	return out
}

// lineJSON is one cost line: amount = quantity × rate, with the
// assumptions it rests on.
type lineJSON struct {
	Year          int      `json:"year"`
	Category      string   `json:"category"`
	Section       string   `json:"section"`
	Payer         string   `json:"payer"`
	Object        string   `json:"object"`
	Venue         string   `json:"venue,omitempty"`
	Item          string   `json:"item"`
	Quantity      float64  `json:"quantity"`
	Unit          string   `json:"unit"`
	Rate          float64  `json:"rate"`
	Amount        float64  `json:"amount"`
	Key           string   `json:"key"`
	Uses          []string `json:"uses"`
	Basis         string   `json:"basis,omitempty"`
	Placeholder   bool     `json:"placeholder"`
	RatePriceYear int      `json:"rate_price_year,omitempty"`
	// Recost is the factor inside Rate that revalues it from
	// RatePriceYear to the price year; Stale flags a rate over three
	// years older than the estimate.
	Recost     float64 `json:"recost"`
	Stale      bool    `json:"stale"`
	Absorbed   float64 `json:"absorbed"`
	Additional float64 `json:"additional_requirement"`
}

type assumptionJSON struct {
	Key            string  `json:"key"`
	Label          string  `json:"label"`
	Value          float64 `json:"value"`
	Default        float64 `json:"default"`
	Unit           string  `json:"unit"`
	Currency       string  `json:"currency,omitempty"`
	PriceYear      int     `json:"price_year,omitempty"`
	Source         string  `json:"source"`
	AsOf           string  `json:"as_of"`
	Placeholder    bool    `json:"placeholder"`
	Overridden     bool    `json:"overridden"`
	OverrideSource string  `json:"override_source,omitempty"`
	OverrideAsOf   string  `json:"override_as_of,omitempty"`
}

// costLines lists the lines and, once each, the assumptions they name.
func costLines(est *cost.Estimate) ([]lineJSON, []assumptionJSON) {
	lines := make([]lineJSON, len(est.Lines))
	seen := map[string]bool{}
	var keys []string
	for i, l := range est.Lines {
		obj := string(l.Object)
		if l.Object == cost.NotUN {
			obj = "none"
		}
		lines[i] = lineJSON{l.Year, string(l.Category), sectionLabel(l.Section), string(l.Payer), obj, l.Venue, l.Item,
			round2(l.Quantity), l.Unit, l.Rate, round2(l.Amount), l.Key, l.Uses, l.Basis, l.Placeholder, l.RatePriceYear,
			l.Recost, l.Stale, round2(l.Absorbed), round2(l.Additional())}
		for _, k := range l.Uses {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	as := make([]assumptionJSON, 0, len(keys))
	for _, k := range keys {
		a, _ := est.Assumptions.Get(k)
		as = append(as, assumptionJSON{k, a.Label, a.Value, a.Default, a.Unit, a.Currency, a.PriceYear, a.Source, a.AsOf,
			a.Placeholder && !a.Overridden, a.Overridden, a.OverrideSource, a.OverrideAsOf})
	}
	return lines, as
}

// sectionLabel names a budget section for scripts: "2", "4", "28" or
// "none" for what the programme budget does not carry.
func sectionLabel(s cost.Section) string {
	if s == cost.Outside {
		return "none"
	}
	return string(s)
}

type stateCostJSON struct {
	ISO3      string  `json:"iso3"`
	Name      string  `json:"name"`
	Group     string  `json:"group"`
	Cost      float64 `json:"cost"`
	Sponsored float64 `json:"sponsored"`
	DaysAway  int     `json:"days_away"`
	CO2Tonnes float64 `json:"co2_tonnes"`
}

func stateCost(s *travel.StateTravel) stateCostJSON {
	return stateCostJSON{s.State.ISO3, s.State.Name, s.State.Group, round2(s.Cost), round2(s.Sponsored), s.DaysAway, round2(s.CO2Kg / 1000)}
}

type groupCostJSON struct {
	Group    string  `json:"group"`
	States   int     `json:"states"`
	Cost     float64 `json:"cost"`
	PerState float64 `json:"per_state"`
}

type delegationsJSON struct {
	Cost         float64         `json:"cost"`
	CO2Tonnes    float64         `json:"co2_tonnes"`
	ByGroup      []groupCostJSON `json:"by_group"`
	MostBurdened []stateCostJSON `json:"most_burdened"`
	// States is every member state's travel, in the reference order:
	// the same figure `travel --delegation` gives.
	States []stateCostJSON `json:"states"`
}

func delegations(est *cost.Estimate) delegationsJSON {
	d := delegationsJSON{Cost: round2(est.Travel.Cost), CO2Tonnes: round2(est.Travel.CO2Kg / 1000)}
	d.States = make([]stateCostJSON, len(est.Travel.States))
	for i := range est.Travel.States {
		d.States[i] = stateCost(&est.Travel.States[i])
	}
	for _, g := range est.Travel.ByGroup() {
		d.ByGroup = append(d.ByGroup, groupCostJSON{g.Group, g.States, round2(g.Cost), round2(g.PerState)})
	}
	d.MostBurdened = []stateCostJSON{}
	for _, s := range est.Travel.MostBurdened(10) {
		d.MostBurdened = append(d.MostBurdened, stateCost(&s))
	}
	return d
}

type fundYearJSON struct {
	Year      int     `json:"year,omitempty"`
	SeatTrips float64 `json:"seat_trips"`
	// Cost is the need, programme support cost included.
	Cost             float64 `json:"cost"`
	ProgrammeSupport float64 `json:"programme_support_cost"`
	Pledged          float64 `json:"pledged"`
	Gap              float64 `json:"gap"`
}

type fundJSON struct {
	EligibleStates int `json:"eligible_states"`
	// Eligible lists the ISO3 codes of the states the fund serves.
	Eligible      []string       `json:"eligible"`
	Policy        []string       `json:"policy"`
	IncomeSource  string         `json:"income_classification"`
	SeatsPerState float64        `json:"seats_per_state"`
	Years         []fundYearJSON `json:"years"`
	Total         fundYearJSON   `json:"total"`
}

func fundYear(y cost.FundYear) fundYearJSON {
	return fundYearJSON{y.Year, y.SeatTrips, round2(y.Cost), round2(y.ProgrammeSupport), round2(y.Pledged), round2(y.Gap)}
}

func fund(est *cost.Estimate) fundJSON {
	f := est.Fund()
	out := fundJSON{EligibleStates: f.Eligible, Eligible: []string{}, Policy: est.Policy, IncomeSource: cost.IncomeSource + " (" + cost.IncomeAsOf + ")",
		SeatsPerState: f.Seats, Total: fundYear(f.Total)}
	for i, ok := range est.Eligible {
		if ok {
			out.Eligible = append(out.Eligible, est.Travel.States[i].State.ISO3)
		}
	}
	for _, y := range f.Years {
		out.Years = append(out.Years, fundYear(y))
	}
	return out
}

type swingJSON struct {
	Key         string  `json:"key"`
	Label       string  `json:"label"`
	Value       float64 `json:"value"`
	Low         float64 `json:"low"`
	High        float64 `json:"high"`
	Swing       float64 `json:"swing"`
	Placeholder bool    `json:"placeholder"`
}

// usd prints whole dollars with thousands separators.
func usd(v float64) string {
	n := strconv.FormatFloat(v, 'f', 0, 64)
	neg := strings.HasPrefix(n, "-")
	n = strings.TrimPrefix(n, "-")
	var b strings.Builder
	for i, r := range n {
		if i > 0 && (len(n)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// printCost prints the cost by category and by section and payer, and
// says how much rests on placeholder rates.
func (c *cli) printCost(e evalJSON) {
	if e.Escalation != 0 {
		fmt.Fprintln(c.stdout, "\n"+c.say("cli.msg.cost_escalated", "Cost, USD of {{.Year}} escalated {{.Rate}} a year after it", "Year", e.PriceYear, "Rate", c.percent(e.Escalation*100, 1)))
	} else {
		fmt.Fprintln(c.stdout, "\n"+c.say("cli.msg.cost", "Cost, USD of {{.Year}}", "Year", e.PriceYear))
	}
	t := c.table("YEAR", "SERVICING", "DOCUMENTATION", "SECRETARIAT", "TRAVEL", "SPONSORSHIP", "FULL COST",
		"SECT. 2", "SECT. 4", "SECT. 28", "REGULAR BUDGET", "MEMBER STATES", "VOLUNTARY FUND", "ADDITIONAL REQUIREMENT", "CO2 (t)")
	row := func(label string, k cost.Totals, co2 float64) {
		t.row(label, c.usd(k.Servicing), c.usd(k.Documentation), c.usd(k.Secretariat), c.usd(k.Travel), c.usd(k.Sponsorship), c.usd(k.Total),
			c.usd(k.BySection.ConferenceManagement), c.usd(k.BySection.Disarmament), c.usd(k.BySection.PublicInformation),
			c.usd(k.ByPayer.RegularBudget), c.usd(k.ByPayer.MemberStates), c.usd(k.ByPayer.VoluntaryFund), c.usd(k.AdditionalRequirement), c.usd(co2))
	}
	for _, y := range e.Years {
		row(strconv.Itoa(y.Year), y.Cost, y.CO2Tonnes)
	}
	row(c.totalLabel(e.Total.Label), e.Total.Cost, e.Total.CO2Tonnes)
	t.flush()
	fmt.Fprintln(c.stdout, c.say("cli.msg.cost_note", "Full cost: every cost, whoever pays. Additional requirement: what the regular budget needs beyond what existing resources absorb (absorb.meetings_per_year.NYC, absorb.posts_share)."))
	fmt.Fprintln(c.stdout, "\n"+c.say("cli.msg.objects", "What the United Nations pays by object of expenditure, {{.Period}} (regular budget + voluntary fund; additional requirement of the regular budget)", "Period", e.Total.Label))
	ot := c.table("OBJECT", "REGULAR BUDGET", "VOLUNTARY FUND", "TOTAL", "ADDITIONAL REQUIREMENT")
	bo := e.Total.Cost.ByObject
	for _, o := range cost.ObjectList {
		ot.row(c.label("export.object.", o.Name()), c.usd(bo.RegularBudget.Get(o)), c.usd(bo.VoluntaryFund.Get(o)), c.usd(bo.Get(o)), c.usd(bo.AdditionalRequirement.Get(o)))
	}
	ot.row(c.say("cli.row.objects_total", "Total"), c.usd(bo.RegularBudget.Total), c.usd(bo.VoluntaryFund.Total), c.usd(bo.Total), c.usd(bo.AdditionalRequirement.Total))
	ot.row(c.say("cli.row.staff_assessment", "of which staff assessment"), c.usd(bo.RegularBudget.StaffAssessment), "", c.usd(bo.StaffAssessment), c.usd(bo.AdditionalRequirement.StaffAssessment))
	ot.flush()
	fmt.Fprintln(c.stdout, c.say("export.xlsx.statement.contingency", e.Statement.ContingencyFund))
	if len(e.Statement.StaleRates) > 0 {
		fmt.Fprintln(c.stdout, c.say("cli.msg.stale_rates", "Rates over {{.Years}} years old, recosted by the inflation assumption: {{.Keys}}", "Years", cost.StaleYears, "Keys", strings.Join(e.Statement.StaleRates, ", ")))
	}
	var ph, all float64
	for _, l := range e.CostLines {
		all += l.Amount
		if l.Placeholder {
			ph += l.Amount
		}
	}
	var keys []string
	for _, a := range e.Assumptions {
		if a.Placeholder {
			keys = append(keys, a.Key)
		}
	}
	if all > 0 {
		fmt.Fprintln(c.stdout, c.say("cli.msg.placeholder_share", "{{.Share}} of the total rests on placeholder rates: {{.Keys}}", "Share", c.percent(100*ph/all, 0), "Keys", strings.Join(keys, ", ")))
	}
	for _, s := range e.Sensitivity {
		if s.Swing > 0 {
			fmt.Fprintf(c.stdout, "  ±%s %-45s %s\n", c.percent(20, 0), s.Key, c.say("cli.msg.swing", "total {{.Low}} to {{.High}}", "Low", c.usd(s.Low), "High", c.usd(s.High)))
		}
	}
}

// travelToHybridFlag adds --travel-to-hybrid to the commands that price
// delegation travel.
func travelToHybridFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("travel-to-hybrid", false, "capital experts fly to hybrid meetings too (default: they follow them from the capital, as the burden counts them)")
}
