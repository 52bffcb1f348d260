package ui

import (
	"errors"
	"strconv"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/chart"
	"mechplan/internal/cost"
	"mechplan/internal/i18n"
	"mechplan/internal/ui/chartview"
)

// CostLine is one line of the costs view, with where its rate comes from.
type CostLine struct {
	Year, Section, Payer, Item, Quantity, Rate, Amount string
	Assumption, Source, AsOf                           string
	Placeholder                                        bool
	// Stale: the rate is over three years older than the estimate and
	// recosted from PriceYear.
	Stale     bool
	PriceYear int
}

// CostsView is the costs view's model.
type CostsView struct {
	Totals []Figure // by category, section and payer
	Lines  []CostLine
	Fund   string
}

// Costs lists the active scenario's cost lines by section and payer, each
// with its assumption's source and date.
func (w *Workspace) Costs() CostsView {
	d := w.Active
	var v CostsView
	if d == nil || d.Result == nil || d.Result.Cost == nil {
		return v
	}
	e := d.Result.Cost
	t := e.Total.Totals
	// The two figures a budget officer must not confuse come first.
	v.Totals = []Figure{
		{Metric: i18n.T("costs.total", "Horizon", e.Total.Label, "Year", e.PriceYear), Value: money(t.Total)},
		{Metric: i18n.T("costs.additional", "Horizon", e.Total.Label), Value: money(t.AdditionalRequirement)},
		{Metric: i18n.T("costs.servicing"), Value: money(t.Servicing)},
		{Metric: i18n.T("costs.documentation"), Value: money(t.Documentation)},
		{Metric: i18n.T("costs.secretariat"), Value: money(t.Secretariat)},
		{Metric: i18n.T("costs.travel"), Value: money(t.Travel)},
		{Metric: i18n.T("costs.sponsorship"), Value: money(t.Sponsorship)},
		{Metric: sectionLabel(cost.ConferenceManagement), Value: money(t.BySection.ConferenceManagement)},
		{Metric: sectionLabel(cost.Disarmament), Value: money(t.BySection.Disarmament)},
		{Metric: sectionLabel(cost.PublicInformation), Value: money(t.BySection.PublicInformation)},
		{Metric: sectionLabel(cost.Outside), Value: money(t.BySection.Outside)},
		{Metric: i18n.T("costs.paid_regular"), Value: money(t.ByPayer.RegularBudget)},
		{Metric: i18n.T("costs.paid_states"), Value: money(t.ByPayer.MemberStates)},
		{Metric: i18n.T("costs.paid_fund"), Value: money(t.ByPayer.VoluntaryFund)},
	}
	// The statement by object of expenditure: what the United Nations
	// pays, regular budget and voluntary fund.
	for _, o := range cost.ObjectList {
		v.Totals = append(v.Totals, Figure{Metric: i18n.T("costs.object." + string(o)), Value: money(t.ByObject.Get(o))})
	}
	v.Totals = append(v.Totals,
		Figure{Metric: i18n.T("costs.object.staff_assessment"), Value: money(t.ByObject.StaffAssessment)},
		Figure{Metric: i18n.T("costs.co2", "Horizon", e.Total.Label), Value: number(e.Total.CO2Kg/1000, 0)},
		Figure{Metric: i18n.T("costs.workload.interpreted_hours", "Horizon", e.Total.Label), Value: number(e.Total.Workload.InterpretedMeetingHours, 0)},
		Figure{Metric: i18n.T("costs.workload.pages", "Horizon", e.Total.Label), Value: number(e.Total.Workload.PagesTranslated, 0)},
	)
	for i := range e.Lines {
		l := &e.Lines[i]
		a, _ := e.Assumptions.Get(l.Key)
		source, asOf := a.Source, a.AsOf
		if a.Overridden {
			source, asOf = i18n.T("costs.override_source", "Source", a.OverrideSource), a.OverrideAsOf
		}
		section := "§" + string(l.Section)
		if l.Section == cost.Outside {
			section = i18n.T("costs.outside")
		}
		v.Lines = append(v.Lines, CostLine{
			Year: strconv.Itoa(l.Year), Section: section, Payer: payerLabel(l.Payer), Item: message(l.ItemMsg),
			Quantity: i18n.F().Compact(l.Quantity, 4) + " " + i18n.Label("costs.unit."+keyOf(l.Unit), l.Unit), Rate: money(l.Rate), Amount: money(l.Amount),
			Assumption: rateLabel(l.Key, a.Label), Source: source, AsOf: asOf, Placeholder: l.Placeholder, Stale: l.Stale, PriceYear: l.RatePriceYear,
		})
	}
	f := e.Fund()
	v.Fund = i18n.T("costs.fund", "Eligible", number(float64(f.Eligible), 0), "Seats", i18n.F().Compact(f.Seats, 2),
		"Journeys", number(f.Total.SeatTrips, 0), "Cost", money(f.Total.Cost), "Horizon", e.Total.Label) + "\n" +
		i18n.T("costs.fund.support", "Support", money(f.Total.ProgrammeSupport), "Pledged", money(f.Total.Pledged), "Gap", money(f.Total.Gap))
	return v
}

// Pledge says what a pledge buys under the active scenario.
func (w *Workspace) Pledge(amount float64) string {
	d := w.Active
	if d == nil || d.Result == nil || d.Result.Cost == nil {
		return ""
	}
	p := d.Result.Cost.Buys(amount)
	if p.SeatTripCost == 0 {
		return i18n.T("costs.pledge.none")
	}
	return i18n.T("costs.pledge.buys", "Amount", money(p.Amount), "Journeys", number(float64(p.SeatTrips), 0),
		"Each", money(p.SeatTripCost), "Share", i18n.F().Percent(p.Share*100, 0))
}

func costHeader() []string {
	var out []string
	for _, k := range []string{"year", "section", "payer", "item", "quantity", "rate", "amount", "assumption", "source", "as_of"} {
		out = append(out, i18n.T("costs.col."+k))
	}
	return out
}

// costsScreen shows cost lines, the sensitivity and the sponsorship
// calculator.
type costsScreen struct {
	w       *Window
	view    CostsView
	totals  *widget.Table
	lines   *widget.Table
	fund    *widget.Label
	pledge  *widget.Entry
	buys    *widget.Label
	tornado *tornadoPanel
	hybrid  *tradeoffPanel
	left    *fyne.Container
	content fyne.CanvasObject
}

func newCostsScreen(w *Window) *costsScreen {
	c := &costsScreen{w: w}
	var totalsWidths []float32
	c.totals, totalsWidths = newTextTableWidths(func() [][]string {
		rows := [][]string{{i18n.T("costs.col.total"), i18n.T("export.unit.usd")}}
		for _, f := range c.view.Totals {
			rows = append(rows, []string{f.Metric, f.Value})
		}
		return rows
	}, []float32{330, 170})
	c.lines = newTextTable(func() [][]string {
		rows := [][]string{costHeader()}
		for _, l := range c.view.Lines {
			item := l.Item
			if l.Placeholder {
				// Written out, not only coloured: a placeholder is a
				// figure no published table confirms.
				item = i18n.T("costs.placeholder_mark") + " · " + item
			}
			if l.Stale {
				item = i18n.T("costs.stale_mark", "Year", l.PriceYear) + " · " + item
			}
			rows = append(rows, []string{l.Year, l.Section, l.Payer, item, l.Quantity, l.Rate, l.Amount, l.Assumption, l.Source, l.AsOf})
		}
		return rows
	}, []float32{50, 65, 120, 300, 150, 110, 120, 220, 300, 80})
	// Wrapped to the pane's width (in the left pane's scroll, which gives
	// them their height): a line of one long sentence would set the
	// pane's minimum width and, at 150 % or in a longer language, push
	// the sensitivity chart out of the window.
	c.fund = widget.NewLabel("")
	c.fund.Wrapping = fyne.TextWrapWord
	c.buys = widget.NewLabel("")
	c.buys.Wrapping = fyne.TextWrapWord
	c.pledge = widget.NewEntry()
	c.pledge.SetPlaceHolder(i18n.T("costs.pledge.placeholder"))
	c.pledge.OnChanged = func(string) { c.updatePledge() }
	c.tornado = newTornadoPanel(w)
	calc := container.NewVBox(widget.NewLabelWithStyle(i18n.T("costs.calculator"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		c.fund, container.NewBorder(nil, nil, widget.NewLabel(i18n.T("costs.pledge")), nil, c.pledge), c.buys)
	c.hybrid = newTradeoffPanel(w)
	left := costsLeftPane(fitLabelColumn(c.totals, totalsWidths), c.hybrid, calc)
	c.left = left
	top := container.NewHSplit(left, c.tornado.content)
	top.Offset = 0.5
	split := container.NewVSplit(top, c.lines)
	split.Offset = 0.58
	// No refresh here: the sensitivity is long work, started when the
	// view is first shown.
	c.content = split
	return c
}

func (c *costsScreen) updatePledge() {
	// Thousands separators of any language are dropped: 67,000, 67 000
	// and 67.000 are all a pledge of sixty-seven thousand dollars.
	text := strings.NewReplacer(",", "", ".", "", "$", "", " ", "", "\u00a0", "", "\u202f", "", "USD", "").Replace(c.pledge.Text)
	if text == "" {
		c.buys.SetText("")
		return
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil || v < 0 {
		c.buys.Importance = widget.DangerImportance
		c.buys.SetText(i18n.T("costs.pledge.invalid", "Value", c.pledge.Text))
		return
	}
	c.buys.Importance = widget.MediumImportance
	c.buys.SetText(c.w.WS.Pledge(v))
	// The answer's height changed; the pane must lay out again.
	c.left.Refresh()
}

func (c *costsScreen) refresh() {
	c.view = c.w.WS.Costs()
	c.fund.SetText(c.view.Fund)
	c.updatePledge()
	c.totals.Refresh()
	c.lines.Refresh()
	c.tornado.refresh()
	c.hybrid.refresh()
	c.left.Refresh()
}

// sensitivityDelta is how far each assumption moves in the tornado: ±20%,
// the range the cost documentation quotes.
const sensitivityDelta = 0.2

// tornadoRows is how many assumptions the tornado shows, widest first.
const tornadoRows = 10

// tornadoPanel runs the cost sensitivity off the UI goroutine (it
// re-estimates the scenario twice per assumption) and draws its tornado.
type tornadoPanel struct {
	w        *Window
	chart    *chartview.Chart
	progress *widget.ProgressBarInfinite
	forDoc   *Document
	forRev   int
	// Swings are the last sensitivity, for tests.
	Swings  []cost.Swing
	done    func()
	content fyne.CanvasObject
	// run counts the sensitivity runs started; a run whose number is no
	// longer the last stops (the scenario changed or was closed).
	run atomic.Int64
}

func newTornadoPanel(w *Window) *tornadoPanel {
	t := &tornadoPanel{w: w, chart: chartview.New(i18n.T("costs.tornado.empty"))}
	t.progress = widget.NewProgressBarInfinite()
	t.progress.Stop()
	t.progress.Hide()
	t.content = container.NewBorder(t.progress, nil, nil, nil, t.chart)
	return t
}

// refresh starts a sensitivity run when the scenario changed since the
// last one.
func (t *tornadoPanel) refresh() {
	d := t.w.WS.Active
	if d == nil || d.Result == nil || d.Result.Cost == nil {
		t.run.Add(1) // a run under way is for nothing now
		t.progress.Stop()
		t.progress.Hide()
		t.chart.Clear(i18n.T("costs.tornado.no_estimate"))
		return
	}
	if d == t.forDoc && d.rev == t.forRev && t.Swings != nil {
		return
	}
	t.forDoc, t.forRev = d, d.rev
	r := d.Result
	e := r.Cost
	t.progress.Show()
	t.progress.Start()
	n := t.run.Add(1)
	go func() {
		swings, err := e.SensitivityUntil(sensitivityDelta, func() bool { return t.run.Load() != n })
		if errors.Is(err, cost.ErrStopped) {
			return // a newer run follows, or none is wanted
		}
		fyne.Do(func() {
			t.progress.Stop()
			t.progress.Hide()
			if t.forDoc != d || t.forRev != d.rev {
				return // the scenario changed meanwhile; a newer run follows
			}
			if err != nil {
				t.chart.Clear(i18n.T("costs.tornado.failed", "Error", err.Error()))
			} else {
				t.Swings = swings
				if tor, ok := chart.CostSensitivity(r, swings, tornadoRows); ok {
					t.chart.SetTornado(localTornado(tor, swings))
				} else {
					t.chart.Clear(i18n.T("costs.tornado.flat"))
				}
			}
			if t.done != nil {
				t.done()
			}
		})
	}()
}

// localTornado writes the sensitivity chart's title, assumptions and
// values in the user's language; the chart package builds them in
// English from the same swings, whose keys name the rates.
func localTornado(t chart.Tornado, swings []cost.Swing) chart.Tornado {
	f := i18n.F()
	names := map[string]string{}
	for _, s := range swings {
		english, local := s.Label, rateLabel(s.Key, s.Label)
		if s.Placeholder {
			english += " (placeholder)"
			local += " " + i18n.T("chart.tornado.placeholder")
		}
		names[english] = local
	}
	t.Title = i18n.T("chart.tornado.title", "Percent", i18n.F().Percent(sensitivityDelta*100, 0))
	t.BaseText = f.MoneyShort(t.Base)
	rows := make([]chart.TornadoRow, len(t.Rows))
	for i, r := range t.Rows {
		r.LowText, r.HighText = f.MoneyShort(r.Low), f.MoneyShort(r.High)
		if local, ok := names[r.Label]; ok {
			r.Label = local
		}
		rows[i] = r
	}
	t.Rows = rows
	return t
}
