package xlsx

import (
	"fmt"
	"math"
	"strings"

	"mechplan/internal/cost"
)

// Columns of a Costs sheet.
const (
	cYear = iota + 1
	cCategory
	cSection
	cPayer
	cItem
	cVenue
	cQuantity
	cUnit
	cKey
	cRate
	cEscalation
	cAmount
	cPlaceholder
	cBasis
)

// costsHeaderRow is the header row of a Costs sheet; lines start below.
const costsHeaderRow = 3

// CategoryNames label the cost categories as the Costs sheets write them.
var CategoryNames = map[cost.Category]string{
	cost.Servicing:     "Conference servicing",
	cost.Documentation: "Documentation",
	cost.Secretariat:   "Secretariat staff",
	cost.Travel:        "Delegation travel",
	cost.Sponsorship:   "Sponsorship (voluntary fund)",
}

// Categories lists the categories in the order a statement gives them.
var Categories = []cost.Category{cost.Servicing, cost.Documentation, cost.Secretariat, cost.Travel, cost.Sponsorship}

// Sections lists the budget sections in statement order.
var Sections = []cost.Section{cost.ConferenceManagement, cost.Disarmament, cost.PublicInformation, cost.Outside}

// PayerNames label who pays.
var PayerNames = map[cost.Payer]string{
	cost.RegularBudget: "Regular budget",
	cost.MemberStates:  "Member states",
	cost.VoluntaryFund: "Voluntary fund",
}

// Payers lists who pays, in statement order.
var Payers = []cost.Payer{cost.RegularBudget, cost.MemberStates, cost.VoluntaryFund}

// costTotals records the rows of a Costs sheet's totals, all in the
// Amount column: the Summary refers to them and the tests read them.
type costTotals struct {
	sheet      string
	total      int
	categories map[cost.Category]int
	sections   map[cost.Section]int
	payers     map[cost.Payer]int
	years      map[int]int
}

// rateFactors lists the assumptions whose product is a line's rate before
// escalation: the Basis when it is such a product of keys (business
// class: fare × multiplier; francs: DSA × exchange rate), else the line's
// key, converted to dollars when the rate is in another currency.
func rateFactors(l *cost.Line, a *cost.Assumptions) []string {
	if l.Basis != "" {
		toks := strings.Split(l.Basis, " × ")
		all := true
		for _, t := range toks {
			if _, ok := a.Get(t); !ok {
				all = false
			}
		}
		if all {
			return toks
		}
	}
	out := []string{l.Key}
	if v, ok := a.Get(l.Key); ok && v.Currency != "" && v.Currency != "USD" {
		out = append(out, "fx."+v.Currency)
	}
	return out
}

// costs writes scenario i's cost lines with their rates as formulas on
// the Assumptions sheet, and the totals as formulas on the lines. Before
// writing, it checks that the formulas give the engine's own figures, so
// the workbook cannot drift from the engine unnoticed.
func (w *workbook) costs(i int) {
	r := w.c.Results[i]
	if r.Cost == nil {
		return
	}
	sh := w.bases[i] + CostsSuffix
	est := r.Cost
	py, okPY := w.rates.cell(i, "cost.price_year")
	esc, okEsc := w.rates.cell(i, "cost.escalation_per_year")
	if !okPY || !okEsc {
		w.fail(fmt.Errorf("%s: the Assumptions sheet lacks cost.price_year or cost.escalation_per_year", r.Scenario.Name))
		return
	}
	w.text(sh, 1, 1, r.Scenario.Name+": cost estimate in US dollars", w.st.title)
	w.text(sh, 1, 2, fmt.Sprintf("Amount = quantity × rate × escalation. Rates are read from the %s sheet (change one there and every total follows); "+
		"escalation compounds the yearly rate after the price year. Yellow: placeholder rates.", AssumptionsSheet), w.st.note)
	first := costsHeaderRow + 1
	last := first + len(est.Lines) - 1
	w.header(sh, costsHeaderRow, last, []float64{7, 24, 34, 16, 62, 7, 14, 16, 34, 14, 11, 16, 12, 40},
		"Year", "Category", "Budget section", "Payer", "Item", "Venue", "Quantity", "Unit", "Rate key",
		"Rate, price-year USD", "Escalation", "Amount, USD", "Placeholder", "Rate basis")
	for k := range est.Lines {
		l := &est.Lines[k]
		row := first + k
		factors := rateFactors(l, est.Assumptions)
		product := 1.0
		refs := make([]string, len(factors))
		for j, key := range factors {
			c, ok := w.rates.cell(i, key)
			v, okV := est.Assumptions.Get(key)
			if !ok || !okV {
				w.fail(fmt.Errorf("%s: cost line %q uses %s, which is not on the Assumptions sheet", r.Scenario.Name, l.Item, key))
				return
			}
			refs[j] = c
			product *= v.Value
		}
		if got := product * l.Escalation * l.Quantity; math.Abs(got-l.Amount) > 1e-9*math.Max(1, math.Abs(l.Amount)) {
			w.fail(fmt.Errorf("%s, %d, %q: the formula would give %.6f, the engine %.6f", r.Scenario.Name, l.Year, l.Item, got, l.Amount))
			return
		}
		w.number(sh, cYear, row, float64(l.Year), 0)
		w.text(sh, cCategory, row, CategoryNames[l.Category], 0)
		w.text(sh, cSection, row, l.Section.Name(), 0)
		w.text(sh, cPayer, row, PayerNames[l.Payer], 0)
		w.text(sh, cItem, row, l.Item, 0)
		w.text(sh, cVenue, row, l.Venue, 0)
		w.number(sh, cQuantity, row, l.Quantity, w.st.two)
		w.text(sh, cUnit, row, l.Unit, 0)
		w.text(sh, cKey, row, l.Key, 0)
		w.formula(sh, cRate, row, strings.Join(refs, "*"), w.st.rate)
		y := abs(cYear, row)
		w.formula(sh, cEscalation, row, fmt.Sprintf("IF(%s>%s,(1+%s)^(%s-%s),1)", y, py, esc, y, py), w.st.rate)
		w.formula(sh, cAmount, row, fmt.Sprintf("%s*%s*%s", cell(cQuantity, row), cell(cRate, row), cell(cEscalation, row)), w.st.money)
		if l.Placeholder {
			w.text(sh, cPlaceholder, row, "PLACEHOLDER", w.st.placeholderText)
		}
		w.text(sh, cBasis, row, l.Basis, 0)
	}
	w.totals[i] = w.costTotals(sh, first, last, r.Cost)
}

// costTotals writes the totals below the lines: by category, budget
// section, payer and year, and the grand total, each a SUMIF on the lines.
func (w *workbook) costTotals(sh string, first, last int, est *cost.Estimate) costTotals {
	t := costTotals{sheet: sh, categories: map[cost.Category]int{}, sections: map[cost.Section]int{},
		payers: map[cost.Payer]int{}, years: map[int]int{}}
	amounts := fmt.Sprintf("%s:%s", abs(cAmount, first), abs(cAmount, max(last, first)))
	row := last + 2
	sumIf := func(col int, label, criterion string) int {
		w.text(sh, cItem, row, label, w.st.label)
		crit := fmt.Sprintf("%s:%s", abs(col, first), abs(col, max(last, first)))
		w.formula(sh, cAmount, row, fmt.Sprintf("SUMIF(%s,%s,%s)", crit, criterion, amounts), w.st.money)
		row++
		return row - 1
	}
	group := func(label string) {
		w.text(sh, cItem, row, label, w.st.group)
		row++
	}
	str := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	group("Total by category")
	for _, c := range Categories {
		t.categories[c] = sumIf(cCategory, CategoryNames[c], str(CategoryNames[c]))
	}
	group("Total by budget section")
	for _, s := range Sections {
		t.sections[s] = sumIf(cSection, s.Name(), str(s.Name()))
	}
	group("Total by payer")
	for _, p := range Payers {
		t.payers[p] = sumIf(cPayer, PayerNames[p], str(PayerNames[p]))
	}
	group("Total by year")
	for _, y := range est.Years {
		t.years[y.FirstYear] = sumIf(cYear, y.Label, fmt.Sprint(y.FirstYear))
	}
	w.text(sh, cItem, row, "Total, "+est.Total.Label, w.st.totalLabel)
	w.formula(sh, cAmount, row, fmt.Sprintf("SUM(%s)", amounts), w.st.totalMoney)
	t.total = row
	return t
}
