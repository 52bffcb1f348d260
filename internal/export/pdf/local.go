package pdf

import (
	"fmt"
	"slices"
	"strings"

	"mechplan/internal/chart"
	"mechplan/internal/cost"
	"mechplan/internal/export/labels"
	"mechplan/internal/msg"
	"mechplan/internal/plan"
)

// The chart package builds its charts in English; these put their
// titles, legends and category names into the report's language. Values
// and value labels stay as built.

// mostBurdened is how many delegations the ranking of a scenario shows.
const mostBurdened = 20

// unit is a unit in the report's language.
func (r *report) unit(u string) string {
	if u == "" {
		return u
	}
	return r.t(msg.Unit(u).Code, u)
}

func (r *report) metric(key, english string) string { return r.t("metric."+key, english) }

// signed writes a change with its sign: +3.5, −12, 0.
func (r *report) signed(v float64, decimals int) string {
	s := r.l.Number(v, decimals)
	if v > 0 && s != r.l.Number(0, decimals) {
		return "+" + s
	}
	return s
}

// moneyTexts writes each bar's (each stack's) total in dollars again.
func (r *report) moneyTexts(b chart.Bars) chart.Bars {
	if len(b.Texts) == len(b.Categories) {
		b.Texts = slices.Clone(b.Texts)
		for k := range b.Texts {
			b.Texts[k] = r.l.Money(b.Total(k))
		}
	}
	return b
}

func (r *report) costBySection(b chart.Bars) chart.Bars {
	b.Title = r.t("chart.cost_by_section.title", b.Title)
	b = r.moneyTexts(b)
	b.Series = slices.Clone(b.Series)
	for k := range b.Series {
		if k < len(chart.CostSections) {
			b.Series[k].Name = r.metric(chart.CostSections[k], b.Series[k].Name)
		}
	}
	return b
}

func (r *report) perYear(b chart.Bars, title, key string, decimals int) chart.Bars {
	b.Title = r.t(title, b.Title)
	b.Series = slices.Clone(b.Series)
	for k := range b.Series {
		b.Series[k].Name = r.metric(key, b.Series[k].Name)
	}
	b.Texts = slices.Clone(b.Texts)
	row, ok := r.c.Row(key)
	for k, t := range b.Texts {
		switch {
		case t == "n/a":
			b.Texts[k] = r.t("figure.na", t)
		case ok && k < len(row.Figures) && row.Figures[k].Known:
			b.Texts[k] = r.l.Number(row.Figures[k].PerYear, decimals)
		}
	}
	return b
}

// costCategories are the series of chart.CostBreakdown, in order.
var costCategories = []cost.Category{cost.Servicing, cost.Documentation, cost.Secretariat, cost.Travel, cost.Sponsorship}

func (r *report) costBreakdown(b chart.Bars) chart.Bars {
	b.Title = r.t("export.pdf.chart.cost_by_year", b.Title)
	b = r.moneyTexts(b)
	b.Series = slices.Clone(b.Series)
	for k := range b.Series {
		if k < len(costCategories) {
			b.Series[k].Name = r.t("export.category."+string(costCategories[k]), b.Series[k].Name)
		}
	}
	return b
}

func (r *report) hourSeries(b chart.Bars) chart.Bars {
	b.Series = slices.Clone(b.Series)
	keys := []string{"export.xlsx.col.night_hours", "export.xlsx.col.unsociable_hours"}
	for k := range b.Series {
		if k < len(keys) {
			b.Series[k].Name = r.t(keys[k], b.Series[k].Name)
		}
	}
	return b
}

// burdenByGroup puts chart.BurdenByGroup of res into the report's
// language, its value labels written again from the same figures.
func (r *report) burdenByGroup(b chart.Bars, res *plan.Result) chart.Bars {
	b.Title = r.t("export.pdf.chart.burden_by_group", b.Title)
	b.Categories = slices.Clone(b.Categories)
	for k, g := range b.Categories {
		b.Categories[k] = r.t("group.short."+labels.KeyOf(g), g)
	}
	if groups := res.Burden.Summary.ByGroup; len(groups) == len(b.Texts) {
		b.Texts = slices.Clone(b.Texts)
		for k, g := range groups {
			n := float64(max(g.Delegations, 1))
			b.Texts[k] = r.t("export.pdf.chart.group_text", "{{.Hours}} h; {{.Hit}} of {{.Count}} at night",
				"Hours", r.l.Number(float64(g.NightMinutes+g.UnsociableMinutes)/60/n, 1), "Hit", fmt.Sprint(g.HitByNight), "Count", fmt.Sprint(g.Delegations))
		}
	}
	return r.hourSeries(b)
}

// mostBurdened puts chart.MostBurdened of res into the report's
// language; its bars are the first delegations of the ranking.
func (r *report) mostBurdened(b chart.Bars, res *plan.Result) chart.Bars {
	b.Title = r.t("export.pdf.chart.most_burdened", b.Title, "Count", mostBurdened)
	b.Texts = slices.Clone(b.Texts)
	ranking := res.Burden.Summary.Ranking
	for k, t := range b.Texts {
		if k < len(ranking) && strings.HasPrefix(t, "score ") {
			d := &res.Burden.Delegations[ranking[k]]
			b.Texts[k] = r.t("export.pdf.chart.score", "score {{.Score}}", "Score", r.l.Number(d.Score, 1))
		}
	}
	return r.hourSeries(b)
}

// timelineSeries are the formats of chart.CalendarTimeline's colours.
var timelineSeries = []string{"format.in_person", "format.hybrid", "format.virtual"}

func (r *report) localTimeline(t chart.Timeline) chart.Timeline {
	t.Title = r.t("export.pdf.chart.calendar", t.Title)
	t.Series = slices.Clone(t.Series)
	for k := range t.Series {
		if k < len(timelineSeries) {
			t.Series[k] = r.t(timelineSeries[k], t.Series[k])
		}
	}
	return t
}
