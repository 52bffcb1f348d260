package chart

import (
	"math"
	"testing"
	"time"

	"mechplan/internal/cost"
	"mechplan/internal/export/exporttest"
	"mechplan/internal/plan"
)

func TestFormats(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Money(950), "USD 950"}, {Money(12345), "USD 12.3 k"}, {Money(4561234), "USD 4.56 M"}, {Money(6e6), "USD 6 M"},
		{Money(-2.19e6), "−USD 2.19 M"}, {Money(1.2e9), "USD 1.2 bn"},
		{Number(2236.4, 0), "2,236"}, {Number(-0.04, 1), "0.0"}, {Number(-3.25, 1), "−3.2"}, {Number(1234567.891, 2), "1,234,567.89"},
		{Signed(5.8, 1), "+5.8"}, {Signed(-1.2, 1), "−1.2"}, {Signed(0.01, 1), "0.0"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestBarsMaxAndTotal(t *testing.T) {
	b := Bars{Categories: []string{"a", "b"}, Series: []Series{{Values: []float64{1, 4}}, {Values: []float64{3, 2}}}}
	if b.Max() != 4 {
		t.Errorf("side by side max = %v, want 4", b.Max())
	}
	b.Stacked = true
	if b.Max() != 6 || b.Total(0) != 4 {
		t.Errorf("stacked max = %v, total(a) = %v, want 6 and 4", b.Max(), b.Total(0))
	}
}

func TestPositionWithinTheYear(t *testing.T) {
	if p := Position(time.Date(2026, 1, 1, 15, 0, 0, 0, time.UTC)); p != 0 {
		t.Errorf("1 January at %v", p)
	}
	if p := Position(time.Date(2028, 7, 2, 0, 0, 0, 0, time.UTC)); math.Abs(p-183.0/366) > 1e-12 {
		t.Errorf("2 July of a leap year at %v, want 183/366", p)
	}
	if w := DayWidth(2026); math.Abs(w-1.0/365) > 1e-12 {
		t.Errorf("day width %v", w)
	}
}

func TestBuildersReadTheComparison(t *testing.T) {
	c := exporttest.BuiltIns(t, "oewg-2021-2025", "s9-hybrid-groups")
	days, ok := MeetingDaysPerYear(c)
	row, _ := c.Row(plan.KeyMeetingDays)
	if !ok || days.Series[0].Values[1] != row.Figures[1].PerYear || !days.Highlight[0] || days.Highlight[1] {
		t.Errorf("meeting days chart %+v", days)
	}
	sections, ok := CostPerYearBySection(c)
	total, _ := c.Row(plan.KeyCostTotal)
	if !ok || len(sections.Series) != 4 || math.Abs(sections.Total(1)-total.Figures[1].PerYear) > 1e-6 {
		t.Errorf("sections add to %v a year, total cost is %v", sections.Total(1), total.Figures[1].PerYear)
	}

	r := c.Results[1]
	br, _ := CostBreakdown(r)
	if len(br.Categories) != len(r.Cost.Years) || math.Abs(br.Total(0)-r.Cost.Years[0].Total) > 1e-6 {
		t.Errorf("cost breakdown of the first year %v, engine %v", br.Total(0), r.Cost.Years[0].Total)
	}
	top, _ := MostBurdened(r, 20)
	if len(top.Categories) != 20 {
		t.Fatalf("%d most burdened, want 20", len(top.Categories))
	}
	worst := &r.Burden.Delegations[r.Burden.Summary.Ranking[0]]
	if top.Categories[0] != worst.Name || top.Series[0].Values[0] != float64(worst.NightMinutes)/60 {
		t.Errorf("first bar %s %v, want %s", top.Categories[0], top.Series[0].Values[0], worst.Name)
	}
	groups, _ := BurdenByGroup(r)
	if len(groups.Categories) != 5 {
		t.Errorf("%d regional groups", len(groups.Categories))
	}
	strip, _ := heatStripOf(t, c, r)
	if len(strip.Cells) != 193 || strip.Max != r.Burden.Summary.Max {
		t.Errorf("strip of %d cells, max %v, want 193 and %v", len(strip.Cells), strip.Max, r.Burden.Summary.Max)
	}

	tl := CalendarTimeline(r)
	sessions := 0
	for _, y := range tl.Years {
		for _, l := range y.Lanes {
			sessions += len(l.Spans)
		}
	}
	if len(tl.Years) != r.Schedule.Years || sessions != len(r.Schedule.Sessions) {
		t.Errorf("timeline of %d years and %d sessions, schedule has %d and %d", len(tl.Years), sessions, r.Schedule.Years, len(r.Schedule.Sessions))
	}
	// In-person scenarios have no night hours: the night chart shows zeros.
	night, _ := NightHoursPerYear(c)
	if night.Series[0].Values[0] != 0 || night.Texts[0] != "0" {
		t.Errorf("OEWG night hours %v %q", night.Series[0].Values[0], night.Texts[0])
	}
}

func heatStripOf(t *testing.T, c *plan.Comparison, r *plan.Result) (HeatStrip, bool) {
	t.Helper()
	return BurdenAroundTheClock(c.Ref, r)
}

func TestTornadoFromTheEngineSensitivity(t *testing.T) {
	r := exporttest.BuiltIn(t, "s2-netherlands")
	swings := []cost.Swing{
		{Label: "small", Low: 90, High: 110, Swing: 20},
		{Label: "none", Low: 100, High: 100, Swing: 0},
		{Label: "wide", Low: 50, High: 160, Swing: 110, Placeholder: true},
	}
	tor, ok := CostSensitivity(r, swings, 5)
	if !ok || len(tor.Rows) != 2 || tor.Rows[0].Label != "wide (placeholder)" || tor.Base != r.Cost.Total.Total {
		t.Fatalf("tornado %+v", tor)
	}
	if lo, hi := tor.Extent(); lo != 50 || hi != max(160, tor.Base) {
		t.Errorf("extent %v–%v", lo, hi)
	}
}
