package ui

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"mechplan/internal/plan"
	"mechplan/internal/proctime"
	"mechplan/internal/store"
)

// BenchmarkWorstCaseInWindow opens each of the most expensive valid
// scenarios (plan.WorstShapes) in the window and draws every view: the
// editor, the calendar, the time zones, the costs with their sensitivity
// chart (waited for), the delegation view, the comparison with the
// baseline and the settings. Target ≤ 2 s and ≤ 300 MB (docs/security.md);
// cpu-ms/op is the processor time, which a shared machine inflates less
// than the wall-clock time.
//
//	CGO_ENABLED=0 go test -tags ci ./internal/ui -run '^$' -bench WorstCaseInWindow -benchtime 1x -benchmem
func BenchmarkWorstCaseInWindow(b *testing.B) {
	for _, shape := range plan.WorstShapes {
		b.Run(shape, func(b *testing.B) {
			w, _ := newTestWindow(b)
			path := filepath.Join(b.TempDir(), shape+".json")
			if err := store.Save(path, plan.WorstCase(shape)); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			var cpu time.Duration
			for b.Loop() {
				c0 := proctime.Used()
				d, err := w.WS.OpenFile(path)
				if err != nil || !d.Valid() {
					b.Fatalf("%v %v", err, d.Problems)
				}
				w.WS.Select(d)
				for _, v := range viewOrder {
					done := make(chan struct{})
					if v == ViewCosts {
						w.Costs.tornado.done = func() { close(done) }
					}
					w.ShowView(v)
					if v == ViewCosts {
						<-done
						w.Costs.tornado.done = nil
						if len(w.Costs.tornado.Swings) == 0 {
							b.Fatal("no sensitivity drawn")
						}
					}
				}
				w.Compare.Pick(w.WS.Baseline, d)
				w.WS.Close(d)
				cpu += proctime.Used() - c0
			}
			b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
		})
	}
}

// TestWorstCaseDraws: the window opens the largest valid scenario and
// draws its calendar without error (the benchmark above times it).
func TestWorstCaseDraws(t *testing.T) {
	w, _ := newTestWindow(t)
	path := filepath.Join(t.TempDir(), "yearly.json")
	if err := store.Save(path, plan.WorstCase("yearly")); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	d, err := w.WS.OpenFile(path)
	if err != nil || d.Result == nil {
		t.Fatalf("%v %v", err, d.Problems)
	}
	w.WS.Select(d)
	w.ShowView(ViewCalendar)
	if len(w.Calendar.view.Conflicts) == 0 {
		t.Error("the calendar shows none of the 200 blocks' overlaps")
	}
	t.Logf("opened and drawn in %v", time.Since(start))
}

// TestTornadoFollowsTheActiveScenario: a sensitivity run overtaken by
// another scenario's stops, and the chart shows the scenario on screen.
func TestTornadoFollowsTheActiveScenario(t *testing.T) {
	w, _ := newTestWindow(t)
	w.WS.OpenBuiltIn("global-mechanism")
	w.ShowView(ViewCosts) // a run for a starts
	b := w.WS.OpenBuiltIn("oewg-2021-2025")
	done := make(chan struct{})
	w.Costs.tornado.done = func() { close(done) }
	w.WS.Select(b)
	w.ShowView(ViewCosts)
	<-done
	if w.Costs.tornado.forDoc != b || len(w.Costs.tornado.Swings) == 0 {
		t.Fatalf("the chart is for %v, not the active scenario %v", w.Costs.tornado.forDoc, b)
	}
	want, err := b.Result.Cost.Sensitivity(sensitivityDelta)
	if err != nil || !slices.Equal(want, w.Costs.tornado.Swings) {
		t.Errorf("the chart's swings are not the active scenario's (%v)", err)
	}
}
