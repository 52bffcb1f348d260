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
// the engine's plan.Tradeoff, period and units in the title, the column
// headings and the summary.
type TradeoffView struct {
	Title string
	// Rows: the heading (delegation travel, CO₂, night hours), then in the
	// room, following remotely and saved by remote participation (in the
	// room minus remotely: the night hours it imposes read negative).
	Rows [][]string
	// Summary says what remote participation saves and imposes; AsWritten
	// which way the scenario as written goes, by its assumption
	// (delegation.travel_to_hybrid).
	Summary, AsWritten string
}

// tradeoffView writes the engine's trade-off for the window.
func tradeoffView(t *plan.Tradeoff) TradeoffView {
	tonnes := func(kg float64) string { return number(kg/1000, 0) }
	nightIn, nightOut := float64(t.NightMinutesInRoom)/60, float64(t.NightMinutesRemote)/60
	v := TradeoffView{
		Title: i18n.T("costs.tradeoff.title", "Horizon", t.Period, "Meetings", count(t.HybridMeetings)),
		Rows: [][]string{
			tradeoffHeading(),
			{i18n.T("costs.tradeoff.col.in_room"), money(t.TravelInRoom), tonnes(t.CO2InRoomKg), number(nightIn, 0)},
			{i18n.T("costs.tradeoff.col.remote"), money(t.TravelRemote), tonnes(t.CO2RemoteKg), number(nightOut, 0)},
			{i18n.T("costs.tradeoff.row.saved"), money(t.CostSaved), tonnes(t.CO2SavedKg), number(nightIn-nightOut, 0)},
		},
		Summary: i18n.T("costs.tradeoff.summary", "Cost", money(t.CostSaved), "Year", t.PriceYear, "CO2", tonnes(t.CO2SavedKg),
			"Hours", number(t.NightHoursImposed, 0), "Delegations", count(t.DelegationsWithNight)),
	}
	v.AsWritten = i18n.T("costs.tradeoff.as_written.remote")
	if t.AsWritten {
		v.AsWritten = i18n.T("costs.tradeoff.as_written.in_room")
	}
	return v
}

// tradeoffHeading is the heading row of the window's trade-off table.
func tradeoffHeading() []string {
	return []string{"", i18n.T("costs.tradeoff.head.travel"), i18n.T("costs.tradeoff.head.co2"), i18n.T("costs.tradeoff.head.night")}
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

// hybridParticipation names, for the time-zone and my-delegation views,
// the participation assumption the burden followed (the cost's); "" without
// hybrid meetings.
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
	summary  *widget.Label
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
	t.summary = widget.NewLabel("")
	t.summary.Wrapping = fyne.TextWrapWord
	t.note = widget.NewLabel("")
	t.note.Wrapping = fyne.TextWrapWord
	// Before the first run the table holds its heading, which sets the
	// columns' widths in the language.
	var widths []float32
	t.table, widths = newTextTableWidths(func() [][]string {
		if len(t.View.Rows) == 0 {
			return [][]string{tradeoffHeading()}
		}
		return t.View.Rows
	}, []float32{155, 140, 60, 70})
	t.progress = widget.NewProgressBarInfinite()
	t.progress.Stop()
	t.progress.Hide()
	// Four rows (heading, in the room, remotely, saved) at the table's full
	// width: a table alone asks for one cell's room.
	row := widget.NewLabel("Ag").MinSize().Height
	floor := canvas.NewRectangle(color.Transparent)
	floor.SetMinSize(fyne.NewSize(0, 4*(row+theme.SeparatorThicknessSize())+2*theme.Padding()))
	t.content = container.NewVBox(t.progress, t.title, container.NewStack(floor, fitLabelColumn(t.table, widths)), t.summary, t.note)
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
			t.summary.SetText("")
			t.note.SetText("")
		case tr == nil:
			t.content.Hide()
		default:
			t.Tradeoff, t.View = tr, tradeoffView(tr)
			t.title.SetText(t.View.Title)
			t.summary.SetText(t.View.Summary)
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

// costsLeftPane lays out the costs view's left pane: the totals above,
// and below them, scrolling together, the hybrid trade-off (when the
// scenario has hybrid meetings) and the sponsorship calculator.
func costsLeftPane(totals fyne.CanvasObject, hybrid *tradeoffPanel, calc fyne.CanvasObject) *fyne.Container {
	split := container.NewVSplit(totals, container.NewVScroll(container.NewVBox(hybrid.content, calc)))
	split.Offset = 0.45
	return container.NewStack(split)
}
