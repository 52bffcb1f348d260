package xlsx

import (
	"fmt"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"mechplan/internal/model"
)

// excelEpoch is day 0 of Excel's 1900 date system as it counts after
// February 1900.
var excelEpoch = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)

// serial turns a wall-clock date and time into an Excel date serial,
// keeping the clock as read in t's own zone.
func serial(t time.Time) float64 {
	y, m, d := t.Date()
	wall := time.Date(y, m, d, t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	return wall.Sub(excelEpoch).Hours() / 24
}

// clock is the time of day of t as a fraction of a day.
func clock(t time.Time) float64 {
	return float64(t.Hour()*3600+t.Minute()*60+t.Second()) / 86400
}

var formatLabel = map[model.Format]string{model.InPerson: "in person", model.Hybrid: "hybrid", model.Virtual: "virtual"}

// calendar writes every meeting of scenario i, in venue time and in UTC.
// It is the workbook's longest sheet, so it is streamed: rows go straight
// to the file, and a table gives the header its filter buttons.
func (w *workbook) calendar(i int) {
	r := w.c.Results[i]
	sh := w.bases[i] + CalendarSuffix
	ms := r.Schedule.Meetings
	zones := map[string]bool{}
	for k := range ms {
		zones[ms[k].Start.Location().String()] = true
	}
	venueTime := "venue time"
	if len(zones) == 1 {
		for z := range zones {
			venueTime = z
		}
	}
	sw, err := w.f.NewStreamWriter(sh)
	if err != nil {
		w.fail(err)
		return
	}
	const head = 2
	titles := []string{"Date", "Day", "Start (" + venueTime + ")", "End (" + venueTime + ")", "Start (UTC)", "End (UTC)",
		"Venue", "Venue time zone", "Body", "Kind", "Format", "Interpretation", "Block", "Room"}
	for k, width := range []float64{11, 6, 11, 11, 17, 17, 7, 20, 36, 18, 10, 13, 22, 7} {
		w.fail(sw.SetColWidth(k+1, k+1, width))
	}
	w.fail(sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: head, TopLeftCell: cell(1, head+1), ActivePane: "bottomLeft"}))
	w.fail(sw.SetRow(cell(1, 1), []any{excelize.Cell{StyleID: w.st.title,
		Value: r.Scenario.Name + ": " + strconv.Itoa(len(ms)) + " meetings, in venue time (" + venueTime + ") and UTC"}}))
	header := make([]any, len(titles))
	for k, t := range titles {
		header[k] = excelize.Cell{StyleID: w.st.header, Value: t}
	}
	w.fail(sw.SetRow(cell(1, head), header))
	for k := range ms {
		m := &ms[k]
		interp := "no"
		if m.Interpreted {
			interp = "six languages"
		}
		w.fail(sw.SetRow(cell(1, head+1+k), []any{
			excelize.Cell{StyleID: w.st.date, Value: float64(int(serial(m.Start)))},
			m.Start.Format("Mon"),
			excelize.Cell{StyleID: w.st.time, Value: clock(m.Start)},
			excelize.Cell{StyleID: w.st.time, Value: clock(m.End)},
			excelize.Cell{StyleID: w.st.stamp, Value: serial(m.Start.UTC())},
			excelize.Cell{StyleID: w.st.stamp, Value: serial(m.End.UTC())},
			m.Venue, m.Start.Location().String(), m.BodyName, string(m.Kind), formatLabel[m.Format], interp, m.Block,
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
