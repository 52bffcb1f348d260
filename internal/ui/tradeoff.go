package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/i18n"
	"mechplan/internal/model"
	"mechplan/internal/plan"
)

// TradeoffView is the hybrid trade-off's table in the user's language:
// the engine's plan.Tradeoff, period and units in the title and the rows.
type TradeoffView struct {
	Title string
	// AsWritten says which column is the scenario as written, by its
	// assumption (delegation.travel_to_hybrid).
	AsWritten string
	// Rows: the heading, then delegation travel, CO₂ and night hours.
	Rows [][]string
}

// tradeoffView writes the engine's trade-off for the window.
func tradeoffView(t *plan.Tradeoff) TradeoffView {
	v := TradeoffView{
		Title: i18n.T("costs.tradeoff.title", "Horizon", t.Period, "Meetings", count(t.HybridMeetings)),
		Rows: [][]string{
			{"", i18n.T("costs.tradeoff.col.in_room"), i18n.T("costs.tradeoff.col.remote"), i18n.T("costs.tradeoff.col.saved")},
			{i18n.T("costs.tradeoff.travel", "Year", t.PriceYear), money(t.TravelInRoom), money(t.TravelRemote), money(t.CostSaved)},
			{i18n.T("costs.tradeoff.co2"), number(t.CO2InRoomKg/1000, 0), number(t.CO2RemoteKg/1000, 0), number(t.CO2SavedKg/1000, 0)},
			{i18n.T("costs.tradeoff.night"), number(float64(t.NightMinutesInRoom)/60, 0), number(float64(t.NightMinutesRemote)/60, 0),
				i18n.T("costs.tradeoff.imposed", "Hours", number(t.NightHoursImposed, 0), "Delegations", count(t.DelegationsWithNight))},
		},
	}
	v.AsWritten = i18n.T("costs.tradeoff.as_written.remote")
	if t.AsWritten {
		v.AsWritten = i18n.T("costs.tradeoff.as_written.in_room")
	}
	return v
}

// hasHybrid reports whether a result holds hybrid meetings.
func hasHybrid(r *plan.Result) bool {
	for i := range r.Schedule.Meetings {
		if r.Schedule.Meetings[i].Format == model.Hybrid {
			return true
		}
	}
	return false
}

// hybridParticipation names, for the time-zone view, the participation
// assumption the burden followed (the cost's); "" without hybrid meetings.
func hybridParticipation(r *plan.Result) string {
	switch {
	case r.Burden == nil || !hasHybrid(r):
		return ""
	case r.Burden.TravelToHybrid:
		return i18n.T("zones.hybrid.in_room")
	}
	return i18n.T("zones.hybrid.remote")
}

// tradeoffPanel shows the hybrid trade-off of the active scenario under
// the costs' totals. The engine evaluates the scenario twice for it, so it
// runs off the UI goroutine, as the sensitivity does.
type tradeoffPanel struct {
	w        *Window
	title    *widget.Label
	note     *widget.Label
	table    *widget.Table
	progress *widget.ProgressBarInfinite
	forDoc   *Document
	forRev   int
	pending  bool // a run for forDoc at forRev is under way
	// Tradeoff is the engine's last figures and View their table, for
	// tests.
	Tradeoff *plan.Tradeoff
	View     TradeoffView
	done     func()
	content  *fyne.Container
}

func newTradeoffPanel(w *Window) *tradeoffPanel {
	t := &tradeoffPanel{w: w}
	t.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.title.Wrapping = fyne.TextWrapWord
	t.note = widget.NewLabel("")
	t.note.Wrapping = fyne.TextWrapWord
	// The heading row is the view's first; before the first run it is
	// empty, and the widths set are the floor.
	t.table = newTextTable(func() [][]string { return t.View.Rows }, []float32{250, 130, 130, 200})
	t.progress = widget.NewProgressBarInfinite()
	t.progress.Stop()
	t.progress.Hide()
	// Four rows (heading, travel, CO₂, night hours) at the table's full
	// width: a table alone asks for one cell's room.
	row := widget.NewLabel("Ag").MinSize().Height
	floor := canvas.NewRectangle(color.Transparent)
	floor.SetMinSize(fyne.NewSize(0, 4*(row+theme.SeparatorThicknessSize())+2))
	t.content = container.NewVBox(t.progress, t.title, container.NewStack(floor, t.table), t.note)
	t.content.Hide()
	return t
}

// refresh starts a trade-off run when the scenario changed since the last
// one; a scenario without hybrid meetings hides the panel.
func (t *tradeoffPanel) refresh() {
	d := t.w.WS.Active
	if d == nil || d.Result == nil || d.Result.Cost == nil || !hasHybrid(d.Result) {
		t.forDoc, t.Tradeoff, t.pending = nil, nil, false
		t.progress.Stop()
		t.content.Hide()
		return
	}
	if d == t.forDoc && d.rev == t.forRev && (t.Tradeoff != nil || t.pending) {
		return
	}
	t.forDoc, t.forRev, t.pending = d, d.rev, true
	r, ref, opt := d.Result, t.w.WS.Ref, t.w.WS.Options()
	t.content.Show()
	t.progress.Show()
	t.progress.Start()
	var tr *plan.Tradeoff
	var err error
	offUI(func() { tr, err = plan.HybridTradeoff(r, ref, opt) }, func() {
		if t.forDoc != d || t.forRev != d.rev {
			return // the scenario changed meanwhile; a newer run follows
		}
		t.pending = false
		t.progress.Stop()
		t.progress.Hide()
		switch {
		case err != nil:
			t.Tradeoff, t.View = nil, TradeoffView{}
			t.title.SetText(i18n.T("costs.tradeoff.failed", "Error", err.Error()))
			t.note.SetText("")
		case tr == nil:
			t.content.Hide()
		default:
			t.Tradeoff, t.View = tr, tradeoffView(tr)
			t.title.SetText(t.View.Title)
			t.note.SetText(t.View.AsWritten)
		}
		t.table.Refresh()
		t.content.Refresh()
		if t.done != nil {
			t.done()
		}
	})
}

// offUI runs work off the UI goroutine, then apply on it (fyne.Do). The
// test driver runs fyne.Do on the calling goroutine, where apply would
// race with the test's own drawing, so the package's tests run both in
// line, except the one that checks this path.
var offUI = func(work, apply func()) {
	go func() {
		work()
		fyne.Do(apply)
	}()
}

// notCountedNote says why the chosen meeting is not in the burden: it is
// in person, or hybrid and attended in the room.
func notCountedNote(ws *Workspace, meeting int) string {
	if d := ws.Active; d != nil && d.Result != nil && meeting >= 0 && meeting < len(d.Result.Schedule.Meetings) &&
		d.Result.Schedule.Meetings[meeting].Format == model.Hybrid {
		return i18n.T("zones.hybrid_in_room")
	}
	return i18n.T("zones.in_person")
}

// withTradeoffs returns a copy of the comparison with the hybrid
// trade-offs the workbook and the report print, computed under the
// window's options; it runs in the export's background job, since it
// evaluates each scenario with hybrid meetings twice.
func withTradeoffs(c *plan.Comparison, opt plan.Options) (*plan.Comparison, error) {
	full := *c
	if err := full.AddHybridTradeoffs(opt); err != nil {
		return nil, err
	}
	return &full, nil
}
