package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/chart"
	"mechplan/internal/cost"
	"mechplan/internal/ui/chartview"
)

// CostLine is one line of the costs view, with where its rate comes from.
type CostLine struct {
	Year, Section, Payer, Item, Quantity, Rate, Amount string
	Assumption, Source, AsOf                           string
	Placeholder                                        bool
}

// CostsView is the costs view's model.
type CostsView struct {
	Totals []Figure // by category, section and payer
	Lines  []CostLine
	Fund   string
}

var payerNames = map[cost.Payer]string{cost.RegularBudget: "Regular budget", cost.MemberStates: "Member states", cost.VoluntaryFund: "Voluntary fund"}

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
	v.Totals = []Figure{
		{Metric: "Conference servicing", Value: money(t.Servicing)},
		{Metric: "Documentation", Value: money(t.Documentation)},
		{Metric: "Secretariat staff", Value: money(t.Secretariat)},
		{Metric: "Delegation travel", Value: money(t.Travel)},
		{Metric: "Sponsorship", Value: money(t.Sponsorship)},
		{Metric: "Total (" + e.Total.Label + ", USD at " + strconv.Itoa(e.PriceYear) + " prices)", Value: money(t.Total)},
		{Metric: cost.ConferenceManagement.Name(), Value: money(t.BySection.ConferenceManagement)},
		{Metric: cost.Disarmament.Name(), Value: money(t.BySection.Disarmament)},
		{Metric: cost.PublicInformation.Name(), Value: money(t.BySection.PublicInformation)},
		{Metric: cost.Outside.Name(), Value: money(t.BySection.Outside)},
		{Metric: "Paid by the regular budget", Value: money(t.ByPayer.RegularBudget)},
		{Metric: "Paid by member states", Value: money(t.ByPayer.MemberStates)},
		{Metric: "Paid by the voluntary fund", Value: money(t.ByPayer.VoluntaryFund)},
	}
	for i := range e.Lines {
		l := &e.Lines[i]
		a, _ := e.Assumptions.Get(l.Key)
		source, asOf := a.Source, a.AsOf
		if a.Overridden {
			source, asOf = "scenario override: "+a.OverrideSource, a.OverrideAsOf
		}
		section := "§" + string(l.Section)
		if l.Section == cost.Outside {
			section = "outside"
		}
		v.Lines = append(v.Lines, CostLine{
			Year: strconv.Itoa(l.Year), Section: section, Payer: payerNames[l.Payer], Item: l.Item,
			Quantity: strconv.FormatFloat(l.Quantity, 'f', -1, 64) + " " + l.Unit, Rate: money(l.Rate), Amount: money(l.Amount),
			Assumption: a.Label, Source: source, AsOf: asOf, Placeholder: l.Placeholder,
		})
	}
	f := e.Fund()
	v.Fund = fmt.Sprintf("Sponsorship fund: %d eligible states × %s seat(s) per trip\n%s sponsored journeys, %s over %s.",
		f.Eligible, strconv.FormatFloat(f.Seats, 'f', -1, 64), chart.Number(f.Total.SeatTrips, 0), money(f.Total.Cost), e.Total.Label)
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
		return "This scenario needs no sponsored journeys."
	}
	return fmt.Sprintf("%s buys %d sponsored return journeys\nat %s each: %.0f%% of the horizon's need.",
		money(p.Amount), p.SeatTrips, money(p.SeatTripCost), p.Share*100)
}

var costHeader = []string{"Year", "Section", "Payer", "Item", "Quantity", "Rate", "Amount", "Assumption", "Source", "As of"}

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
	left    *fyne.Container
	content fyne.CanvasObject
}

func newCostsScreen(w *Window) *costsScreen {
	c := &costsScreen{w: w}
	c.totals = newTextTable(func() [][]string {
		rows := [][]string{{"Total", "USD"}}
		for _, f := range c.view.Totals {
			rows = append(rows, []string{f.Metric, f.Value})
		}
		return rows
	}, []float32{330, 170})
	c.lines = newTextTable(func() [][]string {
		rows := [][]string{costHeader}
		for _, l := range c.view.Lines {
			item := l.Item
			if l.Placeholder {
				// Written out, not only coloured: a placeholder is a
				// figure no published table confirms.
				item = "PLACEHOLDER · " + item
			}
			rows = append(rows, []string{l.Year, l.Section, l.Payer, item, l.Quantity, l.Rate, l.Amount, l.Assumption, l.Source, l.AsOf})
		}
		return rows
	}, []float32{50, 65, 120, 300, 150, 110, 120, 220, 300, 80})
	// Two short lines, not wrapping: a wrapping label under a table is
	// given one line's height and overlaps what follows.
	c.fund = widget.NewLabel("")
	c.buys = widget.NewLabel("")
	c.pledge = widget.NewEntry()
	c.pledge.SetPlaceHolder("a pledge in USD, e.g. 67000")
	c.pledge.OnChanged = func(string) { c.updatePledge() }
	c.tornado = newTornadoPanel(w)
	calc := container.NewVBox(widget.NewLabelWithStyle("Sponsorship calculator", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		c.fund, container.NewBorder(nil, nil, widget.NewLabel("Pledge"), nil, c.pledge), c.buys)
	left := container.NewBorder(nil, calc, nil, nil, c.totals)
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
	text := strings.NewReplacer(",", "", "$", "", " ", "").Replace(c.pledge.Text)
	if text == "" {
		c.buys.SetText("")
		return
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil || v < 0 {
		c.buys.Importance = widget.DangerImportance
		c.buys.SetText(fmt.Sprintf("%q is not an amount: give US dollars, 0 or more.", c.pledge.Text))
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
}

func newTornadoPanel(w *Window) *tornadoPanel {
	t := &tornadoPanel{w: w, chart: chartview.New("The sensitivity appears here.")}
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
		t.chart.Clear("No cost estimate: open a scenario with a valid result.")
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
	go func() {
		swings, err := e.Sensitivity(sensitivityDelta)
		fyne.Do(func() {
			t.progress.Stop()
			t.progress.Hide()
			if t.forDoc != d || t.forRev != d.rev {
				return // the scenario changed meanwhile; a newer run follows
			}
			if err != nil {
				t.chart.Clear("The sensitivity could not run: " + err.Error())
			} else {
				t.Swings = swings
				if tor, ok := chart.CostSensitivity(r, swings, tornadoRows); ok {
					t.chart.SetTornado(tor)
				} else {
					t.chart.Clear("No assumption moves the total.")
				}
			}
			if t.done != nil {
				t.done()
			}
		})
	}()
}
