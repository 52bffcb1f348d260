package ui

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"mechplan/internal/i18n"
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
		e := w.Editor.Entry("bodies[0].meetings")
		e.SetText("0")
		w.ShowView(ViewEditor)
		// Scroll the form down to the field and its message.
		sc := w.Editor.sections[1].fields.scrolls[0]
		d := fyne.CurrentApp().Driver()
		y := d.AbsolutePositionForObject(e).Y - d.AbsolutePositionForObject(sc.Content).Y
		sc.ScrollToOffset(fyne.NewPos(0, max(y-40, 0)))
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
		w.Zones.SetColouring(colourByScore)
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

// TestScreenshots renders the welcome and every view, in every language
// offered, light and dark, and in Russian and Chinese also at 150%, whose
// taller and longer texts the layouts must hold, with the test driver. With
// MECHPLAN_SCREENSHOTS set (make screenshots) the PNGs are kept there for
// a person to look at, named view-language-variant.png.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("MECHPLAN_SCREENSHOTS")
	variants := []settings.Theme{settings.ThemeLight, settings.ThemeDark}
	langs := i18n.Offered
	if dir == "" {
		// A plain test run checks every view renders, in one variant
		// and language, to keep the suite fast.
		dir, variants, langs = t.TempDir(), variants[:1], langs[:1]
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if os.Getenv("MECHPLAN_SCREENSHOTS") != "" {
		// The editor and the settings at 200%, the largest scale.
		w := newWindowIn(t, i18n.English, true)
		w.Prefs.theme.SetSelected(themeLabel(settings.ThemeLight))
		if err := w.SetScale(200); err != nil {
			t.Fatal(err)
		}
		for _, s := range screenshots {
			if s.name == "editor-bodies" || s.name == "settings" || s.name == "costs" {
				s.show(w)
				savePNG(t, w, filepath.Join(dir, s.name+"-en-light-200.png"))
			}
		}
		for _, lang := range []i18n.Language{i18n.Russian, i18n.Chinese} {
			w := newWindowIn(t, lang, true)
			w.Prefs.theme.SetSelected(themeLabel(settings.ThemeLight))
			if err := w.SetScale(150); err != nil {
				t.Fatal(err)
			}
			for _, s := range screenshots {
				s.show(w)
				savePNG(t, w, filepath.Join(dir, s.name+"-"+string(lang)+"-light-150.png"))
			}
		}
	}
	for _, lang := range langs {
		for _, variant := range variants {
			// One window per language and variant, opened as on a first
			// start, as a user moves through the views.
			w := newWindowIn(t, lang, false)
			// As the user does it: the settings screen's radio.
			w.Prefs.theme.SetSelected(themeLabel(variant))
			save := func(name string) {
				savePNG(t, w, filepath.Join(dir, name+"-"+string(lang)+"-"+string(variant)+".png"))
			}
			save("welcome")
			w.escape()
			for _, s := range screenshots {
				s.show(w)
				save(s.name)
			}
		}
	}
}

// savePNG captures the window into a file, after checking the picture
// is not blank.
func savePNG(t *testing.T, w *Window, path string) {
	t.Helper()
	img := w.Win.Canvas().Capture()
	if colours(img) < 8 {
		t.Errorf("%s: the picture is nearly blank", filepath.Base(path))
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
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
