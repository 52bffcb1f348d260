package cost_test

import (
	"testing"

	"mechplan/internal/cost"
	"mechplan/internal/schedule"
	"mechplan/internal/store"
)

// BenchmarkCompute is the cost stage alone (servicing, documentation,
// posts, staff travel, all 193 delegations' trips and the sponsorship
// split) for each built-in scenario, the calendar being laid out already.
func BenchmarkCompute(b *testing.B) {
	ref := ref(b)
	all, err := store.BuiltIns()
	if err != nil {
		b.Fatal(err)
	}
	for _, bi := range all {
		sch, err := schedule.Build(bi.Scenario, ref)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(bi.Scenario.ID, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := cost.Compute(bi.Scenario, sch, ref, cost.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSensitivity re-estimates the Global Mechanism twice per
// assumption, as a tornado chart needs.
func BenchmarkSensitivity(b *testing.B) {
	gm, _, _ := store.FindBuiltIn("global-mechanism")
	e, _ := estimate(b, gm, cost.Options{})
	for b.Loop() {
		if _, err := e.Sensitivity(0.2); err != nil {
			b.Fatal(err)
		}
	}
}
