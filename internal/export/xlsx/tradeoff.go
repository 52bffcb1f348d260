package xlsx

import ()

// Columns of the hybrid trade-off, right of the statement (one column
// left empty), so the lines and the statement keep their place.
const (
	cTradeoffLabel = cStatementValue + 2 + iota
	cTradeoffInRoom
	cTradeoffRemote
	cTradeoffSaved
)

// tradeoff writes, beside the statement of scenario i's Costs sheet, the
// engine's hybrid trade-off (plan.Tradeoff, filled by
// plan.Comparison.AddHybridTradeoffs): delegation travel, CO₂ and night
// hours with the capitals' experts in the room and following remotely.
// The figures are the engine's values; "saved" is a formula, in the room
// minus remotely, so the night hours that remote participation imposes
// read as a negative saving.
func (w *workbook) tradeoff(i int) {
	t := w.c.TradeoffOf(i)
	if t == nil || w.c.Results[i].Cost == nil {
		return
	}
	sh := w.bases[i] + w.n.Costs
	w.columnWidths(sh, map[int]float64{cTradeoffLabel: 82, cTradeoffInRoom: 18, cTradeoffRemote: 18, cTradeoffSaved: 18})
	row := 1
	w.text(sh, cTradeoffLabel, row, w.t("costs.tradeoff.title", "Hybrid trade-off, {{.Horizon}} total ({{.Meetings}} hybrid meetings): capitals' experts in the room or following remotely",
		"Horizon", t.Period, "Meetings", w.l.Number(float64(t.HybridMeetings), 0)), w.st.title)
	// Row 2 stays empty: the statement's long note runs on across it.
	row += 2
	asWritten := w.t("costs.tradeoff.as_written.remote", "As written, the experts follow the hybrid meetings from their capitals (delegation.travel_to_hybrid = 0): no flights to them are costed and the time-zone burden counts their night hours.")
	if t.AsWritten {
		asWritten = w.t("costs.tradeoff.as_written.in_room", "As written, the experts fly to the hybrid meetings (delegation.travel_to_hybrid = 1): the cost and the time-zone burden both count them in the room.")
	}
	w.text(sh, cTradeoffLabel, row, asWritten, w.st.note)
	row++
	w.text(sh, cTradeoffLabel, row, w.t("export.xlsx.tradeoff.note", "Saved = in the room minus following remotely; a negative saving is a burden that remote participation imposes."), w.st.note)
	row++
	w.text(sh, cTradeoffLabel, row, "", w.st.header)
	w.text(sh, cTradeoffInRoom, row, w.t("costs.tradeoff.col.in_room", "In the room"), w.st.header)
	w.text(sh, cTradeoffRemote, row, w.t("costs.tradeoff.col.remote", "Following remotely"), w.st.header)
	w.text(sh, cTradeoffSaved, row, w.t("costs.tradeoff.col.saved", "Saved by remote participation"), w.st.header)
	w.fail(w.f.SetRowHeight(sh, row, 48)) // three lines of a heading in French or Russian
	row++
	put := func(label string, in, remote float64, style int) {
		w.text(sh, cTradeoffLabel, row, label, w.st.label)
		w.number(sh, cTradeoffInRoom, row, in, style)
		w.number(sh, cTradeoffRemote, row, remote, style)
		w.formula(sh, cTradeoffSaved, row, cell(cTradeoffInRoom, row)+"-"+cell(cTradeoffRemote, row), in-remote, style)
		row++
	}
	put(w.t("costs.tradeoff.travel", "Travel of all delegations (USD, {{.Year}} prices)", "Year", t.PriceYear), t.TravelInRoom, t.TravelRemote, w.st.money)
	put(w.t("costs.tradeoff.co2", "CO₂ of all flights (tonnes)"), t.CO2InRoomKg/1000, t.CO2RemoteKg/1000, w.st.one)
	put(w.t("costs.tradeoff.night", "Night hours of meetings followed from the capitals, all delegations (hours)"),
		float64(t.NightMinutesInRoom)/60, float64(t.NightMinutesRemote)/60, w.st.one)
	w.text(sh, cTradeoffLabel, row, w.t("costs.tradeoff.delegations", "Delegations with more night hours when following remotely"), w.st.label)
	w.number(sh, cTradeoffSaved, row, float64(t.DelegationsWithNight), w.st.integer)
}
