package ui

import (
	"image/color"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/i18n"
	"mechplan/internal/model"
	"mechplan/internal/schedule"
)

// CalendarBar is one session on the timeline.
type CalendarBar struct {
	Body       string
	Series     int // the body's place in the scenario, for its colour
	Start, End time.Time
	Format     string
	Conflict   string // why the session is flagged, or ""
	// Rotation names the agenda rotation that put the body in this block.
	Rotation string
}

// CalendarLane is one row of the timeline: a body at a venue.
type CalendarLane struct {
	Venue, Body string
	bodyID      string
	Bars        []CalendarBar
}

// CalendarYear is the calendar view's model for one year.
type CalendarYear struct {
	Year      int
	Years     []int // the horizon's years, for the year picker
	Lanes     []CalendarLane
	Conflicts []string
}

// Calendar lays out the active scenario's sessions of a year by venue and
// body, with the schedule's conflicts flagged on the sessions they touch.
func (w *Workspace) Calendar(year int) CalendarYear {
	d := w.Active
	if d == nil || d.Result == nil {
		return CalendarYear{Year: year}
	}
	sch := d.Result.Schedule
	out := CalendarYear{Year: year}
	for i := 0; i < sch.Years; i++ {
		out.Years = append(out.Years, sch.FirstYear+i)
	}
	if !slices.Contains(out.Years, year) && len(out.Years) > 0 {
		out.Year = out.Years[0]
		year = out.Year
	}
	series := map[string]int{}
	for i, b := range d.Result.Scenario.Bodies {
		series[b.ID] = i
	}
	lane := map[string]int{}
	var conflicts []schedule.Conflict
	for _, c := range sch.Conflicts {
		if len(c.Date) >= 4 && c.Date[:4] == strconv.Itoa(year) {
			conflicts = append(conflicts, c)
			out.Conflicts = append(out.Conflicts, c.Date+" ("+conflictKind(c.Kind)+"): "+message(c.Msg))
		}
	}
	for _, sr := range sch.Sessions {
		if sr.Count == 0 {
			continue
		}
		first, last := sch.Meetings[sr.First], sch.Meetings[sr.First+sr.Count-1]
		if first.Start.Year() != year {
			continue
		}
		key := sr.Venue + "\x00" + sr.Body
		i, ok := lane[key]
		if !ok {
			i = len(out.Lanes)
			lane[key] = i
			out.Lanes = append(out.Lanes, CalendarLane{Venue: sr.Venue, Body: sr.BodyName, bodyID: sr.Body})
		}
		bar := CalendarBar{Body: sr.BodyName, Series: series[sr.Body], Start: first.Start, End: last.End, Format: string(sr.Format),
			Rotation: rotationOf(d.Result.Scenario, sr.Block, sr.Body)}
		for _, c := range conflicts {
			day := c.Date
			if day >= first.Start.Format(time.DateOnly) && day <= last.End.Format(time.DateOnly) {
				bar.Conflict = conflictKind(c.Kind) + ": " + message(c.Msg)
			}
		}
		out.Lanes[i].Bars = append(out.Lanes[i].Bars, bar)
	}
	// Lanes by venue, then by the body's place in the scenario.
	slices.SortStableFunc(out.Lanes, func(a, b CalendarLane) int {
		if a.Venue != b.Venue {
			return compareStrings(a.Venue, b.Venue)
		}
		return series[a.bodyID] - series[b.bodyID]
	})
	return out
}

// rotationOf names the agenda rotation through which a block holds a body,
// or "" when the block names the body itself.
func rotationOf(s *model.Scenario, block, body string) string {
	for _, b := range s.Blocks {
		if b.ID != block {
			continue
		}
		for _, ss := range b.Sessions {
			if ss.Body == body {
				return ""
			}
		}
		for _, ss := range b.Sessions {
			if r, ok := s.Rotation(ss.Rotation); ok && slices.Contains(r.Bodies, body) {
				return r.ID
			}
		}
	}
	return ""
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// calendarScreen shows one year of the active scenario as a timeline.
type calendarScreen struct {
	ws        *Workspace
	year      int
	view      CalendarYear
	picker    *widget.Select
	timeline  *drawing
	conflicts *widget.Label
	content   fyne.CanvasObject
}

func newCalendarScreen(ws *Workspace) *calendarScreen {
	c := &calendarScreen{ws: ws}
	c.picker = newSelect(nil, func(v string) {
		if y, err := strconv.Atoi(v); err == nil && y != c.year {
			c.year = y
			c.refresh()
		}
	})
	c.timeline = newDrawing(fyne.NewSize(600, 200), c.draw)
	c.conflicts = widget.NewLabel("")
	c.conflicts.Wrapping = fyne.TextWrapWord
	c.conflicts.Importance = widget.DangerImportance
	legend := widget.NewLabel(i18n.T("calendar.legend"))
	legend.Wrapping = fyne.TextWrapWord
	head := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabelWithStyle(i18n.T("calendar.year"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), c.picker), nil, legend)
	c.content = container.NewBorder(head, c.conflicts, nil, nil, container.NewVScroll(c.timeline))
	c.refresh()
	return c
}

// SetYear shows another year of the horizon.
func (c *calendarScreen) SetYear(y int) {
	c.year = y
	c.refresh()
}

func (c *calendarScreen) refresh() {
	c.view = c.ws.Calendar(c.year)
	c.year = c.view.Year
	var opts []string
	for _, y := range c.view.Years {
		opts = append(opts, strconv.Itoa(y))
	}
	c.picker.Options = opts
	c.picker.Selected = strconv.Itoa(c.year)
	c.picker.Refresh()
	if len(c.view.Conflicts) == 0 {
		c.conflicts.SetText(i18n.T("calendar.no_conflicts"))
		c.conflicts.Importance = widget.SuccessImportance
	} else {
		c.conflicts.SetText(i18n.T("calendar.conflicts", "Year", c.year) + "\n" + joinLines(c.view.Conflicts, 5))
		c.conflicts.Importance = widget.DangerImportance
	}
	c.conflicts.Refresh()
	rows := max(len(c.view.Lanes), 1)
	c.timeline.min = fyne.NewSize(scaled(600), float32(rows)*scaled(laneHeight)+scaled(headHeight)+8)
	c.timeline.Refresh()
}

// Lengths of the timeline at 100%; draw scales them with the text.
const (
	laneHeight  = 30
	headHeight  = 26
	labelColumn = 230
)

// draw paints month columns, one lane per body at a venue, and each
// session as a bar with its dates written beside it.
func (c *calendarScreen) draw(size fyne.Size) []fyne.CanvasObject {
	// The lengths at the user's scale, shadowing the constants.
	laneHeight, headHeight, labelColumn := scaled(laneHeight), scaled(headHeight), scaled(labelColumn)
	fg := themeColor(theme.ColorNameForeground)
	grid := themeColor(colorGrid)
	var objs []fyne.CanvasObject
	x0 := float32(labelColumn)
	width := size.Width - x0 - 8
	if width < 100 {
		return nil
	}
	yearStart := time.Date(c.view.Year, 1, 1, 0, 0, 0, 0, time.UTC)
	days := float32(yearStart.AddDate(1, 0, 0).Sub(yearStart).Hours() / 24)
	xOf := func(t time.Time) float32 {
		civil := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), 0, 0, time.UTC)
		return x0 + float32(civil.Sub(yearStart).Hours()/24)/days*width
	}
	for m := 0; m < 12; m++ {
		x := xOf(yearStart.AddDate(0, m, 0))
		objs = append(objs, line(grid, x, 0, x, size.Height, 1))
		objs = append(objs, text(i18n.F().ShortMonth(time.Month(m+1)), fg, smallText(), false, x+3, 4))
	}
	if len(c.view.Lanes) == 0 {
		objs = append(objs, text(i18n.T("calendar.empty"), fg, captionText(), false, 8, headHeight+4))
		return objs
	}
	venue := ""
	for i, l := range c.view.Lanes {
		y := headHeight + float32(i)*laneHeight
		objs = append(objs, line(grid, 0, y, size.Width, y, 1))
		// The first lane of a venue names it; the others are indented
		// under it.
		label, x := l.Body, float32(24)
		if l.Venue != venue {
			venue = l.Venue
			label, x = l.Venue+" · "+l.Body, 6
		}
		objs = append(objs, clipped(label, fg, labelColumn-6-x, x, y+6))
		for _, b := range l.Bars {
			bx, ex := xOf(b.Start), xOf(b.End)
			bw := max(ex-bx, 3)
			col := seriesColor(b.Series)
			objs = append(objs, rect(col, bx, y+5, bw, laneHeight-10))
			if b.Format != "in_person" {
				// Remote-capable sessions are hatched by a lighter band,
				// and named in the date label.
				objs = append(objs, rect(themeColor(theme.ColorNameBackground), bx, y+laneHeight/2-1, bw, 2))
			}
			tag := i18n.F().DayMonth(b.Start)
			if b.End.YearDay() != b.Start.YearDay() {
				tag += "–" + i18n.F().DayMonth(b.End)
			}
			if b.Format != "in_person" {
				tag += " (" + strings.ToLower(formatLabel(model.Format(b.Format))) + ")"
			}
			if b.Rotation != "" {
				tag += " ↻ " + b.Rotation
			}
			tc := fg
			if b.Conflict != "" {
				tag = "⚠ " + tag
				tc = themeColor(colorConflict)
				outline := canvas.NewRectangle(color.Transparent)
				outline.StrokeColor = tc
				outline.StrokeWidth = 2
				outline.Move(fyne.NewPos(bx-2, y+3))
				outline.Resize(fyne.NewSize(bw+4, laneHeight-6))
				objs = append(objs, outline)
			}
			tx := ex + 4
			if tw := textWidth(tag, smallText(), false); tx+tw > size.Width {
				tx = bx - tw - 4
			}
			objs = append(objs, text(tag, tc, smallText(), b.Conflict != "", tx, y+8))
		}
	}
	return objs
}

// clipped writes a label cut to a width with an ellipsis.
func clipped(s string, c color.Color, width, x, y float32) *canvas.Text {
	size := captionText() * 0.9
	r := []rune(s)
	for len(r) > 1 && textWidth(string(r), size, false) > width {
		r = r[:len(r)-2]
		r = append(r, '…')
	}
	return text(string(r), c, size, false, x, y)
}
