package travel_test

import (
	"testing"

	"mechplan/internal/schedule"
	"mechplan/internal/store"
	"mechplan/internal/travel"
)

// BenchmarkAllStates prices the adopted mechanism's 12 trips for all 193
// delegations, the trip structure and the flight table built once.
func BenchmarkAllStates(b *testing.B) {
	d := ref(b)
	gm, _, err := store.FindBuiltIn("global-mechanism")
	if err != nil {
		b.Fatal(err)
	}
	sch, err := schedule.Build(gm, d)
	if err != nil {
		b.Fatal(err)
	}
	trips := travel.Trips(sch, travel.DefaultBridgeDays, travel.InPersonAndHybrid)
	tab := travel.NewTable(d, rules)
	del := delegation(nil)
	b.ReportAllocs()
	for b.Loop() {
		tab.All(trips, del, travel.Sponsorship{})
	}
}

// BenchmarkTripsAndTable is the per-evaluation set-up: the trip structure
// from the calendar and the 193 × 8 flights under the evaluation's rates.
func BenchmarkTripsAndTable(b *testing.B) {
	d := ref(b)
	gm, _, _ := store.FindBuiltIn("global-mechanism")
	sch, _ := schedule.Build(gm, d)
	b.ReportAllocs()
	for b.Loop() {
		travel.Trips(sch, travel.DefaultBridgeDays, travel.InPersonAndHybrid)
		travel.NewTable(d, rules)
	}
}
