package xlsx

import (
	"strings"

	"mechplan/internal/cost"
)

// Columns of the statement, right of the Costs sheet's lines (one
// column left empty), so the lines, their totals and filters keep their
// place.
const (
	cStatementLabel = cBasis + 2
	cStatementValue = cBasis + 3
)

// statement writes, beside the lines of scenario i's Costs sheet, the two
// figures a budget officer must never confuse (the full cost and the
// additional requirement) and the statement by object of expenditure of
// what the United Nations pays, split by payer. The figures are the
// engine's (cost.Totals.ByObject); the lines above carry no object
// column, so they are values, not formulas.
func (w *workbook) statement(i int) {
	r := w.c.Results[i]
	if r.Cost == nil {
		return
	}
	sh, est := w.bases[i]+w.n.Costs, r.Cost
	t := est.Total.Totals
	row := 1
	w.columnWidths(sh, map[int]float64{cStatementLabel: 70, cStatementValue: 18})
	put := func(label string, v float64, style int) {
		w.text(sh, cStatementLabel, row, label, w.st.label)
		w.number(sh, cStatementValue, row, v, style)
		row++
	}
	group := func(label string) {
		w.text(sh, cStatementLabel, row, label, w.st.group)
		row++
	}
	w.text(sh, cStatementLabel, row, w.t("export.xlsx.statement.title", "Statement by object of expenditure, {{.Horizon}}, USD", "Horizon", est.Total.Label), w.st.title)
	row++
	w.text(sh, cStatementLabel, row, w.t("export.xlsx.statement.note",
		"Full cost: every cost of the scenario, whoever pays. Additional requirement: what the regular budget needs beyond what existing resources absorb under the absorption rule (absorb.* on the Assumptions sheet), the figure a programme budget implications statement gives."), w.st.note)
	row++
	put(w.t("metric.cost.total", "Full cost, all payers"), t.Total, w.st.totalMoney)
	put(w.t("metric.cost.additional_requirement", "Additional requirement, regular budget (beyond existing resources)"), t.AdditionalRequirement, w.st.totalMoney)
	for _, part := range []struct {
		key, english string
		o            *cost.Objects
	}{
		{"export.xlsx.statement.regular_budget", "Regular budget, full cost", &t.ByObject.RegularBudget},
		{"export.xlsx.statement.voluntary_fund", "Voluntary fund", &t.ByObject.VoluntaryFund},
		{"export.xlsx.statement.additional", "Additional requirement of the regular budget", &t.ByObject.AdditionalRequirement},
	} {
		group(w.t(part.key, part.english))
		for _, o := range cost.ObjectList {
			put(w.objectName(o), part.o.Get(o), w.st.money)
		}
		put(w.t("export.xlsx.statement.total", "Total"), part.o.Total, w.st.totalMoney)
		if part.o.StaffAssessment > 0 {
			put(w.t("costs.object.staff_assessment", "of which staff assessment (within posts)"), part.o.StaffAssessment, w.st.money)
		}
	}
	w.text(sh, cStatementLabel, row, w.t("export.xlsx.statement.contingency", cost.ContingencyNote), w.st.note)
	row++
	var stale []string
	seen := map[string]bool{}
	for _, l := range est.Lines {
		if l.Stale && !seen[l.StaleKey] {
			seen[l.StaleKey] = true
			stale = append(stale, l.StaleKey)
		}
	}
	if len(stale) > 0 {
		w.text(sh, cStatementLabel, row, w.t("export.xlsx.statement.stale", "Rates over three years old, recosted from their price year by the inflation assumption (recost.inflation.*): {{.Keys}}", "Keys", strings.Join(stale, ", ")), w.st.note)
	}
}

// objectName is an object of expenditure in the workbook's language.
func (w *workbook) objectName(o cost.Object) string {
	return w.t("export.object."+string(o), o.Name())
}
