package pdf

import (
	"strings"

	"mechplan/internal/export/labels"
	"mechplan/internal/model"
)

// tradeoffs is the hybrid trade-off page: for every scenario with hybrid
// meetings, the engine's figures (plan.Tradeoff, filled by
// plan.Comparison.AddHybridTradeoffs) with the capitals' experts in the
// room and following remotely: travel of all delegations, CO₂ of all
// flights and the night hours remote participation imposes, over each
// scenario's horizon. No page when no scenario has hybrid meetings.
func (r *report) tradeoffs() {
	p := r.pdf
	c := r.c
	var with []int
	for i := range c.Results {
		if c.TradeoffOf(i) != nil {
			with = append(with, i)
		}
	}
	if len(with) == 0 {
		return
	}
	r.heading(r.t("export.pdf.tradeoff.title", "Hybrid trade-off: cost saved, CO₂ saved, night hours imposed"),
		r.t("export.pdf.tradeoff.note", "Over each scenario's horizon. In the room: the capitals' experts fly to the hybrid meetings (delegation.travel_to_hybrid = 1); "+
			"remotely: they follow them from their capitals (0). Saved = in the room minus remotely. Travel of all delegations, sponsored seats included, in thousands of US dollars "+
			"at the price year; CO₂ of all flights, delegations' and Secretariat's, in tonnes; night hours of the meetings followed from the capitals, summed over the 193 delegations. "+
			"As written: the scenario's own assumption, the one its cost and time-zone burden follow."))
	// Columns (mm): number, scenario, period, hybrid meetings, three of
	// travel, three of CO₂, night hours imposed, delegations, as written.
	cols := []float64{9, 36, 18, 24, 18, 18, 18, 19, 19, 19, 21, 24, 26}
	const rowH = 5.0
	y := p.GetY()
	// Two heading rows: the groups, then the columns under them.
	r.fill(colourHeader)
	p.Rect(margin, y, sum(cols), 12, "F")
	r.bold(7)
	r.colour(rgb{255, 255, 255})
	x := margin
	groups := []struct {
		from, n int
		text    string
	}{
		{4, 3, r.t("export.pdf.tradeoff.travel", "Travel, thousands of USD")},
		{7, 3, r.t("costs.tradeoff.co2", "CO₂ of all flights (tonnes)")},
		{10, 2, r.t("export.pdf.tradeoff.night", "Night hours, all delegations")},
	}
	for _, g := range groups {
		gx := margin + sum(cols[:g.from])
		w := sum(cols[g.from : g.from+g.n])
		r.boldWithin(g.text, w-2, 7)
		p.SetXY(gx+1, y)
		p.CellFormat(w-2, 6, r.fit(g.text, w-2), "", 0, "C", false, 0, "")
	}
	head := []string{"", r.t("export.pdf.col.scenario", "Scenario"), r.t("export.pdf.col.horizon", "Horizon"),
		r.t("export.pdf.tradeoff.meetings", "Hybrid meetings"),
		r.t("costs.tradeoff.col.in_room", "In the room"), r.t("export.pdf.tradeoff.remote", "Remotely"), r.t("export.pdf.tradeoff.saved", "Saved"),
		r.t("costs.tradeoff.col.in_room", "In the room"), r.t("export.pdf.tradeoff.remote", "Remotely"), r.t("export.pdf.tradeoff.saved", "Saved"),
		r.t("export.pdf.tradeoff.imposed", "Imposed"), r.t("export.pdf.tradeoff.delegations", "Delegations"),
		r.t("export.pdf.tradeoff.as_written", "As written")}
	for k, h := range head {
		align := "R"
		if k < 3 || k == len(head)-1 {
			align = "L"
		}
		r.textWithin(h, cols[k]-2, 6.5)
		p.SetXY(x+1, y+6)
		p.CellFormat(cols[k]-2, 6, r.fit(h, cols[k]-2), "", 0, align, false, 0, "")
		x += cols[k]
	}
	y += 13
	ss := make([]*model.Scenario, len(c.Results))
	for i, res := range c.Results {
		ss[i] = res.Scenario
	}
	short := model.DistinctLabels(ss, 0)
	for n, i := range with {
		t := c.TradeoffOf(i)
		if n%2 == 1 {
			r.fill(colourBand)
			p.Rect(margin, y, sum(cols), rowH, "F")
		}
		written := r.t("export.pdf.tradeoff.remote", "Remotely")
		if t.AsWritten {
			written = r.t("costs.tradeoff.col.in_room", "In the room")
		}
		cells := []string{itoa(i + 1), short[i], t.Period, r.l.Number(float64(t.HybridMeetings), 0),
			r.l.Number(t.TravelInRoom/1000, 0), r.l.Number(t.TravelRemote/1000, 0), r.l.Number(t.CostSaved/1000, 0),
			r.l.Number(t.CO2InRoomKg/1000, 0), r.l.Number(t.CO2RemoteKg/1000, 0), r.l.Number(t.CO2SavedKg/1000, 0),
			r.l.Number(t.NightHoursImposed, 0), r.l.Number(float64(t.DelegationsWithNight), 0), written}
		r.text(7.5)
		r.colour(colourText)
		x := margin
		for k, s := range cells {
			align := "R"
			if k < 3 || k == len(cells)-1 {
				align = "L"
			}
			p.SetXY(x+1, y)
			p.CellFormat(cols[k]-2, rowH, r.fit(s, cols[k]-2), "", 0, align, false, 0, "")
			x += cols[k]
		}
		y += rowH
		if y > footerY-20 && n+1 < len(with) {
			r.heading(r.t("export.pdf.tradeoff.title", "Hybrid trade-off: cost saved, CO₂ saved, night hours imposed"), "")
			y = p.GetY()
		}
	}
	r.note(margin, y+3, contentW, r.t("export.pdf.tradeoff.delegations_note", "Delegations: those that take more night hours when following remotely."))
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// inRoomNote tells the reader of the glance table which scenarios' hybrid
// meetings are attended in the room (their delegations fly to them, as
// costed), so carry no night hours; "" when none.
func (r *report) inRoomNote() string {
	var nums []string
	for i, res := range r.c.Results {
		if res.Burden != nil && res.Burden.TravelToHybrid && labels.HybridAttendance(r.l, res) != "" {
			nums = append(nums, itoa(i+1))
		}
	}
	if len(nums) == 0 {
		return ""
	}
	return " " + r.t("export.pdf.glance.hybrid_in_room", "Scenarios {{.Numbers}}: the delegations fly to the hybrid meetings (delegation.travel_to_hybrid = 1), as costed, so those meetings are attended in the room and count no night hours.",
		"Numbers", strings.Join(nums, ", "))
}

// boldWithin and textWithin set the bold or regular font at size, or
// smaller down to minPt, so that s fits w (fit cuts what still does not).
func (r *report) boldWithin(s string, w, size float64) { r.within(s, w, size, r.bold) }

func (r *report) textWithin(s string, w, size float64) { r.within(s, w, size, r.text) }

func (r *report) within(s string, w, size float64, set func(float64)) {
	for set(size); size > minPt && r.pdf.GetStringWidth(s) > w; set(size) {
		size = max(minPt, size-0.25)
	}
}
