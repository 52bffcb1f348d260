package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mechplan/internal/cost"
	"mechplan/internal/export/exporttest"
	"mechplan/internal/export/labels"
	"mechplan/internal/plan"
)

func open(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// library is the whole built-in comparison written in the tests'
// language, encoded and opened once per language: several tests read it.
type library struct {
	c    *plan.Comparison
	data []byte
	f    *excelize.File
}

var libraries = map[string]*library{}

func builtIns(t *testing.T) *library {
	t.Helper()
	key := tl.Lang()
	if lib, ok := libraries[key]; ok {
		return lib
	}
	c := exporttest.BuiltIns(t)
	data := encode(t, c)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	lib := &library{c: c, data: data, f: f}
	libraries[key] = lib
	return lib
}

func encode(t *testing.T, c *plan.Comparison) []byte {
	t.Helper()
	data, err := EncodeWith(c, Options{Labels: tl})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func value(t *testing.T, f *excelize.File, sheet, cell string) float64 {
	t.Helper()
	s, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%s!%s = %q, not a number", sheet, cell, s)
	}
	return v
}

func numFmt(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

func frozenAt(t *testing.T, f *excelize.File, sheet string) int {
	t.Helper()
	p, err := f.GetPanes(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Freeze {
		t.Errorf("%s: header not frozen", sheet)
	}
	return p.YSplit
}

func TestSummaryCalendarAndBurdenSheets(t *testing.T) {
	c := exporttest.BuiltIns(t, "oewg-2021-2025", "global-mechanism", "s9-hybrid-groups")
	f := open(t, encode(t, c))
	stems := SheetStemsWith(c, tl)
	want := []string{tn().Summary, tn().Assumptions}
	for _, s := range stems {
		want = append(want, s+tn().Calendar, s+tn().Costs, s+tn().Travel, s+tn().Burden)
	}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets\n%v\nwant\n%v", got, want)
	}

	// Summary: scenarios as columns, per-year meeting days from the engine.
	for i, r := range c.Results {
		if got, _ := f.GetCellValue(tn().Summary, cell(sFirstScenario+i, summaryHeaderRow)); got != r.Scenario.Label() {
			t.Errorf("column %d header %q, want the short label %q", i, got, r.Scenario.Label())
		}
		if got, _ := f.GetCellValue(tn().Summary, cell(sFirstScenario+i, summaryHeaderRow+1)); got != r.Scenario.Name {
			t.Errorf("column %d name %q, want %q", i, got, r.Scenario.Name)
		}
	}
	if frozenAt(t, f, tn().Summary) != summaryHeaderRow {
		t.Error("Summary header row not frozen")
	}
	days, _ := c.Row(plan.KeyMeetingDays)
	rows, _ := f.GetRows(tn().Summary, excelize.Options{RawCellValue: true})
	var perYearRow, changeRow int
	for k, r := range rows {
		if len(r) > 0 && r[0] == tl.Text("metric."+days.Key, days.Label) {
			if perYearRow == 0 {
				perYearRow = k + 1
			} else if changeRow == 0 {
				changeRow = k + 1
			}
		}
	}
	if perYearRow == 0 || changeRow == 0 {
		t.Fatal("no meeting-days rows on the Summary")
	}
	for i := range c.Results {
		if got := value(t, f, tn().Summary, cell(sFirstScenario+i, perYearRow)); math.Abs(got-days.Figures[i].PerYear) > 1e-9 {
			t.Errorf("%s meeting days a year = %v, want %v", c.Results[i].Scenario.ID, got, days.Figures[i].PerYear)
		}
		if got := value(t, f, tn().Summary, cell(sFirstScenario+i, changeRow)); math.Abs(got-days.Figures[i].DeltaPerYear) > 1e-9 {
			t.Errorf("%s change = %v, want %v", c.Results[i].Scenario.ID, got, days.Figures[i].DeltaPerYear)
		}
	}
	if got := numFmt(t, f, tn().Summary, cell(sFirstScenario, changeRow)); got != fmtDelta {
		t.Errorf("change format %q, want %q", got, fmtDelta)
	}
	cf, err := f.GetConditionalFormats(tn().Summary)
	if err != nil || len(cf[cell(sFirstScenario, changeRow)+":"+cell(sFirstScenario+2, changeRow)]) != 2 {
		t.Errorf("change row lacks its better/worse colouring: %v %v", cf, err)
	}

	// Calendar: every meeting, venue time and UTC, zone in the header.
	r := c.Results[1]
	cal := stems[1] + tn().Calendar
	if h, _ := f.GetCellValue(cal, "C2"); h != tl.Text("export.xlsx.col.start", "Start ({{.Zone}})", "Zone", "America/New_York") {
		t.Errorf("calendar header %q does not name the zone", h)
	}
	if frozenAt(t, f, cal) != 2 {
		t.Error("calendar header not frozen below row 2")
	}
	m := r.Schedule.Meetings[0]
	if got := value(t, f, cal, "A3"); got != math.Floor(serial(m.Start)) {
		t.Errorf("first date serial %v", got)
	}
	if s, _ := f.GetCellValue(cal, "A3"); s != m.Start.Format("2006-01-02") {
		t.Errorf("first date shows %q, want %s", s, m.Start.Format("2006-01-02"))
	}
	if s, _ := f.GetCellValue(cal, "C3"); s != m.Start.Format("15:04") {
		t.Errorf("venue start shows %q, want %s", s, m.Start.Format("15:04"))
	}
	if s, _ := f.GetCellValue(cal, "E3"); s != m.Start.UTC().Format("2006-01-02 15:04") {
		t.Errorf("UTC start shows %q, want %s", s, m.Start.UTC().Format("2006-01-02 15:04"))
	}
	calRows, _ := f.GetRows(cal)
	if len(calRows) != 2+len(r.Schedule.Meetings) {
		t.Errorf("calendar has %d rows, want 2 + %d meetings", len(calRows), len(r.Schedule.Meetings))
	}

	// Burden: 193 delegations, colour scale, figures from the engine.
	bur := stems[2] + tn().Burden
	b := c.Results[2].Burden
	bRows, _ := f.GetRows(bur)
	if n := len(bRows) - burdenHeaderRow; n != 193 {
		t.Errorf("burden sheet has %d delegations, want 193", n)
	}
	for k, d := range b.Delegations {
		row := burdenHeaderRow + 1 + k
		if got := value(t, f, bur, cell(bScore, row)); math.Abs(got-d.Score) > 1e-9 {
			t.Fatalf("%s score %v, want %v", d.ISO3, got, d.Score)
		}
	}
	cf, _ = f.GetConditionalFormats(bur)
	scale := cf[cell(bScore, burdenHeaderRow+1)+":"+cell(bScore, burdenHeaderRow+193)]
	if len(scale) != 1 || scale[0].Type != "3_color_scale" {
		t.Errorf("burden score has no colour scale: %v", cf)
	}
	if frozenAt(t, f, bur) != burdenHeaderRow {
		t.Error("burden header not frozen")
	}
}

func TestSummaryChartsAreNativeAndQuoteTheSheet(t *testing.T) {
	c := exporttest.BuiltIns(t, "oewg-2021-2025", "s9-hybrid-groups")
	data := encode(t, c)
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var charts []string
	for _, file := range z.File {
		if strings.HasPrefix(file.Name, "xl/charts/chart") {
			rc, _ := file.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			charts = append(charts, strings.ReplaceAll(string(b), "&#39;", "'"))
		}
	}
	if len(charts) != 3 {
		t.Fatalf("%d charts, want cost by section, meeting days and night hours", len(charts))
	}
	all := strings.Join(charts, "\n")
	for _, want := range []string{tl.Text("export.chart.cost_by_section", "Cost a year by budget section (USD)"),
		tl.Text("export.chart.meeting_days", "Meeting days a year"), tl.Text("export.chart.night_hours", "Night hours a year, summed over the 193 delegations"),
		"<f>" + quote(tn().Summary) + "!$C$4:$D$4</f>", "barChart"} {
		if !strings.Contains(all, want) {
			t.Errorf("charts lack %q", want)
		}
	}
	for _, ch := range charts {
		if strings.Contains(ch, tl.Text("export.chart.cost_by_section", "Cost a year by budget section (USD)")) && strings.Count(ch, "<ser>") != 4 {
			t.Errorf("cost chart has %d series, want the four sections", strings.Count(ch, "<ser>"))
		}
	}
}

// refPattern and escPattern match the formulas of a Costs sheet, which
// name the Assumptions sheet in the tests' language.
func refPattern() *regexp.Regexp {
	a := regexp.QuoteMeta(quote(tn().Assumptions))
	return regexp.MustCompile(`^` + a + `!\$C\$(\d+)$`)
}

func escPattern() *regexp.Regexp {
	a := regexp.QuoteMeta(quote(tn().Assumptions))
	return regexp.MustCompile(`^IF\(\$A\$(\d+)>` + a + `!\$C\$(\d+),\(1\+` + a + `!\$C\$(\d+)\)\^\(\$A\$(\d+)-` + a + `!\$C\$(\d+)\),1\)$`)
}

// recostPattern matches the recosting factor of a rate formula:
// (1+inflation)^MAX(0,price year-rate's price year).
func recostPattern() *regexp.Regexp {
	a := regexp.QuoteMeta(quote(tn().Assumptions))
	return regexp.MustCompile(`^\(1\+` + a + `!\$C\$(\d+)\)\^MAX\(0,` + a + `!\$C\$(\d+)-(\d{4})\)$`)
}

// fxPattern matches an exchange rate that follows the price year:
// LOOKUP(MAX(price year,first year),years,rates) on the Assumptions sheet.
func fxPattern() *regexp.Regexp {
	a := regexp.QuoteMeta(quote(tn().Assumptions))
	return regexp.MustCompile(`^LOOKUP\(MAX\(` + a + `!\$C\$(\d+),(\d{4})\),` + a + `!\$F\$(\d+):\$F\$(\d+),` + a + `!\$C\$(\d+):\$C\$(\d+)\)$`)
}

// lookup evaluates an fxPattern match as a spreadsheet does: the value
// beside the last year not after the (bounded) price year.
func lookup(t *testing.T, f *excelize.File, m []string) float64 {
	t.Helper()
	at := func(col string, row int) float64 { return value(t, f, tn().Assumptions, col+strconv.Itoa(row)) }
	py, _ := strconv.Atoi(m[1])
	year := at("C", py)
	if lo, _ := strconv.ParseFloat(m[2], 64); year < lo {
		year = lo
	}
	first, _ := strconv.Atoi(m[3])
	last, _ := strconv.Atoi(m[4])
	if m[5] != m[3] || m[6] != m[4] {
		t.Fatalf("lookup over years %s:%s and rates %s:%s", m[3], m[4], m[5], m[6])
	}
	out := math.NaN()
	for row := first; row <= last; row++ {
		if at("F", row) <= year {
			out = at("C", row)
		}
	}
	return out
}

// TestCostFormulasGiveTheEngineFigures recomputes each line of every
// built-in's Costs sheet from the Assumptions sheet's values and the
// quantities, reading the formulas, and compares with the engine.
func TestCostFormulasGiveTheEngineFigures(t *testing.T) {
	lib := builtIns(t)
	c, f := lib.c, lib.f
	assumption := func(row string) float64 { return value(t, f, tn().Assumptions, "C"+row) }
	fxSeen := 0
	defer func() {
		if fxSeen == 0 {
			t.Error("no rate formula converts francs or euros at the price year's exchange rate")
		}
	}()
	for i, r := range c.Results {
		sh := SheetStemsWith(c, tl)[i] + tn().Costs
		sums := map[string]float64{}
		// The engine's lines by what the sheet shows of them: the item
		// in the workbook's language.
		engine := map[string]*cost.Line{}
		for k := range r.Cost.Lines {
			l := &r.Cost.Lines[k]
			engine[fmt.Sprintf("%d|%s|%s|%s", l.Year, l.Payer, l.Venue, ItemName(tl, l))] = l
		}
		rows, _ := f.GetRows(sh, excelize.Options{RawCellValue: true})
		found := 0
		for row := costsHeaderRow + 1; row <= len(rows); row++ {
			rv := rows[row-1]
			if len(rv) < cAmount || rv[cYear-1] == "" {
				break
			}
			payer := map[string]cost.Payer{}
			for _, p := range Payers {
				payer[PayerName(tl, p)] = p
			}
			id := fmt.Sprintf("%s|%s|%s|%s", rv[cYear-1], payer[rv[cPayer-1]], rv[cVenue-1], rv[cItem-1])
			l, ok := engine[id]
			if ok {
				found++
			} else {
				l = &cost.Line{}
			}
			rateF, _ := f.GetCellFormula(sh, cell(cRate, row))
			rate := 1.0
			for _, part := range strings.Split(rateF, "*") {
				if m := recostPattern().FindStringSubmatch(part); m != nil {
					// A rate recosted from its price year (cost.Line.Recost).
					from, _ := strconv.Atoi(m[3])
					rate *= math.Pow(1+assumption(m[1]), math.Max(0, assumption(m[2])-float64(from)))
					continue
				}
				if m := fxPattern().FindStringSubmatch(part); m != nil {
					// An exchange rate that follows the price year.
					rate *= lookup(t, f, m)
					fxSeen++
					continue
				}
				m := refPattern().FindStringSubmatch(part)
				if m == nil {
					t.Fatalf("%s row %d: rate formula %q is not a product of assumptions", sh, row, rateF)
				}
				rate *= assumption(m[1])
			}
			escF, _ := f.GetCellFormula(sh, cell(cEscalation, row))
			factor := 1.0
			if escF == "" && value(t, f, sh, cell(cEscalation, row)) == 1 {
				// Not escalated: the fund's programme support, already in the year's dollars.
			} else {
				m := escPattern().FindStringSubmatch(escF)
				if m == nil || m[1] != strconv.Itoa(row) || m[4] != m[1] || m[2] != m[5] {
					t.Fatalf("%s row %d: escalation formula %q", sh, row, escF)
				}
				year, py, esc := value(t, f, sh, cell(cYear, row)), assumption(m[2]), assumption(m[3])
				if year > py {
					factor = math.Pow(1+esc, year-py)
				}
			}
			amtF, _ := f.GetCellFormula(sh, cell(cAmount, row))
			if want := fmt.Sprintf("G%d*J%d*K%d", row, row, row); amtF != want {
				t.Fatalf("%s row %d: amount formula %q, want %q", sh, row, amtF, want)
			}
			amount := value(t, f, sh, cell(cQuantity, row)) * rate * factor
			if math.Abs(amount-l.Amount) > 1e-6*math.Max(1, l.Amount) {
				t.Errorf("%s row %d %q: formulas give %.4f, engine %.4f", sh, row, rv[cItem-1], amount, l.Amount)
			}
			if stored := value(t, f, sh, cell(cAmount, row)); math.Abs(stored-l.Amount) > 1e-6*math.Max(1, l.Amount) {
				t.Errorf("%s row %d: stored amount %.4f, engine %.4f", sh, row, stored, l.Amount)
			}
			lc := *l
			lc.Category = categoryOf(tl, rv[cCategory-1])
			l = &lc
			sums["total"] += amount
			sums[CategoryName(tl, l.Category)] += amount
		}
		if found != len(r.Cost.Lines) {
			t.Errorf("%s: %d of the engine's %d lines on the sheet", sh, found, len(r.Cost.Lines))
		}
		tot := r.Cost.Total
		for label, want := range map[string]float64{"total": tot.Total, CategoryName(tl, cost.Servicing): tot.Servicing,
			CategoryName(tl, cost.Travel): tot.Travel, CategoryName(tl, cost.Sponsorship): tot.Sponsorship} {
			if math.Abs(sums[label]-want) > 1e-6*math.Max(1, want) {
				t.Errorf("%s %s: lines add to %.2f, engine %.2f", sh, label, sums[label], want)
			}
		}
		// The grand total's stored result is the engine's.
		if got := costTotalsByLabel(t, f, sh)[tl.Text("export.xlsx.costs.total", "Full cost, all payers, {{.Horizon}}", "Horizon", tot.Label)]; math.Abs(got-tot.Total) > 1e-6*tot.Total {
			t.Errorf("%s grand total stores %v, engine %v", sh, got, tot.Total)
		}
		if frozenAt(t, f, sh) != costsHeaderRow {
			t.Errorf("%s header not frozen", sh)
		}
		if got := numFmt(t, f, sh, cell(cAmount, costsHeaderRow+1)); got != fmtMoney {
			t.Errorf("%s amount format %q", sh, got)
		}
	}
}

func TestUserTextIsNeverAFormula(t *testing.T) {
	names := []string{`=HYPERLINK("http://x","y")`, "+1+2", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "Bad [name]: a*b?/c\\d that is far too long for a sheet"}
	var rs []*plan.Result
	base := exporttest.BuiltIn(t, "global-mechanism")
	for _, n := range names {
		r := *base
		s := base.Scenario.Clone()
		s.Name, s.ShortName = n, ""
		r.Scenario = s
		rs = append(rs, &r)
	}
	c := exporttest.Compare(t, rs...)
	f := open(t, encode(t, c))
	for i, n := range names {
		cl := cell(sFirstScenario+i, summaryHeaderRow+1)
		if got, _ := f.GetCellValue(tn().Summary, cl); got != n {
			t.Errorf("%s = %q, want the literal %q", cl, got, n)
		}
		if fo, _ := f.GetCellFormula(tn().Summary, cl); fo != "" {
			t.Errorf("%q became the formula %q", n, fo)
		}
		if typ, _ := f.GetCellType(tn().Summary, cl); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
			t.Errorf("%q stored as cell type %v, want a string", n, typ)
		}
	}
	seen := map[string]bool{}
	for _, sh := range f.GetSheetList() {
		if len([]rune(sh)) > maxSheetName || strings.ContainsAny(sh, `[]:*?/\`) || seen[strings.ToLower(sh)] {
			t.Errorf("bad or duplicate sheet name %q", sh)
		}
		seen[strings.ToLower(sh)] = true
	}
	title, _ := f.GetCellValue(SheetStemsWith(c, tl)[0]+tn().Calendar, "A1")
	if !strings.HasPrefix(title, names[0]) {
		t.Errorf("calendar title %q", title)
	}
}

func TestSheetStems(t *testing.T) {
	r := exporttest.BuiltIn(t, "global-mechanism")
	mk := func(names ...string) *plan.Comparison {
		var rs []*plan.Result
		for _, n := range names {
			x := *r
			s := r.Scenario.Clone()
			s.Name, s.ShortName = n, ""
			x.Scenario = s
			rs = append(rs, &x)
		}
		return exporttest.Compare(t, rs...)
	}
	got := SheetStems(mk("'Quoted'", "Same name, long enough to be cut here", "same NAME, long enough to be cut there", "???", "Summary"))
	want := []string{"Quoted", "Same name, long enough", "same NAME, long en (2)", "global-mechanism", "Summary (2)"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("stem %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// TestFiltersOnEveryList checks the autofilter of the Costs, Burden and
// Assumptions sheets and the table (with its filter) of the Calendar.
func TestFiltersOnEveryList(t *testing.T) {
	c := exporttest.BuiltIns(t, "oewg-2021-2025")
	data := encode(t, c)
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		for _, file := range z.File {
			if file.Name == name {
				rc, _ := file.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				return string(b)
			}
		}
		t.Fatalf("no %s in the workbook", name)
		return ""
	}
	r := c.Results[0]
	// Sheets in order: Summary, Assumptions, Calendar, Costs, Travel, Burden.
	f := open(t, data)
	costRows, _ := f.GetRows(SheetStemsWith(c, tl)[0] + tn().Costs)
	lines := 0
	for _, row := range costRows[costsHeaderRow:] {
		if len(row) == 0 || row[0] == "" {
			break
		}
		lines++
	}
	if lines < len(r.Cost.Lines) {
		t.Errorf("%d lines on the Costs sheet, the engine has %d", lines, len(r.Cost.Lines))
	}
	for sheet, want := range map[int]string{
		2: fmt.Sprintf(`<autoFilter ref="$A$1:$%s$%d"`, column(aColumns), 1+len(c.Ref.Rates)),
		4: fmt.Sprintf(`<autoFilter ref="$A$%d:$N$%d"`, costsHeaderRow, costsHeaderRow+lines),
		6: fmt.Sprintf(`<autoFilter ref="$A$%d:$O$%d"`, burdenHeaderRow, burdenHeaderRow+193),
	} {
		if x := read(fmt.Sprintf("xl/worksheets/sheet%d.xml", sheet)); !strings.Contains(x, want) {
			t.Errorf("sheet%d lacks %s", sheet, want)
		}
	}
	if x := read("xl/tables/table1.xml"); !strings.Contains(x, fmt.Sprintf(`ref="A2:N%d"`, 2+len(r.Schedule.Meetings))) || !strings.Contains(x, "<autoFilter") {
		t.Errorf("calendar table does not cover the meetings with a filter: %.300s", x)
	}
}

// Every sheet prints landscape, one page wide, so a wide table does not
// print its first column alone on page after page.
func TestSheetsPrintOnePageWide(t *testing.T) {
	c := exporttest.BuiltIns(t, "oewg-2021-2025", "global-mechanism")
	f := open(t, encode(t, c))
	for _, sheet := range f.GetSheetList() {
		props, err := f.GetSheetProps(sheet)
		if err != nil {
			t.Fatal(err)
		}
		lay, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if lay.Size == nil || *lay.Size != paperA4 {
			t.Errorf("%s: paper %v, want A4", sheet, lay.Size)
		}
		if props.FitToPage == nil || !*props.FitToPage || lay.Orientation == nil || *lay.Orientation != "landscape" ||
			lay.FitToWidth == nil || *lay.FitToWidth != 1 || lay.FitToHeight == nil || *lay.FitToHeight != 0 {
			t.Errorf("%s: fit to page %v, layout %+v", sheet, props.FitToPage, lay)
		}
	}
}

func categoryOf(l labels.Labels, name string) cost.Category {
	for _, c := range Categories {
		if CategoryName(l, c) == name {
			return c
		}
	}
	return ""
}
