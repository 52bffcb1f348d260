package plan

import (
	"fmt"
	"math"
	"time"

	"mechplan/internal/refdata"
)

// Aggregation says how a metric's horizon figure relates to a year.
type Aggregation int

const (
	// Summed metrics add up over the years (meeting days, costs, night
	// hours): the per-year figure is the horizon total over its years.
	Summed Aggregation = iota
	// Peak metrics are a horizon's highest or a count of delegations
	// (most bodies at once, delegations hit by night hours, a fairness
	// index): the same figure stands for the horizon and for a year.
	Peak
)

// Better says which way a metric improves, for colouring deltas.
type Better int

// Directions of improvement.
const (
	LowerIsBetter Better = iota
	HigherIsBetter
	Neutral
)

// Metric is one row of a comparison.
type Metric struct {
	Key   string // stable identifier, e.g. "meeting_days", "cost.total"
	Label string // in the users' words
	Unit  string // "days", "USD", "hours", ...
	// Group is the heading the row sits under: meeting days, time-zone
	// burden, cost by section, cost by payer, cost by category.
	Group       string
	Aggregation Aggregation
	Better      Better
	Money       bool
	// Decimals is how many decimals a figure deserves when printed.
	Decimals int
}

// Figure is one metric of one scenario: its horizon figure, its average
// per year, and the change against the baseline.
type Figure struct {
	Known   bool // false when the result lacks the stage (no cost, no burden)
	Horizon float64
	PerYear float64
	// DeltaHorizon and DeltaPerYear are this scenario minus the baseline;
	// compare per year when the horizons differ in length.
	DeltaHorizon, DeltaPerYear float64
}

// Row is a metric across all scenarios of a comparison.
type Row struct {
	Metric
	Figures []Figure // by scenario, in Comparison.Results order
}

// Comparison sets results side by side against one of them, the
// baseline. The spreadsheet, the report and the desktop app all read it.
type Comparison struct {
	// Date is the date the comparison is issued under, printed on the
	// report and used as its creation date, so that the same input gives
	// the same file.
	Date     time.Time
	Ref      *refdata.Data
	Results  []*Result
	Baseline int // index into Results
	Rows     []Row
	// ParetoOn names the metrics (per year) the Pareto test used: the
	// total cost, meeting days and the burden score, where known for
	// every scenario.
	ParetoOn []string
	// Pareto marks the scenarios no other scenario beats on every
	// ParetoOn metric at once.
	Pareto []bool
	// Tradeoffs are the hybrid trade-offs by scenario, in Results order
	// (nil for a scenario without hybrid meetings), once
	// AddHybridTradeoffs has run with the options the results came from.
	Tradeoffs []*Tradeoff
}

// Metric groups, in the order a comparison lists them.
const (
	GroupMeetings = "Meeting days"
	GroupBurden   = "Time-zone burden"
	GroupCategory = "Cost by category"
	GroupSection  = "Cost by budget section"
	GroupPayer    = "Cost by payer"
)

// Keys of the metrics the Pareto test and the charts use.
const (
	KeyMeetingDays = "meeting_days"
	KeyNightHours  = "burden.night_hours"
	KeyBurdenScore = "burden.score"
	KeyCostTotal   = "cost.total"
)

// metricDef reads a metric's horizon figure from a result; ok is false
// when the result lacks the stage it needs.
type metricDef struct {
	Metric
	value func(r *Result) (float64, bool)
}

func meetingMetric(key, label, unit string, agg Aggregation, v func(r *Result) float64) metricDef {
	// A yearly average of days needs a decimal; a peak is a whole number.
	decimals := 1
	if agg == Peak {
		decimals = 0
	}
	return metricDef{Metric{Key: key, Label: label, Unit: unit, Group: GroupMeetings, Aggregation: agg, Decimals: decimals},
		func(r *Result) (float64, bool) { return v(r), true }}
}

func burdenMetric(key, label, unit string, agg Aggregation, decimals int, v func(r *Result) float64) metricDef {
	return metricDef{Metric{Key: key, Label: label, Unit: unit, Group: GroupBurden, Aggregation: agg, Decimals: decimals},
		func(r *Result) (float64, bool) {
			if r.Burden == nil {
				return 0, false
			}
			return v(r), true
		}}
}

func costMetric(group, key, label string, v func(r *Result) float64) metricDef {
	return metricDef{Metric{Key: key, Label: label, Unit: "USD", Group: group, Aggregation: Summed, Money: true},
		func(r *Result) (float64, bool) {
			if r.Cost == nil {
				return 0, false
			}
			return v(r), true
		}}
}

// metricDefs lists every metric a comparison shows, in order.
var metricDefs = []metricDef{
	meetingMetric(KeyMeetingDays, "Meeting days (days with at least one meeting)", "days", Summed, func(r *Result) float64 { return float64(r.Total.MeetingDays) }),
	meetingMetric("body_days", "Body-days (parallel sessions count separately)", "days", Summed, func(r *Result) float64 { return r.Total.BodyDays }),
	meetingMetric("meetings", "Meetings (3-hour slots)", "meetings", Summed, func(r *Result) float64 { return float64(r.Total.Meetings) }),
	meetingMetric("interpreted_meetings", "Meetings with six-language interpretation", "meetings", Summed, func(r *Result) float64 { return float64(r.Total.InterpretedMeetings) }),
	meetingMetric("in_person_days", "In-person days", "days", Summed, func(r *Result) float64 { return float64(r.Total.InPersonDays) }),
	meetingMetric("hybrid_days", "Hybrid days", "days", Summed, func(r *Result) float64 { return float64(r.Total.HybridDays) }),
	meetingMetric("virtual_days", "Virtual days", "days", Summed, func(r *Result) float64 { return float64(r.Total.VirtualDays) }),
	meetingMetric("blocks", "Blocks (meeting periods, trips)", "blocks", Summed, func(r *Result) float64 { return float64(r.Total.Blocks) }),
	meetingMetric("max_parallel", "Most bodies meeting at once (smallest delegation that covers all)", "people", Peak, func(r *Result) float64 { return float64(r.Total.MaxParallel) }),

	burdenMetric(KeyNightHours, "Night hours, summed over the 193 delegations", "hours", Summed, 1, func(r *Result) float64 {
		return float64(r.Burden.Summary.TotalNight) / 60
	}),
	burdenMetric("burden.unsociable_hours", "Unsociable hours, summed over the 193 delegations", "hours", Summed, 1, func(r *Result) float64 {
		n := 0
		for i := range r.Burden.Delegations {
			n += r.Burden.Delegations[i].UnsociableMinutes
		}
		return float64(n) / 60
	}),
	burdenMetric(KeyBurdenScore, "Burden score, all delegations (weighted hours)", "weighted hours", Summed, 1, func(r *Result) float64 { return r.Burden.Summary.TotalScore }),
	burdenMetric("burden.worst_score", "Burden score of the worst-off delegation", "weighted hours", Summed, 1, func(r *Result) float64 { return r.Burden.Summary.Max }),
	burdenMetric("burden.hit_by_night", "Delegations with any night hours", "delegations", Peak, 0, func(r *Result) float64 { return float64(r.Burden.Summary.HitByNight) }),
	burdenMetric("burden.gini", "Unfairness of the burden (Gini: 0 shared equally, 1 one carries all)", "index", Peak, 2, func(r *Result) float64 { return r.Burden.Summary.Gini }),

	costMetric(GroupCategory, "cost.servicing", "Conference servicing", func(r *Result) float64 { return r.Cost.Total.Servicing }),
	costMetric(GroupCategory, "cost.documentation", "Documentation", func(r *Result) float64 { return r.Cost.Total.Documentation }),
	costMetric(GroupCategory, "cost.secretariat", "Secretariat staff", func(r *Result) float64 { return r.Cost.Total.Secretariat }),
	costMetric(GroupCategory, "cost.travel", "Delegation travel", func(r *Result) float64 { return r.Cost.Total.Travel }),
	costMetric(GroupCategory, "cost.sponsorship", "Sponsorship need (voluntary fund)", func(r *Result) float64 { return r.Cost.Total.Sponsorship }),
	costMetric(GroupCategory, KeyCostTotal, "Full cost, all payers", func(r *Result) float64 { return r.Cost.Total.Total }),
	costMetric(GroupCategory, "cost.additional_requirement", "Additional requirement, regular budget (beyond existing resources)", func(r *Result) float64 {
		return r.Cost.Total.AdditionalRequirement
	}),
	costMetric(GroupSection, "cost.section_2", "Section 2, conference management", func(r *Result) float64 { return r.Cost.Total.BySection.ConferenceManagement }),
	costMetric(GroupSection, "cost.section_4", "Section 4, disarmament", func(r *Result) float64 { return r.Cost.Total.BySection.Disarmament }),
	costMetric(GroupSection, "cost.section_28", "Section 28, global communications", func(r *Result) float64 { return r.Cost.Total.BySection.PublicInformation }),
	costMetric(GroupSection, "cost.outside_budget", "Outside the programme budget", func(r *Result) float64 { return r.Cost.Total.BySection.Outside }),
	costMetric(GroupPayer, "cost.regular_budget", "Regular budget", func(r *Result) float64 { return r.Cost.Total.ByPayer.RegularBudget }),
	costMetric(GroupPayer, "cost.member_states", "Member states (their own delegations)", func(r *Result) float64 { return r.Cost.Total.ByPayer.MemberStates }),
	costMetric(GroupPayer, "cost.voluntary_fund", "Voluntary fund (sponsorship)", func(r *Result) float64 { return r.Cost.Total.ByPayer.VoluntaryFund }),
}

// paretoKeys are the criteria of the Pareto test, each per year and lower
// being better: cost, days, burden.
var paretoKeys = []string{KeyCostTotal, KeyMeetingDays, KeyBurdenScore}

// Compare sets results side by side against results[baseline]. date is the
// issue date printed on the exports.
func Compare(ref *refdata.Data, results []*Result, baseline int, date time.Time) (*Comparison, error) {
	if len(results) == 0 {
		return nil, fmt.Errorf("compare: no scenarios")
	}
	if baseline < 0 || baseline >= len(results) {
		return nil, fmt.Errorf("compare: baseline %d is not one of the %d scenarios", baseline, len(results))
	}
	c := &Comparison{Date: date, Ref: ref, Results: results, Baseline: baseline}
	for _, d := range metricDefs {
		row := Row{Metric: d.Metric, Figures: make([]Figure, len(results))}
		any := false
		for i, r := range results {
			v, ok := d.value(r)
			if !ok {
				continue
			}
			any = true
			f := Figure{Known: true, Horizon: v, PerYear: v}
			if d.Aggregation == Summed {
				f.PerYear = v / float64(r.YearCount())
			}
			row.Figures[i] = f
		}
		if !any {
			continue
		}
		if b := row.Figures[baseline]; b.Known {
			for i := range row.Figures {
				if f := &row.Figures[i]; f.Known {
					f.DeltaHorizon, f.DeltaPerYear = f.Horizon-b.Horizon, f.PerYear-b.PerYear
				}
			}
		}
		c.Rows = append(c.Rows, row)
	}
	c.pareto()
	return c, nil
}

// YearCount is the number of calendar years of the result's horizon.
func (r *Result) YearCount() int { return max(len(r.Years), 1) }

// Row returns the row of a metric, and false when no result has it.
func (c *Comparison) Row(key string) (*Row, bool) {
	for i := range c.Rows {
		if c.Rows[i].Key == key {
			return &c.Rows[i], true
		}
	}
	return nil, false
}

// Groups lists the metric groups present, in order.
func (c *Comparison) Groups() []string {
	var out []string
	for _, r := range c.Rows {
		if len(out) == 0 || out[len(out)-1] != r.Group {
			out = append(out, r.Group)
		}
	}
	return out
}

// pareto marks the scenarios that no other scenario dominates: at least
// as good on every criterion and strictly better on one.
func (c *Comparison) pareto() {
	var crit [][]float64 // [criterion][scenario], per year
	for _, k := range paretoKeys {
		row, ok := c.Row(k)
		if !ok {
			continue
		}
		complete := true
		vals := make([]float64, len(c.Results))
		for i, f := range row.Figures {
			complete = complete && f.Known
			vals[i] = f.PerYear
		}
		if complete {
			c.ParetoOn = append(c.ParetoOn, k)
			crit = append(crit, vals)
		}
	}
	c.Pareto = make([]bool, len(c.Results))
	for i := range c.Results {
		c.Pareto[i] = true
		for j := range c.Results {
			if i != j && dominates(crit, j, i) {
				c.Pareto[i] = false
				break
			}
		}
	}
}

// dominates reports whether scenario a beats b: no worse on any
// criterion, better on at least one. Figures within a millionth are
// treated as equal, so rounding noise decides nothing.
func dominates(crit [][]float64, a, b int) bool {
	better := false
	for _, vals := range crit {
		x, y := vals[a], vals[b]
		tol := 1e-6 * math.Max(math.Abs(x), math.Abs(y))
		if x > y+tol {
			return false
		}
		if x < y-tol {
			better = true
		}
	}
	return better
}
