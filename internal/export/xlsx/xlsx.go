// Package xlsx writes a comparison as an Excel workbook: a Summary of every
// metric with deltas and native charts, the Assumptions behind every cost,
// and per scenario its Calendar, its Costs (amounts are formulas on the
// Assumptions sheet, so an officer who changes a rate sees the totals
// follow) and its time-zone Burden on the 193 delegations.
//
// Text a user typed (scenario names, notes) is always written as a string
// cell, never as a formula, whatever it starts with.
package xlsx

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"mechplan/internal/export/labels"
	"mechplan/internal/model"
	"mechplan/internal/plan"
)

// Sheet names that are not a scenario's.
const (
	SummarySheet     = "Summary"
	AssumptionsSheet = "Assumptions"
)

// Suffixes of each scenario's sheets.
const (
	CalendarSuffix = " Calendar"
	CostsSuffix    = " Costs"
	TravelSuffix   = " Travel"
	BurdenSuffix   = " Burden"
)

// maxSheetName is Excel's limit on a sheet name, in characters.
const maxSheetName = 31

// Options choose how a workbook is written.
type Options struct {
	// Labels gives the workbook's words (sheet names, headings, column
	// headers, metric and budget names, dates) in a language; nil is
	// English.
	Labels labels.Labels
}

// Names are the names of a workbook's own sheets and the suffixes of each
// scenario's sheets, in the workbook's language.
type Names struct {
	Summary, Assumptions            string
	Calendar, Costs, Travel, Burden string // suffixes, with their leading space
}

// SheetNames returns the sheet names in the language of l: sanitised as
// Excel wants them, English where a translation would leave nothing.
func SheetNames(l labels.Labels) Names {
	l = labels.Or(l)
	name := func(key, english string, limit int) string {
		s := truncate(sanitize(l.Text(key, english)), limit)
		if s == "" {
			return english
		}
		return s
	}
	return Names{
		Summary:     name("export.xlsx.sheet.summary", SummarySheet, maxSheetName),
		Assumptions: name("export.xlsx.sheet.assumptions", AssumptionsSheet, maxSheetName),
		Calendar:    " " + name("export.xlsx.sheet.calendar", strings.TrimSpace(CalendarSuffix), maxSuffix),
		Costs:       " " + name("export.xlsx.sheet.costs", strings.TrimSpace(CostsSuffix), maxSuffix),
		Travel:      " " + name("export.xlsx.sheet.travel", strings.TrimSpace(TravelSuffix), maxSuffix),
		Burden:      " " + name("export.xlsx.sheet.burden", strings.TrimSpace(BurdenSuffix), maxSuffix),
	}
}

// maxSuffix is the longest a scenario sheet's suffix may be, so a stem
// keeps some characters of the scenario's name.
const maxSuffix = 14

// Encode returns the workbook of a comparison, in English.
func Encode(c *plan.Comparison) ([]byte, error) { return EncodeWith(c, Options{}) }

// EncodeWith returns the workbook of a comparison written as o asks.
func EncodeWith(c *plan.Comparison, o Options) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	l := labels.Or(o.Labels)
	w := &workbook{f: f, c: c, l: l, n: SheetNames(l), streamed: map[string]bool{}, printTitles: map[string]int{}}
	if err := w.build(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// workbook carries what the sheets share while they are written.
type workbook struct {
	f      *excelize.File
	c      *plan.Comparison
	l      labels.Labels
	n      Names
	st     styles
	bases  []string // per scenario: the sheet-name stem
	rates  rateCells
	totals []costTotals // per scenario: where its Costs sheet keeps its totals
	// streamed marks the sheets written by a stream writer, whose print
	// layout was set before.
	streamed map[string]bool
	// printTitles is each sheet's header row, repeated on every page.
	printTitles map[string]int
	// chartEnd is the Summary's first row below its charts.
	chartEnd int
	err      error
}

func (w *workbook) build() error {
	var err error
	if w.st, err = newStyles(w.f); err != nil {
		return err
	}
	w.bases = SheetStemsWith(w.c, w.l)
	if err := w.f.SetSheetName("Sheet1", w.n.Summary); err != nil {
		return err
	}
	for _, name := range []string{w.n.Assumptions} {
		if _, err := w.f.NewSheet(name); err != nil {
			return err
		}
	}
	for i, r := range w.c.Results {
		for _, suffix := range []string{w.n.Calendar, w.n.Costs, w.n.Travel, w.n.Burden} {
			if (suffix == w.n.Costs || suffix == w.n.Travel) && r.Cost == nil || suffix == w.n.Burden && r.Burden == nil {
				continue
			}
			if _, err := w.f.NewSheet(w.bases[i] + suffix); err != nil {
				return err
			}
		}
	}
	// Before any sheet is written: the calendar's stream writer takes the
	// sheet's view as it is when it starts.
	if err := w.rightToLeft(); err != nil {
		return err
	}
	w.assumptions()
	w.totals = make([]costTotals, len(w.c.Results))
	for i := range w.c.Results {
		w.calendar(i)
		w.costs(i)
		w.statement(i)
		w.tradeoff(i)
		w.burden(i)
	}
	w.summary()
	w.liveness()
	if w.err != nil {
		return w.err
	}
	if err := w.printLayout(); err != nil {
		return err
	}
	date := w.c.Date.UTC().Format(time.RFC3339)
	full := true
	if err := w.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return err
	}
	return w.f.SetDocProps(&excelize.DocProperties{
		Title: w.t("export.xlsx.doc_title", "Mechplan comparison"), Creator: "Mechplan", Created: date, Modified: date,
		Description: w.t("export.xlsx.doc_description", "Scenarios compared against {{.Baseline}}", "Baseline", w.c.Results[w.c.Baseline].Scenario.Name),
	})
}

// t is a text of the workbook in its language.
func (w *workbook) t(key, english string, pairs ...any) string {
	return w.l.Text(key, english, pairs...)
}

// fail keeps the first error; writing goes on so the code stays linear.
func (w *workbook) fail(err error) {
	if err != nil && w.err == nil {
		w.err = err
	}
}

// cell names a cell from 1-based column and row.
func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// abs names a cell with absolute column and row.
func abs(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row, true)
	return name
}

func column(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// columnWidths sets the widths of a sheet's columns by their numbers.
func (w *workbook) columnWidths(sheet string, widths map[int]float64) {
	for col, width := range widths {
		w.fail(w.f.SetColWidth(sheet, column(col), column(col), width))
	}
}

// ref is a reference to a cell on another sheet, the sheet name quoted.
func ref(sheet string, col, row int) string {
	return quote(sheet) + "!" + abs(col, row)
}

// quote quotes a sheet name for a formula or a chart range.
func quote(sheet string) string {
	return "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
}

// text writes a string cell: never parsed as a formula or a number.
func (w *workbook) text(sheet string, col, row int, s string, style int) {
	w.fail(w.f.SetCellStr(sheet, cell(col, row), s))
	w.style(sheet, col, row, style)
}

// number writes a number cell, rounded to the nearest of the 15 digits
// a cell keeps.
func (w *workbook) number(sheet string, col, row int, v float64, style int) {
	w.fail(w.f.SetCellFloat(sheet, cell(col, row), exact(v), -1, 64))
	w.style(sheet, col, row, style)
}

// formula writes a formula with the engine's value as its stored result,
// so a reader that does not recalculate (a preview, pandas, a mail
// viewer) shows the right figure.
func (w *workbook) formula(sheet string, col, row int, formula string, value float64, style int) {
	w.fail(w.f.SetCellFloat(sheet, cell(col, row), exact(value), -1, 64))
	w.fail(w.f.SetCellFormula(sheet, cell(col, row), formula))
	w.style(sheet, col, row, style)
}

func (w *workbook) style(sheet string, col, row, style int) {
	if style != 0 {
		w.fail(w.f.SetCellStyle(sheet, cell(col, row), cell(col, row), style))
	}
}

// header writes a header row, freezes the sheet below it and puts an
// autofilter on the columns down to lastRow.
func (w *workbook) header(sheet string, row, lastRow int, widths []float64, titles ...string) {
	lines := 1
	for i, t := range titles {
		w.text(sheet, i+1, row, t, w.st.header)
		width := 9.0
		if i < len(widths) {
			width = widths[i]
			w.fail(w.f.SetColWidth(sheet, column(i+1), column(i+1), widths[i]))
		}
		// Bold text takes about 1.15 character widths.
		lines = max(lines, wrappedLines(t, int(width/1.15)))
	}
	// Tall enough for the longest wrapped title.
	w.fail(w.f.SetRowHeight(sheet, row, float64(lines)*15+3))
	// Printed pages repeat the header row.
	w.printTitles[sheet] = row
	w.fail(w.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: row, TopLeftCell: cell(1, row+1), ActivePane: "bottomLeft"}))
	if lastRow > row {
		w.fail(w.f.AutoFilter(sheet, cell(1, row)+":"+cell(len(titles), lastRow), nil))
	}
}

// SheetStems returns the stems of the English sheet names; see
// SheetStemsWith.
func SheetStems(c *plan.Comparison) []string { return SheetStemsWith(c, labels.English) }

// SheetStemsWith returns, per scenario, the stem of its sheet names: the
// scenario's short label (model.DistinctLabels: the short name, which
// keeps the S-code, else the name) without the characters Excel forbids ([]:*?/\), without
// leading or trailing apostrophes, short enough for the longest suffix,
// and unique (Excel compares sheet names without case).
func SheetStemsWith(c *plan.Comparison, l labels.Labels) []string {
	n := SheetNames(l)
	longest := max(utf8.RuneCountInString(n.Calendar), utf8.RuneCountInString(n.Costs), utf8.RuneCountInString(n.Travel), utf8.RuneCountInString(n.Burden))
	limit := maxSheetName - longest
	used := map[string]bool{strings.ToLower(n.Summary): true, strings.ToLower(n.Assumptions): true}
	out := make([]string, len(c.Results))
	ss := make([]*model.Scenario, len(c.Results))
	for i, r := range c.Results {
		ss[i] = r.Scenario
	}
	short := model.DistinctLabels(ss, 0)
	for i, r := range c.Results {
		stem := sanitize(short[i])
		if stem == "" {
			stem = sanitize(r.Scenario.ID)
		}
		if stem == "" {
			stem = sanitize(labels.Or(l).Text("export.xlsx.sheet.scenario", "Scenario"))
		}
		base := truncate(stem, limit)
		for n := 2; used[strings.ToLower(base)]; n++ {
			tag := fmt.Sprintf(" (%d)", n)
			base = truncate(stem, limit-len(tag)) + tag
		}
		used[strings.ToLower(base)] = true
		out[i] = base
	}
	return out
}

func sanitize(name string) string {
	name = strings.Map(func(r rune) rune {
		switch {
		case strings.ContainsRune(`[]:*?/\`, r):
			return -1
		case r < 0x20 || r == 0x7f:
			return ' '
		}
		return r
	}, name)
	name = strings.Join(strings.Fields(name), " ")
	return strings.Trim(name, "' ")
}

// truncate cuts to n characters and drops what would end the name badly.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) > n {
		s = string([]rune(s)[:n])
	}
	return strings.TrimRight(s, "' ")
}

// paperA4 is Excel's paper size code for A4 (UN documents are A4).
const paperA4 = 9

// printLayout makes every sheet print on A4, landscape and one page wide: wide
// tables otherwise print their first column alone on page after page.
func (w *workbook) printLayout() error {
	for sheet, row := range w.printTitles {
		if err := w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
			RefersTo: fmt.Sprintf("%s!$%d:$%d", quote(sheet), row, row)}); err != nil {
			return err
		}
	}
	// The Summary prints its table and its charts.
	if w.chartEnd > 0 {
		last := sFirstScenario + len(w.c.Results) - 1
		if err := w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: w.n.Summary,
			RefersTo: fmt.Sprintf("%s!$A$1:$%s$%d", quote(w.n.Summary), column(max(last, 12)), w.chartEnd)}); err != nil {
			return err
		}
	}
	for _, sheet := range w.f.GetSheetList() {
		if w.streamed[sheet] {
			continue // laid out before streaming: reading it back would parse it all again
		}
		if err := setPrintLayout(w.f, sheet); err != nil {
			return err
		}
	}
	return nil
}

// setPrintLayout sets one sheet's print layout; a streamed sheet needs it
// before its stream writer is made.
func setPrintLayout(f *excelize.File, sheet string) error {
	fit, landscape, wide, tall, a4 := true, "landscape", 1, 0, paperA4
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall})
}
