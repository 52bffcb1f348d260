package ui

import (
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/burden"
	"mechplan/internal/i18n"
	"mechplan/internal/model"
	"mechplan/internal/plan"
)

// advicePanel shows, for each body the optimiser moved, the Pareto front
// of its start times as a small chart (total score across, worst-off
// score up), lets the user pick a point of the front, and applies the
// picks to a copy of the scenario, showing progress while the copy is
// evaluated. It is fed by the optimiser panel of the time-zone view.
type advicePanel struct {
	w       *Window
	sug     *burden.Suggestion
	doc     *Document
	rev     int
	body    *widget.Select
	point   *widget.Select
	chart   *drawing
	rule    *widget.Label
	binds   *widget.Label
	gains   *widget.Label
	apply   *widget.Button
	status  *widget.Label
	working *widget.ProgressBarInfinite
	content *fyne.Container
	// picks holds the chosen candidate per body (index into its
	// Candidates; -1 keeps the times as written).
	picks []int
	// done, when set, is called on the UI goroutine after a copy has
	// been made (for tests).
	done func()
}

// AdvicePoint is one row of the point list: a point of the front.
type AdvicePoint struct {
	Candidate   int
	Start       string
	Recommended bool
	burden.Objectives
}

func newAdvicePanel(w *Window) *advicePanel {
	a := &advicePanel{w: w}
	a.body = newSelect(nil, func(string) { a.showBody() })
	a.point = newSelect(nil, func(string) { a.pickFromList() })
	a.chart = newDrawing(fyne.NewSize(280, 150), a.draw)
	a.rule = widget.NewLabel(i18n.T("advice.rule"))
	a.rule.Wrapping = fyne.TextWrapWord
	a.binds = widget.NewLabel("")
	a.binds.Wrapping = fyne.TextWrapWord
	a.gains = widget.NewLabel("")
	a.gains.Wrapping = fyne.TextWrapWord
	a.status = widget.NewLabel("")
	a.status.Wrapping = fyne.TextWrapWord
	a.working = widget.NewProgressBarInfinite()
	a.working.Hide()
	a.apply = widget.NewButtonWithIcon(i18n.T("advice.apply_copy"), theme.ContentCopyIcon(), a.ApplyToCopy)
	a.content = container.NewVBox(
		widget.NewLabelWithStyle(i18n.T("advice.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewBorder(nil, nil, widget.NewLabel(i18n.T("advice.body")), nil, a.body),
		a.chart,
		container.NewBorder(nil, nil, widget.NewLabel(i18n.T("advice.point")), nil, a.point),
		a.binds, a.gains, a.rule, a.apply, a.working, a.status)
	a.content.Hide()
	return a
}

// set shows a new suggestion for a document.
func (a *advicePanel) set(sug *burden.Suggestion, d *Document) {
	a.sug, a.doc, a.status.Text = sug, d, ""
	if d != nil {
		a.rev = d.rev
	}
	a.status.Refresh()
	if sug == nil || len(sug.Bodies) == 0 {
		a.content.Hide()
		return
	}
	a.picks = make([]int, len(sug.Bodies))
	names := make([]string, len(sug.Bodies))
	for i, ch := range sug.Bodies {
		a.picks[i] = ch.Recommended
		names[i] = ch.BodyName
	}
	a.body.Options = names
	a.gains.SetText(GainsText(sug))
	a.content.Show()
	a.body.SetSelected(names[0])
}

func (a *advicePanel) bodyIndex() int {
	if a.sug == nil {
		return -1
	}
	for i, ch := range a.sug.Bodies {
		if ch.BodyName == a.body.Selected {
			return i
		}
	}
	return -1
}

// GainsText is the line a chair reads out for the recommendation: the
// regional groups that save night and unsociable hours a year and those
// that take more, from the engine's before-and-after totals.
func GainsText(sug *burden.Suggestion) string {
	years := float64(max(1, sug.Years))
	var saved, added []string
	for _, c := range sug.ByGroup {
		h := c.Saved() / years
		name := i18n.Label("group."+keyOf(c.Name), c.Name)
		switch {
		case h >= 0.05:
			saved = append(saved, i18n.T("advice.group_hours", "Group", name, "Hours", oneDecimal(h)))
		case h <= -0.05:
			added = append(added, i18n.T("advice.group_hours", "Group", name, "Hours", oneDecimal(-h)))
		}
	}
	none := i18n.T("advice.no_group")
	if len(saved) == 0 {
		saved = []string{none}
	}
	if len(added) == 0 {
		added = []string{none}
	}
	return i18n.T("advice.gains", "Saved", strings.Join(saved, "; "), "Added", strings.Join(added, "; "))
}

// Points lists the front of the selected body, in start order.
func (a *advicePanel) Points() []AdvicePoint {
	bi := a.bodyIndex()
	if bi < 0 {
		return nil
	}
	ch := a.sug.Bodies[bi]
	out := make([]AdvicePoint, 0, len(ch.Front))
	for _, k := range ch.Front {
		c := ch.Candidates[k]
		out = append(out, AdvicePoint{Candidate: k, Start: burden.Clock(c.Start), Recommended: k == ch.Recommended, Objectives: c.Objectives})
	}
	return out
}

func (a *advicePanel) pointLabel(p AdvicePoint) string {
	s := i18n.T("advice.point_label", "Start", p.Start, "Worst", oneDecimal(p.Worst), "Total", oneDecimal(p.Total),
		"Night", number(float64(p.AtNight), 0), "Cost", number(math.Round(p.ExtraCost), 0))
	if p.Recommended {
		s += " — " + i18n.T("advice.recommended")
	}
	return s
}

func (a *advicePanel) showBody() {
	bi := a.bodyIndex()
	if bi < 0 {
		return
	}
	ch := a.sug.Bodies[bi]
	pts := a.Points()
	opts := make([]string, len(pts))
	sel := ""
	for i, p := range pts {
		opts[i] = a.pointLabel(p)
		if p.Candidate == a.picks[bi] {
			sel = opts[i]
		}
	}
	a.point.Options = opts
	if sel != "" {
		a.point.SetSelected(sel)
	} else {
		a.point.ClearSelected()
	}
	if ch.WindowBinds {
		a.binds.SetText(i18n.T("advice.binds", "Start", burden.Clock(ch.Candidates[ch.Unconstrained].Start)))
		a.binds.Show()
	} else {
		a.binds.Hide()
	}
	a.chart.Refresh()
}

func (a *advicePanel) pickFromList() {
	bi := a.bodyIndex()
	if bi < 0 {
		return
	}
	for i, o := range a.point.Options {
		if o == a.point.Selected {
			a.Pick(bi, a.Points()[i].Candidate)
			return
		}
	}
}

// Pick chooses a candidate (a point of the front) for a body.
func (a *advicePanel) Pick(body, candidate int) {
	if a.sug == nil || body < 0 || body >= len(a.picks) {
		return
	}
	a.picks[body] = candidate
	a.chart.Refresh()
}

// chosen is the scenario with the picked start times: the optimiser's
// scenario (venue orders included) with each body's pick.
func (a *advicePanel) chosen() *model.Scenario {
	s := a.sug.Scenario.Clone()
	for i, ch := range a.sug.Bodies {
		for bi := range s.Bodies {
			if s.Bodies[bi].ID != ch.Body {
				continue
			}
			if k := a.picks[i]; k >= 0 {
				s.Bodies[bi].StartTimes = []string{burden.Clock(ch.Candidates[k].Start)}
			} else {
				s.Bodies[bi].StartTimes = append([]string(nil), ch.AsWritten...)
			}
		}
	}
	return s
}

// ApplyToCopy evaluates the picked times off the UI goroutine (progress
// shown), then opens them as a copy of the scenario, leaving the
// original as it was.
func (a *advicePanel) ApplyToCopy() {
	if a.sug == nil || a.doc == nil || a.w.WS.Active != a.doc || a.doc.rev != a.rev {
		a.status.SetText(i18n.T("optimiser.stale"))
		return
	}
	s, src := a.chosen(), a.doc
	ref, opt := a.w.WS.Ref, a.w.WS.Options()
	a.apply.Disable()
	a.working.Show()
	a.working.Start()
	a.status.SetText(i18n.T("advice.applying"))
	go func() {
		_, err := plan.Evaluate(a.w.WS.withSettings(s), ref, opt)
		fyne.Do(func() {
			a.working.Stop()
			a.working.Hide()
			a.apply.Enable()
			if err != nil {
				a.status.SetText(i18n.T("optimiser.failed", "Error", err.Error()))
			} else {
				dup := a.w.WS.Duplicate(src)
				a.w.WS.Select(dup)
				starts := map[string][]string{}
				for _, b := range s.Bodies {
					starts[b.ID] = b.StartTimes
				}
				venues := map[string][]string{}
				for _, b := range s.Blocks {
					venues[b.ID] = b.Venues
				}
				a.w.WS.Edit("", func(c *model.Scenario) {
					for i := range c.Bodies {
						c.Bodies[i].StartTimes = append([]string(nil), starts[c.Bodies[i].ID]...)
					}
					for i := range c.Blocks {
						if v, ok := venues[c.Blocks[i].ID]; ok && len(v) > 0 {
							c.Blocks[i].Venues = append([]string(nil), v...)
						}
					}
				})
				a.status.SetText(i18n.T("advice.applied", "Name", dup.Scenario.Name))
			}
			if a.done != nil {
				a.done()
			}
		})
	}()
}

// draw plots the selected body's in-window candidates: total score
// across, worst-off up; the front in the primary colour, the point
// picked ringed, the scenario as written as a square.
func (a *advicePanel) draw(size fyne.Size) []fyne.CanvasObject {
	bi := a.bodyIndex()
	if bi < 0 || size.Width < 60 || size.Height < 40 {
		return nil
	}
	ch := a.sug.Bodies[bi]
	fg, muted, primary := themeColor(theme.ColorNameForeground), themeColor(theme.ColorNameDisabled), themeColor(theme.ColorNamePrimary)
	minT, maxT, minW, maxW := ch.AsWrittenObjectives.Total, ch.AsWrittenObjectives.Total, ch.AsWrittenObjectives.Worst, ch.AsWrittenObjectives.Worst
	for _, c := range ch.Candidates {
		if c.InWindow {
			minT, maxT = math.Min(minT, c.Total), math.Max(maxT, c.Total)
			minW, maxW = math.Min(minW, c.Worst), math.Max(maxW, c.Worst)
		}
	}
	// A flat objective (every point the same) is drawn across the middle.
	if maxT-minT < 1e-9 {
		minT, maxT = minT-1, maxT+1
	}
	if maxW-minW < 1e-9 {
		minW, maxW = minW-1, maxW+1
	}
	const left, bottom, pad = 8, 18, 8
	pw, ph := size.Width-left-pad, size.Height-bottom-pad
	at := func(total, worst float64) (float32, float32) {
		return left + float32((total-minT)/(maxT-minT))*pw, pad + ph - float32((worst-minW)/(maxW-minW))*ph
	}
	objs := []fyne.CanvasObject{
		line(muted, left, pad+ph, left+pw, pad+ph, 1),
		line(muted, left, pad, left, pad+ph, 1),
		text(i18n.T("advice.axis_total"), fg, smallText(), false, left+4, pad+ph+2),
		text(i18n.T("advice.axis_worst"), fg, smallText(), false, left+4, pad),
	}
	for k, c := range ch.Candidates {
		if !c.InWindow {
			continue
		}
		x, y := at(c.Total, c.Worst)
		col, r := muted, float32(2)
		if c.OnFront {
			col, r = primary, 3.5
		}
		objs = append(objs, rect(col, x-r, y-r, 2*r, 2*r))
		if k == a.picks[bi] {
			objs = append(objs, ring(fg, x, y, 7))
		}
	}
	x, y := at(ch.AsWrittenObjectives.Total, ch.AsWrittenObjectives.Worst)
	objs = append(objs, line(fg, x-4, y-4, x+4, y-4, 1), line(fg, x+4, y-4, x+4, y+4, 1), line(fg, x+4, y+4, x-4, y+4, 1), line(fg, x-4, y+4, x-4, y-4, 1))
	objs = append(objs, text(i18n.T("advice.as_written"), fg, smallText(), false, x+6, y-6))
	return objs
}

// ring is a circle outline around a point.
func ring(c color.Color, x, y, r float32) fyne.CanvasObject {
	o := canvas.NewCircle(color.Transparent)
	o.StrokeColor, o.StrokeWidth = c, 1.5
	o.Move(fyne.NewPos(x-r, y-r))
	o.Resize(fyne.NewSize(2*r, 2*r))
	return o
}
