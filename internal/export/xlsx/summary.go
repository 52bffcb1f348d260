package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"mechplan/internal/cost"
	"mechplan/internal/export/labels"
	"mechplan/internal/model"
	"mechplan/internal/msg"
	"mechplan/internal/plan"
)

// Layout of the Summary sheet.
const (
	summaryHeaderRow = 4
	sFirstScenario   = 3 // column of the first scenario
)

// summary writes every metric per year, its change against the
// baseline and its horizon total, scenarios as columns, and the charts.
func (w *workbook) summary() {
	sh := w.n.Summary
	c := w.c
	base := c.Results[c.Baseline]
	lastCol := sFirstScenario + len(c.Results) - 1
	w.text(sh, 1, 1, w.t("export.xlsx.summary.title", "Comparison of {{.Count}} scenarios against {{.Baseline}}",
		"Count", len(c.Results), "Baseline", base.Scenario.Name), w.st.title)
	w.text(sh, 1, 2, w.t("export.xlsx.summary.note", "Issued {{.Date}}. Per year: the horizon total divided by the years of the horizon, so horizons of different lengths compare. "+
		"Change: scenario minus baseline, per year; green is better, red worse.", "Date", w.l.Date(c.Date)), w.st.note)
	widths := []float64{58, 15}
	titles := []string{w.t("export.xlsx.col.metric", "Metric"), w.t("export.xlsx.col.unit", "Unit")}
	// Columns and chart categories carry the short labels, which never
	// collide; the row below gives each scenario's full name.
	ss := make([]*model.Scenario, len(c.Results))
	for i, r := range c.Results {
		ss[i] = r.Scenario
	}
	for _, l := range model.DistinctLabels(ss, 0) {
		titles = append(titles, l)
		widths = append(widths, 17)
	}
	w.header(sh, summaryHeaderRow, 0, widths, titles...)
	row := summaryHeaderRow + 1
	w.text(sh, 1, row, w.t("export.xlsx.summary.name", "Scenario"), w.st.label)
	long := 1
	for i, r := range c.Results {
		w.text(sh, sFirstScenario+i, row, r.Scenario.Name, w.st.wrap)
		long = max(long, wrappedLines(r.Scenario.Name, 17))
	}
	w.fail(w.f.SetRowHeight(sh, row, float64(min(long, 6))*15))
	row++
	w.text(sh, 1, row, w.t("export.xlsx.summary.horizon", "Horizon"), w.st.label)
	for i, r := range c.Results {
		w.text(sh, sFirstScenario+i, row, r.Total.Label, 0)
	}
	row++
	w.text(sh, 1, row, w.t("export.xlsx.summary.years", "Years in the horizon"), w.st.label)
	yearsRow := row
	for i, r := range c.Results {
		w.number(sh, sFirstScenario+i, row, float64(r.YearCount()), w.st.integer)
	}
	row++
	names := make([]string, len(c.ParetoOn))
	for k, key := range c.ParetoOn {
		if m, ok := c.Row(key); ok {
			names[k] = strings.ToLower(w.metric(m))
		}
	}
	w.text(sh, 1, row, w.t("export.xlsx.summary.pareto", "Pareto-best (no other scenario is better on all of: {{.Criteria}})",
		"Criteria", strings.Join(names, "; ")), w.st.label)
	paretoRow := row
	row += 2

	// Horizon cells come last on the sheet but the per-year formulas of the
	// costs refer to them, so their rows are laid out first.
	perYear := map[string]int{}
	change := map[string]int{}
	horizon := map[string]int{}
	layout := func(dst map[string]int, start int) int {
		r := start + 1 // section heading
		for _, g := range c.Groups() {
			r++ // group heading
			for _, m := range c.Rows {
				if m.Group == g {
					dst[m.Key] = r
					r++
				}
			}
		}
		return r + 1
	}
	next := layout(perYear, row)
	next = layout(change, next)
	layout(horizon, next)

	section := func(title string, rows map[string]int, write func(m *plan.Row, i, row int)) {
		first := -1
		for _, r := range rows {
			if first < 0 || r < first {
				first = r
			}
		}
		w.text(sh, 1, first-2, title, w.st.title)
		for _, g := range c.Groups() {
			gr := -1
			for k := range c.Rows {
				m := &c.Rows[k]
				if m.Group != g {
					continue
				}
				r := rows[m.Key]
				if gr < 0 {
					gr = r - 1
					w.text(sh, 1, gr, w.t("metric.group."+labels.KeyOf(g), g), w.st.group)
					for col := 2; col <= lastCol; col++ {
						w.text(sh, col, gr, "", w.st.group)
					}
				}
				w.text(sh, 1, r, w.metric(m), w.st.label)
				w.text(sh, 2, r, w.unit(m.Unit), 0)
				for i := range c.Results {
					if m.Figures[i].Known {
						write(m, i, r)
					}
				}
			}
		}
	}
	costRow := func(i int, key string) (string, bool) {
		t := w.totals[i]
		if t.sheet == "" {
			return "", false
		}
		var r int
		switch key {
		case "cost.servicing":
			r = t.categories[cost.Servicing]
		case "cost.documentation":
			r = t.categories[cost.Documentation]
		case "cost.secretariat":
			r = t.categories[cost.Secretariat]
		case "cost.travel":
			r = t.categories[cost.Travel]
		case "cost.sponsorship":
			r = t.categories[cost.Sponsorship]
		case plan.KeyCostTotal:
			r = t.total
		case "cost.section_2":
			r = t.sections[cost.ConferenceManagement]
		case "cost.section_4":
			r = t.sections[cost.Disarmament]
		case "cost.section_28":
			r = t.sections[cost.PublicInformation]
		case "cost.outside_budget":
			r = t.sections[cost.Outside]
		case "cost.regular_budget":
			r = t.payers[cost.RegularBudget]
		case "cost.member_states":
			r = t.payers[cost.MemberStates]
		case "cost.voluntary_fund":
			r = t.payers[cost.VoluntaryFund]
		default:
			return "", false
		}
		return ref(t.sheet, cAmount, r), r > 0
	}
	section(w.t("export.xlsx.summary.per_year", "Average per year"), perYear, func(m *plan.Row, i, r int) {
		col := sFirstScenario + i
		if m.Aggregation == plan.Summed {
			w.formula(sh, col, r, fmt.Sprintf("%s/%s", cell(col, horizon[m.Key]), cell(col, yearsRow)), m.Figures[i].PerYear, w.st.figure(m.Decimals, m.Money))
			return
		}
		w.formula(sh, col, r, cell(col, horizon[m.Key]), m.Figures[i].PerYear, w.st.figure(m.Decimals, m.Money))
	})
	section(w.t("export.xlsx.summary.change", "Change per year against {{.Baseline}}", "Baseline", base.Scenario.Name), change, func(m *plan.Row, i, r int) {
		col := sFirstScenario + i
		if !m.Figures[c.Baseline].Known {
			return
		}
		bc := abs(sFirstScenario+c.Baseline, perYear[m.Key])
		w.formula(sh, col, r, fmt.Sprintf("%s-%s", cell(col, perYear[m.Key]), bc), m.Figures[i].DeltaPerYear, w.st.change(m.Decimals, m.Money))
	})
	section(w.t("export.xlsx.summary.horizon_totals", "Horizon totals"), horizon, func(m *plan.Row, i, r int) {
		col := sFirstScenario + i
		if m.Money {
			if src, ok := costRow(i, m.Key); ok {
				w.formula(sh, col, r, src, m.Figures[i].Horizon, w.st.figure(m.Decimals, true))
				return
			}
		}
		w.number(sh, col, r, m.Figures[i].Horizon, w.st.figure(m.Decimals, m.Money))
	})
	for k := range c.Rows {
		m := &c.Rows[k]
		if m.Better == plan.Neutral {
			continue
		}
		good, bad := ">", "<"
		if m.Better == plan.LowerIsBetter {
			good, bad = "<", ">"
		}
		limit := 0.0005
		rng := cell(sFirstScenario, change[m.Key]) + ":" + cell(lastCol, change[m.Key])
		w.fail(w.f.SetConditionalFormat(sh, rng, []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: good, Value: fmt.Sprint(map[string]float64{"<": -limit, ">": limit}[good]), Format: &w.st.better},
			{Type: "cell", Criteria: bad, Value: fmt.Sprint(map[string]float64{"<": -limit, ">": limit}[bad]), Format: &w.st.worse},
		}))
	}
	w.pareto(paretoRow, perYear)
	w.charts(lastCol, perYear, maxRow(horizon)+3)
}

// pareto writes the Pareto row as formulas on the per-year rows of its
// criteria, with the engine's tolerance (figures within a millionth are
// equal): 1 where no other scenario is at least as good on all and
// better on one, shown as yes or no.
func (w *workbook) pareto(row int, perYear map[string]int) {
	sh := w.n.Summary
	c := w.c
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	yes, no := w.t("export.yes", "yes"), w.t("export.no", "no")
	format := q(yes) + ";" + q(yes) + ";" + q(no)
	style, err := w.f.NewStyle(&excelize.Style{CustomNumFmt: &format, Alignment: &excelize.Alignment{Horizontal: "right"}})
	w.fail(err)
	for i := range c.Results {
		var beaten []string
		for j := range c.Results {
			if j == i {
				continue
			}
			var noWorse, better []string
			for _, key := range c.ParetoOn {
				x, y := abs(sFirstScenario+j, perYear[key]), abs(sFirstScenario+i, perYear[key])
				tol := fmt.Sprintf("1E-6*MAX(ABS(%s),ABS(%s))", x, y)
				noWorse = append(noWorse, fmt.Sprintf("%s<=%s+%s", x, y, tol))
				better = append(better, fmt.Sprintf("%s<%s-%s", x, y, tol))
			}
			if len(better) > 0 {
				beaten = append(beaten, "AND("+strings.Join(noWorse, ",")+",OR("+strings.Join(better, ",")+"))")
			}
		}
		f := "1"
		if len(beaten) > 0 {
			f = "IF(OR(" + strings.Join(beaten, ",") + "),0,1)"
		}
		w.formula(sh, sFirstScenario+i, row, f, b01(c.Pareto[i]), style)
	}
}

func maxRow(rows map[string]int) int {
	m := 0
	for _, r := range rows {
		m = max(m, r)
	}
	return m
}

// charts adds the Summary's native charts below the table: cost a year by
// budget section, meeting days a year and night hours a year.
func (w *workbook) charts(lastCol int, perYear map[string]int, row int) {
	sh := w.n.Summary
	categories := fmt.Sprintf("%s!%s:%s", quote(sh), abs(sFirstScenario, summaryHeaderRow), abs(lastCol, summaryHeaderRow))
	series := func(key string) (excelize.ChartSeries, bool) {
		r, ok := perYear[key]
		if !ok {
			return excelize.ChartSeries{}, false
		}
		return excelize.ChartSeries{
			Name:       ref(sh, 1, r),
			Categories: categories,
			Values:     fmt.Sprintf("%s!%s:%s", quote(sh), abs(sFirstScenario, r), abs(lastCol, r)),
		}, true
	}
	height := uint(200 + 26*len(w.c.Results))
	dark := excelize.Font{Color: chartText, Size: 9}
	no := false
	add := func(title string, typ excelize.ChartType, format string, keys ...string) {
		ch := &excelize.Chart{
			Type:       typ,
			Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Color: chartText, Size: 12, Bold: true}}}},
			Dimension:  excelize.ChartDimension{Width: 900, Height: height},
			Legend:     excelize.ChartLegend{Position: "bottom", Font: &dark},
			XAxis:      excelize.ChartAxis{ReverseOrder: true, Font: dark},
			YAxis:      excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: format}, Font: dark},
			VaryColors: &no, // one colour per series, not per bar
		}
		if len(keys) == 1 {
			ch.Legend.Position = "none"
		}
		for _, k := range keys {
			if s, ok := series(k); ok {
				ch.Series = append(ch.Series, s)
			}
		}
		if len(ch.Series) == 0 {
			return
		}
		for k := range ch.Series {
			ch.Series[k].Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{seriesColours[k%len(seriesColours)]}}
		}
		w.fail(w.f.AddChart(sh, cell(1, row), ch))
		// The next chart starts below this one even where rows are drawn
		// shorter than Excel's 20 pixels (LibreOffice: about 17).
		row += int(height)/16 + 3
		w.chartEnd = row
	}
	add(w.t("export.chart.cost_by_section", "Cost a year by budget section (USD)"), excelize.BarStacked, fmtMoney,
		"cost.section_2", "cost.section_4", "cost.section_28", "cost.outside_budget")
	add(w.t("export.chart.meeting_days", "Meeting days a year"), excelize.Bar, fmtOne, plan.KeyMeetingDays)
	add(w.t("export.chart.night_hours", "Night hours a year, summed over the 193 delegations"), excelize.Bar, fmtInteger, plan.KeyNightHours)
}

// chartText is the charts' text colour: dark, legible on white.
const chartText = "262626"

// seriesColours give each series of a chart its one colour (UN blue
// first), distinct on screen and in grey print.
var seriesColours = []string{"1F4E79", "E07B39", "70AD47", "7F7F7F", "FFC000", "5B9BD5"}

// wrappedLines is how many lines a text takes in a column about width
// characters wide.
func wrappedLines(s string, width int) int {
	n := 0
	for _, part := range strings.Split(s, "\n") {
		n += max(1, (len([]rune(part))+width-1)/max(width, 1))
	}
	return n
}

// metric is a metric's name in the workbook's language.
func (w *workbook) metric(m *plan.Row) string { return w.t("metric."+m.Key, m.Label) }

// unit is a metric's or a rate's unit in the workbook's language.
func (w *workbook) unit(u string) string {
	if u == "" {
		return u
	}
	return w.t(msg.Unit(u).Code, u)
}
