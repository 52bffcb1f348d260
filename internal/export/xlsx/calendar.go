package xlsx

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"mechplan/internal/export/labels"
	"mechplan/internal/model"
)

// excelEpoch is day 0 of Excel's 1900 date system as it counts after
// February 1900.
var excelEpoch = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)

// serial turns a wall-clock date and time into an Excel date serial,
// keeping the clock as read in t's own zone.
// The whole days and the seconds are added as exact fractions, then
// kept in the 15 digits a cell holds, never below the second: 19:00 is
// stored as …0.791666666666667, never cut to …0.7916666666666 (18:59 on
// screen).
func serial(t time.Time) float64 {
	y, m, d := t.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	days := math.Round(day.Sub(excelEpoch).Hours() / 24)
	return notBelow(days + float64(t.Hour()*3600+t.Minute()*60+t.Second())/86400)
}

// notBelow is v in the 15 digits a cell keeps, never below v: a time a
// hair early reads a minute early wherever a clock is cut, not rounded.
func notBelow(v float64) float64 {
	r := exact(v)
	if r < v && v > 0 {
		r = exact(r + math.Pow(10, math.Floor(math.Log10(v))-14))
	}
	return r
}

// day is the date serial of t's calendar day in its own zone.
func day(t time.Time) float64 { return math.Floor(serial(t)) }

// clock is the time of day of t as a fraction of a day.
func clock(t time.Time) float64 {
	return notBelow(float64(t.Hour()*3600+t.Minute()*60+t.Second()) / 86400)
}

var formatLabel = map[model.Format]string{model.InPerson: "in person", model.Hybrid: "hybrid", model.Virtual: "virtual"}

// format is a meeting's format in the workbook's language.
func (w *workbook) format(f model.Format) string {
	return w.t("format."+labels.KeyOf(string(f)), formatLabel[f])
}

// calendar writes every meeting of scenario i, in venue time and in UTC.
// It is the workbook's longest sheet, so it is streamed: rows go straight
// to the file, and a table gives the header its filter buttons.
func (w *workbook) calendar(i int) {
	r := w.c.Results[i]
	sh := w.bases[i] + w.n.Calendar
	ms := r.Schedule.Meetings
	zones := map[string]bool{}
	for k := range ms {
		zones[ms[k].Start.Location().String()] = true
	}
	venueTime := w.t("export.xlsx.calendar.venue_time", "venue time")
	if len(zones) == 1 {
		for z := range zones {
			venueTime = z
		}
	}
	w.fail(setPrintLayout(w.f, sh))
	sw, err := w.f.NewStreamWriter(sh)
	if err != nil {
		w.fail(err)
		return
	}
	const head = 2
	titles := []string{w.t("export.col.date", "Date"), w.t("export.xlsx.col.day", "Day"),
		w.t("export.xlsx.col.start", "Start ({{.Zone}})", "Zone", venueTime), w.t("export.xlsx.col.end", "End ({{.Zone}})", "Zone", venueTime),
		w.t("export.xlsx.col.start", "Start ({{.Zone}})", "Zone", "UTC"), w.t("export.xlsx.col.end", "End ({{.Zone}})", "Zone", "UTC"),
		w.t("export.xlsx.col.venue", "Venue"), w.t("export.xlsx.col.venue_tz", "Venue time zone"), w.t("export.xlsx.col.body", "Body"),
		w.t("export.xlsx.col.kind", "Kind"), w.t("export.xlsx.col.format", "Format"), w.t("export.xlsx.col.interpretation", "Interpretation"),
		w.t("export.xlsx.col.block", "Block"), w.t("export.xlsx.col.room", "Room")}
	noInterp, sixLanguages := w.t("export.no", "no"), w.t("export.xlsx.calendar.six_languages", "six languages")
	for k, width := range []float64{11, 6, 11, 11, 17, 17, 7, 20, 36, 18, 10, 13, 22, 7} {
		w.fail(sw.SetColWidth(k+1, k+1, width))
	}
	w.fail(sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: head, TopLeftCell: cell(1, head+1), ActivePane: "bottomLeft"}))
	w.fail(sw.SetRow(cell(1, 1), []any{excelize.Cell{StyleID: w.st.title,
		Value: w.t("export.xlsx.calendar.title", "{{.Scenario}}: {{.Count}} meetings, in venue time ({{.Zone}}) and UTC",
			"Scenario", r.Scenario.Name, "Count", strconv.Itoa(len(ms)), "Zone", venueTime)}}))
	header := make([]any, len(titles))
	for k, t := range titles {
		header[k] = excelize.Cell{StyleID: w.st.header, Value: t}
	}
	w.fail(sw.SetRow(cell(1, head), header, excelize.RowOpts{Height: headerHeight(titles, 9)}))
	w.printTitles[sh] = head
	for k := range ms {
		m := &ms[k]
		interp := noInterp
		if m.Interpreted {
			interp = sixLanguages
		}
		w.fail(sw.SetRow(cell(1, head+1+k), []any{
			excelize.Cell{StyleID: w.st.date, Value: day(m.Start)},
			w.weekday(m.Start),
			excelize.Cell{StyleID: w.st.time, Value: clock(m.Start)},
			excelize.Cell{StyleID: w.st.time, Value: clock(m.End)},
			excelize.Cell{StyleID: w.st.stamp, Value: serial(m.Start.UTC())},
			excelize.Cell{StyleID: w.st.stamp, Value: serial(m.End.UTC())},
			m.Venue, m.Start.Location().String(), m.BodyName, w.t("kind."+labels.KeyOf(string(m.Kind)), string(m.Kind)), w.format(m.Format), interp, m.Block,
			m.Track + 1,
		}))
	}
	if len(ms) > 0 {
		no := false
		w.fail(sw.AddTable(&excelize.Table{Range: cell(1, head) + ":" + cell(len(titles), head+len(ms)),
			Name: fmt.Sprintf("Calendar%d", i+1), StyleName: "TableStyleLight1", ShowRowStripes: &no}))
	}
	w.fail(sw.Flush())
}

// weekday is a day's abbreviation in the workbook's language.
func (w *workbook) weekday(t time.Time) string {
	return w.l.ShortWeekday(t.Weekday())
}
