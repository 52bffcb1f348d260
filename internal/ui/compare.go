package ui

import (
	"bytes"
	"errors"
	"fmt"
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
	"mechplan/internal/export/pdf"
	"mechplan/internal/export/xlsx"
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
		return nil, errors.New("choose at least one scenario with a valid result")
	}
	if base < 0 {
		base = 0
	}
	c, err := plan.Compare(w.Ref, results, base, time.Now())
	if err == nil && len(skipped) > 0 {
		err = fmt.Errorf("left out (no valid result yet): %s", strings.Join(skipped, ", "))
	}
	return c, err
}

// exporter writes a comparison to a file format.
type exporter struct {
	Name, Ext string
	Encode    func(*plan.Comparison) ([]byte, error)
}

// Exporters are the formats the compare view writes.
var exporters = []exporter{
	{"Excel workbook", ".xlsx", xlsx.Encode},
	{"PDF report", ".pdf", pdf.Encode},
	{"Calendar (iCalendar)", ".ics", func(c *plan.Comparison) ([]byte, error) { return ics.Encode(c), nil }},
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
	c.base = widget.NewSelect(nil, func(v string) {
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
		b := widget.NewButtonWithIcon("Export "+e.Name, theme.DownloadIcon(), func() { c.Export(e) })
		c.buttons = append(c.buttons, b)
		buttons = append(buttons, b)
	}
	left := container.NewBorder(
		container.NewVBox(widget.NewLabelWithStyle("Scenarios", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		container.NewVBox(widget.NewLabelWithStyle("Baseline", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), c.base),
		nil, nil, container.NewVScroll(c.choices))
	charts := container.NewAppTabs(
		container.NewTabItem("Meeting days", c.charts[0]),
		container.NewTabItem("Night hours", c.charts[1]),
		container.NewTabItem("Cost by section", c.charts[2]))
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
		c.table.SetColumnWidth(i, wd)
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
	head := []string{"A year (change against the baseline)"}
	for i, r := range c.Results {
		name := r.Scenario.Name
		if c.Pareto[i] {
			name = "★ " + name
		}
		if i == c.Baseline {
			name += " [baseline]"
		}
		head = append(head, name)
	}
	rows := [][]string{head}
	group := ""
	for _, row := range c.Rows {
		if row.Group != group {
			group = row.Group
			rows = append(rows, append([]string{"— " + group + " —"}, make([]string, len(c.Results))...))
		}
		line := []string{row.Label}
		for i, f := range row.Figures {
			if !f.Known {
				line = append(line, "n/a")
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
	note := "★ Pareto-best: no other scenario is as good on every one of " + strings.Join(c.ParetoOn, ", ") + " (a year) and better on one."
	rows = append(rows, append([]string{note}, make([]string, len(c.Results))...))
	return rows
}

func (c *compareScreen) drawCharts() {
	cmp := c.Comparison
	builders := []func(*plan.Comparison) (chart.Bars, bool){chart.MeetingDaysPerYear, chart.NightHoursPerYear, chart.CostPerYearBySection}
	for i, build := range builders {
		if cmp == nil {
			c.charts[i].Clear("Choose scenarios to compare.")
			continue
		}
		if b, ok := build(cmp); ok {
			c.charts[i].SetBars(b)
		} else {
			c.charts[i].Clear("No figures for this chart.")
		}
	}
}

// Export asks for a file and writes the comparison there in the
// background, with a progress bar; the file appears whole or not at all.
func (c *compareScreen) Export(e exporter) {
	cmp := c.Comparison
	if cmp == nil {
		c.message.SetText("Nothing to export: choose scenarios with valid results.")
		return
	}
	name := "mechplan-comparison-" + cmp.Date.Format("2006-01-02") + e.Ext
	c.w.Picker.Save("Export "+e.Name, name, []string{e.Ext}, func(path string) {
		if !strings.HasSuffix(strings.ToLower(path), e.Ext) {
			path += e.Ext
		}
		for _, b := range c.buttons {
			b.Disable()
		}
		c.progress.Show()
		c.progress.Start()
		c.message.SetText("Writing " + filepath.Base(path) + "…")
		go func() {
			data, err := e.Encode(cmp)
			if err == nil && len(bytes.TrimSpace(data)) == 0 {
				err = errors.New("the exporter produced an empty file")
			}
			if err == nil {
				err = store.WriteFileAtomic(path, data, 0o644)
			}
			fyne.Do(func() {
				c.progress.Stop()
				c.progress.Hide()
				for _, b := range c.buttons {
					b.Enable()
				}
				if err != nil {
					c.message.SetText("Export failed: " + err.Error())
				} else {
					c.message.SetText("Exported " + path)
					c.w.WS.Notice = "Exported " + path
					c.w.status.SetText(c.w.WS.Notice)
				}
				if c.exported != nil {
					c.exported(path, err)
				}
			})
		}()
	})
}
