package plan

import (
	"testing"

	"mechplan/internal/burden"
	"mechplan/internal/cost"
	"mechplan/internal/refdata"
	"mechplan/internal/store"
)

// The trade-off is two plain evaluations set side by side: S9 as written
// (experts follow the hybrid groups remotely) and S9 with the experts
// forced to fly; S3 as written flies, so its own figures are the "in the
// room" column. Scenarios without hybrid meetings have none.
func TestHybridTradeoffIsTwoEvaluations(t *testing.T) {
	ref, err := refdata.Default()
	if err != nil {
		t.Fatal(err)
	}
	eval := func(id string, opt Options) *Result {
		t.Helper()
		s, ok, err := store.FindBuiltIn(id)
		if err != nil || !ok {
			t.Fatal(id, err)
		}
		r, err := Evaluate(s, ref, opt)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	s9 := eval("s9-hybrid-groups", Options{})
	flying := eval("s9-hybrid-groups", Options{Cost: cost.Options{TravelToHybrid: true}})
	tr, err := HybridTradeoff(s9, ref, Options{})
	if err != nil || tr == nil {
		t.Fatal(tr, err)
	}
	if tr.AsWritten || tr.HybridMeetings != 120 || tr.Period != "2026–2030" || tr.Years != 5 || tr.PriceYear != s9.Cost.PriceYear {
		t.Errorf("S9 trade-off header: %+v", tr)
	}
	if tr.TravelRemote != s9.Cost.Travel.Cost || tr.TravelInRoom != flying.Cost.Travel.Cost || tr.CostSaved != flying.Cost.Travel.Cost-s9.Cost.Travel.Cost {
		t.Errorf("travel: %g / %g / %g; want %g / %g", tr.TravelInRoom, tr.TravelRemote, tr.CostSaved, flying.Cost.Travel.Cost, s9.Cost.Travel.Cost)
	}
	if tr.CO2RemoteKg != s9.Cost.Total.CO2Kg || tr.CO2InRoomKg != flying.Cost.Total.CO2Kg || tr.CO2SavedKg <= 0 {
		t.Errorf("CO2: %g / %g; want %g / %g", tr.CO2InRoomKg, tr.CO2RemoteKg, flying.Cost.Total.CO2Kg, s9.Cost.Total.CO2Kg)
	}
	// Flying, nobody follows from home (S9 has no virtual meeting); remote,
	// the night is the burden's as written.
	if flying.Burden.Summary.TotalNight != 0 || tr.NightMinutesInRoom != 0 || tr.NightMinutesRemote != s9.Burden.Summary.TotalNight ||
		tr.NightHoursImposed != float64(s9.Burden.Summary.TotalNight)/60 || tr.DelegationsWithNight != s9.Burden.Summary.HitByNight {
		t.Errorf("night: %+v; burden as written %d min, %d delegations", tr, s9.Burden.Summary.TotalNight, s9.Burden.Summary.HitByNight)
	}
	// The way the scenario is written is r itself, not evaluated again:
	// the same figures as a fresh evaluation (a result without its
	// burden is never reused).
	fresh := *s9
	fresh.Burden = nil
	if again, err := HybridTradeoff(&fresh, ref, Options{}); err != nil || *again != *tr {
		t.Errorf("evaluated again: %+v, %v; reused: %+v", again, err, tr)
	}
	// Capital backstopping follows every meeting either way: the
	// trade-off leaves it out, so the figures do not move.
	if all, err := HybridTradeoff(s9, ref, Options{Burden: burden.Settings{AllMeetings: true}}); err != nil || *all != *tr {
		t.Errorf("with backstopping: %+v, %v", all, err)
	}

	s3 := eval("s3-france-germany", Options{})
	t3, err := HybridTradeoff(s3, ref, Options{})
	if err != nil || t3 == nil {
		t.Fatal(t3, err)
	}
	if !t3.AsWritten || t3.TravelInRoom != s3.Cost.Travel.Cost || t3.CostSaved <= 0 || t3.NightHoursImposed <= 0 {
		t.Errorf("S3 flies as written: %+v (travel %g)", t3, s3.Cost.Travel.Cost)
	}

	if none, err := HybridTradeoff(eval("oewg-2021-2025", Options{}), ref, Options{}); none != nil || err != nil {
		t.Errorf("the OEWG has no hybrid meeting: %+v, %v", none, err)
	}
}

// BenchmarkHybridTradeoff is the two evaluations the window runs off its
// UI goroutine for S9.
func BenchmarkHybridTradeoff(b *testing.B) {
	ref, err := refdata.Default()
	if err != nil {
		b.Fatal(err)
	}
	s, _, err := store.FindBuiltIn("s9-hybrid-groups")
	if err != nil {
		b.Fatal(err)
	}
	r, err := Evaluate(s, ref, Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := HybridTradeoff(r, ref, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
