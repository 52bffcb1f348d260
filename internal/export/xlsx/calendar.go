package xlsx

import (
	"strconv"
	"time"

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
	w.text(sh, 1, 1, r.Scenario.Name+": "+strconv.Itoa(len(ms))+" meetings, in venue time ("+venueTime+") and UTC", w.st.title)
	const head = 2
	w.header(sh, head, head+len(ms), []float64{11, 6, 9, 9, 17, 17, 7, 20, 36, 18, 10, 13, 22, 6},
		"Date", "Day", "Start ("+venueTime+")", "End ("+venueTime+")", "Start (UTC)", "End (UTC)",
		"Venue", "Venue time zone", "Body", "Kind", "Format", "Interpretation", "Block", "Room")
	for k := range ms {
		m := &ms[k]
		row := head + 1 + k
		w.number(sh, 1, row, float64(int(serial(m.Start))), w.st.date)
		w.text(sh, 2, row, m.Start.Format("Mon"), 0)
		w.number(sh, 3, row, clock(m.Start), w.st.time)
		w.number(sh, 4, row, clock(m.End), w.st.time)
		w.number(sh, 5, row, serial(m.Start.UTC()), w.st.stamp)
		w.number(sh, 6, row, serial(m.End.UTC()), w.st.stamp)
		w.text(sh, 7, row, m.Venue, 0)
		w.text(sh, 8, row, m.Start.Location().String(), 0)
		w.text(sh, 9, row, m.BodyName, 0)
		w.text(sh, 10, row, string(m.Kind), 0)
		w.text(sh, 11, row, formatLabel[m.Format], 0)
		interp := "no"
		if m.Interpreted {
			interp = "six languages"
		}
		w.text(sh, 12, row, interp, 0)
		w.text(sh, 13, row, m.Block, 0)
		w.number(sh, 14, row, float64(m.Track+1), 0)
	}
}
