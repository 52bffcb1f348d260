package ui

import (
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/i18n"
	"mechplan/internal/plan"
)

// Figure is one line of the results panel: a metric of the active scenario,
// the baseline's, and the change. Every value is the engine's; the panel
// only formats it.
type Figure struct {
	// Value is over the horizon; PerYear, Baseline and Change are a
	// year's average, the figure to set against a baseline of another
	// length.
	Metric, Value, PerYear, Baseline, Change string
}

// ResultsView is the results panel's view model.
type ResultsView struct {
	Title   string
	Horizon string
	// Period is the scenario's years ("2026–2030"), which the columns
	// name: the horizon's total and a year's average over it.
	Period string
	// Stale explains why the figures are an earlier result's.
	Stale    string
	Figures  []Figure
	Years    [][]string // year, meeting days, meetings, blocks, max parallel
	Conflict []string
}

// Results builds the results panel for the active document.
func (w *Workspace) Results() ResultsView {
	d := w.Active
	if d == nil {
		return ResultsView{Title: i18n.T("results.none")}
	}
	v := ResultsView{Title: strings.TrimPrefix(d.Title(), "● ")}
	switch {
	case d.Result == nil && !d.Valid():
		v.Stale = i18n.N("results.no_result", len(d.Problems)+errCount(d.Failure))
		return v
	case d.Stale():
		v.Stale = i18n.N("results.stale", len(d.Problems)+errCount(d.Failure))
	}
	r := d.Result
	var base *plan.Result
	if w.Baseline != nil && w.Baseline != d {
		base = w.Baseline.Result
	}
	results := []*plan.Result{r}
	if base != nil {
		results = append(results, base)
	}
	c, err := plan.Compare(w.Ref, results, len(results)-1, time.Now())
	if err != nil {
		v.Stale = err.Error()
		return v
	}
	v.Horizon = r.Total.Label
	v.Period = r.Total.Label
	if base != nil {
		v.Horizon = i18n.T("results.horizon_against", "Horizon", r.Total.Label, "Baseline", w.Baseline.Scenario.Name, "BaselineHorizon", base.Total.Label)
	}
	v.Figures = comparisonFigures(c)
	for _, y := range r.Years {
		v.Years = append(v.Years, []string{y.Label, count(y.MeetingDays), count(y.Meetings), count(y.Blocks), count(y.MaxParallel)})
	}
	for _, c := range r.Conflicts {
		v.Conflict = append(v.Conflict, c.Date+": "+message(c.Msg))
	}
	if r.MoreConflicts > 0 {
		v.Conflict = append(v.Conflict, i18n.T("results.more_conflicts", "N", r.MoreConflicts, "Max", len(r.Conflicts)))
	}
	return v
}

func errCount(err error) int {
	if err != nil {
		return 1
	}
	return 0
}

// comparisonFigures lists every metric of the engine's comparison of the
// active scenario (index 0) against the baseline (index 1, when given).
func comparisonFigures(c *plan.Comparison) []Figure {
	var out []Figure
	for _, row := range c.Rows {
		f := row.Figures[0]
		na := i18n.T("figure.na")
		fig := Figure{Metric: metricLabel(row.Metric), Value: na, PerYear: na}
		if f.Known {
			fig.Value, fig.PerYear = formatTotal(row.Metric, f.Horizon), formatFigure(row.Metric, f.PerYear)
		}
		if len(row.Figures) > 1 {
			b := row.Figures[1]
			if b.Known {
				fig.Baseline = formatFigure(row.Metric, b.PerYear)
			}
			if f.Known && b.Known {
				fig.Change = signedFigure(row.Metric, f.DeltaPerYear)
			}
		}
		out = append(out, fig)
	}
	return out
}

// formatFigure writes a comparison figure in its metric's unit.
func formatFigure(m plan.Metric, v float64) string {
	if m.Money {
		return money(v)
	}
	return number(v, m.Decimals)
}

// formatTotal writes a horizon total: counts of days and meetings are
// whole over a horizon, so they carry no decimals there, while their
// yearly averages keep the metric's.
func formatTotal(m plan.Metric, v float64) string {
	if !m.Money && v == math.Trunc(v) {
		return number(v, 0)
	}
	return formatFigure(m, v)
}

func signedFigure(m plan.Metric, v float64) string {
	if m.Money {
		return i18n.F().Signed(v, 0)
	}
	return i18n.F().Signed(v, m.Decimals)
}

func oneDecimal(f float64) string { return number(f, 1) }

// resultsScreen is the panel beside the editor.
type resultsScreen struct {
	ws      *Workspace
	view    ResultsView
	title   *widget.Label
	stale   *widget.Label
	figures *widget.Table
	years   *widget.Table
	conf    *widget.Label
	content fyne.CanvasObject
	// warned says whether a warning was shown at the last refresh.
	warned bool
}

func figureHeader(period string) []string {
	total, year := i18n.T("results.col.horizon"), i18n.T("results.col.year")
	if period != "" {
		total, year = i18n.T("results.col.total_of", "Horizon", period), i18n.T("results.col.year_of", "Horizon", period)
	}
	return []string{i18n.T("results.col.figure"), total, year, i18n.T("results.col.baseline"), i18n.T("results.col.change")}
}

func yearHeader() []string {
	return []string{i18n.T("results.col.calendar_year"), i18n.T("results.col.meeting_days"), i18n.T("results.col.meetings"), i18n.T("results.col.blocks"), i18n.T("results.col.max_parallel")}
}

func newResultsScreen(ws *Workspace) *resultsScreen {
	r := &resultsScreen{ws: ws}
	r.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.stale = widget.NewLabel("")
	r.stale.Importance = widget.WarningImportance
	r.stale.Wrapping = fyne.TextWrapWord
	r.conf = widget.NewLabel("")
	r.conf.Wrapping = fyne.TextWrapWord
	r.conf.Importance = widget.DangerImportance
	r.figures = newTextTable(func() [][]string {
		rows := [][]string{figureHeader(r.view.Period)}
		for _, f := range r.view.Figures {
			rows = append(rows, []string{f.Metric, f.Value, f.PerYear, f.Baseline, f.Change})
		}
		return rows
	}, []float32{300, 130, 215, 120, 110})
	r.years = newTextTable(func() [][]string { return append([][]string{yearHeader()}, r.view.Years...) }, []float32{70, 100, 80, 60, 100})
	top := container.NewVBox(r.title, r.stale)
	split := container.NewHSplit(r.figures, container.NewBorder(nil, r.conf, nil, nil, r.years))
	split.Offset = 0.7
	r.content = container.NewBorder(top, nil, nil, nil, split)
	r.refresh()
	return r
}

func (r *resultsScreen) refresh() {
	r.view = r.ws.Results()
	title := r.view.Title
	if r.view.Horizon != "" {
		title = i18n.T("results.title", "Name", r.view.Title, "Horizon", r.view.Horizon)
	}
	setLabel(r.title, title, r.title.TextStyle)
	setLabel(r.stale, r.view.Stale, r.stale.TextStyle)
	if r.view.Stale == "" {
		r.stale.Hide()
	} else {
		r.stale.Show()
	}
	if len(r.view.Conflict) > 0 {
		r.conf.SetText(i18n.T("results.conflicts", "Count", len(r.view.Conflict)) + "\n" + joinLines(r.view.Conflict, 6))
		r.conf.Show()
	} else {
		r.conf.Hide()
	}
	r.figures.Refresh()
	r.years.Refresh()
	// A warning shown or hidden changes the header's height; otherwise
	// the panel keeps its layout.
	if shown := r.view.Stale != "" || len(r.view.Conflict) > 0; shown || shown != r.warned {
		r.warned = shown
		r.content.Refresh()
	}
}

// joinLines joins up to n lines and says how many more there are.
func joinLines(lines []string, n int) string {
	out := ""
	for i, l := range lines {
		if i == n {
			return out + i18n.T("list.more", "Count", len(lines)-n)
		}
		if i > 0 {
			out += "\n"
		}
		out += l
	}
	return out
}

// newTextTable is a read-only table of strings whose first row is a bold
// header; rows is called on every refresh.
func newTextTable(rows func() [][]string, widths []float32) *widget.Table {
	t, _ := newTextTableWidths(rows, widths)
	return t
}

// newTextTableWidths is newTextTable, and the widths its columns were
// given.
func newTextTableWidths(rows func() [][]string, widths []float32) (*widget.Table, []float32) {
	var cache [][]string
	t := widget.NewTable(
		func() (int, int) {
			cache = rows()
			if len(cache) == 0 {
				return 0, 0
			}
			return len(cache), len(cache[0])
		},
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			text := ""
			if id.Row < len(cache) && id.Col < len(cache[id.Row]) {
				text = cache[id.Row][id.Col]
			}
			setLabel(l, text, fyne.TextStyle{Bold: id.Row == 0})
		},
	)
	// Widths grow with the user's scale, and a column is never narrower
	// than its heading, which is longer in French or Spanish.
	var head []string
	if r := rows(); len(r) > 0 {
		head = r[0]
	}
	set := make([]float32, len(widths))
	for i, w := range widths {
		w = scaled(w)
		if i < len(head) {
			w = max(w, headingWidth(head[i]))
		}
		t.SetColumnWidth(i, w)
		set[i] = w
	}
	t.StickyRowCount = 1
	return t, set
}

// fillLabelColumn lays a table out so that its first column, the labels,
// takes the width the other columns leave (never less than a floor): in a
// narrow pane, at 150 % or in a longer language, the labels are cut and
// the figures stay in sight, where fixed widths would push them out of
// the pane.
type fillLabelColumn struct {
	t      *widget.Table
	others float32 // the other columns' widths and their separators
	floor  float32
	last   float32
}

// fitLabelColumn wraps a table made by newTextTableWidths.
func fitLabelColumn(t *widget.Table, widths []float32) *fyne.Container {
	l := &fillLabelColumn{t: t}
	for i, w := range widths {
		if i == 0 {
			l.floor = min(w, scaled(120))
			continue
		}
		l.others += w + theme.SeparatorThicknessSize()
	}
	return container.New(l, t)
}

func (l *fillLabelColumn) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	// Room for the vertical scroll bar, which the table draws over its
	// last column.
	w := max(l.floor, size.Width-l.others-2*theme.Padding())
	if w != l.last {
		l.last = w
		l.t.SetColumnWidth(0, w)
	}
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (l *fillLabelColumn) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := l.t.MinSize()
	return fyne.NewSize(min(m.Width, l.floor+l.others), m.Height)
}

// setLabel changes a label only when its text or style differ: a table
// refresh visits every visible cell, and laying out a truncated label's
// text again is most of the window's work after an edit.
func setLabel(l *widget.Label, text string, style fyne.TextStyle) {
	if l.Text == text && l.TextStyle == style {
		return
	}
	l.TextStyle = style
	l.SetText(text)
}

// headingWidth is the width a bold table heading needs: a label's, and
// the table's own padding around its cells, which the label's size
// does not include.
func headingWidth(s string) float32 {
	th := fyne.CurrentApp().Settings().Theme()
	return fyne.MeasureText(s, th.Size(theme.SizeNameText), fyne.TextStyle{Bold: true}).Width + 6*th.Size(theme.SizeNamePadding)
}
