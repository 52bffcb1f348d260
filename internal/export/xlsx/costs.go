package xlsx

import (
	"fmt"
	"math"
	"strings"

	"mechplan/internal/cost"
	"mechplan/internal/export/labels"
	"mechplan/internal/msg"
	"mechplan/internal/refdata"
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

// CategoryName is a category's name as the Costs sheets write it in the
// language of l.
func CategoryName(l labels.Labels, c cost.Category) string {
	return labels.Or(l).Text("export.category."+labels.KeyOf(string(c)), CategoryNames[c])
}

// SectionName is a budget section's name in the language of l.
func SectionName(l labels.Labels, s cost.Section) string {
	if s == cost.Outside {
		return labels.Or(l).Text("section.outside", s.Name())
	}
	return labels.Or(l).Text("section."+string(s), s.Name())
}

// PayerName is who pays, in the language of l.
func PayerName(l labels.Labels, p cost.Payer) string {
	return labels.Or(l).Text("payer."+string(p), PayerNames[p])
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
// Its keys are the engine's: the exchange rate is the one in l.Uses.
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
		// The exchange rate the engine converted it with.
		for _, k := range l.Uses {
			if strings.HasPrefix(k, refdata.FXPrefix) {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

// costs writes scenario i's cost lines with their quantities and rates as
// formulas (on the Travel and Assumptions sheets), and the totals as
// formulas on the lines. Before writing, it checks that the formulas give
// the engine's own figures, so the workbook cannot drift from the engine
// unnoticed: every engine line must be one of the workbook's, with the
// same quantity and amount, and every other line of the workbook (a
// quantity that is zero under these assumptions, kept so that an edit can
// make it count) must be zero.
func (w *workbook) costs(i int) {
	r := w.c.Results[i]
	if r.Cost == nil {
		return
	}
	sh := w.bases[i] + w.n.Costs
	est := r.Cost
	py, okPY := w.rates.cell(i, "cost.price_year")
	esc, okEsc := w.rates.cell(i, "cost.escalation_per_year")
	if !okPY || !okEsc {
		w.fail(fmt.Errorf("%s: the Assumptions sheet lacks cost.price_year or cost.escalation_per_year", r.Scenario.Name))
		return
	}
	lines := w.quantities(i)
	first := costsHeaderRow + 1
	lines = append(lines, w.programmeSupport(i, lines, first)...)
	engine := map[string]*cost.Line{}
	for k := range est.Lines {
		engine[lineID(&est.Lines[k])] = &est.Lines[k]
	}
	matched := map[string]bool{}
	type rowOut struct {
		q *qline
		// item is what the line counts in the workbook's language: the
		// engine line's item by its code.
		item        string
		refs        []string
		rate, esc   float64
		amount      float64
		placeholder bool
	}
	rows := make([]rowOut, len(lines))
	for k := range lines {
		q := &lines[k]
		product := 1.0
		refs := make([]string, len(q.factors))
		for j, key := range q.factors {
			c, ok := w.rates.cell(i, key)
			v, okV := est.Assumptions.Get(key)
			if !ok || !okV {
				w.fail(fmt.Errorf("%s: cost line %q uses %s, which is not on the Assumptions sheet", r.Scenario.Name, q.item.English, key))
				return
			}
			refs[j] = c
			product *= v.Value
		}
		f := 1.0
		if q.year > est.PriceYear && est.Escalation != 0 && !q.flat {
			f = math.Pow(1+est.Escalation, float64(q.year-est.PriceYear))
		}
		id := q.id()
		l, matched0 := engine[id]
		// A money rate of an earlier price year is recosted to the
		// estimate's at its duty station's inflation (cost.Line.Recost).
		recostKey, recostFrom := "", 0
		if matched0 {
			recostKey, recostFrom = l.RecostKey, l.RecostFrom
		} else if !q.flat {
			recostKey, recostFrom = recosting(w.c.Ref, est, q.factors)
		}
		if recostKey != "" {
			c, ok := w.rates.cell(i, recostKey)
			if !ok {
				w.fail(fmt.Errorf("%s: cost line %q is recosted by %s, which is not on the Assumptions sheet", r.Scenario.Name, q.item.English, recostKey))
				return
			}
			// Never deflated: a price year edited to before the rate's own
			// leaves it as published, as the engine does (cost.Recost).
			refs = append(refs, fmt.Sprintf("(1+%s)^MAX(0,%s-%d)", c, py, recostFrom))
			infl, _ := est.Assumptions.Get(recostKey)
			product *= cost.Recost(1, infl.Value, recostFrom, est.PriceYear)
		}
		out := rowOut{q: q, item: labels.Message(w.l, q.item), refs: refs, rate: product, esc: f, amount: q.qtyV * product * f}
		if matched0 {
			if matched[id] {
				w.fail(fmt.Errorf("%s: two workbook lines for %q in %d", r.Scenario.Name, q.item.English, q.year))
				return
			}
			matched[id] = true
			if !closeTo(q.qtyV, l.Quantity) || !closeTo(out.amount, l.Amount) {
				w.fail(fmt.Errorf("%s, %d, %q: the formulas would give %.6f × %.6f = %.6f, the engine %.6f × %.6f = %.6f",
					r.Scenario.Name, l.Year, l.Item, q.qtyV, product*f, out.amount, l.Quantity, l.Rate, l.Amount))
				return
			}
			out.amount, out.placeholder = l.Amount, l.Placeholder
			if q.qty == "" {
				q.qtyV = l.Quantity
			}
		} else {
			if !closeTo(out.amount, 0) {
				w.fail(fmt.Errorf("%s, %d, %q: the workbook counts %.6f %s (USD %.2f) where the engine has no line", r.Scenario.Name, q.year, q.item.English, q.qtyV, q.unit, out.amount))
				return
			}
			out.amount = 0
			for _, key := range append(append(append([]string(nil), q.factors...), q.qkeys...), "cost.price_year", "cost.escalation_per_year") {
				if a, ok := est.Assumptions.Get(key); ok && a.Placeholder && !a.Overridden {
					out.placeholder = true
				}
			}
		}
		rows[k] = out
	}
	for id, l := range engine {
		if !matched[id] {
			w.fail(fmt.Errorf("%s, %d, %q: an engine cost line the workbook cannot write as a formula", r.Scenario.Name, l.Year, l.Item))
			return
		}
	}
	w.text(sh, 1, 1, w.t("export.xlsx.costs.title", "{{.Scenario}}: cost estimate in US dollars", "Scenario", r.Scenario.Name), w.st.title)
	w.text(sh, 1, 2, w.t("export.xlsx.costs.note", "Amount = quantity × rate × escalation. Rates are read from the {{.Sheet}} sheet (change one there and every total follows); "+
		"escalation compounds the yearly rate after the price year. Yellow: placeholder rates.", "Sheet", w.n.Assumptions), w.st.note)
	last := first + len(lines) - 1
	w.header(sh, costsHeaderRow, last, []float64{7, 24, 34, 16, 62, 7, 14, 16, 34, 14, 11, 16, 12, 40},
		w.t("export.col.year", "Year"), w.t("export.xlsx.col.category", "Category"), w.t("export.xlsx.col.section", "Budget section"),
		w.t("export.xlsx.col.payer", "Payer"), w.t("export.xlsx.col.item", "Item"), w.t("export.xlsx.col.venue", "Venue"),
		w.t("export.xlsx.col.quantity", "Quantity"), w.t("export.xlsx.col.unit", "Unit"), w.t("export.xlsx.col.rate_key", "Rate key"),
		w.t("export.xlsx.col.rate", "Rate, price-year USD"), w.t("export.xlsx.col.escalation", "Escalation"),
		w.t("export.xlsx.col.amount", "Amount, USD"), w.t("export.xlsx.col.placeholder", "Placeholder"), w.t("export.xlsx.col.basis", "Rate basis"))
	placeholder := w.t("export.placeholder", "PLACEHOLDER")
	for k := range rows {
		o := &rows[k]
		q := o.q
		row := first + k
		w.number(sh, cYear, row, float64(q.year), 0)
		w.text(sh, cCategory, row, CategoryName(w.l, q.cat), 0)
		w.text(sh, cSection, row, SectionName(w.l, q.sec), 0)
		w.text(sh, cPayer, row, PayerName(w.l, q.payer), 0)
		w.text(sh, cItem, row, o.item, 0)
		w.text(sh, cVenue, row, q.venue, 0)
		qstyle := w.st.two
		if q.qtyV == math.Trunc(q.qtyV) {
			qstyle = w.st.integer // a count: whole meetings, posts, flights, nights
		}
		if q.qty == "" {
			w.number(sh, cQuantity, row, q.qtyV, qstyle)
		} else {
			w.formula(sh, cQuantity, row, q.qty, q.qtyV, qstyle)
		}
		w.text(sh, cUnit, row, w.t("costs.unit."+labels.KeyOf(q.unit), q.unit), 0)
		w.text(sh, cKey, row, q.factors[0], 0)
		w.formula(sh, cRate, row, strings.Join(o.refs, "*"), o.rate, w.st.rate)
		y := abs(cYear, row)
		if q.flat {
			w.number(sh, cEscalation, row, 1, w.st.rate)
		} else {
			w.formula(sh, cEscalation, row, fmt.Sprintf("IF(%s>%s,(1+%s)^(%s-%s),1)", y, py, esc, y, py), o.esc, w.st.rate)
		}
		w.formula(sh, cAmount, row, fmt.Sprintf("%s*%s*%s", cell(cQuantity, row), cell(cRate, row), cell(cEscalation, row)), o.amount, w.st.money)
		if o.placeholder {
			w.text(sh, cPlaceholder, row, placeholder, w.st.placeholderText)
		}
		w.text(sh, cBasis, row, q.basis, 0)
	}
	w.totals[i] = w.costTotals(sh, first, last, r.Cost)
}

// recosting is the recosting of a line whose rate is the product of
// factors, as the engine dates it: the oldest money rate's price year,
// at the inflation of its duty station; "" when the rate is current.
func recosting(ref *refdata.Data, est *cost.Estimate, factors []string) (string, int) {
	from := 0
	key := ""
	for _, k := range factors {
		v, ok := est.Assumptions.Get(k)
		if !ok || v.Currency == "" || strings.HasPrefix(k, "fx.") {
			continue
		}
		if py := cost.PriceYearOf(v, est.PriceYear); py > 0 && (from == 0 || py < from) {
			from, key = py, k
		}
	}
	if key == "" || from >= est.PriceYear {
		return "", 0
	}
	return cost.InflationKey(ref, key), from
}

// programmeSupport adds, for each year with sponsored travel, the fund's
// programme support cost: its quantity is the sum of the year's fund
// lines' amounts (cells of this sheet), its rate the support rate.
func (w *workbook) programmeSupport(i int, lines []qline, first int) []qline {
	est := w.c.Results[i].Cost
	const key = "fund.programme_support_rate"
	if _, ok := est.Assumptions.Get(key); !ok {
		return nil
	}
	engine := map[string]float64{}
	for k := range est.Lines {
		engine[lineID(&est.Lines[k])] = est.Lines[k].Amount
	}
	cells := map[int][]string{}
	spent := map[int]float64{}
	var years []int
	for k := range lines {
		q := &lines[k]
		if q.payer != cost.VoluntaryFund {
			continue
		}
		if _, ok := cells[q.year]; !ok {
			years = append(years, q.year)
		}
		cells[q.year] = append(cells[q.year], cell(cAmount, first+k))
		spent[q.year] += engine[q.id()]
	}
	var out []qline
	for _, y := range years {
		out = append(out, qline{year: y, cat: cost.Sponsorship, sec: cost.Outside, payer: cost.VoluntaryFund,
			item: msg.New("item.programme_support", "Programme support costs on the fund's expenditure"), unit: "USD of fund expenditure",
			basis: "sponsored delegates' travel of the year × the programme support rate", factors: []string{key}, flat: true,
			qty: "SUM(" + strings.Join(cells[y], ",") + ")", qtyV: spent[y]})
	}
	return out
}

// closeTo compares a figure of the workbook's formulas with the engine's.
func closeTo(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// costTotals writes the totals below the lines: by category, budget
// section, payer and year, and the grand total, each a SUMIF on the lines.
func (w *workbook) costTotals(sh string, first, last int, est *cost.Estimate) costTotals {
	t := costTotals{sheet: sh, categories: map[cost.Category]int{}, sections: map[cost.Section]int{},
		payers: map[cost.Payer]int{}, years: map[int]int{}}
	amounts := fmt.Sprintf("%s:%s", abs(cAmount, first), abs(cAmount, max(last, first)))
	row := last + 2
	sumIf := func(col int, label, criterion string, value float64) int {
		w.text(sh, cItem, row, label, w.st.label)
		crit := fmt.Sprintf("%s:%s", abs(col, first), abs(col, max(last, first)))
		w.formula(sh, cAmount, row, fmt.Sprintf("SUMIF(%s,%s,%s)", crit, criterion, amounts), value, w.st.money)
		row++
		return row - 1
	}
	group := func(label string) {
		w.text(sh, cItem, row, label, w.st.group)
		row++
	}
	str := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	group(w.t("export.xlsx.costs.by_category", "Total by category"))
	for _, c := range Categories {
		name := CategoryName(w.l, c)
		t.categories[c] = sumIf(cCategory, name, str(name), categoryTotal(&est.Total.Totals, c))
	}
	group(w.t("export.xlsx.costs.by_section", "Total by budget section"))
	for _, s := range Sections {
		name := SectionName(w.l, s)
		t.sections[s] = sumIf(cSection, name, str(name), sectionTotal(&est.Total.Totals, s))
	}
	group(w.t("export.xlsx.costs.by_payer", "Total by payer"))
	for _, p := range Payers {
		name := PayerName(w.l, p)
		t.payers[p] = sumIf(cPayer, name, str(name), payerTotal(&est.Total.Totals, p))
	}
	group(w.t("export.xlsx.costs.by_year", "Total by year"))
	for _, y := range est.Years {
		t.years[y.FirstYear] = sumIf(cYear, y.Label, fmt.Sprint(y.FirstYear), y.Total)
	}
	w.text(sh, cItem, row, w.t("export.xlsx.costs.total", "Full cost, all payers, {{.Horizon}}", "Horizon", est.Total.Label), w.st.totalLabel)
	w.formula(sh, cAmount, row, fmt.Sprintf("SUM(%s)", amounts), est.Total.Total, w.st.totalMoney)
	t.total = row
	return t
}

// categoryTotal, sectionTotal and payerTotal read one figure of a period's totals.
func categoryTotal(t *cost.Totals, c cost.Category) float64 {
	return map[cost.Category]float64{cost.Servicing: t.Servicing, cost.Documentation: t.Documentation,
		cost.Secretariat: t.Secretariat, cost.Travel: t.Travel, cost.Sponsorship: t.Sponsorship}[c]
}

func sectionTotal(t *cost.Totals, s cost.Section) float64 {
	return map[cost.Section]float64{cost.ConferenceManagement: t.BySection.ConferenceManagement, cost.Disarmament: t.BySection.Disarmament,
		cost.PublicInformation: t.BySection.PublicInformation, cost.Outside: t.BySection.Outside}[s]
}

func payerTotal(t *cost.Totals, p cost.Payer) float64 {
	return map[cost.Payer]float64{cost.RegularBudget: t.ByPayer.RegularBudget, cost.MemberStates: t.ByPayer.MemberStates,
		cost.VoluntaryFund: t.ByPayer.VoluntaryFund}[p]
}

// ItemName is what a cost line counts, as the Item column writes it: the
// engine's item by its code in the workbook's language, its city too
// (the engine's English for a line without a code).
func ItemName(l labels.Labels, line *cost.Line) string { return labels.Message(l, itemOf(line)) }
