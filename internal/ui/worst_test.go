package ui

import (
	"path/filepath"
	"testing"
	"time"

	"mechplan/internal/plan"
	"mechplan/internal/store"
)

// BenchmarkWorstCaseInWindow opens each of the most expensive valid
// scenarios (plan.WorstShapes) in the window and draws every view: the
// evaluation, the calendar, the time zones, the costs, the delegation
// view and the comparison with the baseline.
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
			for b.Loop() {
				d, err := w.WS.OpenFile(path)
				if err != nil || !d.Valid() {
					b.Fatalf("%v %v", err, d.Problems)
				}
				w.WS.Select(d)
				for _, v := range viewOrder {
					w.ShowView(v)
				}
				w.Compare.Pick(w.WS.Baseline, d)
				w.WS.Close(d)
			}
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
