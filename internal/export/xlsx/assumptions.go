package xlsx

import (
	"fmt"
	"strings"

	"mechplan/internal/cost"
	"mechplan/internal/refdata"
)

// Columns of the Assumptions sheet.
const (
	aKey = iota + 1
	aLabel
	aValue
	aUnit
	aCurrency
	aPriceYear
	aSource
	aAsOf
	aPlaceholder
	aAppliesTo
	aLive
	aColumns = aLive
)

// assumptionsHeaderRow is the row of the Assumptions sheet's header.
const assumptionsHeaderRow = 1

// rateCells says where each rate in force sits on the Assumptions sheet:
// the default row of a key, or a scenario's own row when it overrides it.
type rateCells struct {
	sheet     string           // the Assumptions sheet's name
	defaults  map[string]int   // key -> row
	overrides []map[string]int // per scenario: key -> row
	// live marks the rows some formula of the workbook reads.
	live map[int]bool
	// ref is the rates table, for the yearly exchange rates.
	ref *refdata.Data
}

// cell is the absolute reference to the value of key for scenario i; the
// row counts as live from then on.
func (rc *rateCells) cell(i int, key string) (string, bool) {
	if c, ok := rc.fxCell(i, key); ok {
		return c, true
	}
	if row, ok := rc.overrides[i][key]; ok {
		rc.live[row] = true
		return ref(rc.sheet, aValue, row), true
	}
	row, ok := rc.defaults[key]
	if ok {
		rc.live[row] = true
	}
	return ref(rc.sheet, aValue, row), ok
}

// fxCell is, for a yearly exchange rate (fx.CHF.2025) or the key of
// every year (fx.CHF), the rate of scenario i's price year as a formula
// that follows the price-year cell, as the engine picks it: the year's
// average, else the latest year before it, else the earliest. A scenario
// that overrides the rate of every year reads its own row; one that
// overrides a single year reads the cell of the key asked for, since a
// lookup cannot see its override.
func (rc *rateCells) fxCell(i int, key string) (string, bool) {
	cur, ok := refdata.FXCurrency(key)
	if !ok {
		cur, _, ok = refdata.FXYearKey(key)
	}
	if !ok || rc.ref == nil {
		return "", false
	}
	if row, ok := rc.overrides[i][refdata.FXKey(cur)]; ok {
		rc.live[row] = true
		return ref(rc.sheet, aValue, row), true
	}
	for k := range rc.overrides[i] {
		if strings.HasPrefix(k, refdata.FXKey(cur)+".") {
			return "", false
		}
	}
	series := rc.ref.ExchangeRates(cur)
	if len(series) == 0 {
		return "", false
	}
	// The lookup reads consecutive rows, one a year in order.
	first, ok := rc.defaults[series[0].Key]
	for k, r := range series {
		if row, ok2 := rc.defaults[r.Key]; !ok || !ok2 || row != first+k {
			return "", false
		}
	}
	last := first + len(series) - 1
	py, ok := rc.cell(i, "cost.price_year")
	if !ok {
		return "", false
	}
	for row := first; row <= last; row++ {
		rc.live[row] = true
	}
	return fmt.Sprintf("LOOKUP(MAX(%s,%d),%s,%s)", py, series[0].PriceYear,
		rangeRef(rc.sheet, aPriceYear, first, last), rangeRef(rc.sheet, aValue, first, last)), true
}

// rangeRef is the absolute reference to rows first to last of one column.
func rangeRef(sheet string, col, first, last int) string {
	return quote(sheet) + "!" + abs(col, first) + ":" + abs(col, last)
}

// assumptions lists every default rate, then each scenario's overrides,
// with unit, source, date and the placeholder mark.
func (w *workbook) assumptions() {
	sh := w.n.Assumptions
	ref := w.c.Ref
	w.rates = rateCells{sheet: sh, defaults: map[string]int{}, overrides: make([]map[string]int, len(w.c.Results)), live: map[int]bool{}, ref: ref}
	type entry struct {
		key, label, unit, currency, source, asOf, appliesTo string
		value                                               float64
		priceYear                                           int
		placeholder, whole                                  bool
	}
	var rows []entry
	if ref != nil {
		for _, r := range ref.Rates {
			rows = append(rows, entry{r.Key, w.t("rate."+r.Key, r.Label), w.unit(r.Unit), r.Currency, r.Source, r.AsOf,
				w.t("export.xlsx.assumptions.every_scenario", "every scenario unless overridden below"),
				r.Value, r.PriceYear, r.Placeholder, cost.BoundsOf(&r).Whole})
		}
	}
	first := assumptionsHeaderRow + 1
	for k, e := range rows {
		w.rates.defaults[e.key] = first + k
	}
	for i, r := range w.c.Results {
		w.rates.overrides[i] = map[string]int{}
		if r.Cost == nil || r.Cost.Assumptions == nil {
			continue
		}
		for _, key := range r.Cost.Assumptions.Overridden() {
			a, ok := r.Cost.Assumptions.Get(key)
			if !ok {
				continue
			}
			src := a.OverrideSource
			if a.OverrideNote != "" {
				src = strings.TrimSpace(src + " " + a.OverrideNote)
			}
			w.rates.overrides[i][key] = first + len(rows)
			rows = append(rows, entry{key, w.t("rate."+key, a.Label), w.unit(a.Unit), a.Currency, src, a.OverrideAsOf, r.Scenario.Name,
				a.Value, a.PriceYear, false, cost.BoundsOf(&a.Rate).Whole})
		}
	}
	last := first + len(rows) - 1
	w.header(sh, assumptionsHeaderRow, last, []float64{34, 60, 14, 22, 9, 10, 90, 11, 13, 30, 40},
		w.t("export.xlsx.col.key", "Key"), w.t("export.col.assumption", "Assumption"), w.t("export.col.value", "Value"),
		w.t("export.xlsx.col.unit", "Unit"), w.t("export.xlsx.col.currency", "Currency"), w.t("export.xlsx.col.price_year", "Price year"),
		w.t("export.col.source", "Source"), w.t("export.col.as_of", "As of"), w.t("export.xlsx.col.placeholder", "Placeholder"),
		w.t("export.xlsx.col.applies_to", "Applies to"), w.t("export.xlsx.col.live", "In this workbook"))
	placeholder := w.t("export.placeholder", "PLACEHOLDER")
	for k, e := range rows {
		row := first + k
		w.text(sh, aKey, row, e.key, 0)
		w.text(sh, aLabel, row, e.label, 0)
		valueStyle := w.st.rate
		if e.whole {
			valueStyle = w.st.whole
		}
		if e.placeholder {
			valueStyle = w.st.placeholderRate
			w.text(sh, aPlaceholder, row, placeholder, w.st.placeholderText)
		}
		w.number(sh, aValue, row, e.value, valueStyle)
		w.text(sh, aUnit, row, e.unit, 0)
		w.text(sh, aCurrency, row, e.currency, 0)
		if e.priceYear != 0 {
			w.number(sh, aPriceYear, row, float64(e.priceYear), 0)
		}
		w.text(sh, aSource, row, e.source, 0)
		w.text(sh, aAsOf, row, e.asOf, 0)
		w.text(sh, aAppliesTo, row, e.appliesTo, 0)
	}
}

// Liveness of an Assumptions row: whether the workbook's formulas read it.
const (
	Live       = "live"
	EngineOnly = "engine only"
	NotUsed    = "not used"
)

// structuralKeys are the assumptions that decide which trips there are
// (delegates fly to hybrid meetings too): engine only in the workbook.
var structuralKeys = map[string]bool{"delegation.travel_to_hybrid": true}

// liveness says, on each Assumptions row, whether editing it moves the
// workbook's figures: live (some formula reads it), engine only (the
// engine uses it but no formula can: change it in the scenario), or not
// used by these scenarios' costs. It runs after every formula is written.
func (w *workbook) liveness() {
	sh := w.n.Assumptions
	used := map[int]bool{}
	for i, r := range w.c.Results {
		if r.Cost == nil {
			continue
		}
		for k := range r.Cost.Lines {
			for _, key := range r.Cost.Lines[k].Uses {
				if row, ok := w.rates.overrides[i][key]; ok {
					used[row] = true
				} else if row, ok := w.rates.defaults[key]; ok {
					used[row] = true
				}
			}
		}
	}
	// Keys that shape the calendar of trips itself: the engine uses them,
	// no cell formula can re-plan which meetings a delegation flies to.
	for key := range structuralKeys {
		if row, ok := w.rates.defaults[key]; ok {
			used[row] = true
		}
		for _, o := range w.rates.overrides {
			if row, ok := o[key]; ok {
				used[row] = true
			}
		}
	}
	rows := map[int]bool{}
	for _, row := range w.rates.defaults {
		rows[row] = true
	}
	for _, o := range w.rates.overrides {
		for _, row := range o {
			rows[row] = true
		}
	}
	for row := range rows {
		switch {
		case w.rates.live[row]:
			w.text(sh, aLive, row, w.t("export.xlsx.live.live", "live: the formulas read it"), 0)
		case used[row]:
			w.text(sh, aLive, row, w.t("export.xlsx.live.engine_only", "engine only: change it in the scenario"), w.st.engineOnly)
			w.style(sh, aKey, row, w.st.engineOnly)
		default:
			w.text(sh, aLive, row, w.t("export.xlsx.live.not_used", "not used by these scenarios' costs"), w.st.note)
		}
	}
}
