package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/burden"
	"mechplan/internal/chart"
	"mechplan/internal/model"
	"mechplan/internal/refdata"
	"mechplan/internal/schedule"
	"mechplan/internal/ui/chartview"
)

// Band names of a delegation's local time, as the time-zone table shows
// them.
const (
	bandWorking    = "working"
	bandUnsociable = "unsociable"
	bandNight      = "night"
)

// ZoneRow is one delegation's local time for the chosen meeting.
type ZoneRow struct {
	ISO3, Name, Group, Status string
	Local                     string // "Tue 21 Jul 03:00–06:00 (+1 day)"
	Band                      string // working, unsociable or night
	Night, Unsociable         int    // minutes of the meeting in each band
	Lat, Lon                  float64
	// Score is the delegation's burden over the whole scenario.
	Score  float64
	offset int // minutes east of the venue, for sorting by local time
}

// Sort orders of the time-zone table.
const (
	SortByName   = "Name"
	SortByLocal  = "Local time"
	SortByBurden = "Night minutes"
	SortByScore  = "Scenario burden"
)

// Status filters of the time-zone table.
var statusFilters = []string{"All", "LDC", "LLDC", "SIDS"}

// ZoneQuery is what the user chose on the time-zone view.
type ZoneQuery struct {
	Meeting int    // index into the schedule's meetings
	Group   string // "" or a regional group
	Status  string // "", LDC, LLDC or SIDS
	Sort    string
}

// ZoneView is the time-zone view's model.
type ZoneView struct {
	Meetings []string // label of every meeting, for the picker
	Meeting  string
	// MeetingIndex is the chosen meeting's index in the schedule, and
	// Venue where it meets.
	MeetingIndex int
	Venue        *refdata.Venue
	// Counted says whether the chosen meeting counts for the burden
	// (it is open to remote participation, or the settings count all).
	Counted bool
	Rows    []ZoneRow
	Summary []Figure
	Bands   string
}

// MeetingLabel names a meeting in venue time.
func MeetingLabel(m *schedule.Meeting) string {
	return fmt.Sprintf("%s · %s %s–%s %s (%s)", m.BodyName, m.Start.Format("Mon 2 Jan 2006"), m.Start.Format("15:04"), m.End.Format("15:04"), m.Venue, formatLabels[m.Format])
}

// TimeZones lays out the 193 delegations' local times for one meeting of
// the active scenario, with each one's band from the engine.
func (w *Workspace) TimeZones(q ZoneQuery) ZoneView {
	d := w.Active
	var v ZoneView
	if d == nil || d.Result == nil || d.Result.Burden == nil {
		return v
	}
	r := d.Result
	sch := r.Schedule
	for i := range sch.Meetings {
		v.Meetings = append(v.Meetings, MeetingLabel(&sch.Meetings[i]))
	}
	sum := r.Burden.Summary
	// Up to six names keep the line short; the table sorted by burden
	// lists them all.
	worst := strings.Join(sum.WorstOff[:min(6, len(sum.WorstOff))], ", ")
	if n := len(sum.WorstOff) - 6; n > 0 {
		worst += fmt.Sprintf(" and %d more", n)
	}
	if worst == "" {
		worst = "none"
	}
	v.Summary = []Figure{
		{Metric: "Delegations with any night hours", Value: fmt.Sprint(sum.HitByNight)},
		{Metric: "Worst off", Value: worst},
		{Metric: "Worst-off score (weighted hours)", Value: oneDecimal(sum.Max)},
		{Metric: "Fairness (Gini, 0 = shared equally)", Value: fmt.Sprintf("%.2f", sum.Gini)},
	}
	var bands []string
	for _, b := range r.Burden.Bands {
		bands = append(bands, b.String())
	}
	v.Bands = strings.Join(bands, "\n")
	if len(sch.Meetings) == 0 {
		return v
	}
	if q.Meeting < 0 {
		// Until the user picks one, show the first meeting the burden
		// counts: the one a capital follows remotely.
		q.Meeting = 0
		if len(r.Burden.Counted) > 0 {
			q.Meeting = r.Burden.Counted[0]
		}
	}
	q.Meeting = min(q.Meeting, len(sch.Meetings)-1)
	m := &sch.Meetings[q.Meeting]
	v.Counted = slices.Contains(r.Burden.Counted, q.Meeting)
	v.MeetingIndex = q.Meeting
	v.Venue, _ = w.Ref.Venue(m.Venue)
	v.Meeting = v.Meetings[q.Meeting]
	_, venueOff := m.Start.Zone()
	for i := range w.Ref.States {
		st := &w.Ref.States[i]
		status := statusOf(st)
		if q.Group != "" && st.Group != q.Group {
			continue
		}
		if q.Status != "" && !strings.Contains(status, q.Status) {
			continue
		}
		start, end := burden.Local(m, st)
		mins := burden.MeetingBurden(m, st, r.Burden.Bands)
		band := bandWorking
		switch {
		case mins.Night > 0:
			band = bandNight
		case mins.Unsociable > 0:
			band = bandUnsociable
		}
		local := start.Format("Mon 2 Jan 15:04") + "–" + end.Format("15:04")
		if dd := dayShift(m, start); dd != "" {
			local += " (" + dd + ")"
		}
		_, off := start.Zone()
		v.Rows = append(v.Rows, ZoneRow{ISO3: st.ISO3, Name: st.Name, Group: st.Group, Status: status, Local: local, Band: band,
			Night: mins.Night, Unsociable: mins.Unsociable, Lat: st.Lat, Lon: st.Lon,
			Score: r.Burden.Delegations[i].Score, offset: (off - venueOff) / 60})
	}
	sortZoneRows(v.Rows, q.Sort)
	return v
}

// dayShift says when the local date differs from the venue's.
func dayShift(m *schedule.Meeting, local time.Time) string {
	vy, vm, vd := m.Start.Date()
	ly, lm, ld := local.Date()
	v, l := time.Date(vy, vm, vd, 0, 0, 0, 0, time.UTC), time.Date(ly, lm, ld, 0, 0, 0, 0, time.UTC)
	switch {
	case l.After(v):
		return "next day"
	case l.Before(v):
		return "day before"
	}
	return ""
}

func statusOf(st *refdata.MemberState) string {
	var s []string
	if st.LDC {
		s = append(s, "LDC")
	}
	if st.LLDC {
		s = append(s, "LLDC")
	}
	if st.SIDS {
		s = append(s, "SIDS")
	}
	return strings.Join(s, ", ")
}

func sortZoneRows(rows []ZoneRow, by string) {
	slices.SortStableFunc(rows, func(a, b ZoneRow) int {
		switch by {
		case SortByLocal:
			return a.offset - b.offset
		case SortByBurden:
			if a.Night != b.Night {
				return b.Night - a.Night
			}
			return b.Unsociable - a.Unsociable
		case SortByScore:
			switch {
			case a.Score > b.Score:
				return -1
			case a.Score < b.Score:
				return 1
			}
			return 0
		}
		return strings.Compare(a.Name, b.Name)
	})
}

// bandColor is a band's colour from the theme.
func bandColor(band string) color.Color {
	switch band {
	case bandNight:
		return themeColor(colorNight)
	case bandUnsociable:
		return themeColor(colorUnsociable)
	}
	return themeColor(colorWorking)
}

// zonesScreen is the time-zone view: the meeting planner table, the world
// picture and the optimiser.
type zonesScreen struct {
	w       *Window
	query   ZoneQuery
	view    ZoneView
	meeting *widget.Select
	group   *widget.Select
	status  *widget.Select
	sort    *widget.Select
	table   *widget.Table
	world   *drawing
	colour  *widget.RadioGroup
	summary *widget.Label
	side    *container.Scroll
	optim   *optimiserPanel
	content fyne.CanvasObject
	forDoc  *Document
	// ready is set once every widget exists: the filters' callbacks run
	// while they are being set up.
	ready bool
}

var zoneHeader = []string{"Delegation", "Local time", "Band", "Night min", "Unsociable min", "Group", "Status"}

func newZonesScreen(w *Window) *zonesScreen {
	z := &zonesScreen{w: w, query: ZoneQuery{Meeting: -1, Sort: SortByLocal}}
	z.meeting = widget.NewSelect(nil, func(string) {
		if i := z.meeting.SelectedIndex(); i >= 0 && i != z.query.Meeting {
			z.query.Meeting = i
			z.refresh()
		}
	})
	groups := append([]string{"All groups"}, refdata.Groups...)
	z.group = widget.NewSelect(groups, func(v string) {
		z.query.Group = ""
		if v != groups[0] {
			z.query.Group = v
		}
		z.refresh()
	})
	z.group.SetSelectedIndex(0)
	z.status = widget.NewSelect(statusFilters, func(v string) {
		z.query.Status = ""
		if v != statusFilters[0] {
			z.query.Status = v
		}
		z.refresh()
	})
	z.status.SetSelectedIndex(0)
	z.sort = widget.NewSelect([]string{SortByLocal, SortByName, SortByBurden, SortByScore}, func(v string) {
		z.query.Sort = v
		z.refresh()
	})
	z.sort.SetSelected(SortByLocal)
	z.table = widget.NewTable(
		func() (int, int) { return len(z.view.Rows) + 1, len(zoneHeader) },
		func() fyne.CanvasObject {
			bg := canvas.NewRectangle(color.Transparent)
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(bg, l)
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			bg, l := c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*widget.Label)
			bg.FillColor = color.Transparent
			l.TextStyle = fyne.TextStyle{Bold: id.Row == 0}
			if id.Row == 0 {
				l.SetText(zoneHeader[id.Col])
				bg.Refresh()
				return
			}
			r := z.view.Rows[id.Row-1]
			cells := []string{r.Name, r.Local, r.Band, fmt.Sprint(r.Night), fmt.Sprint(r.Unsociable), r.Group, r.Status}
			if id.Col == 1 || id.Col == 2 {
				// The band is written in its own column too: colour
				// alone does not tell it.
				bg.FillColor = bandColor(r.Band)
			}
			bg.Refresh()
			l.SetText(cells[id.Col])
		})
	for i, wd := range []float32{190, 275, 90, 80, 110, 200, 110} {
		z.table.SetColumnWidth(i, wd)
	}
	z.table.StickyRowCount = 1
	z.world = newDrawing(fyne.NewSize(360, 180), z.drawWorld)
	z.colour = widget.NewRadioGroup([]string{colourByBand, colourByScore}, func(string) { z.world.Refresh() })
	z.colour.Horizontal = true
	z.colour.SetSelected(colourByBand)
	z.summary = widget.NewLabel("")
	z.optim = newOptimiserPanel(w)
	filters := container.NewGridWithColumns(3,
		container.NewBorder(nil, nil, widget.NewLabel("Group"), nil, z.group),
		container.NewBorder(nil, nil, widget.NewLabel("Status"), nil, z.status),
		container.NewBorder(nil, nil, widget.NewLabel("Sort by"), nil, z.sort))
	head := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("Meeting"), nil, z.meeting), filters)
	// The summary and the optimiser share one scroll: wrapped text laid
	// out beside a picture otherwise overlaps what follows it.
	z.side = container.NewVScroll(container.NewVBox(z.summary, widget.NewSeparator(), z.optim.content))
	z.optim.relayout = z.side.Refresh
	right := container.NewVSplit(container.NewBorder(z.colour, nil, nil, nil, z.world), z.side)
	right.Offset = 0.55
	split := container.NewHSplit(z.table, right)
	split.Offset = 0.62
	z.content = container.NewBorder(head, nil, nil, nil, split)
	// Filled when first shown: 193 rows nobody looks at cost start time.
	z.ready = true
	return z
}

// Rows returns the table's rows as shown, for tests.
func (z *zonesScreen) Rows() []ZoneRow { return z.view.Rows }

func (z *zonesScreen) refresh() {
	if !z.ready {
		return
	}
	// Another scenario starts again from its first counted meeting.
	if z.w.WS.Active != z.forDoc {
		z.forDoc = z.w.WS.Active
		z.query.Meeting = -1
	}
	z.view = z.w.WS.TimeZones(z.query)
	z.meeting.Options = z.view.Meetings
	z.query.Meeting = z.view.MeetingIndex
	z.meeting.Selected = z.view.Meeting
	z.meeting.Refresh()
	var lines []string
	for _, f := range z.view.Summary {
		lines = append(lines, f.Metric+": "+f.Value)
	}
	// Short lines, no wrapping: a wrapping label beside a picture is laid
	// out one line high and overlaps what follows.
	text := strings.Join(lines, "\n")
	if z.view.Bands != "" {
		text += "\nBands (counting meetings open to remote participation):\n" + z.view.Bands
	}
	if z.view.Meeting != "" && !z.view.Counted {
		text += "\nThis meeting is in person: not counted in the burden;\nlocal times are shown for capital backstopping."
	}
	if len(z.view.Meetings) == 0 {
		text = "No meetings: open a scenario with a valid result."
	}
	z.summary.SetText(text)
	z.side.Refresh()
	z.table.Refresh()
	z.world.Refresh()
	z.optim.refresh()
}

// How the world picture colours the capitals.
const (
	colourByBand  = "This meeting's band"
	colourByScore = "Burden over the scenario"
)

// capitalColour colours a capital by the meeting's band or by its share of
// the worst burden over the scenario.
func (z *zonesScreen) capitalColour(r ZoneRow, maxScore float64) color.Color {
	if z.colour.Selected == colourByScore {
		f := 0.0
		if maxScore > 0 {
			f = r.Score / maxScore
		}
		return chartview.Blend(themeColor(chartview.ColorHeatLow), themeColor(chartview.ColorHeatHigh), f)
	}
	return bandColor(r.Band)
}

// drawWorld places every capital of the table by its coordinates
// (equirectangular), coloured by its band for the meeting, over a grid of
// 30° meridians and parallels, with a legend that names the bands.
func (z *zonesScreen) drawWorld(size fyne.Size) []fyne.CanvasObject {
	fg := themeColor(theme.ColorNameForeground)
	legendH := float32(22)
	mw, mh := size.Width, size.Height-legendH
	if mw/2 < mh {
		mh = mw / 2
	} else {
		mw = mh * 2
	}
	if mw < 40 {
		return nil
	}
	ox := (size.Width - mw) / 2
	objs := []fyne.CanvasObject{rect(themeColor(colorLand), ox, 0, mw, mh)}
	grid := themeColor(colorGrid)
	for lon := -180; lon <= 180; lon += 30 {
		x := ox + float32(lon+180)/360*mw
		objs = append(objs, line(grid, x, 0, x, mh, 1))
	}
	for lat := -90; lat <= 90; lat += 30 {
		y := float32(90-lat) / 180 * mh
		objs = append(objs, line(grid, ox, y, ox+mw, y, 1))
	}
	dot := max(mw/160, 4)
	maxScore := 0.0
	for _, r := range z.view.Rows {
		maxScore = max(maxScore, r.Score)
	}
	for _, r := range z.view.Rows {
		x := ox + float32(r.Lon+180)/360*mw
		y := float32(90-r.Lat) / 180 * mh
		c := canvas.NewCircle(z.capitalColour(r, maxScore))
		c.StrokeColor = fg
		c.StrokeWidth = 0.5
		c.Move(fyne.NewPos(x-dot/2, y-dot/2))
		c.Resize(fyne.NewSize(dot, dot))
		objs = append(objs, c)
	}
	if m := z.view.Venue; m != nil {
		x := ox + float32(m.Lon+180)/360*mw
		y := float32(90-m.Lat) / 180 * mh
		objs = append(objs, rect(themeColor(colorConflict), x-dot*0.7, y-dot*0.7, dot*1.4, dot*1.4),
			text("venue: "+m.City, fg, smallText(), true, x+dot, y-dot))
	}
	if z.colour.Selected == colourByScore {
		// Legend: the scale's two ends with their values written.
		lo, hi := "0", chart.Number(maxScore, 1)+" weighted hours (worst off)"
		objs = append(objs, rect(themeColor(chartview.ColorHeatLow), ox, mh+6, 12, 12), text(lo, fg, smallText(), false, ox+16, mh+4))
		x := ox + 16 + textWidth(lo, smallText(), false) + 14
		objs = append(objs, rect(themeColor(chartview.ColorHeatHigh), x, mh+6, 12, 12), text(hi, fg, smallText(), false, x+16, mh+4))
		return objs
	}
	// Legend: a swatch and a count per band, so the picture reads without
	// telling colours apart.
	counts := map[string]int{}
	for _, r := range z.view.Rows {
		counts[r.Band]++
	}
	x := ox
	for _, b := range []string{bandWorking, bandUnsociable, bandNight} {
		label := fmt.Sprintf("%s: %d", b, counts[b])
		objs = append(objs, rect(bandColor(b), x, mh+6, 12, 12), text(label, fg, smallText(), false, x+16, mh+4))
		x += 16 + textWidth(label, smallText(), false) + 14
	}
	return objs
}

// optimiserPanel runs the start-time optimiser off the UI goroutine and
// offers to apply its suggestion to the scenario.
type optimiserPanel struct {
	w        *Window
	run      *widget.Button
	apply    *widget.Button
	progress *widget.ProgressBarInfinite
	report   *widget.Label
	// Suggestion is the last suggestion, for the active document only.
	Suggestion *burden.Suggestion
	forDoc     *Document
	forRev     int
	content    fyne.CanvasObject
	// relayout lays out the scroll around the report after its text
	// changed height.
	relayout func()
}

func newOptimiserPanel(w *Window) *optimiserPanel {
	o := &optimiserPanel{w: w}
	o.report = widget.NewLabel("The optimiser tries every quarter-hour start for each body open to remote participation, and rotations of start times, to lighten the worst-off delegation's burden.")
	o.report.Wrapping = fyne.TextWrapWord
	o.progress = widget.NewProgressBarInfinite()
	o.progress.Hide()
	o.run = widget.NewButtonWithIcon("Suggest start times", theme.SearchIcon(), func() { o.Run(nil) })
	o.apply = widget.NewButtonWithIcon("Apply the suggestion", theme.ConfirmIcon(), o.Apply)
	o.apply.Disable()
	o.content = container.NewVBox(container.NewHBox(o.run, o.apply), o.progress, o.report)
	return o
}

// Run computes a suggestion in the background; done, if given, is called
// on the UI goroutine when it is shown.
func (o *optimiserPanel) Run(done func()) {
	d := o.w.WS.Active
	if d == nil || d.Result == nil {
		return
	}
	s := d.Scenario.Clone()
	ref, opt := o.w.WS.Ref, o.w.WS.Options()
	o.run.Disable()
	o.progress.Show()
	o.progress.Start()
	o.report.SetText("Searching…")
	go func() {
		sug, err := burden.Optimize(s, ref, opt.Burden)
		fyne.Do(func() {
			o.progress.Stop()
			o.progress.Hide()
			o.run.Enable()
			if err != nil {
				o.report.SetText("The optimiser could not run: " + err.Error())
			} else {
				o.Suggestion, o.forDoc, o.forRev = sug, d, d.rev
				o.show()
			}
			if done != nil {
				done()
			}
		})
	}()
}

func (o *optimiserPanel) show() {
	sug := o.Suggestion
	var b strings.Builder
	fmt.Fprintf(&b, "Worst-off score %s → %s; night-hit delegations %d → %d; total score %s → %s.\n",
		oneDecimal(sug.Before.Max), oneDecimal(sug.After.Max), sug.Before.HitByNight, sug.After.HitByNight,
		oneDecimal(sug.Before.TotalScore), oneDecimal(sug.After.TotalScore))
	for _, c := range sug.Bodies {
		was := strings.Join(c.AsWritten, ", ")
		if was == "" {
			was = "the venue's hours"
		}
		fmt.Fprintf(&b, "• %s: start at %s (was %s; %s search)\n", c.BodyName, strings.Join(c.StartTimes, ", then "), was, c.Method)
	}
	for _, v := range sug.Venues {
		fmt.Fprintf(&b, "• Block %s: venues in the order %s (was %s)\n", v.Block, strings.Join(v.Suggested, ", "), strings.Join(v.AsWritten, ", "))
	}
	if len(sug.Bodies) == 0 && len(sug.Venues) == 0 {
		b.WriteString("Nothing to move: no body meets in a format open to remote participation.")
	}
	o.report.SetText(b.String())
	o.refresh()
	if o.relayout != nil {
		o.relayout()
	}
}

// Apply replaces the scenario's start times (and venue orders) with the
// suggestion's, as one undoable edit; a built-in is duplicated first.
func (o *optimiserPanel) Apply() {
	if o.Suggestion == nil || o.w.WS.Active != o.forDoc {
		return
	}
	sug := o.Suggestion.Scenario.Clone()
	if o.forDoc.ReadOnly() {
		dup := o.w.WS.Duplicate(o.forDoc)
		sug.ID, sug.Name = dup.Scenario.ID, dup.Scenario.Name
	}
	o.w.WS.Edit("", func(s *model.Scenario) { *s = *sug })
	o.w.WS.Notice = "Applied the optimiser's start times; Undo takes them back."
	o.Suggestion = nil
	o.refresh()
}

func (o *optimiserPanel) refresh() {
	d := o.w.WS.Active
	// A suggestion holds only for the scenario it was computed from.
	if o.Suggestion != nil && (d != o.forDoc || d.rev != o.forRev) {
		o.Suggestion = nil
		o.report.SetText("The scenario changed: ask for a new suggestion.")
	}
	if o.Suggestion != nil && d != nil {
		o.apply.Enable()
	} else {
		o.apply.Disable()
	}
	if o.Suggestion != nil && d != nil && d.ReadOnly() {
		o.apply.SetText("Duplicate to apply")
	} else {
		o.apply.SetText("Apply the suggestion")
	}
}
