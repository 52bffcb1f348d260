package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"mechplan/internal/burden"
)

// The time-zone view's advice: after the optimiser runs on S9, the
// panel lists each body's front (every point inside New York's window,
// the recommendation marked), a picked point is applied to a copy with
// progress shown, and the original keeps its times.
func TestAdvicePickAndApplyToCopy(t *testing.T) {
	w, _ := newTestWindow(t)
	orig := w.WS.OpenBuiltIn("s9-hybrid-groups")
	w.ShowView(ViewZones)
	z := w.Zones
	done := make(chan struct{})
	z.optim.Run(func() { close(done) })
	<-done
	a := z.optim.advice
	if a.content.Hidden || len(a.body.Options) != 3 {
		t.Fatalf("advice hidden or bodies %v", a.body.Options)
	}
	pts := a.Points()
	if len(pts) < 2 {
		t.Fatalf("front of %d points", len(pts))
	}
	recommended, other := -1, -1
	for i, p := range pts {
		if c := a.sug.Bodies[0].Candidates[p.Candidate]; !c.InWindow || p.Start < "08:00" || p.Start > "12:00" {
			t.Errorf("front point %s outside the window", p.Start)
		}
		if p.Recommended {
			recommended = i
		} else {
			other = i
		}
	}
	if recommended < 0 || other < 0 || a.point.Selected != a.pointLabel(pts[recommended]) {
		t.Fatalf("recommended %d, other %d, selected %q", recommended, other, a.point.Selected)
	}
	// The chair's line: S9's recommendation saves the African group
	// hours and costs Latin America and the Caribbean some (docs/burden.md).
	if g := a.gains.Text; !strings.Contains(g, "African 361.2 h") || !strings.Contains(g, "Latin American and Caribbean 74.0 h") {
		t.Errorf("gains line %q", g)
	}
	if a.binds.Hidden {
		t.Error("the window binds on S9 but the panel does not say so")
	}
	// The picture, with the side panel scrolled to the advice, on the
	// second body, whose front has five points.
	a.body.SetSelected(a.body.Options[1])
	dir := os.Getenv("MECHPLAN_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	drv := fyne.CurrentApp().Driver()
	y := drv.AbsolutePositionForObject(a.content).Y - drv.AbsolutePositionForObject(z.side.Content).Y
	z.side.ScrollToOffset(fyne.NewPos(0, y))
	savePNG(t, w, filepath.Join(dir, "timezones-advice-en-light.png"))
	a.body.SetSelected(a.body.Options[0])
	// Pick the other point from the list, as a user would.
	a.point.SetSelected(a.pointLabel(pts[other]))
	if a.picks[0] != pts[other].Candidate {
		t.Fatalf("pick %d, want %d", a.picks[0], pts[other].Candidate)
	}
	applied := make(chan struct{})
	a.done = func() { close(applied) }
	test.Tap(a.apply)
	<-applied
	d := w.WS.Active
	if d == orig || d.ReadOnly() {
		t.Fatal("the picks were not applied to a copy")
	}
	if len(orig.Scenario.Bodies[0].StartTimes) != 0 {
		t.Errorf("the original changed: %v", orig.Scenario.Bodies[0].StartTimes)
	}
	if got := d.Scenario.Bodies[0].StartTimes; len(got) != 1 || got[0] != pts[other].Start {
		t.Errorf("copy's first body starts at %v, want the picked %s", got, pts[other].Start)
	}
	if got, want := d.Scenario.Bodies[1].StartTimes, burden.Clock(a.sug.Bodies[1].Candidates[a.sug.Bodies[1].Recommended].Start); len(got) != 1 || got[0] != want {
		t.Errorf("copy's second body starts at %v, want the recommended %s", got, want)
	}
	if d.Result == nil || a.status.Text == "" || !a.working.Hidden {
		t.Errorf("after applying: result %v, status %q, progress hidden %v", d.Result != nil, a.status.Text, a.working.Hidden)
	}
}

// The optimiser's hours are a setting: a valid window reaches the
// optimiser, a wrong one is refused with its message and changes nothing.
func TestOptimiserHoursSetting(t *testing.T) {
	w, _ := newTestWindow(t)
	if err := w.Prefs.ApplyHours("07:00-24:00"); err != nil {
		t.Fatal(err)
	}
	if h := w.WS.Options().Burden.Hours; h == nil || h.From != 420 || h.To != 1440 {
		t.Fatalf("hours in the options %+v, want 07:00–24:00", h)
	}
	if err := w.Prefs.ApplyHours("20:00-08:00"); err == nil || w.Prefs.hoursMsg.Text == "" {
		t.Error("a window that ends before it starts was accepted")
	}
	if h := w.WS.Options().Burden.Hours; h == nil || h.From != 420 {
		t.Errorf("a refused window changed the setting: %+v", h)
	}
	if err := w.Prefs.ApplyHours(""); err != nil || w.WS.Options().Burden.Hours != nil {
		t.Errorf("empty: %v, hours %+v", err, w.WS.Options().Burden.Hours)
	}
}
