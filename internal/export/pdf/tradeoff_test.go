package pdf

import (
	"strings"
	"testing"

	"mechplan/internal/chart"
	"mechplan/internal/export/exporttest"
)

// The report's hybrid trade-off page prints the engine's figures for the
// scenarios with hybrid meetings, and the burden notes name the
// participation assumption.
func TestTradeoffPage(t *testing.T) {
	bin := pdftotext(t)
	c := exporttest.BuiltIns(t, "oewg-2021-2025", "s3-france-germany", "s9-hybrid-groups")
	data, err := Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	text := extractText(t, bin, data, "-layout")
	at := strings.Index(text, "Hybrid trade-off: cost saved, CO₂ saved, night hours imposed")
	if at < 0 {
		t.Fatal("no trade-off page")
	}
	page := text[at:]
	page = page[:strings.Index(page, "\f")]
	for i, want := range map[int][]string{1: {"In the room"}, 2: {"Remotely"}} {
		tr := c.TradeoffOf(i)
		if tr == nil {
			t.Fatalf("scenario %d has no trade-off", i)
		}
		line := ""
		for l := range strings.SplitSeq(page, "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), itoa(i+1)+" ") {
				line = l
			}
		}
		for _, v := range append(want, chart.Number(tr.CostSaved/1000, 0), chart.Number(tr.CO2SavedKg/1000, 0), chart.Number(tr.NightHoursImposed, 0), tr.Period) {
			if !strings.Contains(line, v) {
				t.Errorf("scenario %d's row %q lacks %q", i+1, line, v)
			}
		}
	}
	if c.TradeoffOf(0) != nil || strings.Contains(page, "\n1 ") {
		t.Error("the OEWG, with no hybrid meeting, has a trade-off row")
	}
	if !strings.Contains(strings.Join(strings.Fields(text), " "), "Scenarios 2: the delegations fly to the hybrid meetings (delegation.travel_to_hybrid = 1), as costed") {
		t.Error("the glance table does not say that S3's hybrid meetings are attended in the room")
	}
	if !strings.Contains(strings.Join(strings.Fields(text), " "), "Hybrid meetings are followed from the capitals, as costed (delegation.travel_to_hybrid = 0)") {
		t.Error("S9's burden note does not name the participation assumption")
	}
}
