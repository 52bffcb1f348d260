package ui

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/chart"
	"mechplan/internal/export/ics"
	"mechplan/internal/export/labels"
	"mechplan/internal/export/pdf"
	"mechplan/internal/export/xlsx"
	"mechplan/internal/i18n"
	"mechplan/internal/plan"
	"mechplan/internal/store"
	"mechplan/internal/ui/chartview"
)

// Compare sets the chosen documents side by side against the baseline,
// through the engine's comparison. Documents without a valid result are
// left out and named in the error.
func (w *Workspace) Compare(docs []*Document, baseline *Document) (*plan.Comparison, error) {
	var results []*plan.Result
	var skipped []string
	base := -1
	for _, d := range docs {
		if d.Result == nil {
			skipped = append(skipped, d.Scenario.Name)
			continue
		}
		if d == baseline {
			base = len(results)
		}
		results = append(results, d.Result)
	}
	if len(results) == 0 {
		return nil, errors.New(i18n.T("compare.none_valid"))
	}
	if base < 0 {
		base = 0
	}
	c, err := plan.Compare(w.Ref, results, base, time.Now())
	if err == nil && len(skipped) > 0 {
		err = errors.New(i18n.T("compare.left_out", "Names", strings.Join(skipped, ", ")))
	}
	return c, err
}

// exporter writes a comparison to a file format.
type exporter struct {
	// Key names the format in messages: "export.format.<key>".
	Key, Ext string
	// Encode writes the comparison to w with the words of l (the exports
	// that have words: the workbook and the report). It writes into the
	// temporary file of an atomic save: whatever it leaves there when it
	// fails is thrown away and the chosen file is untouched.
	Encode func(w io.Writer, c *plan.Comparison, l labels.Labels) error
}

// name is the format's name in the user's language.
func (e exporter) name() string { return i18n.T("export.format." + e.Key) }

// Exporters are the formats the compare view writes.
var exporters = []exporter{
	{"xlsx", ".xlsx", func(w io.Writer, c *plan.Comparison, l labels.Labels) error {
		return written(w)(xlsx.EncodeWith(c, xlsx.Options{Labels: l}))
	}},
	{"pdf", ".pdf", func(w io.Writer, c *plan.Comparison, l labels.Labels) error {
		return written(w)(pdf.EncodeWith(c, pdf.Options{Labels: l}))
	}},
	{"ics", ".ics", func(w io.Writer, c *plan.Comparison, l labels.Labels) error {
		// In the interface's language, the baseline's past meetings left out.
		all := make([]int, len(c.Results))
		for i := range all {
			all[i] = i
		}
		return written(w)(ics.EncodeWith(c, all, ics.Options{Labels: l}), nil)
	}},
}

// written writes an encoder's result to w, or passes on its error.
func written(w io.Writer) func([]byte, error) error {
	return func(data []byte, err error) error {
		if err != nil {
			return err
		}
		if len(bytes.TrimSpace(data)) == 0 {
			return errors.New(i18n.T("compare.empty_export"))
		}
		_, err = w.Write(data)
		return err
	}
}

// compareScreen sets scenarios side by side, draws the comparison's
// charts and exports it.
type compareScreen struct {
	w        *Window
	picked   map[*Document]bool
	baseline *Document
	// Comparison is the one on screen.
	Comparison *plan.Comparison
	problem    string

	choices  *fyne.Container
	base     *widget.Select
	table    *widget.Table
	cells    [][]string
	charts   []*chartview.Chart
	message  *widget.Label
	progress *widget.ProgressBarInfinite
	buttons  []*widget.Button
	content  fyne.CanvasObject
	// exported is called after an export ends, for tests.
	exported func(path string, err error)
}

func newCompareScreen(w *Window) *compareScreen {
	c := &compareScreen{w: w, picked: map[*Document]bool{}}
	c.choices = container.NewVBox()
	c.base = newSelect(nil, func(v string) {
		for _, d := range w.WS.Docs {
			if d.Title() == v && d != c.baseline {
				c.baseline = d
				c.refresh()
			}
		}
	})
	c.table = newTextTable(func() [][]string { return c.cells }, nil)
	c.charts = []*chartview.Chart{chartview.New(""), chartview.New(""), chartview.New("")}
	c.message = widget.NewLabel("")
	c.message.Wrapping = fyne.TextWrapWord
	c.progress = widget.NewProgressBarInfinite()
	c.progress.Stop()
	c.progress.Hide()
	var buttons []fyne.CanvasObject
	for _, e := range exporters {
		b := widget.NewButtonWithIcon(i18n.T("compare.export", "Format", e.name()), theme.DownloadIcon(), func() { c.Export(e) })
		c.buttons = append(c.buttons, b)
		buttons = append(buttons, b)
	}
	left := container.NewBorder(
		container.NewVBox(widget.NewLabelWithStyle(i18n.T("compare.scenarios"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		container.NewVBox(widget.NewLabelWithStyle(i18n.T("compare.baseline"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), c.base),
		nil, nil, container.NewVScroll(c.choices))
	charts := container.NewAppTabs(
		container.NewTabItem(i18n.T("compare.chart.meeting_days"), c.charts[0]),
		container.NewTabItem(i18n.T("compare.chart.night_hours"), c.charts[1]),
		container.NewTabItem(i18n.T("compare.chart.cost_by_section"), c.charts[2]))
	right := container.NewVSplit(c.table, charts)
	right.Offset = 0.55
	split := container.NewHSplit(left, right)
	split.Offset = 0.22
	bottom := container.NewVBox(c.progress, container.NewHBox(buttons...), c.message)
	c.content = container.NewBorder(nil, bottom, nil, nil, split)
	return c
}

// Pick chooses which open documents to compare.
func (c *compareScreen) Pick(docs ...*Document) {
	c.picked = map[*Document]bool{}
	for _, d := range docs {
		c.picked[d] = true
	}
	c.refresh()
}

// SetBaseline chooses the baseline of the comparison.
func (c *compareScreen) SetBaseline(d *Document) {
	c.baseline = d
	c.refresh()
}

// chosen lists the picked documents in the window's order; with none
// picked, every open document is compared.
func (c *compareScreen) chosen() []*Document {
	var out []*Document
	for _, d := range c.w.WS.Docs {
		if c.picked[d] {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		out = slices.Clone(c.w.WS.Docs)
	}
	return out
}

func (c *compareScreen) refresh() {
	ws := c.w.WS
	// Documents closed since drop out of the choice.
	for d := range c.picked {
		if !slices.Contains(ws.Docs, d) {
			delete(c.picked, d)
		}
	}
	if c.baseline == nil || !slices.Contains(ws.Docs, c.baseline) {
		c.baseline = ws.Baseline
	}
	c.choices.RemoveAll()
	var names []string
	for _, d := range ws.Docs {
		d := d
		names = append(names, d.Title())
		ch := widget.NewCheck(d.Title(), func(on bool) {
			if on != c.picked[d] {
				if on {
					c.picked[d] = true
				} else {
					delete(c.picked, d)
				}
				c.refresh()
			}
		})
		ch.Checked = c.picked[d]
		c.choices.Add(ch)
	}
	c.base.Options = names
	c.base.Selected = ""
	if c.baseline != nil {
		c.base.Selected = c.baseline.Title()
	}
	c.base.Refresh()

	cmp, err := ws.Compare(c.chosen(), c.baseline)
	c.Comparison = cmp
	c.problem = ""
	if err != nil {
		c.problem = err.Error()
	}
	c.cells = comparisonTable(cmp)
	widths := []float32{330}
	for range max(len(c.cells)-1, 0) {
		widths = append(widths, 190)
	}
	for i, wd := range widths {
		c.table.SetColumnWidth(i, scaled(wd))
	}
	c.table.Refresh()
	c.drawCharts()
	c.message.SetText(c.problem)
}

// comparisonTable lays the comparison out as rows of text: a header with
// each scenario's name (★ for Pareto-best, the baseline named), then each
// metric's yearly figure and its change against the baseline.
func comparisonTable(c *plan.Comparison) [][]string {
	if c == nil {
		return nil
	}
	head := []string{i18n.T("compare.head")}
	for i, r := range c.Results {
		name := r.Scenario.Name
		if c.Pareto[i] {
			name = "★ " + name
		}
		if i == c.Baseline {
			name += " " + i18n.T("library.baseline_mark")
		}
		head = append(head, name)
	}
	rows := [][]string{head}
	group := ""
	for _, row := range c.Rows {
		if row.Group != group {
			group = row.Group
			rows = append(rows, append([]string{"— " + metricGroupLabel(group) + " —"}, make([]string, len(c.Results))...))
		}
		line := []string{metricLabel(row.Metric)}
		for i, f := range row.Figures {
			if !f.Known {
				line = append(line, i18n.T("figure.na"))
				continue
			}
			text := formatFigure(row.Metric, f.PerYear)
			if i != c.Baseline {
				text += " (" + signedFigure(row.Metric, f.DeltaPerYear) + ")"
			}
			line = append(line, text)
		}
		rows = append(rows, line)
	}
	var on []string
	for _, k := range c.ParetoOn {
		on = append(on, paretoLabel(c, k))
	}
	note := i18n.T("compare.pareto", "Criteria", strings.Join(on, ", "))
	rows = append(rows, append([]string{note}, make([]string, len(c.Results))...))
	return rows
}

func (c *compareScreen) drawCharts() {
	cmp := c.Comparison
	builders := []func(*plan.Comparison) (chart.Bars, bool){chart.MeetingDaysPerYear, chart.NightHoursPerYear, chart.CostPerYearBySection}
	for i, build := range builders {
		if cmp == nil {
			c.charts[i].Clear(i18n.T("compare.chart.choose"))
			continue
		}
		if b, ok := build(cmp); ok {
			c.charts[i].SetBars(localBars(cmp, i, b))
		} else {
			c.charts[i].Clear(i18n.T("compare.chart.no_figures"))
		}
	}
}

// Export asks for a file and writes the comparison there in the
// background, with a progress bar; the file appears whole or not at all.
func (c *compareScreen) Export(e exporter) {
	cmp := c.Comparison
	if cmp == nil {
		c.message.SetText(i18n.T("compare.nothing_to_export"))
		return
	}
	name := "mechplan-comparison-" + cmp.Date.Format("2006-01-02") + e.Ext
	// The file is written in the language the interface is in.
	words := i18n.Export(i18n.Current())
	c.w.Picker.Save(i18n.T("compare.export", "Format", e.name()), name, []string{e.Ext}, func(path string) {
		if !strings.HasSuffix(strings.ToLower(path), e.Ext) {
			path += e.Ext
		}
		for _, b := range c.buttons {
			b.Disable()
		}
		c.progress.Show()
		c.progress.Start()
		c.message.SetText(i18n.T("compare.writing", "File", filepath.Base(path)))
		go func() {
			err := store.WriteAtomic(path, 0o644, func(out io.Writer) error { return e.Encode(out, cmp, words) })
			fyne.Do(func() {
				c.progress.Stop()
				c.progress.Hide()
				for _, b := range c.buttons {
					b.Enable()
				}
				if err != nil {
					c.message.SetText(i18n.T("compare.export_failed", "Error", err.Error()))
				} else {
					c.message.SetText(i18n.T("compare.exported", "Path", path))
					c.w.WS.Notice = i18n.T("compare.exported", "Path", path)
					c.w.status.SetText(c.w.WS.Notice)
				}
				if c.exported != nil {
					c.exported(path, err)
				}
			})
		}()
	})
}

// paretoLabel names a Pareto criterion (a metric key) as the table does.
func paretoLabel(c *plan.Comparison, key string) string {
	if row, ok := c.Row(key); ok {
		return metricLabel(row.Metric)
	}
	return key
}

// chartTitles are the compare view's charts' titles, in the order of
// drawCharts' builders.
var chartTitles = []string{"chart.meeting_days.title", "chart.night_hours.title", "chart.cost_by_section.title"}

// localBars writes a comparison chart's title, legend and value labels in
// the user's language; the chart package builds them in English. Values
// are written again from the figures, so the numbers are the engine's.
func localBars(cmp *plan.Comparison, i int, b chart.Bars) chart.Bars {
	f := i18n.F()
	b.Title = i18n.T(chartTitles[i])
	series := make([]chart.Series, len(b.Series))
	copy(series, b.Series)
	b.Series = series
	texts := make([]string, len(b.Texts))
	copy(texts, b.Texts)
	b.Texts = texts
	switch i {
	case 2:
		for k := range b.Series {
			if row, ok := cmp.Row(chart.CostSections[k]); ok {
				b.Series[k].Name = metricLabel(row.Metric)
			}
		}
		for k := range b.Texts {
			b.Texts[k] = f.MoneyShort(b.Total(k))
		}
	default:
		key, decimals := plan.KeyMeetingDays, 1
		if i == 1 {
			key, decimals = plan.KeyNightHours, 0
		}
		row, ok := cmp.Row(key)
		if !ok {
			return b
		}
		b.Series[0].Name = metricLabel(row.Metric)
		for k := range b.Texts {
			if k < len(row.Figures) && row.Figures[k].Known {
				b.Texts[k] = f.Number(row.Figures[k].PerYear, decimals)
			} else {
				b.Texts[k] = i18n.T("figure.na")
			}
		}
	}
	return b
}
