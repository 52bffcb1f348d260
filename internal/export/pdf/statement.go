package pdf

import (
	"slices"
	"strings"

	"mechplan/internal/cost"
)

// statement is the budget page: for every scenario, the full cost and
// the additional requirement (never one under the other's name), and what
// the United Nations pays by object of expenditure, in thousands of US
// dollars over each scenario's horizon. The figures are the engine's
// (cost.Totals.ByObject).
func (r *report) statement() {
	p := r.pdf
	c := r.c
	var with []int
	for i, res := range c.Results {
		if res.Cost != nil {
			with = append(with, i)
		}
	}
	if len(with) == 0 {
		return
	}
	r.heading(r.t("export.pdf.statement.title", "Budget statement: full cost, additional requirement and objects of expenditure"),
		r.t("export.pdf.statement.note", "Thousands of US dollars over each scenario's horizon; columns follow the scenario numbers of the cover. "+
			"Full cost: every cost, whoever pays. Additional requirement: what the regular budget needs beyond what existing resources absorb under the absorption rule "+
			"(absorb.* in the appendix), the figure a programme budget implications statement gives. Objects of expenditure: what the United Nations pays, regular budget plus voluntary fund."))
	labelW := 108.0
	colW := min(24, (contentW-labelW)/float64(len(with)))
	const rowH = 4.6
	y := p.GetY()
	r.fill(colourHeader)
	p.Rect(margin, y, labelW+colW*float64(len(with)), 6, "F")
	r.bold(7.5)
	r.colour(rgb{255, 255, 255})
	p.SetXY(margin+1, y)
	p.CellFormat(labelW-1, 6, r.t("export.pdf.statement.col", "Thousands of USD, horizon"), "", 0, "L", false, 0, "")
	for _, i := range with {
		p.CellFormat(colW, 6, itoa(i+1), "", 0, "R", false, 0, "")
	}
	y += 7
	n := 0
	row := func(label string, bold bool, v func(t *cost.Totals) float64) {
		if n%2 == 1 {
			r.fill(colourBand)
			p.Rect(margin, y, labelW+colW*float64(len(with)), rowH, "F")
		}
		n++
		if bold {
			r.bold(7.5)
		} else {
			r.text(7.5)
		}
		r.colour(colourText)
		p.SetXY(margin+1, y)
		p.CellFormat(labelW-1, rowH, r.fit(label, labelW-2), "", 0, "L", false, 0, "")
		for _, i := range with {
			t := &c.Results[i].Cost.Total.Totals
			p.CellFormat(colW, rowH, r.l.Number(v(t)/1000, 0), "", 0, "R", false, 0, "")
		}
		y += rowH
	}
	group := func(label string) {
		y += 1.5
		r.bold(8)
		r.colour(colourHeader)
		p.SetXY(margin, y)
		p.CellFormat(labelW, rowH, r.fit(label, labelW), "", 0, "L", false, 0, "")
		y += rowH
		n = 0
	}
	row(r.t("metric.cost.total", "Full cost, all payers"), true, func(t *cost.Totals) float64 { return t.Total })
	row(r.t("metric.cost.additional_requirement", "Additional requirement, regular budget (beyond existing resources)"), true,
		func(t *cost.Totals) float64 { return t.AdditionalRequirement })
	for _, part := range []struct {
		key, english string
		o            func(t *cost.Totals) *cost.Objects
	}{
		{"export.pdf.statement.un_pays", "What the United Nations pays, by object of expenditure", func(t *cost.Totals) *cost.Objects { return &t.ByObject.Objects }},
		{"export.xlsx.statement.additional", "Additional requirement of the regular budget", func(t *cost.Totals) *cost.Objects { return &t.ByObject.AdditionalRequirement }},
	} {
		group(r.t(part.key, part.english))
		for _, o := range cost.ObjectList {
			row(r.t("export.object."+string(o), o.Name()), false, func(t *cost.Totals) float64 { return part.o(t).Get(o) })
		}
		row(r.t("export.xlsx.statement.total", "Total"), true, func(t *cost.Totals) float64 { return part.o(t).Total })
		row(r.t("costs.object.staff_assessment", "of which staff assessment (within posts)"), false, func(t *cost.Totals) float64 { return part.o(t).StaffAssessment })
	}
	y += 3
	r.note(margin, y, contentW, r.t("export.xlsx.statement.contingency", cost.ContingencyNote))
	var stale []string
	for _, i := range with {
		for _, l := range c.Results[i].Cost.Lines {
			if l.Stale && !slices.Contains(stale, l.StaleKey) {
				stale = append(stale, l.StaleKey)
			}
		}
	}
	if len(stale) > 0 {
		r.note(margin, y+9, contentW, r.t("export.xlsx.statement.stale", "Rates over three years old, recosted from their price year by the inflation assumption (recost.inflation.*): {{.Keys}}",
			"Keys", strings.Join(stale, ", ")))
	}
}
