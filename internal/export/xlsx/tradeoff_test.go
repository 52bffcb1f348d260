package xlsx

import (
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mechplan/internal/export/exporttest"
)

// Each Costs sheet of a scenario with hybrid meetings carries the engine's
// hybrid trade-off beside the statement, "saved" a formula on the two
// columns; the Burden sheet's note names the participation assumption.
func TestTradeoffBlock(t *testing.T) {
	c := exporttest.BuiltIns(t, "oewg-2021-2025", "s3-france-germany")
	data, err := Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	stems := SheetStems(c)
	tr := c.TradeoffOf(1)
	if tr == nil {
		t.Fatal("S3 has no trade-off")
	}
	sh := stems[1] + CostsSuffix
	get := func(col, row int) string {
		v, err := f.GetCellValue(sh, cell(col, row), excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if title := get(cTradeoffLabel, 1); !strings.Contains(title, "2026–2030") || !strings.Contains(title, "120 hybrid meetings") {
		t.Errorf("title %q", title)
	}
	if note := get(cTradeoffLabel, 3); !strings.Contains(note, "delegation.travel_to_hybrid = 1") {
		t.Errorf("as written %q", note)
	}
	rows := map[int][3]float64{
		6: {tr.TravelInRoom, tr.TravelRemote, tr.CostSaved},
		7: {tr.CO2InRoomKg / 1000, tr.CO2RemoteKg / 1000, tr.CO2SavedKg / 1000},
		8: {float64(tr.NightMinutesInRoom) / 60, float64(tr.NightMinutesRemote) / 60, -tr.NightHoursImposed},
	}
	for row, want := range rows {
		for k, col := range []int{cTradeoffInRoom, cTradeoffRemote, cTradeoffSaved} {
			got, err := strconv.ParseFloat(get(col, row), 64)
			if err != nil || !closeTo(got, want[k]) {
				t.Errorf("row %d (%s), column %d: %q, want %g", row, get(cTradeoffLabel, row), col, get(col, row), want[k])
			}
		}
		if fm, _ := f.GetCellFormula(sh, cell(cTradeoffSaved, row)); fm != cell(cTradeoffInRoom, row)+"-"+cell(cTradeoffRemote, row) {
			t.Errorf("row %d: saved is %q, not in the room minus remotely", row, fm)
		}
	}
	for row, unit := range map[int]string{6: "USD, 2026 prices", 7: "tonnes", 8: "hours"} {
		if !strings.Contains(get(cTradeoffLabel, row), unit) {
			t.Errorf("row %d's label %q lacks its unit %q", row, get(cTradeoffLabel, row), unit)
		}
	}
	if got := get(cTradeoffSaved, 9); got != strconv.Itoa(tr.DelegationsWithNight) {
		t.Errorf("delegations %q, want %d", got, tr.DelegationsWithNight)
	}
	if v, _ := f.GetCellValue(stems[0]+CostsSuffix, cell(cTradeoffLabel, 1)); v != "" {
		t.Errorf("the OEWG, with no hybrid meeting, has a trade-off: %q", v)
	}
	if note, _ := f.GetCellValue(stems[1]+BurdenSuffix, "A2"); !strings.Contains(note, "attended in the room, as costed (delegation.travel_to_hybrid = 1)") {
		t.Errorf("S3's burden note does not name the participation assumption: %q", note)
	}
}
