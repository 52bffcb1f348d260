package plan

import (
	"fmt"
	"testing"

	"mechplan/internal/burden"
	"mechplan/internal/model"
	"mechplan/internal/refdata"
	"mechplan/internal/store"
)

func library(tb testing.TB) ([]*model.Scenario, *refdata.Data) {
	tb.Helper()
	ref, err := refdata.Default()
	if err != nil {
		tb.Fatal(err)
	}
	all, err := store.BuiltIns()
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]*model.Scenario, len(all))
	for i := range all {
		out[i] = all[i].Scenario
	}
	return out, ref
}

// worstCase counts every meeting in the burden (capital backstopping), the
// most work an evaluation does.
var worstCase = Options{Burden: burden.Settings{AllMeetings: true}}

// BenchmarkEvaluate: one built-in scenario completely (calendar, burden for
// all 193 delegations counting every meeting, costs, all delegations'
// travel). Target ≤ 2 ms.
func BenchmarkEvaluate(b *testing.B) {
	ss, ref := library(b)
	for _, s := range ss {
		b.Run(s.ID, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Evaluate(s, ref, worstCase); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEvaluateLibrary: the whole built-in library, one after the other
// and in parallel. Target ≤ 20 ms.
func BenchmarkEvaluateLibrary(b *testing.B) {
	ss, ref := library(b)
	b.Run("sequential", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range ss {
				if _, err := Evaluate(s, ref, worstCase); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("parallel", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, errs := EvaluateAll(ss, ref, worstCase); firstError(errs) != nil {
				b.Fatal(firstError(errs))
			}
		}
	})
}

func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// scaled returns a scenario with its horizon and bodies multiplied: every
// block's sessions are repeated with copies of their bodies.
func scaled(s *model.Scenario, years, bodyCopies int) *model.Scenario {
	c := s.Clone()
	c.Horizon.Years = years
	n := len(c.Bodies)
	for k := 1; k < bodyCopies; k++ {
		for i := 0; i < n; i++ {
			b := c.Bodies[i]
			b.ID = fmt.Sprintf("%s-%d", b.ID, k)
			c.Bodies = append(c.Bodies, b)
		}
	}
	for i := range c.Blocks {
		blk := &c.Blocks[i]
		orig := blk.Sessions
		for k := 1; k < bodyCopies; k++ {
			for _, ss := range orig {
				if ss.Body != "" {
					ss.Body = fmt.Sprintf("%s-%d", ss.Body, k)
				}
				blk.Sessions = append(blk.Sessions, ss)
			}
		}
		blk.Arrangement = model.Parallel // ten times the bodies fit the same weeks
	}
	return c
}

// BenchmarkScaling shows that an evaluation's cost grows linearly with
// meetings × delegations: 1× is a built-in over 5 years for 193
// delegations; 10× its 50-year horizon; 100× adds ten times the bodies, or
// 2,000 synthetic delegations instead. Target: the 100× cases under 200 ms.
func BenchmarkScaling(b *testing.B) {
	ss, ref := library(b)
	var base *model.Scenario
	for _, s := range ss {
		if s.ID == "s9-hybrid-groups" {
			base = s
		}
	}
	big := ref.WithSyntheticStates(2000)
	cases := []struct {
		name string
		s    *model.Scenario
		ref  *refdata.Data
	}{
		{"1x_5y_193", base, ref},
		{"10x_50y_193", scaled(base, 50, 1), ref},
		{"100x_50y_10xbodies_193", scaled(base, 50, 10), ref},
		{"100x_50y_2000delegations", scaled(base, 50, 1), big},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var meetings int
			for b.Loop() {
				r, err := Evaluate(c.s, c.ref, worstCase)
				if err != nil {
					b.Fatal(err)
				}
				meetings = len(r.Schedule.Meetings)
			}
			b.ReportMetric(float64(meetings*len(c.ref.States)), "meeting×delegations")
		})
	}
}

// BenchmarkEditWithEightOpen is the engine's share of one edit in the
// desktop app: the largest built-in changes (a body's length), and all
// eight open scenarios are evaluated again. Target: within a 16 ms frame.
func BenchmarkEditWithEightOpen(b *testing.B) {
	ss, ref := library(b)
	largest := ss[0]
	for _, s := range ss {
		if meetings(s, ref) > meetings(largest, ref) {
			largest = s
		}
	}
	open := []*model.Scenario{largest.Clone()}
	for _, s := range ss {
		if s != largest && len(open) < 8 {
			open = append(open, s)
		}
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		open[0].Bodies[0].Meetings = 2 + n%8 // the edit
		if _, errs := EvaluateAll(open, ref, Options{}); firstError(errs) != nil {
			b.Fatal(firstError(errs))
		}
	}
}

func meetings(s *model.Scenario, ref *refdata.Data) int {
	r, err := Evaluate(s, ref, Options{})
	if err != nil {
		return 0
	}
	return len(r.Schedule.Meetings)
}
