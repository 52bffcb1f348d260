// Package plan is the engine's one entry point: Evaluate turns a scenario,
// the reference data and the assumptions into a Result, and Compare sets
// results side by side against a baseline. The desktop app, the exports and
// the command line only present what it computes.
package plan

import (
	"sync"

	"mechplan/internal/burden"
	"mechplan/internal/cost"
	"mechplan/internal/model"
	"mechplan/internal/refdata"
	"mechplan/internal/schedule"
)

// Result is everything computed for one scenario.
type Result struct {
	Scenario  *model.Scenario
	Schedule  *schedule.Schedule
	Years     []schedule.Period
	Cycles    []schedule.Period
	Total     schedule.Period
	Conflicts []schedule.Conflict
	// MoreConflicts counts the conflicts found beyond those listed
	// (schedule.MaxConflicts).
	MoreConflicts int
	// Burden is the time-zone burden on every delegation.
	Burden *burden.Report
	// Cost is the cost estimate: lines by section and payer, the travel
	// of all 193 delegations and the sponsorship fund.
	Cost *cost.Estimate
}

// Options tunes an evaluation beyond what the scenario file says: the
// user's settings and the command line's flags. The zero value means the
// product's defaults. Each stage of the engine (burden, cost, travel) adds
// the settings it reads.
type Options struct {
	// Burden holds the time-zone burden settings: bands, weights, the
	// night override and whether every meeting counts.
	Burden burden.Settings
	// Cost holds the travel-block bridging and the sponsorship
	// eligibility.
	Cost cost.Options
}

// Evaluate computes a scenario's result. A scenario that does not validate
// returns its model.Problems.
func Evaluate(s *model.Scenario, ref *refdata.Data, opt Options) (*Result, error) {
	sch, err := schedule.Build(s, ref)
	if err != nil {
		return nil, err
	}
	return evaluateOn(s, sch, ref, opt)
}

// evaluateOn evaluates a scenario on its schedule, already laid out: the
// schedule depends on the scenario's structure alone, not on its rates
// or the options, so a re-evaluation under other assumptions (the hybrid
// trade-off) reads the same one.
func evaluateOn(s *model.Scenario, sch *schedule.Schedule, ref *refdata.Data, opt Options) (*Result, error) {
	// The burden follows the cost's participation assumption: when the
	// experts fly to hybrid meetings, they sit in the room.
	bset := opt.Burden
	bset.TravelToHybrid = bset.TravelToHybrid || opt.Cost.TravelToHybrid
	// The burden, the cost and the calendar's totals read the schedule
	// and nothing of each other: on two cores the largest valid file is
	// evaluated in about half the time.
	var (
		bur           *burden.Report
		est           *cost.Estimate
		berr, cerr    error
		years, cycles []schedule.Period
		total         schedule.Period
		wg            sync.WaitGroup
	)
	wg.Go(func() { bur, berr = burden.Compute(s, sch, ref, bset) })
	wg.Go(func() { est, cerr = cost.Compute(s, sch, ref, opt.Cost) })
	years, cycles, total = sch.YearTotals(), sch.CycleTotals(), sch.HorizonTotals()
	wg.Wait()
	if berr != nil {
		return nil, berr
	}
	if cerr != nil {
		return nil, cerr
	}
	return &Result{
		Scenario:      s,
		Schedule:      sch,
		Years:         years,
		Cycles:        cycles,
		Total:         total,
		Conflicts:     sch.Conflicts,
		MoreConflicts: sch.MoreConflicts,
		Burden:        bur,
		Cost:          est,
	}, nil
}

// Year returns the totals of a calendar year, and false outside the horizon.
func (r *Result) Year(y int) (schedule.Period, bool) {
	for _, p := range r.Years {
		if p.FirstYear == y {
			return p, true
		}
	}
	return schedule.Period{}, false
}

// Delta is the difference of two totals (scenario minus baseline).
type Delta schedule.Totals

// Diff returns a minus b, field by field.
func Diff(a, b schedule.Totals) Delta {
	return Delta{
		MeetingDays:         a.MeetingDays - b.MeetingDays,
		BodyDays:            a.BodyDays - b.BodyDays,
		Meetings:            a.Meetings - b.Meetings,
		InterpretedMeetings: a.InterpretedMeetings - b.InterpretedMeetings,
		InPersonDays:        a.InPersonDays - b.InPersonDays,
		HybridDays:          a.HybridDays - b.HybridDays,
		VirtualDays:         a.VirtualDays - b.VirtualDays,
		MaxParallel:         a.MaxParallel - b.MaxParallel,
		Blocks:              a.Blocks - b.Blocks,
	}
}

// AverageYear returns the horizon totals divided by its years, the figure
// to set against a baseline of another length (the OEWG's 15 days a year).
func (r *Result) AverageYear() (days, meetings, blocks float64) {
	n := float64(max(len(r.Years), 1))
	t := r.Total.Totals
	return float64(t.MeetingDays) / n, float64(t.Meetings) / n, float64(t.Blocks) / n
}

// EvaluateAll evaluates independent scenarios in parallel, one goroutine
// each, so that every open scenario follows an edit at once. The results
// and errors are in the order of the scenarios.
func EvaluateAll(ss []*model.Scenario, ref *refdata.Data, opt Options) ([]*Result, []error) {
	results := make([]*Result, len(ss))
	errs := make([]error, len(ss))
	var wg sync.WaitGroup
	for i, s := range ss {
		wg.Go(func() {
			results[i], errs[i] = Evaluate(s, ref, opt)
		})
	}
	wg.Wait()
	return results, errs
}
