package plan

import (
	"math"
	"testing"
	"time"

	"mechplan/internal/burden"
	"mechplan/internal/cost"
	"mechplan/internal/model"
	"mechplan/internal/schedule"
)

// fake builds a result with the figures a comparison reads.
func fake(id string, years, days int, costTotal, score float64) *Result {
	r := &Result{Scenario: &model.Scenario{ID: id, Name: id}, Years: make([]schedule.Period, years)}
	r.Total.MeetingDays = days
	r.Total.MaxParallel = 2
	if costTotal >= 0 {
		r.Cost = &cost.Estimate{}
		r.Cost.Total.Total = costTotal
		r.Cost.Total.Sponsorship = costTotal / 10
	}
	if score >= 0 {
		r.Burden = &burden.Report{}
		r.Burden.Summary.TotalScore = score
		r.Burden.Summary.TotalNight = int(score * 60)
	}
	return r
}

func TestCompareDeltasPerYearAcrossHorizons(t *testing.T) {
	base := fake("oewg", 5, 75, 5e6, 100) // 15 days, 1 M, 20 a year
	longer := fake("proposal", 4, 80, 6e6, 40)
	c, err := Compare(nil, []*Result{base, longer}, 0, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	days, _ := c.Row(KeyMeetingDays)
	f := days.Figures[1]
	if f.Horizon != 80 || f.PerYear != 20 || f.DeltaHorizon != 5 || f.DeltaPerYear != 5 {
		t.Errorf("meeting days of the proposal = %+v, want 80 over 4 years = 20 a year, +5 on 15 a year", f)
	}
	par, _ := c.Row("max_parallel")
	if p := par.Figures[1]; p.PerYear != 2 || p.DeltaPerYear != 0 {
		t.Errorf("max parallel is a peak, not divided by years: %+v", p)
	}
	costs, _ := c.Row(KeyCostTotal)
	if d := costs.Figures[1].DeltaPerYear; math.Abs(d-500000) > 1e-6 {
		t.Errorf("cost per year delta = %v, want 1.5 M − 1 M", d)
	}
	if !c.Pareto[0] || !c.Pareto[1] {
		t.Errorf("cheaper baseline and lighter proposal each win on something, both Pareto-best: %v", c.Pareto)
	}
	if len(c.ParetoOn) != 3 {
		t.Errorf("Pareto on %v, want cost, days and burden", c.ParetoOn)
	}
}

func TestParetoDropsDominatedAndSkipsUnknownCriteria(t *testing.T) {
	a := fake("a", 5, 50, 1e6, 10)
	b := fake("b", 5, 60, 2e6, 10) // worse than a on cost and days, equal on burden
	c := fake("c", 5, 40, 3e6, 50)
	cmp, err := Compare(nil, []*Result{a, b, c}, 1, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []bool{true, false, true}; !equalBools(cmp.Pareto, want) {
		t.Errorf("Pareto = %v, want %v", cmp.Pareto, want)
	}
	// Without costs for one scenario, cost drops out of the test.
	d := fake("d", 5, 45, -1, 5)
	cmp, _ = Compare(nil, []*Result{a, b, c, d}, 0, time.Time{})
	if len(cmp.ParetoOn) != 2 || cmp.ParetoOn[0] != KeyMeetingDays {
		t.Errorf("Pareto on %v, want days and burden only", cmp.ParetoOn)
	}
	if want := []bool{false, false, true, true}; !equalBools(cmp.Pareto, want) {
		t.Errorf("Pareto = %v, want %v (d beats a on days and burden)", cmp.Pareto, want)
	}
	row, _ := cmp.Row(KeyCostTotal)
	if row.Figures[3].Known {
		t.Error("a scenario without a cost estimate must show no cost figure")
	}
}

func TestCompareRefusesBadBaseline(t *testing.T) {
	if _, err := Compare(nil, []*Result{fake("a", 1, 1, 1, 1)}, 1, time.Time{}); err == nil {
		t.Error("baseline out of range accepted")
	}
	if _, err := Compare(nil, nil, 0, time.Time{}); err == nil {
		t.Error("empty comparison accepted")
	}
}

func equalBools(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
