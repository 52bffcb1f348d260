package ui

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
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
	"mechplan/internal/model"
	"mechplan/internal/plan"
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
			skipped = append(skipped, d.Title())
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
	// Scenario, when set, writes one file per compared scenario instead
	// (the calendars): the scenario at index i to w.
	Scenario func(w io.Writer, c *plan.Comparison, i int, l labels.Labels) error
}

// name is the format's name in the user's language.
func (e exporter) name() string { return i18n.T("export.format." + e.Key) }

// Exporters are the formats the compare view writes.
var exporters = []exporter{
	{"xlsx", ".xlsx", func(w io.Writer, c *plan.Comparison, l labels.Labels) error {
		return written(w)(xlsx.EncodeWith(c, xlsx.Options{Labels: l}))
	}, nil},
	{"pdf", ".pdf", func(w io.Writer, c *plan.Comparison, l labels.Labels) error {
		return written(w)(pdf.EncodeWith(c, pdf.Options{Labels: l}))
	}, nil},
	// One calendar per scenario, so that competing proposals do not land
	// on the same days of one calendar: written as it is made, in the
	// interface's language, the baseline's past meetings left out.
	{Key: "ics", Ext: ".ics", Scenario: func(w io.Writer, c *plan.Comparison, i int, l labels.Labels) error {
		return ics.WriteWith(w, c, []int{i}, ics.Options{Labels: l})
	}},
	// Every scenario in one calendar, for those who want them together.
	{"ics_one", ".ics", func(w io.Writer, c *plan.Comparison, l labels.Labels) error {
		all := make([]int, len(c.Results))
		for i := range all {
			all[i] = i
		}
		return ics.WriteWith(w, c, all, ics.Options{Labels: l})
	}, nil},
}

// calendarNames names each compared scenario's calendar file from its
// label as the table shows it, made safe for a file system by the
// sanitiser of suggested names, and unique whatever the case.
func calendarNames(labels []string) []string {
	out := make([]string, len(labels))
	used := map[string]bool{}
	for i, l := range labels {
		out[i] = ics.UniqueName(strings.TrimSuffix(fileName(strings.TrimSpace(l), ".ics"), ".ics"), used)
	}
	return out
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

// compareChoice is which open documents the comparison leaves out and
// which it measures against. It belongs to the window, not the screen, so
// that a language switch (which builds the screens again) keeps it, and
// it is saved with the preferences so that a restart keeps it too. Every
// document not left out is compared: a new copy joins at once.
type compareChoice struct {
	off      map[*Document]bool
	baseline *Document
}

// Preferences that keep the comparison's choice across restarts; a
// document is named by docKey.
const (
	prefCompareOff      = "compare.left_out"
	prefCompareBaseline = "compare.baseline"
)

// docKey names a document across restarts: a built-in by its file, a
// saved scenario by its path; "" for unsaved work.
func docKey(d *Document) string {
	switch {
	case d.BuiltIn != "":
		return "builtin:" + d.BuiltIn
	case d.Path != "":
		return "file:" + d.Path
	}
	return ""
}

// compareScreen sets scenarios side by side, draws the comparison's
// charts and exports it.
type compareScreen struct {
	w *Window
	// Comparison is the one on screen.
	Comparison *plan.Comparison
	problem    string
	// Labels are the compared scenarios' names as the table and the
	// charts show them: distinct, and short where a short name exists.
	Labels []string

	choices  *fyne.Container
	checks   []*widget.Check
	checksOf string // the documents and labels the checks were built for
	baseDocs []*Document
	base     *widget.Select
	table    *widget.Table
	widths   []float32
	cells    [][]string
	charts   []*chartview.Chart
	message  *widget.Label
	progress *widget.ProgressBarInfinite
	buttons  []*widget.Button
	content  fyne.CanvasObject
	// exported is called after an export ends, for tests.
	exported func(path string, err error)
}

// labelRunes is the longest scenario label in the comparison's columns
// and charts.
const labelRunes = 26

func newCompareScreen(w *Window) *compareScreen {
	c := &compareScreen{w: w}
	c.choices = container.NewVBox()
	c.base = newSelect(nil, func(string) {
		if i := c.base.SelectedIndex(); i >= 0 && i < len(c.baseDocs) && c.baseDocs[i] != w.cmp.baseline {
			c.SetBaseline(c.baseDocs[i])
		}
	})
	c.table = newTextTable(func() [][]string { return c.cells }, nil)
	// The figures' names stay put while the scenarios scroll past.
	c.table.StickyColumnCount = 1
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
	if w.sideNav {
		// At large sizes the table's rows need the height more.
		right.Offset = 0.68
	}
	split := container.NewHSplit(left, right)
	split.Offset = 0.16
	bottom := container.NewVBox(c.progress, container.NewHBox(buttons...), c.message)
	c.content = container.NewBorder(nil, bottom, nil, nil, split)
	return c
}

// Pick chooses which open documents to compare: the others are left out.
func (c *compareScreen) Pick(docs ...*Document) {
	off := map[*Document]bool{}
	for _, d := range c.w.WS.Docs {
		if !slices.Contains(docs, d) {
			off[d] = true
		}
	}
	c.w.cmp.off = off
	c.w.saveCompareChoice()
	c.refresh()
}

// SetBaseline chooses the baseline of the comparison.
func (c *compareScreen) SetBaseline(d *Document) {
	c.w.cmp.baseline = d
	c.w.saveCompareChoice()
	c.refresh()
}

// chosen lists the compared documents in the window's order: every open
// one the user did not leave out.
func (c *compareScreen) chosen() []*Document {
	var out []*Document
	for _, d := range c.w.WS.Docs {
		if !c.w.cmp.off[d] {
			out = append(out, d)
		}
	}
	return out
}

// Chosen lists the compared documents, for tests.
func (c *compareScreen) Chosen() []*Document { return c.chosen() }

// docLabels are the open documents' distinct short labels, unsaved ones
// marked.
func docLabels(docs []*Document, maxRunes int) []string {
	ss := make([]*model.Scenario, len(docs))
	for i, d := range docs {
		ss[i] = d.Scenario
	}
	out := model.DistinctLabels(ss, maxRunes)
	for i, d := range docs {
		if out[i] == "" {
			out[i] = i18n.T("doc.untitled")
		}
		if d.Dirty {
			out[i] = "● " + out[i]
		}
	}
	return out
}

func (c *compareScreen) refresh() {
	ws := c.w.WS
	ch := &c.w.cmp
	// Documents closed since drop out of the choice.
	for d := range ch.off {
		if !slices.Contains(ws.Docs, d) {
			delete(ch.off, d)
		}
	}
	if ch.baseline == nil || !slices.Contains(ws.Docs, ch.baseline) {
		ch.baseline = ws.Baseline
	}
	labels := docLabels(ws.Docs, labelRunes+2)
	// The checks are built again only when the open documents or their
	// labels change; otherwise they are only ticked.
	key := fmt.Sprintf("%p %q", ws.Docs, labels)
	if key != c.checksOf || len(c.checks) != len(ws.Docs) {
		c.checksOf = key
		c.choices.RemoveAll()
		c.checks = nil
		for i, d := range ws.Docs {
			d := d
			chk := widget.NewCheck(labels[i], func(on bool) {
				if on == ch.off[d] {
					if on {
						delete(ch.off, d)
					} else {
						ch.off[d] = true
					}
					c.w.saveCompareChoice()
					c.refresh()
				}
			})
			c.checks = append(c.checks, chk)
			c.choices.Add(chk)
		}
	}
	for i, d := range ws.Docs {
		if on := !ch.off[d]; c.checks[i].Checked != on {
			c.checks[i].Checked = on
			c.checks[i].Refresh()
		}
	}
	c.baseDocs = slices.Clone(ws.Docs)
	c.base.Options = labels
	c.base.Selected = ""
	if i := slices.Index(ws.Docs, ch.baseline); i >= 0 {
		c.base.Selected = labels[i]
	}
	c.base.Refresh()

	chosen := c.chosen()
	var cmp *plan.Comparison
	var err error
	if len(chosen) == 0 {
		err = errors.New(i18n.T("compare.none_chosen"))
	} else {
		cmp, err = ws.Compare(chosen, ch.baseline)
	}
	c.Comparison = cmp
	c.Labels = nil
	if cmp != nil {
		ss := make([]*model.Scenario, len(cmp.Results))
		for i, r := range cmp.Results {
			ss[i] = r.Scenario
		}
		c.Labels = model.DistinctLabels(ss, labelRunes)
	}
	c.problem = ""
	if err != nil {
		c.problem = err.Error()
	}
	// Figures kept from before an invalid edit are marked as such.
	var stale []string
	k := 0
	for _, d := range chosen {
		if d.Result == nil {
			continue
		}
		if d.Stale() && k < len(c.Labels) {
			c.Labels[k] = "⚠ " + c.Labels[k]
			stale = append(stale, c.Labels[k][len("⚠ "):])
		}
		k++
	}
	if len(stale) > 0 {
		msg := i18n.T("compare.stale", "Names", strings.Join(stale, ", "))
		if c.problem != "" {
			msg = c.problem + "\n" + msg
		}
		c.problem = msg
	}
	c.cells = comparisonTable(cmp, c.Labels)
	// Four scenarios fit beside the figures' names at 1280×800, 100 %;
	// at 150 % and more the names' column grows less than the text, so
	// that two or three scenarios still show beside it.
	label, col := float32(250), float32(152)
	if c.w.sideNav {
		label, col = 190, 140
	}
	widths := []float32{label}
	if len(c.cells) > 0 {
		for range len(c.cells[0]) - 1 {
			widths = append(widths, col)
		}
	}
	if !slices.Equal(widths, c.widths) {
		c.widths = widths
		for i, wd := range widths {
			c.table.SetColumnWidth(i, scaled(wd))
		}
	}
	c.table.Refresh()
	c.drawCharts()
	setLabel(c.message, c.problem, c.message.TextStyle)
}

// comparisonTable lays the comparison out as rows of text: a header with
// each scenario's label (★ for Pareto-best, the baseline marked), the
// period each column averages over, then each metric's yearly figure and
// its change against the baseline.
func comparisonTable(c *plan.Comparison, labels []string) [][]string {
	if c == nil {
		return nil
	}
	head := []string{i18n.T("compare.head")}
	period := []string{i18n.T("compare.period")}
	for i, r := range c.Results {
		name := labels[i]
		if c.Pareto[i] {
			name = "★ " + name
		}
		if i == c.Baseline {
			name += " " + i18n.T("library.baseline_mark")
		}
		head = append(head, name)
		period = append(period, i18n.T("compare.period_year", "Horizon", r.Total.Label))
	}
	rows := [][]string{head, period}
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
			text := shortFigure(row.Metric, f.PerYear)
			if i != c.Baseline {
				text += " (" + shortSigned(row.Metric, f.DeltaPerYear) + ")"
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

// shortFigure writes a comparison cell: money in millions or thousands
// ("USD 12.3 M"), so that four scenarios fit side by side; the exports
// and the results panel write it in full.
func shortFigure(m plan.Metric, v float64) string {
	if m.Money {
		return i18n.F().MoneyShort(v)
	}
	return number(v, m.Decimals)
}

// shortSigned writes a change with its sign, money as shortFigure does.
func shortSigned(m plan.Metric, v float64) string {
	if m.Money {
		s := i18n.F().MoneyShort(math.Abs(v))
		switch {
		case v > 0:
			return "+" + s
		case v < 0:
			return "−" + s
		}
		return s
	}
	return i18n.F().Signed(v, m.Decimals)
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
			b.Categories = slices.Clone(c.Labels)
			c.charts[i].SetBars(localBars(cmp, i, b))
		} else {
			c.charts[i].Clear(i18n.T("compare.chart.no_figures"))
		}
	}
}

// Export asks for a file and writes the comparison there in the
// background, with a progress bar; the file appears whole or not at all.
// A per-scenario export asks for a folder and writes one file per
// compared scenario, each whole or not at all, stopping at the first
// that fails (that file's old version is left as it was).
func (c *compareScreen) Export(e exporter) {
	cmp := c.Comparison
	if cmp == nil {
		c.message.SetText(i18n.T("compare.nothing_to_export"))
		return
	}
	// The file is written in the language the interface is in.
	words := i18n.Export(i18n.Current())
	title := i18n.T("compare.export", "Format", e.name())
	if e.Scenario != nil {
		names := calendarNames(c.Labels)
		c.w.Picker.SaveMany(title, names, func(dir string) {
			var jobs []exportJob
			for i, n := range names {
				i := i
				jobs = append(jobs, exportJob{filepath.Join(dir, n), func(out io.Writer) error { return e.Scenario(out, cmp, i, words) }})
			}
			done := i18n.T("compare.exported_many", "Count", len(names), "Folder", dir)
			if dir == "" {
				done = i18n.T("compare.exported_many", "Count", len(names), "Folder", i18n.T("compare.downloads"))
			}
			c.write(jobs, dir, done)
		})
		return
	}
	name := "mechplan-comparison-" + cmp.Date.Format("2006-01-02") + e.Ext
	c.w.Picker.Save(title, name, []string{e.Ext}, func(path string) {
		if !strings.HasSuffix(strings.ToLower(path), e.Ext) {
			path += e.Ext
		}
		opt := c.w.WS.Options()
		c.write([]exportJob{{path, func(out io.Writer) error {
			full, err := withTradeoffs(cmp, opt)
			if err != nil {
				return err
			}
			return e.Encode(out, full, words)
		}}}, path, i18n.T("compare.exported", "Path", path))
	})
}

// exportJob is one file of an export and what writes it.
type exportJob struct {
	path  string
	write func(io.Writer) error
}

// write writes the files in the background, in order, each atomically,
// with a progress bar, and says done (or the error) at the end. where
// is what the test hook c.exported is told.
func (c *compareScreen) write(jobs []exportJob, where, done string) {
	for _, b := range c.buttons {
		b.Disable()
	}
	c.progress.Show()
	c.progress.Start()
	c.message.SetText(i18n.T("compare.writing", "File", filepath.Base(jobs[0].path)))
	go func() {
		var err error
		for k, j := range jobs {
			if k > 0 {
				name := filepath.Base(j.path)
				fyne.Do(func() { c.message.SetText(i18n.T("compare.writing", "File", name)) })
			}
			if err = c.w.WS.fs.WriteAtomic(j.path, 0o644, j.write); err != nil {
				if len(jobs) > 1 {
					err = fmt.Errorf("%s: %w", filepath.Base(j.path), err)
				}
				break
			}
		}
		fyne.Do(func() {
			c.progress.Stop()
			c.progress.Hide()
			for _, b := range c.buttons {
				b.Enable()
			}
			if err != nil {
				c.message.SetText(i18n.T("compare.export_failed", "Error", err.Error()))
			} else {
				c.message.SetText(done)
				c.w.WS.Notice = done
				c.w.status.SetText(c.w.WS.Notice)
			}
			if c.exported != nil {
				c.exported(where, err)
			}
		})
	}()
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
