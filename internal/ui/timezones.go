package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/burden"
	"mechplan/internal/i18n"
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

// Sort orders of the time-zone table; the select shows them through
// "zones.sort.<order>" (in English, these very words).
const (
	SortByName   = "Name"
	SortByLocal  = "Local time"
	SortByBurden = "Night minutes"
	SortByScore  = "Scenario burden"
)

// Status filters of the time-zone table: all, then the UN lists.
var statusFilters = []string{"", "LDC", "LLDC", "SIDS"}

var sortOrders = []string{SortByLocal, SortByName, SortByBurden, SortByScore}

func sortLabel(order string) string { return i18n.T("zones.sort." + keyOf(order)) }

// statusLabel writes a state's list memberships (LDC, LLDC, SIDS) with the
// abbreviations the user's language uses (PMA, PDSL, PEID in French).
func statusLabel(status string) string {
	if status == "" {
		return ""
	}
	var out []string
	for _, s := range strings.Split(status, ", ") {
		out = append(out, i18n.T("status."+strings.ToLower(s)))
	}
	return strings.Join(out, ", ")
}

// bandLabel is a band's name in the user's language.
func bandLabel(band string) string { return i18n.T("band." + band) }

// bandText writes a burden band as the users read it, in their language:
// "night 00:00–06:00 ×3", "nuit 00:00–06:00 ×3".
func bandText(b burden.Band) string {
	return bandLabel(b.Name) + " " + burden.Clock(b.From) + "–" + burden.Clock(b.To) + " ×" + i18n.F().Compact(b.Weight, 2)
}

// dayTime writes a weekday, a day and a time: "Tue 21 Jul 03:00".
func dayTime(t time.Time) string {
	f := i18n.F()
	return f.ShortWeekday(t.Weekday()) + " " + f.DayMonth(t) + " " + t.Format("15:04")
}

// ZoneQuery is what the user chose on the time-zone view.
type ZoneQuery struct {
	Meeting int    // index into the schedule's meetings
	Group   string // "" or a regional group
	Status  string // "", LDC, LLDC or SIDS
	Sort    string
	// Only keeps the delegations with these ISO3 codes (a search as
	// typed); nil keeps every one.
	Only []string
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
	// Participation says how the hybrid meetings are counted: the cost's
	// assumption, delegation.travel_to_hybrid ("" without hybrid meetings).
	Participation string
	// Period is the scenario's years, over which Score is summed.
	Period string
}

// MeetingLabel names a meeting in venue time.
func MeetingLabel(m *schedule.Meeting) string {
	f := i18n.F()
	return fmt.Sprintf("%s · %s %s %s–%s %s (%s)", m.BodyName, f.ShortWeekday(m.Start.Weekday()), f.ShortDate(m.Start), m.Start.Format("15:04"), m.End.Format("15:04"), m.Venue, formatLabel(m.Format))
}

// pickerLabels keeps the picker's labels of the last schedule shown, in the
// language they were written in: 50,000 of them took a tenth of a
// second, and the view asks again for each meeting picked.
var pickerLabels struct {
	sync.Mutex
	sch  *schedule.Schedule
	lang i18n.Language
	all  []string
}

// meetingLabels labels every meeting of a schedule, for the picker (a
// list the picker only reads).
func meetingLabels(sch *schedule.Schedule) []string {
	pickerLabels.Lock()
	defer pickerLabels.Unlock()
	if pickerLabels.sch == sch && pickerLabels.lang == i18n.Current() && len(pickerLabels.all) == len(sch.Meetings) {
		return pickerLabels.all
	}
	all := make([]string, len(sch.Meetings))
	for i := range sch.Meetings {
		all[i] = MeetingLabel(&sch.Meetings[i])
	}
	pickerLabels.sch, pickerLabels.lang, pickerLabels.all = sch, i18n.Current(), all
	return all
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
	v.Meetings = meetingLabels(sch)
	v.Period = r.Total.Label
	sum := r.Burden.Summary
	// Up to six names keep the line short; the table sorted by burden
	// lists them all.
	worst := strings.Join(sum.WorstOff[:min(6, len(sum.WorstOff))], ", ")
	if n := len(sum.WorstOff) - 6; n > 0 {
		worst += " " + i18n.T("zones.worst.more", "Count", n)
	}
	if worst == "" {
		worst = i18n.T("zones.worst.none")
	}
	v.Summary = []Figure{
		{Metric: i18n.T("zones.summary.hit"), Value: number(float64(sum.HitByNight), 0)},
		{Metric: i18n.T("zones.summary.worst"), Value: worst},
		{Metric: i18n.T("zones.summary.worst_score"), Value: oneDecimal(sum.Max)},
		{Metric: i18n.T("zones.summary.gini"), Value: number(sum.Gini, 2)},
	}
	var bands []string
	for _, b := range r.Burden.Bands {
		bands = append(bands, bandText(b))
	}
	v.Bands = strings.Join(bands, "\n")
	v.Participation = hybridParticipation(r)
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
		if q.Only != nil && !slices.Contains(q.Only, st.ISO3) {
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
		local := dayTime(start) + "–" + end.Format("15:04")
		if dd := dayShift(m, start); dd != "" {
			local += " (" + dd + ")"
		}
		_, off := start.Zone()
		v.Rows = append(v.Rows, ZoneRow{ISO3: st.ISO3, Name: stateName(st), Group: st.Group, Status: status, Local: local, Band: band,
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
		return i18n.T("zones.next_day")
	case l.Before(v):
		return i18n.T("zones.day_before")
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
	// find searches the table for a delegation.
	find *statePicker
	// shownFor names what the table shows: scenario, result and query.
	shownFor string
	// header is the table's heading row, widths what its columns got.
	header []string
	widths []float32
	// ready is set once every widget exists: the filters' callbacks run
	// while they are being set up.
	ready bool
}

func zoneHeader(period string) []string {
	score := i18n.T("zones.col.score")
	if period != "" {
		score = i18n.T("zones.col.score_of", "Horizon", period)
	}
	return []string{i18n.T("zones.col.delegation"), i18n.T("zones.col.local"), i18n.T("zones.col.band"), i18n.T("zones.col.night"),
		i18n.T("zones.col.unsociable"), score, i18n.T("zones.col.group"), i18n.T("zones.col.status")}
}

func newZonesScreen(w *Window) *zonesScreen {
	z := &zonesScreen{w: w, query: ZoneQuery{Meeting: -1, Sort: SortByLocal}}
	z.meeting = newSelect(nil, func(string) {
		if i := z.meeting.SelectedIndex(); i >= 0 && i != z.query.Meeting {
			z.query.Meeting = i
			z.refresh()
		}
	})
	groups := append([]string{""}, refdata.Groups...)
	groupNames := []string{i18n.T("zones.all_groups")}
	for _, g := range refdata.Groups {
		groupNames = append(groupNames, regionalGroupLabel(g))
	}
	z.group = newSelect(groupNames, func(string) {
		if i := z.group.SelectedIndex(); i >= 0 {
			z.query.Group = groups[i]
			z.refresh()
		}
	})
	z.group.SetSelectedIndex(0)
	statusNames := []string{i18n.T("zones.all_statuses")}
	for _, s := range statusFilters[1:] {
		statusNames = append(statusNames, statusLabel(s))
	}
	z.status = newSelect(statusNames, func(string) {
		if i := z.status.SelectedIndex(); i >= 0 {
			z.query.Status = statusFilters[i]
			z.refresh()
		}
	})
	z.status.SetSelectedIndex(0)
	var sortNames []string
	for _, o := range sortOrders {
		sortNames = append(sortNames, sortLabel(o))
	}
	z.sort = newSelect(sortNames, func(string) {
		if i := z.sort.SelectedIndex(); i >= 0 {
			z.query.Sort = sortOrders[i]
			z.refresh()
		}
	})
	z.sort.SetSelectedIndex(0)
	z.table = widget.NewTable(
		func() (int, int) { return len(z.view.Rows) + 1, len(z.header) },
		func() fyne.CanvasObject {
			bg := canvas.NewRectangle(color.Transparent)
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(bg, l)
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			bg, l := c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*widget.Label)
			fill := color.Color(color.Transparent)
			if id.Row == 0 {
				setLabel(l, z.header[id.Col], fyne.TextStyle{Bold: true})
			} else if id.Row-1 < len(z.view.Rows) {
				r := z.view.Rows[id.Row-1]
				mine := r.ISO3 == z.w.Settings.Delegation()
				name := r.Name
				if mine {
					name = "▸ " + name
				}
				cells := []string{name, r.Local, bandLabel(r.Band), number(float64(r.Night), 0), number(float64(r.Unsociable), 0), oneDecimal(r.Score), regionalGroupLabel(r.Group), statusLabel(r.Status)}
				if id.Col == 1 || id.Col == 2 {
					// The band is written in its own column too: colour
					// alone does not tell it.
					fill = bandColor(r.Band)
				}
				setLabel(l, cells[id.Col], fyne.TextStyle{Bold: mine})
			}
			if bg.FillColor != fill {
				bg.FillColor = fill
				bg.Refresh()
			}
		})
	z.header = zoneHeader("")
	z.setWidths()
	z.table.StickyRowCount = 1
	// The delegation's name stays put when the table scrolls right.
	z.table.StickyColumnCount = 1
	z.world = newDrawing(fyne.NewSize(360, 200), newWorldMap(z).draw)
	z.colour = widget.NewRadioGroup([]string{colourLabel(colourByBand), colourLabel(colourByScore)}, func(string) { z.world.Refresh() })
	z.colour.Horizontal = true
	z.colour.SetSelected(colourLabel(colourByBand))
	z.summary = widget.NewLabel("")
	z.optim = newOptimiserPanel(w)
	filters := container.NewGridWithColumns(3,
		container.NewBorder(nil, nil, widget.NewLabel(i18n.T("zones.group")), nil, z.group),
		container.NewBorder(nil, nil, widget.NewLabel(i18n.T("zones.status")), nil, z.status),
		container.NewBorder(nil, nil, widget.NewLabel(i18n.T("zones.sort")), nil, z.sort))
	z.find = newStatePicker(w.WS.Ref.States, "", func(iso3 string) {
		if iso3 == "" {
			return
		}
		w.Settings.SetDelegation(iso3)
		z.find.Set("")
		z.query.Only = nil
		z.refresh()
		z.ScrollTo(iso3)
	})
	z.find.onTyped = z.filter
	z.find.entry.SetPlaceHolder(i18n.T("zones.find.placeholder"))
	head := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel(i18n.T("zones.meeting")), nil, z.meeting),
		container.NewBorder(nil, nil, widget.NewLabel(i18n.T("zones.find")), nil, z.find.content), filters)
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

// setWidths sizes the columns for the heading row, when it changed.
func (z *zonesScreen) setWidths() {
	var widths []float32
	for i, wd := range []float32{190, 250, 90, 80, 100, 130, 190, 110} {
		widths = append(widths, max(scaled(wd), headingWidth(z.header[i])))
	}
	if slices.Equal(widths, z.widths) {
		return
	}
	z.widths = widths
	for i, wd := range widths {
		z.table.SetColumnWidth(i, wd)
	}
}

// filter keeps the table to the delegations the search matches as typed.
func (z *zonesScreen) filter() {
	z.query.Only = nil
	if strings.TrimSpace(z.find.entry.Text) != "" {
		z.query.Only = []string{}
		for _, st := range z.find.Matches {
			z.query.Only = append(z.query.Only, st.ISO3)
		}
	}
	z.refresh()
}

// ScrollTo brings a delegation's row into view and selects it.
func (z *zonesScreen) ScrollTo(iso3 string) {
	for i, r := range z.view.Rows {
		if r.ISO3 == iso3 {
			id := widget.TableCellID{Row: i + 1, Col: 0}
			z.table.ScrollTo(id)
			z.table.Select(id)
			return
		}
	}
}

func (z *zonesScreen) refresh() {
	if !z.ready {
		return
	}
	// Another scenario starts again from its first counted meeting.
	if z.w.WS.Active != z.forDoc {
		z.forDoc = z.w.WS.Active
		z.query.Meeting = -1
	}
	// Shown again unchanged (a switch back to the view, an edit of
	// another scenario), the table and the picture stay as they are.
	var result any
	if d := z.forDoc; d != nil {
		result = d.Result
	}
	key := fmt.Sprintf("%p %p %+v %s", z.forDoc, result, z.query, z.w.Settings.Delegation())
	if key == z.shownFor {
		z.optim.refresh()
		return
	}
	z.shownFor = key
	z.view = z.w.WS.TimeZones(z.query)
	if h := zoneHeader(z.view.Period); !slices.Equal(h, z.header) {
		z.header = h
		z.setWidths()
	}
	z.meeting.Options = z.view.Meetings
	z.query.Meeting = z.view.MeetingIndex
	z.meeting.Selected = z.view.Meeting
	z.meeting.Refresh()
	var lines []string
	for _, f := range z.view.Summary {
		lines = append(lines, i18n.T("figure.line", "Label", f.Metric, "Value", f.Value))
	}
	// Short lines, no wrapping: a wrapping label beside a picture is laid
	// out one line high and overlaps what follows.
	text := strings.Join(lines, "\n")
	if z.view.Bands != "" {
		text += "\n" + i18n.T("zones.bands") + "\n" + z.view.Bands
	}
	if z.view.Participation != "" {
		text += "\n" + z.view.Participation
	}
	if z.view.Meeting != "" && !z.view.Counted {
		text += "\n" + notCountedNote(z.w.WS, z.view.MeetingIndex)
	}
	if len(z.view.Meetings) == 0 {
		text = i18n.T("zones.no_meetings")
	}
	z.summary.SetText(text)
	z.side.Refresh()
	z.table.Refresh()
	z.world.Refresh()
	z.optim.refresh()
}

// How the world picture colours the capitals; the radio shows them
// through "zones.colour.<id>".
const (
	colourByBand  = "band"
	colourByScore = "score"
)

func colourLabel(by string) string { return i18n.T("zones.colour." + by) }

// SetColouring chooses how the world picture colours the capitals.
func (z *zonesScreen) SetColouring(by string) { z.colour.SetSelected(colourLabel(by)) }

// capitalColour colours a capital by the meeting's band or by its share of
// the worst burden over the scenario.
func (z *zonesScreen) capitalColour(r ZoneRow, maxScore float64) color.Color {
	if z.colour.Selected == colourLabel(colourByScore) {
		f := 0.0
		if maxScore > 0 {
			f = r.Score / maxScore
		}
		return chartview.Blend(themeColor(chartview.ColorHeatLow), themeColor(chartview.ColorHeatHigh), f)
	}
	return bandColor(r.Band)
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
	advice   *advicePanel // the front, a point to pick, apply to a copy
}

func newOptimiserPanel(w *Window) *optimiserPanel {
	o := &optimiserPanel{w: w}
	o.report = widget.NewLabel(i18n.T("optimiser.intro"))
	o.report.Wrapping = fyne.TextWrapWord
	o.progress = widget.NewProgressBarInfinite()
	o.progress.Hide()
	o.run = widget.NewButtonWithIcon(i18n.T("optimiser.run"), theme.SearchIcon(), func() { o.Run(nil) })
	o.apply = widget.NewButtonWithIcon(i18n.T("optimiser.apply"), theme.ConfirmIcon(), o.Apply)
	o.apply.Disable()
	o.advice = newAdvicePanel(w)
	o.content = container.NewVBox(container.NewHBox(o.run, o.apply), o.progress, o.report, o.advice.content)
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
	o.report.SetText(i18n.T("optimiser.searching"))
	go func() {
		sug, err := burden.Optimize(s, ref, opt.Burden)
		fyne.Do(func() {
			o.progress.Stop()
			o.progress.Hide()
			o.run.Enable()
			if err != nil {
				o.report.SetText(i18n.T("optimiser.failed", "Error", err.Error()))
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
	b.WriteString(i18n.T("optimiser.summary",
		"WorstBefore", oneDecimal(sug.Before.Max), "WorstAfter", oneDecimal(sug.After.Max),
		"HitBefore", number(float64(sug.Before.HitByNight), 0), "HitAfter", number(float64(sug.After.HitByNight), 0),
		"TotalBefore", oneDecimal(sug.Before.TotalScore), "TotalAfter", oneDecimal(sug.After.TotalScore)) + "\n")
	for _, c := range sug.Bodies {
		was := strings.Join(c.AsWritten, ", ")
		if was == "" {
			was = i18n.T("optimiser.venue_hours")
		}
		b.WriteString(i18n.T("optimiser.body", "Body", c.BodyName, "Times", strings.Join(c.StartTimes, i18n.T("optimiser.then")), "Was", was, "Method", i18n.Label("optimiser.method."+c.Method, c.Method)) + "\n")
	}
	for _, v := range sug.Venues {
		b.WriteString(i18n.T("optimiser.venues", "Block", v.Block, "Order", strings.Join(v.Suggested, ", "), "Was", strings.Join(v.AsWritten, ", ")) + "\n")
	}
	if len(sug.Bodies) == 0 && len(sug.Venues) == 0 {
		if sug.HybridInRoom {
			b.WriteString(i18n.T("optimiser.nothing_in_room"))
		} else {
			b.WriteString(i18n.T("optimiser.nothing"))
		}
	}
	o.report.SetText(b.String())
	o.advice.set(sug, o.forDoc)
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
	o.w.WS.Notice = i18n.T("optimiser.applied")
	o.Suggestion = nil
	o.refresh()
}

func (o *optimiserPanel) refresh() {
	d := o.w.WS.Active
	// A suggestion holds only for the scenario it was computed from.
	if o.Suggestion != nil && (d != o.forDoc || d.rev != o.forRev) {
		o.Suggestion = nil
		o.report.SetText(i18n.T("optimiser.stale"))
	}
	if o.Suggestion != nil && d != nil {
		o.apply.Enable()
	} else {
		o.apply.Disable()
	}
	if o.Suggestion != nil && d != nil && d.ReadOnly() {
		o.apply.SetText(i18n.T("optimiser.duplicate_apply"))
	} else {
		o.apply.SetText(i18n.T("optimiser.apply"))
	}
}
