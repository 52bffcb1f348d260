package ui

import (
	"strings"
	"testing"

	"mechplan/internal/i18n"
	"mechplan/internal/plan"
)

// The costs view shows the engine's hybrid trade-off for a scenario with
// hybrid meetings, computed off the UI goroutine, with its period and
// units; the time-zone view names the participation assumption the
// burden followed. A scenario without hybrid meetings hides the table.
func TestCostsShowTheEnginesHybridTradeoff(t *testing.T) {
	w, _ := newTestWindow(t)
	w.WS.OpenBuiltIn("s3-france-germany")
	// Off the UI goroutine, as in the window; this test waits for it.
	inline := offUI
	offUI = productionOffUI
	defer func() { offUI = inline }()
	done := make(chan struct{})
	w.Costs.hybrid.done = func() { close(done) }
	w.ShowView(ViewCosts)
	<-done
	w.Costs.hybrid.done = nil
	offUI = inline
	p := w.Costs.hybrid
	want, err := plan.HybridTradeoff(w.WS.Active.Result, w.WS.Ref, w.WS.Options())
	if err != nil || want == nil {
		t.Fatal(want, err)
	}
	if p.Tradeoff == nil || *p.Tradeoff != *want {
		t.Fatalf("panel %+v, engine %+v", p.Tradeoff, want)
	}
	if !p.content.Visible() || len(p.View.Rows) != 4 {
		t.Fatalf("visible %v, rows %v", p.content.Visible(), p.View.Rows)
	}
	if got := p.View.Rows[3][1]; got != money(want.CostSaved) {
		t.Errorf("cost saved %q, want %q", got, money(want.CostSaved))
	}
	if !strings.Contains(p.title.Text, "2026–2030") || !strings.Contains(p.View.Rows[0][1], "USD") || !strings.Contains(p.summary.Text, "2026 prices") ||
		!strings.Contains(p.View.Rows[0][2], "CO₂, t") || !strings.Contains(p.View.Rows[0][3], "hours") {
		t.Errorf("period or units missing: %q, %q", p.title.Text, p.View.Rows)
	}
	if !strings.Contains(p.summary.Text, money(want.CostSaved)) || !strings.Contains(p.summary.Text, count(want.DelegationsWithNight)) {
		t.Errorf("summary %q", p.summary.Text)
	}
	if p.note.Text != i18n.T("costs.tradeoff.as_written.in_room") {
		t.Errorf("S3 flies to its hybrid groups; the note says %q", p.note.Text)
	}

	w.ShowView(ViewZones)
	if v := w.WS.TimeZones(ZoneQuery{Meeting: 0}); v.Participation != i18n.T("zones.hybrid.in_room") || v.Counted {
		t.Errorf("S3's first meeting (hybrid, in the room): participation %q, counted %v", v.Participation, v.Counted)
	}
	if !strings.Contains(w.Zones.summary.Text, "delegation.travel_to_hybrid = 1") {
		t.Errorf("the time-zone view does not name the assumption:\n%s", w.Zones.summary.Text)
	}

	// My delegation says why S3's night hours are nil.
	w.Settings.SetDelegation("CHL")
	if v := w.WS.Delegation(); !strings.Contains(v.Who, i18n.T("zones.hybrid.in_room")) {
		t.Errorf("my delegation does not name the assumption: %q", v.Who)
	}

	w.WS.OpenBuiltIn("oewg-2021-2025")
	w.ShowView(ViewCosts)
	if v := w.WS.Delegation(); strings.Contains(v.Who, "travel_to_hybrid") {
		t.Errorf("the OEWG has no hybrid meeting, yet my delegation names the assumption: %q", v.Who)
	}
	if p.content.Visible() || p.Tradeoff != nil {
		t.Error("the OEWG has no hybrid meeting, yet the trade-off shows")
	}
	if v := w.WS.TimeZones(ZoneQuery{Meeting: -1}); v.Participation != "" {
		t.Errorf("the OEWG's time zones name a hybrid participation: %q", v.Participation)
	}
}
