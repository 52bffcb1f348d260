package ui

import (
	"image"
	"image/color"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"mechplan/internal/geo"
	"mechplan/internal/settings"
)

// zonesAtRemoteMeeting opens the hybrid scenario on the time-zone view,
// at its first meeting open to remote participation, in a window of the
// 1440 × 900 window.
func zonesAtRemoteMeeting(t testing.TB) *Window {
	t.Helper()
	a := test.NewTempApp(t)
	settings.New(a.Preferences(), 0).SetWelcomed()
	w, err := Create(a, Config{Picker: &fakePicker{}, AutosaveDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.Win.Close)
	w.Win.Resize(fyne.NewSize(1440, 900))
	w.WS.OpenBuiltIn("s9-hybrid-groups")
	w.ShowView(ViewZones)
	for i, m := range w.WS.Active.Result.Schedule.Meetings {
		if m.Format.Remote() {
			w.Zones.meeting.SetSelectedIndex(i)
			return w
		}
	}
	t.Fatal("the hybrid scenario has no hybrid meeting")
	return nil
}

// Places well inside large countries and away from any duty station, so
// that the pixel there is the country's fill and nothing else.
var inland = []struct {
	iso3     string
	lat, lon float64
}{
	{"USA", 39, -98}, {"BRA", -10, -52}, {"AUS", -25, 134}, {"CHN", 35, 100},
	{"RUS", 62, 95}, {"CAN", 58, -105}, {"IND", 22, 78}, {"ARG", -30, -63}, {"DZA", 27, 3}, {"KAZ", 48, 68},
}

func rowOf(t testing.TB, z *zonesScreen, iso3 string) ZoneRow {
	t.Helper()
	i := slices.IndexFunc(z.Rows(), func(r ZoneRow) bool { return r.ISO3 == iso3 })
	if i < 0 {
		t.Fatalf("%s is not in the table", iso3)
	}
	return z.Rows()[i]
}

func sameColour(a, b color.Color) bool {
	ar, ag, ab, aa := a.RGBA()
	br, bg, bb, ba := b.RGBA()
	return ar>>8 == br>>8 && ag>>8 == bg>>8 && ab>>8 == bb>>8 && aa>>8 == ba>>8
}

// TestWorldMapFillsCountriesByBand: in the window as drawn by Fyne, each
// country's land takes its band's colour for the chosen meeting, and the
// meeting's bands differ across the world.
func TestWorldMapFillsCountriesByBand(t *testing.T) {
	w := zonesAtRemoteMeeting(t)
	z := w.Zones
	img := w.Win.Canvas().Capture()
	objs := test.WidgetRenderer(z.world).Objects()
	if len(objs) == 0 {
		t.Fatal("the map drew nothing")
	}
	r, ok := objs[0].(*canvas.Raster)
	if !ok {
		t.Fatalf("the map's first object is a %T, want its picture", objs[0])
	}
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(z.world).Add(r.Position())
	scale := w.Win.Canvas().Scale()
	v := geo.FitMap(float64(r.Size().Width), float64(r.Size().Height))
	bands := map[string]bool{}
	for _, c := range inland {
		row := rowOf(t, z, c.iso3)
		x, y := v.Pixel(c.lon, c.lat)
		px := image.Pt(int((float64(origin.X)+x)*float64(scale)), int((float64(origin.Y)+y)*float64(scale)))
		if got, want := img.At(px.X, px.Y), bandColor(row.Band); !sameColour(got, want) {
			t.Errorf("%s (band %s) at %v is %v, want the band's %v", c.iso3, row.Band, px, got, want)
		}
		bands[row.Band] = true
	}
	if len(bands) < 2 {
		t.Errorf("one band for all of %d countries (%v): the check cannot tell a country's colour from a default", len(inland), bands)
	}
}

// TestWorldMapBurdenDotsAndVenues draws the picture itself: by burden the
// worst-off and a least-burdened country differ; small island states are
// dots in their own colour; the venue is marked.
func TestWorldMapBurdenDotsAndVenues(t *testing.T) {
	w := zonesAtRemoteMeeting(t)
	z := w.Zones
	m := newWorldMap(z)
	const pw = 900
	ph := int(pw / geo.MapAspect())
	at := func(img image.Image, lat, lon float64) color.Color {
		x, y := geo.FitMap(pw, float64(ph)).Pixel(lon, lat)
		return img.At(int(x), int(y))
	}

	// Band: every small island state without a shape shows as a dot in
	// its band's colour, at its capital.
	img := m.image(m.paint(pw), pw, ph)
	for _, iso := range []string{"MUS", "SGP", "TON", "CPV", "MLT", "KIR", "MDV"} {
		row := rowOf(t, z, iso)
		if got := at(img, row.Lat, row.Lon); !sameColour(got, bandColor(row.Band)) {
			t.Errorf("%s's dot at its capital is %v, want its band's %v", iso, got, bandColor(row.Band))
		}
	}
	// France around Paris, in this larger picture.
	if got, want := at(img, 47.5, 2.3), bandColor(rowOf(t, z, "FRA").Band); !sameColour(got, want) {
		t.Errorf("France is %v, want its band's %v", got, want)
	}
	// The venue's square, filled with the venue colour.
	ven := z.view.Venue
	if ven == nil {
		t.Fatal("no venue for the meeting")
	}
	if got := at(img, ven.Lat, ven.Lon); !sameColour(got, themeColor(colorConflict)) {
		t.Errorf("the venue %s is %v, want the venue mark's colour", ven.Code, got)
	}
	// The picture is cached: the same paint gives the same image.
	if again := m.image(m.paint(pw), pw, ph); again != img {
		t.Error("the same paint drew the picture again")
	}

	// Burden: the countries' colours follow the score.
	z.SetColouring(colourByScore)
	burden := m.image(m.paint(pw), pw, ph)
	if burden == img {
		t.Fatal("changing the colouring kept the picture")
	}
	top := z.maxScore()
	var lo, hi string
	for _, c := range inland {
		s := rowOf(t, z, c.iso3).Score
		if lo == "" || s < rowOf(t, z, lo).Score {
			lo = c.iso3
		}
		if hi == "" || s > rowOf(t, z, hi).Score {
			hi = c.iso3
		}
	}
	for _, iso := range []string{lo, hi} {
		row := rowOf(t, z, iso)
		c := inland[slices.IndexFunc(inland, func(p struct {
			iso3     string
			lat, lon float64
		}) bool {
			return p.iso3 == iso
		})]
		if got, want := at(burden, c.lat, c.lon), z.capitalColour(row, top); !sameColour(got, want) {
			t.Errorf("%s (score %.1f of %.1f) is %v, want %v", iso, row.Score, top, got, want)
		}
	}
	if rowOf(t, z, lo).Score == rowOf(t, z, hi).Score {
		t.Errorf("%s and %s have the same score: the check cannot fail", lo, hi)
	}
}

// TestWorldMapLegend: the legend names each band with its count, or the
// burden scale with its figures and unit, and the marks.
func TestWorldMapLegend(t *testing.T) {
	w := zonesAtRemoteMeeting(t)
	z := w.Zones
	texts := func() string {
		var s []string
		for _, o := range test.WidgetRenderer(z.world).Objects() {
			if tx, ok := o.(*canvas.Text); ok {
				s = append(s, tx.Text)
			}
		}
		return "|" + strings.Join(s, "|") + "|"
	}
	counts := map[string]int{}
	for _, r := range z.Rows() {
		counts[r.Band]++
	}
	got := texts()
	for _, b := range []string{bandWorking, bandUnsociable, bandNight} {
		if want := bandLabel(b) + ": " + number(float64(counts[b]), 0); !strings.Contains(got, want) {
			t.Errorf("legend %q lacks %q", got, want)
		}
	}
	for _, want := range []string{"This meeting's venue", "Other UN duty stations", "a dot at its capital", "Natural Earth"} {
		if !strings.Contains(got, want) {
			t.Errorf("legend %q lacks %q", got, want)
		}
	}
	z.SetColouring(colourByScore)
	got = texts()
	if want := number(z.maxScore(), 1) + " weighted hours"; !strings.Contains(got, want) {
		t.Errorf("burden legend %q lacks the top of the scale %q", got, want)
	}
	if want := number(z.maxScore()/2, 1); !strings.Contains(got, "|"+want+"|") {
		t.Errorf("burden legend %q lacks the middle of the scale %q", got, want)
	}
	// Meetings all in person: no burden, and no scale pretending some.
	w.WS.OpenBuiltIn(BaselineBuiltIn)
	w.ShowView(ViewZones)
	if z.maxScore() != 0 {
		t.Fatalf("the baseline's worst burden is %v, want 0", z.maxScore())
	}
	got = texts()
	if !strings.Contains(got, number(0, 1)+" weighted hours") || strings.Contains(got, "|"+number(0, 0)+"|") {
		t.Errorf("zero-burden legend %q: want one swatch for 0 weighted hours, no scale", got)
	}
}

// BenchmarkWorldMapRender is a redraw after a change (another meeting or
// colouring): the whole picture rasterised, at the map's width in a
// 1440-pixel window, and twice that on a high-density screen.
func BenchmarkWorldMapRender(b *testing.B) {
	w := zonesAtRemoteMeeting(b)
	m := newWorldMap(w.Zones)
	p := m.paint(560)
	for _, pw := range []int{560, 1120} {
		b.Run(strconv.Itoa(pw), func(b *testing.B) {
			ph := int(float64(pw) / geo.MapAspect())
			for b.Loop() {
				m.mu.Lock()
				m.render(p, pw, ph)
				m.mu.Unlock()
			}
		})
	}
}

// BenchmarkWorldMapDraw is what the view pays on a refresh that changes
// nothing the map shows (an edit elsewhere): legend and cached picture.
func BenchmarkWorldMapDraw(b *testing.B) {
	w := zonesAtRemoteMeeting(b)
	m := newWorldMap(w.Zones)
	size := fyne.NewSize(560, 330)
	m.draw(size)
	for b.Loop() {
		objs := m.draw(size)
		objs[0].(*canvas.Raster).Generator(560, int(560/geo.MapAspect()))
	}
}

// TestWorldMapKeepsRoomAtLargeText: at 150% in a low pane, the map still
// takes most of the width, its key beside or under it.
func TestWorldMapKeepsRoomAtLargeText(t *testing.T) {
	w := zonesAtRemoteMeeting(t)
	if err := w.SetScale(150); err != nil {
		t.Fatal(err)
	}
	m := newWorldMap(w.Zones)
	for _, size := range []fyne.Size{fyne.NewSize(660, 260), fyne.NewSize(440, 330), fyne.NewSize(900, 600)} {
		objs := m.draw(size)
		if len(objs) < 2 {
			t.Errorf("%v: %d objects, want the map and its key", size, len(objs))
			continue
		}
		r := objs[0].(*canvas.Raster)
		if r.Size().Width < 0.6*(size.Width-2*8) {
			t.Errorf("%v: the map is %v wide, want most of the pane", size, r.Size().Width)
		}
		for _, o := range objs[1:] {
			p, s := o.Position(), o.Size()
			if p.X < 0 || p.Y < 0 || p.Y+s.Height > size.Height+1 {
				t.Errorf("%v: a legend item at %v size %v is outside the pane", size, p, s)
			}
		}
	}
}

func TestWrapWords(t *testing.T) {
	test.NewTempApp(t)
	size := smallText()
	for _, s := range []string{
		"Natural Earth 1:110m. The boundaries shown do not imply official endorsement or acceptance by the United Nations.",
		"Natural Earth，比例尺1:1.1亿。本地图所示边界和名称并不意味着联合国正式认可或接受。",
	} {
		width := textWidth(s, size, false) / 3
		lines := wrapWords(s, size, width)
		if len(lines) < 3 {
			t.Errorf("%q in a third of its width: %d lines", s, len(lines))
		}
		for _, l := range lines {
			if textWidth(l, size, false) > width {
				t.Errorf("line %q is wider than %v", l, width)
			}
		}
		if strings.ReplaceAll(strings.Join(lines, ""), " ", "") != strings.ReplaceAll(s, " ", "") {
			t.Errorf("wrapping %q lost text: %q", s, lines)
		}
	}
	if got := wrapWords("長", size, 1); len(got) != 1 {
		t.Errorf("a character wider than the line: %q, want it on a line of its own", got)
	}
}
