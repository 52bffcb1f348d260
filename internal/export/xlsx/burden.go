package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"mechplan/internal/burden"
	"mechplan/internal/export/labels"
)

// burdenHeaderRow is the header row of a Burden sheet.
const burdenHeaderRow = 3

// Columns of a Burden sheet that carry a colour scale.
const (
	bNight = 8
	bScore = 10
)

func (w *workbook) yesNo(b bool) string {
	if b {
		return w.t("export.yes", "yes")
	}
	return ""
}

// burden writes the time-zone burden of scenario i on every delegation,
// one row each, with a colour scale on the night hours and the score.
func (w *workbook) burden(i int) {
	r := w.c.Results[i]
	if r.Burden == nil {
		return
	}
	sh := w.bases[i] + w.n.Burden
	b := r.Burden
	bands := make([]string, len(b.Bands))
	for k, band := range b.Bands {
		bands[k] = fmt.Sprintf("%s %s–%s ×%g", w.l.Text("band."+labels.KeyOf(band.Name), band.Name), burden.Clock(band.From), burden.Clock(band.To), band.Weight)
	}
	counted := w.t("export.burden.counted_remote", "meetings open to remote participation")
	if b.AllMeetings {
		counted = w.t("export.burden.counted_all", "every meeting")
	}
	w.text(sh, 1, 1, w.t("export.xlsx.burden.title", "{{.Scenario}}: time-zone burden on the capital-based experts of each delegation", "Scenario", r.Scenario.Name), w.st.title)
	w.text(sh, 1, 2, w.t("export.xlsx.burden.note", "Local clock at the capital on each meeting's date; bands {{.Bands}}; {{.Count}} {{.Counted}} counted. Score = hours in a band × its weight. Travel: in-person blocks.",
		"Bands", strings.Join(bands, ", "), "Count", fmt.Sprint(len(b.Counted)), "Counted", counted)+labels.HybridAttendance(w.l, r), w.st.note)
	first := burdenHeaderRow + 1
	last := first + len(b.Delegations) - 1
	w.header(sh, burdenHeaderRow, last, []float64{30, 6, 26, 6, 6, 6, 22, 11, 11, 11, 11, 11, 7, 10, 10},
		w.t("export.xlsx.col.member_state", "Member state"), "ISO3", w.t("export.col.regional_group", "Regional group"),
		w.t("export.xlsx.col.ldc", "LDC"), w.t("export.xlsx.col.lldc", "LLDC"), w.t("export.xlsx.col.sids", "SIDS"),
		w.t("export.xlsx.col.capital_tz", "Capital time zone"),
		w.t("export.xlsx.col.night_hours", "Night hours"), w.t("export.xlsx.col.unsociable_hours", "Unsociable hours"),
		w.t("export.xlsx.col.score", "Score, weighted hours"), w.t("export.xlsx.col.meetings_touched", "Meetings with any burden"),
		w.t("export.xlsx.col.night_meetings", "Meetings at night"),
		w.t("export.xlsx.col.trips", "Trips"), w.t("export.xlsx.col.flight_hours", "Flight hours"), w.t("export.xlsx.col.zones_crossed", "Time zones crossed"))
	for k := range b.Delegations {
		d := &b.Delegations[k]
		row := first + k
		w.text(sh, 1, row, w.t(labels.StatePrefix+d.ISO3, d.Name), 0)
		w.text(sh, 2, row, d.ISO3, 0)
		w.text(sh, 3, row, w.t("group."+labels.KeyOf(d.Group), d.Group), 0)
		w.text(sh, 4, row, w.yesNo(d.LDC), 0)
		w.text(sh, 5, row, w.yesNo(d.LLDC), 0)
		w.text(sh, 6, row, w.yesNo(d.SIDS), 0)
		w.text(sh, 7, row, d.TZ, 0)
		w.number(sh, bNight, row, float64(d.NightMinutes)/60, w.st.one)
		w.number(sh, 9, row, float64(d.UnsociableMinutes)/60, w.st.one)
		w.number(sh, bScore, row, d.Score, w.st.one)
		w.number(sh, 11, row, float64(d.MeetingsTouched), w.st.integer)
		w.number(sh, 12, row, float64(d.NightMeetings), w.st.integer)
		w.number(sh, 13, row, float64(d.Travel.Trips), w.st.integer)
		w.number(sh, 14, row, d.Travel.FlightHours, w.st.one)
		w.number(sh, 15, row, d.Travel.ZonesCrossed, w.st.one)
	}
	if last < first {
		return
	}
	for _, col := range []int{bNight, bScore} {
		rng := cell(col, first) + ":" + cell(col, last)
		w.fail(w.f.SetConditionalFormat(sh, rng, []excelize.ConditionalFormatOptions{{
			Type: "3_color_scale", Criteria: "=",
			MinType: "min", MidType: "percentile", MaxType: "max", MidValue: "50",
			MinColor: colourScaleLow, MidColor: colourScaleMid, MaxColor: colourScaleHigh,
		}}))
	}
}
