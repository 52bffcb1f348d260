package chart

import (
	"fmt"
	"sort"
	"time"

	"mechplan/internal/cost"
	"mechplan/internal/model"
	"mechplan/internal/plan"
	"mechplan/internal/refdata"
)

// perYear makes a bar per scenario of a comparison metric's yearly
// average, with the baseline highlighted; false when the metric is absent.
func perYear(c *plan.Comparison, key, title, unit string, text func(v float64) string) (Bars, bool) {
	row, ok := c.Row(key)
	if !ok {
		return Bars{}, false
	}
	b := Bars{Title: title, Unit: unit, Horizontal: true, Series: []Series{{Name: row.Label}}}
	for i, r := range c.Results {
		f := row.Figures[i]
		b.Categories = append(b.Categories, r.Scenario.Name)
		b.Series[0].Values = append(b.Series[0].Values, f.PerYear)
		t := "n/a"
		if f.Known {
			t = text(f.PerYear)
		}
		b.Texts = append(b.Texts, t)
		b.Highlight = append(b.Highlight, i == c.Baseline)
	}
	return b, true
}

// MeetingDaysPerYear compares the average meeting days a year.
func MeetingDaysPerYear(c *plan.Comparison) (Bars, bool) {
	return perYear(c, plan.KeyMeetingDays, "Meeting days a year (average over each horizon)", "days",
		func(v float64) string { return Number(v, 1) })
}

// NightHoursPerYear compares the night hours a year, summed over the
// delegations.
func NightHoursPerYear(c *plan.Comparison) (Bars, bool) {
	return perYear(c, plan.KeyNightHours, "Night hours a year, all delegations (00:00–06:00 at the capital)", "hours",
		func(v float64) string { return Number(v, 0) })
}

// CostSections are the comparison rows a cost-by-section chart stacks.
var CostSections = []string{"cost.section_2", "cost.section_4", "cost.section_28", "cost.outside_budget"}

// CostPerYearBySection compares the yearly cost, stacked by budget
// section (outside the budget: travel and sponsorship).
func CostPerYearBySection(c *plan.Comparison) (Bars, bool) {
	b := Bars{Title: "Cost a year by budget section (average over each horizon)", Unit: "USD", Stacked: true, Horizontal: true}
	for _, key := range CostSections {
		row, ok := c.Row(key)
		if !ok {
			return Bars{}, false
		}
		s := Series{Name: row.Label}
		for _, f := range row.Figures {
			s.Values = append(s.Values, f.PerYear)
		}
		b.Series = append(b.Series, s)
	}
	for i, r := range c.Results {
		b.Categories = append(b.Categories, r.Scenario.Name)
		b.Texts = append(b.Texts, Money(b.Total(i)))
		b.Highlight = append(b.Highlight, i == c.Baseline)
	}
	return b, true
}

// CostBreakdown is one scenario's cost in each year, stacked by category.
func CostBreakdown(r *plan.Result) (Bars, bool) {
	if r.Cost == nil {
		return Bars{}, false
	}
	b := Bars{Title: "Cost by year and category", Unit: "USD", Stacked: true, Series: []Series{
		{Name: "Conference servicing"}, {Name: "Documentation"}, {Name: "Secretariat staff"},
		{Name: "Delegation travel"}, {Name: "Sponsorship (voluntary fund)"},
	}}
	for _, y := range r.Cost.Years {
		b.Categories = append(b.Categories, y.Label)
		for s, v := range []float64{y.Servicing, y.Documentation, y.Secretariat, y.Travel, y.Sponsorship} {
			b.Series[s].Values = append(b.Series[s].Values, v)
		}
		b.Texts = append(b.Texts, Money(y.Total))
	}
	return b, true
}

// BurdenByGroup is the average night and unsociable hours of a
// delegation in each regional group.
func BurdenByGroup(r *plan.Result) (Bars, bool) {
	if r.Burden == nil {
		return Bars{}, false
	}
	b := Bars{Title: "Night and unsociable hours per delegation, by regional group", Unit: "hours", Stacked: true, Horizontal: true,
		Series: []Series{{Name: "Night hours"}, {Name: "Unsociable hours"}}}
	for _, g := range r.Burden.Summary.ByGroup {
		n := float64(max(g.Delegations, 1))
		b.Categories = append(b.Categories, g.Name)
		b.Series[0].Values = append(b.Series[0].Values, float64(g.NightMinutes)/60/n)
		b.Series[1].Values = append(b.Series[1].Values, float64(g.UnsociableMinutes)/60/n)
		b.Texts = append(b.Texts, fmt.Sprintf("%s h; %d of %d at night", Number((float64(g.NightMinutes+g.UnsociableMinutes))/60/n, 1), g.HitByNight, g.Delegations))
	}
	return b, true
}

// MostBurdened ranks the n delegations with the highest burden score
// (those with any burden), with their night and unsociable hours.
func MostBurdened(r *plan.Result, n int) (Bars, bool) {
	if r.Burden == nil {
		return Bars{}, false
	}
	b := Bars{Title: fmt.Sprintf("The %d most burdened delegations (score: weighted hours)", n), Unit: "hours", Stacked: true, Horizontal: true,
		Series: []Series{{Name: "Night hours"}, {Name: "Unsociable hours"}}}
	for _, i := range r.Burden.Summary.Ranking {
		d := &r.Burden.Delegations[i]
		if len(b.Categories) == n || d.Score <= 0 {
			break
		}
		b.Categories = append(b.Categories, d.Name)
		b.Series[0].Values = append(b.Series[0].Values, float64(d.NightMinutes)/60)
		b.Series[1].Values = append(b.Series[1].Values, float64(d.UnsociableMinutes)/60)
		b.Texts = append(b.Texts, "score "+Number(d.Score, 1))
	}
	return b, true
}

// BurdenAroundTheClock is every delegation's burden score in the order of
// its capital's UTC offset on the first counted meeting's date, west to
// east, so the strip shows which side of the world carries the night.
func BurdenAroundTheClock(ref *refdata.Data, r *plan.Result) (HeatStrip, bool) {
	if r.Burden == nil || ref == nil {
		return HeatStrip{}, false
	}
	when := time.Date(r.Schedule.FirstYear, time.July, 1, 12, 0, 0, 0, time.UTC)
	if len(r.Burden.Counted) > 0 {
		when = r.Schedule.Meetings[r.Burden.Counted[0]].Start
	}
	type cell struct {
		Cell
		off int
	}
	cells := make([]cell, 0, len(r.Burden.Delegations))
	h := HeatStrip{Title: "Burden score of each delegation, capitals ordered from UTC−12 to UTC+14", Unit: "weighted hours"}
	for i := range r.Burden.Delegations {
		d := &r.Burden.Delegations[i]
		off := 0
		if st, ok := ref.State(d.ISO3); ok && st.Location() != nil {
			_, off = when.In(st.Location()).Zone()
		}
		cells = append(cells, cell{Cell{Label: d.Name, Value: d.Score, Text: Number(d.Score, 1)}, off})
		h.Max = max(h.Max, d.Score)
	}
	sort.SliceStable(cells, func(a, b int) bool { return cells[a].off < cells[b].off })
	for _, c := range cells {
		h.Cells = append(h.Cells, c.Cell)
	}
	return h, true
}

// formatSeries orders the timeline's colours.
var formatSeries = []model.Format{model.InPerson, model.Hybrid, model.Virtual}

// CalendarTimeline lays a scenario's sessions on its years: one lane per
// body meeting that year, one span per session, coloured by format and
// labelled with the venue when it is not New York.
func CalendarTimeline(r *plan.Result) Timeline {
	t := Timeline{Title: "Calendar: sessions by body and year", Series: []string{"In person", "Hybrid", "Virtual"}}
	sch := r.Schedule
	for y := sch.FirstYear; y < sch.FirstYear+sch.Years; y++ {
		ty := TimelineYear{Year: y}
		lane := map[string]int{}
		for i := range sch.Sessions {
			sr := &sch.Sessions[i]
			first, last := &sch.Meetings[sr.First], &sch.Meetings[sr.First+sr.Count-1]
			if first.Start.Year() != y {
				continue
			}
			k, ok := lane[sr.Body]
			if !ok {
				k = len(ty.Lanes)
				lane[sr.Body] = k
				ty.Lanes = append(ty.Lanes, Lane{Label: sr.BodyName})
			}
			series := 0
			for s, f := range formatSeries {
				if f == sr.Format {
					series = s
				}
			}
			text := ""
			if sr.Venue != "NYC" {
				text = sr.Venue
			}
			ty.Lanes[k].Spans = append(ty.Lanes[k].Spans, Span{From: civil(first.Start), To: civil(last.End), Series: series, Text: text})
		}
		t.Years = append(t.Years, ty)
	}
	return t
}

// CostSensitivity is a tornado of the n assumptions that move a
// scenario's horizon cost most, from the engine's sensitivity run
// (cost.Estimate.Sensitivity), around the cost as estimated.
func CostSensitivity(r *plan.Result, swings []cost.Swing, n int) (Tornado, bool) {
	if r.Cost == nil || len(swings) == 0 {
		return Tornado{}, false
	}
	base := r.Cost.Total.Total
	t := Tornado{Title: "What moves the total cost most", Unit: "USD", Base: base, BaseText: Money(base)}
	for _, s := range swings {
		if len(t.Rows) == n {
			break
		}
		if s.Swing == 0 {
			continue
		}
		label := s.Label
		if s.Placeholder {
			label += " (placeholder)"
		}
		t.Rows = append(t.Rows, TornadoRow{Label: label, Low: s.Low, High: s.High, LowText: Money(s.Low), HighText: Money(s.High)})
	}
	sort.SliceStable(t.Rows, func(a, b int) bool { return t.Rows[a].Swing() > t.Rows[b].Swing() })
	return t, true
}
