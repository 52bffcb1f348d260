package burden

import (
	"testing"

	"mechplan/internal/cost"
	"mechplan/internal/model"
	"mechplan/internal/schedule"
	"mechplan/internal/store"
)

// BenchmarkComputeBuiltIns is the burden alone (calendar already laid
// out) for 193 delegations over each built-in scenario's whole horizon,
// counting every meeting.
func BenchmarkComputeBuiltIns(b *testing.B) {
	ref := defaultRef(b)
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
			for b.Loop() {
				if _, err := Compute(bi.Scenario, sch, ref, Settings{AllMeetings: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// yearOfVirtualSessions is one virtual group meeting four times a year,
// five days (ten meetings) each: 40 meetings to place.
func yearOfVirtualSessions() *model.Scenario {
	s := smallVirtual()
	s.Horizon.Years = 1
	s.Bodies[0].Meetings = 10
	s.Blocks = nil
	for i, m := range []int{2, 5, 9, 11} {
		s.Blocks = append(s.Blocks, model.Block{ID: string(rune('a' + i)), Venue: "NYC", Month: m, Week: 2,
			Arrangement: model.Consecutive, Sessions: []model.Session{{Body: "tg"}}})
	}
	return s
}

// BenchmarkStartTimes96 scores the 96 quarter-hour start times (and the
// rotation over the cycle's four sessions) for a year of virtual
// sessions; the project's budget is 20 ms.
func BenchmarkStartTimes96(b *testing.B) {
	benchStartTimes(b, yearOfVirtualSessions())
}

// BenchmarkOptimize is the whole optimiser on a year of virtual sessions:
// the start-time search plus laying the scenario out before and after.
func BenchmarkOptimize(b *testing.B) {
	ref := defaultRef(b)
	s := yearOfVirtualSessions()
	for b.Loop() {
		if _, err := Optimize(s, ref, Settings{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOptimizeFiveYears is the optimiser over a whole 5-year horizon:
// the start-time rotation of the hybrid groups of S9 (30 sessions), and the
// venue order of S7's rotating block; the project's budget is 500 ms.
func BenchmarkOptimizeFiveYears(b *testing.B) {
	ref := defaultRef(b)
	all, err := store.BuiltIns()
	if err != nil {
		b.Fatal(err)
	}
	for _, bi := range all {
		if id := bi.Scenario.ID; id != "s9-hybrid-groups" && id != "s7-rotating-venues" {
			continue
		}
		b.Run(bi.Scenario.ID, func(b *testing.B) {
			for b.Loop() {
				if _, err := Optimize(bi.Scenario, ref, Settings{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFrontS9Body is the front over the 96 quarter-hours for one
// body of S9 over its 5-year horizon (scoring, the window, the room, the
// cost, the front, the rule and the rotation search); budget 20 ms.
func BenchmarkFrontS9Body(b *testing.B) {
	benchStartTimes(b, builtIn(b, "s9-hybrid-groups"))
}

// benchStartTimes times the start-time search (front, rule, rotation) for
// the scenario's first body.
func benchStartTimes(b *testing.B, s *model.Scenario) {
	ref := defaultRef(b)
	sch, err := schedule.Build(s, ref)
	if err != nil {
		b.Fatal(err)
	}
	bands, _ := Settings{}.BandsFor(s)
	prof := compiled(bands)
	rate, err := cost.OutsideHoursRate(s, ref)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := chooseStartTimes(s, sch, ref, Settings{}, prof, &s.Bodies[0], rate); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRotationFiveYears compares S9's rotation with its fixed times
// over the 5-year horizon, year by year; budget 100 ms.
func BenchmarkRotationFiveYears(b *testing.B) {
	ref := defaultRef(b)
	sug, err := Optimize(builtIn(b, "s9-hybrid-groups"), ref, Settings{})
	if err != nil || sug.Rotated == nil {
		b.Fatalf("no rotation: %v", err)
	}
	for b.Loop() {
		if _, err := CompareRotation(sug.Scenario, sug.Rotated, ref, Settings{}); err != nil {
			b.Fatal(err)
		}
	}
}

func builtIn(tb testing.TB, id string) *model.Scenario {
	tb.Helper()
	all, err := store.BuiltIns()
	if err != nil {
		tb.Fatal(err)
	}
	for _, bi := range all {
		if bi.Scenario.ID == id {
			return bi.Scenario
		}
	}
	tb.Fatalf("no built-in %s", id)
	return nil
}
