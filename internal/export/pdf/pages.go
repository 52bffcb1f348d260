package pdf

import (
	"fmt"
	"math"
	"strings"

	"mechplan/internal/burden"
	"mechplan/internal/chart"
	"mechplan/internal/export/labels"
	"mechplan/internal/model"
	"mechplan/internal/plan"
	"mechplan/internal/refdata"
)

// column is one column of the comparison table.
type column struct {
	title string
	width float64
	value func(i int) (text string, tone rgb)
}

// table is the one-page comparison: a row per scenario, per-year figures
// and their change against the baseline.
func (r *report) table() {
	p := r.pdf
	c := r.c
	base := c.Results[c.Baseline].Scenario.Name
	r.heading(r.t("export.pdf.glance.title", "Comparison at a glance"), r.t("export.pdf.glance.note", "Per year of each scenario's horizon; Δ is the change against {{.Baseline}}"+
		" (green better, red worse). Pareto-best: no other scenario is better on all of cost, meeting days and burden at once.", "Baseline", base))
	na := r.t("figure.na", "n/a")
	figure := func(key string, i int) (plan.Figure, *plan.Row, bool) {
		row, ok := c.Row(key)
		if !ok || !row.Figures[i].Known {
			return plan.Figure{}, nil, false
		}
		return row.Figures[i], row, true
	}
	plain := func(key string, decimals int) func(int) (string, rgb) {
		return func(i int) (string, rgb) {
			f, _, ok := figure(key, i)
			if !ok {
				return na, colourMuted
			}
			return r.l.Number(f.PerYear, decimals), colourText
		}
	}
	delta := func(key string, decimals int, money bool) func(int) (string, rgb) {
		return func(i int) (string, rgb) {
			f, row, ok := figure(key, i)
			if !ok || i == c.Baseline {
				return "", colourText
			}
			d := f.DeltaPerYear
			tone := colourText
			tol := 0.5 * math.Pow(10, -float64(decimals))
			if money {
				tol = 0.5
			}
			if math.Abs(d) >= tol && row.Better != plan.Neutral {
				if (d < 0) == (row.Better == plan.LowerIsBetter) {
					tone = colourBetter
				} else {
					tone = colourWorse
				}
			}
			if money {
				s := r.l.Money(d)
				if d > 0 {
					s = "+" + s
				}
				return s, tone
			}
			return r.signed(d, decimals), tone
		}
	}
	money := func(key string) func(int) (string, rgb) {
		return func(i int) (string, rgb) {
			f, _, ok := figure(key, i)
			if !ok {
				return na, colourMuted
			}
			return r.l.Money(f.PerYear), colourText
		}
	}
	// The short labels, which never collide: a full name cut to the
	// column would make two proposals read alike.
	ss := make([]*model.Scenario, len(c.Results))
	for i, res := range c.Results {
		ss[i] = res.Scenario
	}
	short := model.DistinctLabels(ss, 0)
	cols := []column{
		{r.t("export.pdf.col.scenario", "Scenario"), 40, func(i int) (string, rgb) { return short[i], colourText }},
		{r.t("export.pdf.col.horizon", "Horizon"), 20, func(i int) (string, rgb) { return c.Results[i].Total.Label, colourText }},
		{r.t("export.pdf.col.meeting_days", "Meeting days a year"), 17, plain(plan.KeyMeetingDays, 1)},
		{r.t("export.pdf.col.delta_days", "Δ days"), 14, delta(plan.KeyMeetingDays, 1, false)},
		{r.t("export.pdf.col.blocks", "Blocks (trips) a year"), 20, plain("blocks", 1)},
		{r.t("export.pdf.col.max_parallel", "Most bodies at once"), 20, plain("max_parallel", 0)},
		{r.t("export.pdf.col.night_hours", "Night hours a year"), 18, plain(plan.KeyNightHours, 0)},
		{r.t("export.pdf.col.delta_night", "Δ night hours"), 16, delta(plan.KeyNightHours, 0, false)},
		{r.t("export.pdf.col.hit_by_night", "Hit at night (of 193)"), 19, plain("burden.hit_by_night", 0)},
		{r.t("export.pdf.col.cost", "Full cost a year"), 21, money(plan.KeyCostTotal)},
		{r.t("export.pdf.col.delta_cost", "Δ cost"), 24, delta(plan.KeyCostTotal, 0, true)},
		{r.t("export.pdf.col.sponsorship", "Sponsorship a year"), 23, money("cost.sponsorship")},
		{r.t("export.pdf.col.pareto", "Pareto- best"), 17, func(i int) (string, rgb) {
			if c.Pareto[i] {
				return r.t("export.yes", "yes"), colourBetter
			}
			return "", colourText
		}},
	}
	// Header: wrapped titles on a blue band. A title with a word wider
	// than its column (French and Spanish run longer than the English the
	// widths were fitted to) takes a smaller size, and the band grows
	// when a title needs more than three lines.
	y := p.GetY()
	r.fill(colourHeader)
	p.Rect(margin, y, contentW, 12, "F")
	r.bold(7)
	// SetFont writes to the page even when nothing changes, so the size is
	// set only when it does: the English report stays byte for byte.
	cur := 7.0
	size := func(pt float64) {
		if pt != cur {
			r.bold(pt)
			cur = pt
		}
	}
	sizes := make([]float64, len(cols))
	heads := make([][]string, len(cols))
	bandH := 12.0
	for k, col := range cols {
		sizes[k] = 7
		for sizes[k] > minPt {
			size(sizes[k])
			fits := true
			for _, word := range words(col.title) {
				if p.GetStringWidth(word) > col.width-2-2*p.GetCellMargin() {
					fits = false
				}
			}
			if fits {
				break
			}
			sizes[k] -= 0.25
		}
		size(sizes[k])
		heads[k] = splitText(p, col.title, col.width-2)
		bandH = max(bandH, lineH(sizes[k])*float64(len(heads[k]))+2)
	}
	if bandH > 12 {
		p.Rect(margin, y+12, contentW, bandH-12, "F")
	}
	r.colour(rgb{255, 255, 255})
	x := margin
	for k, col := range cols {
		size(sizes[k])
		lh := lineH(sizes[k])
		lines := heads[k]
		ly := y + (bandH-lh*float64(len(lines)))/2
		for _, l := range lines {
			p.SetXY(x+1, ly)
			align := "R"
			if k < 2 {
				align = "L"
			}
			p.CellFormat(col.width-2, lh, l, "", 0, align, false, 0, "")
			ly += lh
		}
		x += col.width
	}
	y += bandH
	rowH := math.Min(7, (pageH-30-y)/float64(len(c.Results)))
	for i := range c.Results {
		if i%2 == 1 {
			r.fill(colourBand)
			p.Rect(margin, y, contentW, rowH, "F")
		}
		x := margin
		for k, col := range cols {
			text, tone := col.value(i)
			r.colour(tone)
			if k == 0 && i == c.Baseline || k == len(cols)-1 {
				r.bold(7.5)
			} else {
				r.text(7.5)
			}
			align := "R"
			if k < 2 {
				align = "L"
			}
			p.SetXY(x+1, y)
			p.CellFormat(col.width-2, rowH, r.fit(text, col.width-2), "", 0, align, false, 0, "")
			x += col.width
		}
		y += rowH
	}
	r.draw(colourRule)
	p.Line(margin, y, pageW-margin, y)
	r.text(7.5)
	r.colour(colourMuted)
	p.SetXY(margin, y+2)
	multiCell(p, contentW, 3.8, r.t("export.pdf.glance.footnote", "Night hours: hours of meetings open to remote participation that fall between 00:00 and 06:00 at each capital, on each meeting's date, summed over the 193 delegations. "+
		"Cost: conference servicing, documentation, Secretariat staff, delegation travel and sponsorship, at the rates listed in the appendix. "+
		"Most bodies at once: the smallest delegation that can cover every meeting.")+r.inRoomNote(), "L")
}

// minPt is the smallest text the report prints.
const minPt = 6

// lineH is the line height of a table header title at size pt.
func lineH(size float64) float64 { return 3.2 * size / 7 }

// comparisonCharts puts the comparison's bar charts on one page.
func (r *report) comparisonCharts() {
	c := r.c
	r.heading(r.t("export.pdf.side.title", "Side by side"), r.t("export.pdf.side.note", "Averages per year of each horizon; the baseline's bar is grey."))
	y := r.pdf.GetY()
	h := pageH - y - 20
	half := (contentW - 8) / 2
	if b, ok := chart.CostPerYearBySection(c); ok {
		r.bars(r.costBySection(b), margin, y, half, h)
	}
	if b, ok := chart.MeetingDaysPerYear(c); ok {
		r.bars(r.perYear(b, "chart.meeting_days.title", plan.KeyMeetingDays, 1), margin+half+8, y, half, h/2-3)
	}
	if b, ok := chart.NightHoursPerYear(c); ok {
		r.bars(r.perYear(b, "chart.night_hours.title", plan.KeyNightHours, 0), margin+half+8, y+h/2+3, half, h/2-3)
	}
}

// scenario writes a scenario's pages: calendar and cost, then burden.
func (r *report) scenario(i int) {
	p := r.pdf
	res := r.c.Results[i]
	s := res.Scenario
	sub := res.Total.Label
	if s.Proponent != "" {
		sub += " · " + r.t("export.pdf.scenario.proposed_by", "proposed by {{.Proponent}}", "Proponent", s.Proponent)
	}
	if s.Description != "" {
		sub += " · " + s.Description
	}
	r.heading(s.Name, r.fitLines(sub, contentW, 2))
	y := p.GetY()
	t := r.localTimeline(chart.CalendarTimeline(res))
	// The cost chart and key figures below need about 72 mm.
	th := math.Min(12+float64(len(t.Years))*4+float64(lanes(t))*5.5, pageH-18-72-6-y)
	r.timeline(t, margin, y, contentW, th)
	y += th + 6
	h := pageH - y - 16
	if b, ok := chart.CostBreakdown(res); ok {
		r.bars(r.costBreakdown(b), margin, y, contentW*0.58, h)
	}
	r.keyFigures(i, margin+contentW*0.58+8, y, contentW*0.42-8)

	if res.Burden == nil || len(res.Burden.Counted) == 0 {
		return
	}
	r.heading(r.t("export.pdf.burden.title", "{{.Scenario}}: time-zone burden", "Scenario", s.Name), r.burdenNote(i))
	y = p.GetY()
	strip, hasStrip := chart.BurdenAroundTheClock(r.c.Ref, res)
	strip.Title = r.t("export.pdf.chart.heat", strip.Title)
	strip.Unit = r.unit(strip.Unit)
	h = pageH - y - 20
	hasStrip = hasStrip && strip.Max > 0
	if hasStrip {
		h -= 26
	}
	half := (contentW - 8) * 0.45
	if b, ok := chart.BurdenByGroup(res); ok {
		r.bars(r.burdenByGroup(b, res), margin, y, half, h)
	}
	if b, ok := chart.MostBurdened(res, mostBurdened); ok {
		if len(b.Categories) == 0 {
			r.note(margin+half+8, y+10, contentW-half-8, r.t("export.pdf.burden.none", "No delegation has any meeting hour at night or at unsociable hours: every session is in person, or held at hours that suit every capital."))
		} else {
			r.bars(r.mostBurdened(b, res), margin+half+8, y, contentW-half-8, h)
		}
	}
	if hasStrip {
		r.heat(strip, margin, y+h+6, contentW, 18)
	}
}

func lanes(t chart.Timeline) int {
	n := 0
	for _, y := range t.Years {
		n += max(len(y.Lanes), 1)
	}
	return n
}

// fitLines cuts text to the lines that fit at the current font.
func (r *report) fitLines(s string, w float64, n int) string {
	r.text(9)
	lines := splitText(r.pdf, s, w)
	if len(lines) <= n {
		return s
	}
	return strings.Join(lines[:n-1], " ") + " " + r.fit(lines[n-1]+" …", w)
}

func (r *report) burdenNote(i int) string {
	b := r.c.Results[i].Burden
	bands := make([]string, len(b.Bands))
	for k, band := range b.Bands {
		bands[k] = fmt.Sprintf("%s %s–%s ×%g", r.l.Text("band."+labels.KeyOf(band.Name), band.Name), burden.Clock(band.From), burden.Clock(band.To), band.Weight)
	}
	counted := r.t("export.burden.counted_remote", "meetings open to remote participation")
	if b.AllMeetings {
		counted = r.t("export.pdf.burden.counted_all", "all meetings")
	}
	return r.t("export.pdf.burden.note", "Local clock at each capital on each meeting's date, for {{.Count}} {{.Counted}}; bands {{.Bands}}. Score: hours in a band × its weight.",
		"Count", fmt.Sprint(len(b.Counted)), "Counted", counted, "Bands", strings.Join(bands, ", ")) + labels.HybridAttendance(r.l, r.c.Results[i])
}

func (r *report) note(x, y, w float64, s string) {
	r.noteWithin(x, y, w, s, footerY-1)
}

// noteWithin writes a note that ends above bottom (the footer): a
// smaller size, down to minPt, then the last line cut, never into it.
func (r *report) noteWithin(x, y, w float64, s string, bottom float64) float64 {
	p := r.pdf
	r.colour(colourMuted)
	var lines []string
	size, lh := 8.5, 4.5
	for {
		r.text(size)
		lines = splitText(p, s, w)
		if y+float64(len(lines))*lh <= bottom || size <= minPt {
			break
		}
		size -= 0.5
		lh = 4.5 * size / 8.5
	}
	for k, l := range lines {
		if y+float64(k+1)*lh > bottom {
			break
		}
		if k+1 < len(lines) && y+float64(k+2)*lh > bottom {
			l = r.fit(l+" "+strings.Join(lines[k+1:], " "), w)
		}
		p.SetXY(x, y+float64(k)*lh)
		p.CellFormat(w, lh, l, "", 0, "L", false, 0, "")
	}
	r.colour(colourText)
	return y + float64(len(lines))*lh
}

// keyFigures lists a scenario's headline figures next to its cost chart.
func (r *report) keyFigures(i int, x, y, w float64) {
	p := r.pdf
	c := r.c
	r.bold(9.5)
	r.colour(colourHeader)
	p.SetXY(x, y)
	p.CellFormat(w, 6, r.fit(r.t("export.pdf.key_figures", "Key figures, per year (horizon total)"), w), "", 1, "L", false, 0, "")
	y += 8
	group := ""
	for _, key := range keyFigures {
		row, ok := c.Row(key)
		if !ok || !row.Figures[i].Known {
			continue
		}
		f := row.Figures[i]
		if row.Group != group {
			group = row.Group
			r.bold(7.5)
			r.colour(colourText)
			p.SetXY(x, y+0.8)
			p.CellFormat(w, 4, r.fit(r.t("metric.group."+labels.KeyOf(group), group), w), "", 0, "L", false, 0, "")
			y += 5
		}
		r.text(7)
		r.colour(colourText)
		p.SetXY(x+2, y)
		p.CellFormat(w*0.62, 3.7, r.fit(r.t("metric."+row.Key, row.Label), w*0.62-2), "", 0, "L", false, 0, "")
		val, tot := r.l.Number(f.PerYear, row.Decimals), r.l.Number(f.Horizon, row.Decimals)
		if row.Money {
			val, tot = r.l.Money(f.PerYear), r.l.Money(f.Horizon)
		}
		if row.Aggregation == plan.Peak {
			tot = ""
		} else {
			tot = "(" + tot + ")"
		}
		p.CellFormat(w*0.17, 3.7, val, "", 0, "R", false, 0, "")
		r.colour(colourMuted)
		p.CellFormat(w*0.19, 3.7, tot, "", 0, "R", false, 0, "")
		y += 3.8
	}
	if b := c.Results[i].Burden; b != nil && len(b.Counted) == 0 {
		note := r.t("export.pdf.key_figures.no_remote", "No meeting is open to remote participation: capital-based experts travel, and no delegation follows a session at night.")
		if hybrid := labels.HybridAttendance(r.l, c.Results[i]); hybrid != "" {
			note = strings.TrimSpace(hybrid)
		}
		y = r.noteWithin(x, y+1, w, note, footerY-1)
	}
	if n := len(c.Results[i].Conflicts) + c.Results[i].MoreConflicts; n > 0 {
		r.note(x, y+1, w, r.t("export.pdf.key_figures.conflicts", "{{.Count}} calendar conflicts, the first: {{.First}}", "Count", fmt.Sprint(n), "First", r.fit(c.Results[i].Conflicts[0].Message, w*1.8)))
	}
}

// keyFigures are the rows the key-figure panel shows, in order.
var keyFigures = []string{plan.KeyMeetingDays, "meetings", "blocks", "max_parallel",
	plan.KeyNightHours, plan.KeyBurdenScore, "burden.worst_score", "burden.hit_by_night",
	plan.KeyCostTotal, "cost.additional_requirement", "cost.regular_budget", "cost.member_states", "cost.voluntary_fund"}

// assumptions is the appendix: every rate with its unit, source and
// date; of the yearly exchange rates, those of the estimates' price years.
func (r *report) assumptions() {
	p := r.pdf
	c := r.c
	if c.Ref == nil {
		return
	}
	inForce := map[string]bool{}
	for _, res := range c.Results {
		if res.Cost == nil {
			continue
		}
		for _, l := range res.Cost.Lines {
			for _, k := range l.Uses {
				if strings.HasPrefix(k, refdata.FXPrefix) {
					inForce[k] = true
				}
			}
		}
		for _, cur := range c.Ref.FXCurrencies() {
			inForce[res.Cost.Assumptions.ExchangeKey(cur)] = true
		}
	}
	placeholder := r.t("export.placeholder", "PLACEHOLDER")
	r.heading(r.t("export.pdf.appendix.title", "Appendix: assumptions and sources"), r.t("export.pdf.appendix.note", "Every rate the estimates use, as shipped with Mechplan. {{.Placeholder}}: no published figure confirms the value.", "Placeholder", placeholder))
	cols := []float64{52, 26, 30, 18, contentW - 52 - 26 - 30 - 18}
	head := []string{r.t("export.col.assumption", "Assumption"), r.t("export.col.value", "Value"), r.t("export.pdf.col.unit", "Unit"),
		r.t("export.col.as_of", "As of"), r.t("export.col.source", "Source")}
	header := func() { r.tableHeader(cols, head) }
	header()
	for _, rate := range c.Ref.Rates {
		if strings.HasPrefix(rate.Key, refdata.FXPrefix) && !inForce[rate.Key] {
			continue
		}
		r.text(6.8)
		src := rate.Source
		if rate.Placeholder {
			src = placeholder + ". " + rate.SourceAfterMark()
		}
		label := splitText(p, r.t("rate."+rate.Key, rate.Label)+" ("+rate.Key+")", cols[0]-2)
		source := splitText(p, src, cols[4]-2)
		n := max(len(label), len(source))
		h := float64(n)*3 + 1.5
		if p.GetY()+h > pageH-18 {
			p.AddPage()
			p.SetY(margin)
			header()
			r.text(6.8) // the header leaves its bold face set
		}
		y := p.GetY()
		x := margin
		r.colour(colourText)
		for k, l := range label {
			p.SetXY(x+1, y+float64(k)*3)
			p.CellFormat(cols[0]-2, 3, l, "", 0, "L", false, 0, "")
		}
		x += cols[0]
		p.SetXY(x+1, y)
		value := r.value(rate.Value, rate.Unit)
		if rate.Placeholder {
			r.colour(colourWorse)
			r.bold(6.8)
		}
		p.CellFormat(cols[1]-2, 3, value, "", 0, "R", false, 0, "")
		r.text(6.8)
		r.colour(colourText)
		x += cols[1]
		p.SetXY(x+1, y)
		p.CellFormat(cols[2]-2, 3, r.fit(strings.TrimSpace(r.unit(rate.Unit)), cols[2]-2), "", 0, "L", false, 0, "")
		x += cols[2]
		p.SetXY(x+1, y)
		p.CellFormat(cols[3]-2, 3, r.fit(rate.AsOf, cols[3]-2), "", 0, "L", false, 0, "")
		x += cols[3]
		r.colour(colourMuted)
		for k, l := range source {
			p.SetXY(x+1, y+float64(k)*3)
			p.CellFormat(cols[4]-2, 3, l, "", 0, "L", false, 0, "")
		}
		r.draw(colourGrid)
		p.Line(margin, y+h-0.5, pageW-margin, y+h-0.5)
		p.SetY(y + h)
	}
}

// value writes an assumption's value: a year as a year (2026, never
// 2,026), any other figure with the decimals it needs.
func (r *report) value(v float64, unit string) string {
	if unit == "year" && v == math.Trunc(v) {
		return fmt.Sprint(int(v))
	}
	return r.l.Number(v, decimals(v))
}

// overrides is the appendix of what each scenario assumed differently
// from the shipped rates: its value, unit, source and date, and the
// default it replaced, so every figure of the report can be traced.
func (r *report) overrides() {
	p := r.pdf
	type row struct {
		scenario, assumption, value, unit, replaced, asOf, source string
	}
	var rows []row
	for _, res := range r.c.Results {
		if res.Cost == nil || res.Cost.Assumptions == nil {
			continue
		}
		a := res.Cost.Assumptions
		for _, key := range a.Overridden() {
			v, ok := a.Get(key)
			if !ok {
				continue
			}
			src := strings.TrimSpace(v.OverrideSource + " " + v.OverrideNote)
			if src == "" {
				src = r.t("export.pdf.overrides.no_source", "no source given")
			}
			rows = append(rows, row{res.Scenario.Label(), r.t("rate."+key, v.Label) + " (" + key + ")",
				r.value(v.Value, v.Unit), strings.TrimSpace(r.unit(v.Unit)), r.value(v.Default, v.Unit), v.OverrideAsOf, src})
		}
	}
	r.heading(r.t("export.pdf.overrides.title", "Appendix: what each scenario assumed"),
		r.t("export.pdf.overrides.note", "The values the scenarios set in place of the shipped rates, and the default each replaced. Every figure of the report uses them."))
	if len(rows) == 0 {
		r.text(9)
		p.SetX(margin)
		p.MultiCell(contentW, 4.5, r.t("export.pdf.overrides.none", "No scenario changes a shipped rate."), "", "L", false)
		return
	}
	cols := []float64{30, 56, 22, 26, 22, 18, contentW - 30 - 56 - 22 - 26 - 22 - 18}
	head := []string{r.t("export.pdf.col.scenario", "Scenario"), r.t("export.col.assumption", "Assumption"), r.t("export.col.value", "Value"),
		r.t("export.pdf.col.unit", "Unit"), r.t("export.pdf.col.replaced", "Default replaced"), r.t("export.col.as_of", "As of"), r.t("export.col.source", "Source")}
	header := func() { r.tableHeader(cols, head) }
	header()
	for _, o := range rows {
		r.text(6.8)
		cells := [][]string{splitText(p, o.scenario, cols[0]-2), splitText(p, o.assumption, cols[1]-2), {o.value},
			splitText(p, o.unit, cols[3]-2), {o.replaced}, {r.fit(o.asOf, cols[5]-2)}, splitText(p, o.source, cols[6]-2)}
		n := 1
		for _, c := range cells {
			n = max(n, len(c))
		}
		h := float64(n)*3 + 1.5
		if p.GetY()+h > pageH-18 {
			p.AddPage()
			p.SetY(margin)
			header()
			r.text(6.8) // the header leaves its bold face set
		}
		y := p.GetY()
		x := margin
		for k, c := range cells {
			r.colour(colourText)
			if k == 6 {
				r.colour(colourMuted)
			}
			align := "L"
			if k == 2 || k == 4 {
				align = "R"
			}
			for j, l := range c {
				p.SetXY(x+1, y+float64(j)*3)
				p.CellFormat(cols[k]-2, 3, l, "", 0, align, false, 0, "")
			}
			x += cols[k]
		}
		r.draw(colourGrid)
		p.Line(margin, y+h-0.5, pageW-margin, y+h-0.5)
		p.SetY(y + h)
	}
}

// decimals is how many decimals a rate needs (0.068 needs 3).
func decimals(v float64) int {
	for d := 0; d < 6; d++ {
		if math.Abs(v*math.Pow(10, float64(d))-math.Round(v*math.Pow(10, float64(d)))) < 1e-9 {
			return d
		}
	}
	return 6
}

// delegations is the appendix that sets the scenarios side by side for
// each of the 193 delegations: night hours a year at its capital, so a
// delegation finds its own row.
func (r *report) delegations() {
	p := r.pdf
	c := r.c
	var withBurden []int
	for i, res := range c.Results {
		if res.Burden != nil {
			withBurden = append(withBurden, i)
		}
	}
	if len(withBurden) == 0 {
		return
	}
	first := c.Results[withBurden[0]].Burden
	nameW, groupW := 52.0, 30.0
	colW := math.Min(16, (contentW-nameW-groupW)/float64(len(withBurden)))
	sub := r.t("export.pdf.delegations.note", "Hours a year of meetings open to remote participation that fall at night (00:00–06:00 by default) at the capital, on each meeting's date. "+
		"Columns follow the scenario numbers of the cover; a dot: no night hours.")
	delegation, group := r.t("export.pdf.col.delegation", "Delegation"), r.t("export.col.regional_group", "Regional group")
	header := func() {
		y := p.GetY()
		r.fill(colourHeader)
		p.Rect(margin, y, nameW+groupW+colW*float64(len(withBurden)), 6, "F")
		r.bold(7)
		r.colour(rgb{255, 255, 255})
		p.SetXY(margin+1, y)
		p.CellFormat(nameW-1, 6, delegation, "", 0, "L", false, 0, "")
		p.CellFormat(groupW, 6, r.fit(group, groupW-1), "", 0, "L", false, 0, "")
		for _, i := range withBurden {
			p.CellFormat(colW, 6, itoa(i+1), "", 0, "R", false, 0, "")
		}
		p.SetY(y + 6.5)
	}
	r.heading(r.t("export.pdf.delegations.title", "Appendix: night hours a year by delegation"), sub)
	header()
	const rowH = 2.95
	for d := range first.Delegations {
		if p.GetY()+rowH > pageH-18 {
			p.AddPage()
			p.SetY(margin)
			header()
		}
		y := p.GetY()
		if d%2 == 1 {
			r.fill(colourBand)
			p.Rect(margin, y, nameW+groupW+colW*float64(len(withBurden)), rowH, "F")
		}
		del := &first.Delegations[d]
		r.text(6.5)
		r.colour(colourText)
		p.SetXY(margin+1, y)
		p.CellFormat(nameW-1, rowH, r.fit(r.t(labels.StatePrefix+del.ISO3, del.Name), nameW-2), "", 0, "L", false, 0, "")
		r.colour(colourMuted)
		p.CellFormat(groupW, rowH, r.fit(r.t("group.short."+labels.KeyOf(del.Group), del.Group), groupW-1), "", 0, "L", false, 0, "")
		r.colour(colourText)
		for _, i := range withBurden {
			res := c.Results[i]
			v := "·"
			if d < len(res.Burden.Delegations) {
				if m := res.Burden.Delegations[d].NightMinutes; m > 0 {
					v = r.l.Number(float64(m)/60/float64(res.YearCount()), 1)
				}
			}
			p.CellFormat(colW, rowH, v, "", 0, "R", false, 0, "")
		}
		p.SetY(y + rowH)
	}
}

// tableHeader draws the white-on-blue heading row of a full-width table
// whose columns are cols wide (mm), each heading cut to fit its column.
func (r *report) tableHeader(cols []float64, head []string) {
	p := r.pdf
	y := p.GetY()
	r.fill(colourHeader)
	p.Rect(margin, y, contentW, 6, "F")
	r.bold(7.5)
	r.colour(rgb{255, 255, 255})
	x := margin
	for k, h := range head {
		p.SetXY(x+1, y)
		p.CellFormat(cols[k]-2, 6, r.fit(h, cols[k]-2), "", 0, "L", false, 0, "")
		x += cols[k]
	}
	p.SetY(y + 7)
}
