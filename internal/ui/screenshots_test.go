package ui

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"mechplan/internal/settings"
)

// screenshot is one view to render: how to reach it from a fresh window.
type screenshot struct {
	name string
	show func(w *Window)
}

// screenshots lists every view of the window, reached the way a user
// reaches it.
var screenshots = []screenshot{
	{"editor-bodies", func(w *Window) {
		w.WS.OpenBuiltIn("s3-france-germany")
		w.Duplicate()
		w.Editor.body = 1
		w.Editor.refresh()
		w.Editor.tabs.SelectIndex(1)
		w.ShowView(ViewEditor)
	}},
	{"editor-blocks", func(w *Window) {
		w.WS.OpenBuiltIn("s8-four-groups-rotating")
		w.Editor.tabs.SelectIndex(2)
		w.ShowView(ViewEditor)
	}},
	{"editor-invalid", func(w *Window) {
		w.WS.New()
		w.Editor.tabs.SelectIndex(1)
		w.Editor.Entry("bodies[0].meetings").SetText("0")
		w.ShowView(ViewEditor)
	}},
	{"calendar", func(w *Window) {
		w.WS.OpenBuiltIn("s8-four-groups-rotating")
		w.ShowView(ViewCalendar)
		w.Calendar.SetYear(2027)
	}},
	{"timezones", func(w *Window) {
		w.WS.OpenBuiltIn("s9-hybrid-groups")
		w.ShowView(ViewZones)
		w.Zones.sort.SetSelected(SortByBurden)
	}},
	{"timezones-burden", func(w *Window) {
		w.WS.OpenBuiltIn("s9-hybrid-groups")
		w.ShowView(ViewZones)
		w.Zones.colour.SetSelected(colourByScore)
	}},
	{"costs", func(w *Window) {
		w.WS.OpenBuiltIn("s7-rotating-venues")
		done := make(chan struct{})
		w.Costs.tornado.done = func() { close(done) }
		w.ShowView(ViewCosts)
		<-done
		w.Costs.tornado.done = nil
		w.Costs.pledge.SetText("67000")
	}},
	{"my-delegation", func(w *Window) {
		w.WS.OpenBuiltIn("global-mechanism")
		w.Mine.SetState("CHL")
		w.ShowView(ViewMine)
	}},
	{"compare", func(w *Window) {
		gm := w.WS.OpenBuiltIn("global-mechanism")
		s9 := w.WS.OpenBuiltIn("s9-hybrid-groups")
		s3 := w.WS.OpenBuiltIn("s3-france-germany")
		w.ShowView(ViewCompare)
		w.Compare.Pick(w.WS.Baseline, gm, s9, s3)
	}},
	{"settings", func(w *Window) { w.ShowView(ViewSettings) }},
}

// TestScreenshots renders every view in light and dark with the test
// driver. With MECHPLAN_SCREENSHOTS set (make screenshots) the PNGs are
// kept there for a person to look at.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("MECHPLAN_SCREENSHOTS")
	variants := []settings.Theme{settings.ThemeLight, settings.ThemeDark}
	if dir == "" {
		// A plain test run checks every view renders, in one variant, to
		// keep the suite fast.
		dir, variants = t.TempDir(), variants[:1]
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, variant := range variants {
		// One window per variant, as a user moves through the views.
		w, _ := newTestWindow(t)
		// As the user does it: the settings screen's radio.
		w.Prefs.theme.SetSelected(variant.Label())
		w.Win.Resize(fyne.NewSize(settings.DefaultWidth, settings.DefaultHeight))
		for _, s := range screenshots {
			s.show(w)
			img := w.Win.Canvas().Capture()
			if colours(img) < 8 {
				t.Errorf("%s (%s): the picture is nearly blank", s.name, variant)
			}
			f, err := os.Create(filepath.Join(dir, s.name+"-"+string(variant)+".png"))
			if err != nil {
				t.Fatal(err)
			}
			if err := png.Encode(f, img); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
	}
}

// colours counts distinct colours on a coarse grid of the picture.
func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
		}
	}
	return len(seen)
}
