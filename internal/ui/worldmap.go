package ui

import (
	"encoding/binary"
	"hash/fnv"
	"image"
	"image/color"
	"image/draw"
	"math"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/vector"

	"mechplan/internal/geo"
	"mechplan/internal/i18n"
	"mechplan/internal/ui/chartview"
)

// worldMap is the time-zone view's map: every delegation's country filled
// with the chosen meeting's band or the scenario's burden, borders and
// coastlines, states too small to draw as dots at their capitals, and the
// duty stations, with a legend under it.
//
// The map itself is one picture (a canvas.Raster) rasterised in Go from
// the embedded Natural Earth shapes and cached for its size and colours:
// some ten thousand border segments as canvas objects would cost the
// software renderer of a virtual desktop far more than one texture. The
// legend and the venue's name are canvas text, in the theme's font.
type worldMap struct {
	z     *zonesScreen
	atlas *geo.Atlas // nil only if the embedded file is broken: dots then

	raster    *canvas.Raster
	rasterKey uint64

	mu     sync.Mutex // guards what follows: the render may run off the UI goroutine
	img    *image.RGBA
	imgKey uint64
	rast   vector.Rasterizer
	mask   image.Alpha
}

func newWorldMap(z *zonesScreen) *worldMap {
	m := &worldMap{z: z}
	m.atlas, _ = geo.World() // geo's tests keep the file readable
	return m
}

// mapPaint is everything the picture depends on, taken on the UI
// goroutine, so that rendering needs no widget and two equal paints give
// the same picture.
type mapPaint struct {
	sea, land, coast, grid, fg, bg, venue color.NRGBA
	// fill colours each delegation of the table by its ISO3 code; a
	// member state the filters leave out, and every territory, takes land.
	fill   map[string]color.NRGBA
	dots   []mapDot
	venues []mapVenue
	// unit is the size of one of Fyne's units in pixels of the picture:
	// lines and dots keep their weight on a high-density screen.
	logicalWidth float32
}

// mapDot is a delegation's capital, drawn when its state has no shape or
// one under a few pixels.
type mapDot struct {
	iso3     string
	lat, lon float64
	c        color.NRGBA
}

// mapVenue is a duty station; chosen is where the meeting sits.
type mapVenue struct {
	lat, lon float64
	chosen   bool
}

func nrgba(c color.Color) color.NRGBA { return color.NRGBAModel.Convert(c).(color.NRGBA) }

// paint takes the colours and the places the map shows now.
func (m *worldMap) paint(logicalWidth float32) *mapPaint {
	z := m.z
	p := &mapPaint{
		sea: nrgba(themeColor(colorSea)), land: nrgba(themeColor(colorLand)), coast: nrgba(themeColor(colorCoast)),
		grid: nrgba(themeColor(colorGrid)), fg: nrgba(themeColor(theme.ColorNameForeground)),
		bg: nrgba(themeColor(theme.ColorNameBackground)), venue: nrgba(themeColor(colorConflict)),
		fill: make(map[string]color.NRGBA, len(z.view.Rows)), logicalWidth: logicalWidth,
	}
	maxScore := z.maxScore()
	for _, r := range z.view.Rows {
		c := nrgba(z.capitalColour(r, maxScore))
		p.fill[r.ISO3] = c
		p.dots = append(p.dots, mapDot{iso3: r.ISO3, lat: r.Lat, lon: r.Lon, c: c})
	}
	for _, v := range z.w.WS.Ref.Venues {
		p.venues = append(p.venues, mapVenue{lat: v.Lat, lon: v.Lon, chosen: z.view.Venue != nil && z.view.Venue.Code == v.Code})
	}
	return p
}

// maxScore is the worst burden among the table's delegations: the top of
// the burden scale.
func (z *zonesScreen) maxScore() float64 {
	m := 0.0
	for _, r := range z.view.Rows {
		m = max(m, r.Score)
	}
	return m
}

// key sums up a paint, so that a picture is drawn again only when
// something it shows changed.
func (p *mapPaint) key(w, h int) uint64 {
	f := fnv.New64a()
	var b [8]byte
	put := func(v uint64) { binary.LittleEndian.PutUint64(b[:], v); f.Write(b[:]) }
	col := func(c color.NRGBA) { f.Write([]byte{c.R, c.G, c.B, c.A}) }
	put(uint64(w)<<32 | uint64(h))
	put(uint64(math.Float32bits(p.logicalWidth)))
	for _, c := range []color.NRGBA{p.sea, p.land, p.coast, p.grid, p.fg, p.bg, p.venue} {
		col(c)
	}
	for _, d := range p.dots {
		f.Write([]byte(d.iso3))
		col(d.c)
	}
	for _, v := range p.venues {
		put(math.Float64bits(v.lat))
		put(math.Float64bits(v.lon))
		if v.chosen {
			f.Write([]byte{1})
		}
	}
	return f.Sum64()
}

// image returns the picture for a paint at w × h pixels, drawn once per
// size and paint.
func (m *worldMap) image(p *mapPaint, w, h int) image.Image {
	key := p.key(w, h)
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.img == nil || m.imgKey != key {
		m.img = m.render(p, w, h)
		m.imgKey = key
	}
	return m.img
}

// pt is a point of the picture, in pixels.
type pt struct{ x, y float32 }

// render rasterises the map; m.mu is held.
func (m *worldMap) render(p *mapPaint, w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	if w < 2 || h < 2 {
		return img
	}
	v := geo.FitMap(float64(w), float64(h))
	px := float32(1)
	if p.logicalWidth > 0 {
		px = float32(w) / p.logicalWidth
	}
	// Marks and lines grow with the map, within bounds that keep a small
	// map readable and a large one light: a dot of 3.2 to 6.4 units.
	lw := float64(w) / float64(px)
	r := float32(min(max(lw/220, 1.6), 3.2)) * px
	line := float32(min(max(lw/1600, 0.2), 0.4)) * px
	project := func(lon, lat float64) pt {
		x, y := v.Pixel(lon, lat)
		return pt{float32(x), float32(y)}
	}

	// The sea inside the projection's outline, and the 30° graticule.
	outline := m.outline(project)
	m.fill(img, [][]pt{outline}, p.sea)
	var grid [][]pt
	for lon := -180.0; lon <= 180; lon += 30 {
		var l []pt
		for lat := geo.MapSouth; lat <= geo.MapNorth; lat += 2 {
			l = append(l, project(lon, lat))
		}
		grid = append(grid, l)
	}
	for lat := -30.0; lat <= 60; lat += 30 {
		var l []pt
		for lon := -180.0; lon <= 180; lon += 5 {
			l = append(l, project(lon, lat))
		}
		grid = append(grid, l)
	}
	m.stroke(img, grid, false, 0.5*px, p.grid)

	// Land: each area in its colour, then every ring's outline once.
	var borders [][]pt
	if m.atlas != nil {
		for i := range m.atlas.Areas {
			ar := &m.atlas.Areas[i]
			c, ok := p.fill[ar.ISO3]
			if !ok {
				c = p.land
			}
			for _, shift := range shifts(ar) {
				// One polygon at a time with its holes: the box to clear
				// and composite stays the polygon's, not the whole
				// country's (the United States reach from Hawaii to Maine).
				for _, pg := range ar.Polygons {
					var rings [][]pt
					for _, r := range append([]geo.Ring{pg.Outer}, pg.Holes...) {
						rings = append(rings, projectRing(r, shift, project, 0.6*px))
					}
					if m.fill(img, rings, c) {
						borders = append(borders, rings...)
					}
				}
			}
		}
	}
	m.stroke(img, append(borders, outline), true, line, p.coast)

	// Dots for the states the shapes do not show, at their capitals.
	for _, d := range p.dots {
		if m.shown(d.iso3, project, 2*r) {
			continue
		}
		c := project(d.lon, d.lat)
		m.fill(img, [][]pt{circle(c, r+max(0.7*px, 2*line))}, p.coast)
		m.fill(img, [][]pt{circle(c, r)}, d.c)
	}

	// Duty stations: a square each, the meeting's venue filled and drawn
	// last, on top.
	for _, chosen := range []bool{false, true} {
		s, inner := 1.2*r, p.bg
		if chosen {
			s, inner = 1.6*r, p.venue
		}
		for _, dv := range p.venues {
			if dv.chosen != chosen {
				continue
			}
			c := project(dv.lon, dv.lat)
			m.fill(img, [][]pt{square(c, s)}, p.fg)
			m.fill(img, [][]pt{square(c, s-max(px, 0.3*s))}, inner)
		}
	}
	return img
}

// projectRing places a ring in the picture, leaving out the points
// closer than step to the last one kept: at the size of a window most of
// a 1:110m coastline's points fall within a pixel of each other.
func projectRing(r geo.Ring, shift float64, project func(lon, lat float64) pt, step float32) []pt {
	q := make([]pt, 0, len(r))
	for k, a := range r {
		p := project(a.Lon+shift, a.Lat)
		if k > 0 && k < len(r)-1 {
			last := q[len(q)-1]
			if dx, dy := p.x-last.x, p.y-last.y; dx*dx+dy*dy < step*step {
				continue
			}
		}
		q = append(q, p)
	}
	return q
}

// shifts are the longitudes an area is drawn at: once, and again 360° to
// the west when its rings reach past the antimeridian.
func shifts(ar *geo.Area) []float64 {
	if ar.MaxLon > 180 {
		return []float64{0, -360}
	}
	return []float64{0}
}

// shown says whether a state's shape covers at least min pixels across.
func (m *worldMap) shown(iso3 string, project func(lon, lat float64) pt, minPx float32) bool {
	if m.atlas == nil {
		return false
	}
	ar, ok := m.atlas.Area(iso3)
	if !ok {
		return false
	}
	mid := (ar.MinLat + ar.MaxLat) / 2
	west, east := project(ar.MinLon, mid), project(ar.MaxLon, mid)
	south, north := project(0, ar.MinLat), project(0, ar.MaxLat)
	return max(east.x-west.x, south.y-north.y) >= minPx
}

// outline is the edge of the projected world from MapSouth to MapNorth.
func (m *worldMap) outline(project func(lon, lat float64) pt) []pt {
	var l []pt
	for lat := geo.MapSouth; lat < geo.MapNorth; lat += 2 {
		l = append(l, project(-180, lat))
	}
	l = append(l, project(-180, geo.MapNorth), project(180, geo.MapNorth))
	for lat := geo.MapNorth; lat > geo.MapSouth; lat -= 2 {
		l = append(l, project(180, lat))
	}
	return append(l, project(180, geo.MapSouth))
}

func circle(c pt, r float32) []pt {
	const n = 16
	l := make([]pt, n)
	for i := range l {
		a := 2 * math.Pi * float64(i) / n
		l[i] = pt{c.x + r*float32(math.Cos(a)), c.y + r*float32(math.Sin(a))}
	}
	return l
}

func square(c pt, s float32) []pt {
	return []pt{{c.x - s, c.y - s}, {c.x + s, c.y - s}, {c.x + s, c.y + s}, {c.x - s, c.y + s}}
}

// fill paints closed rings, holes included (a hole winds the other way,
// so the rasteriser's non-zero rule leaves it out), over the rings'
// bounding box only: clearing a full-size coverage buffer for each of 173
// areas would cost more than the areas themselves.
//
// It says whether any of the rings fell in the picture.
func (m *worldMap) fill(img *image.RGBA, rings [][]pt, c color.NRGBA) bool {
	x0, y0, x1, y1 := float32(math.Inf(1)), float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.Inf(-1))
	for _, r := range rings {
		for _, q := range r {
			x0, y0, x1, y1 = min(x0, q.x), min(y0, q.y), max(x1, q.x), max(y1, q.y)
		}
	}
	box := image.Rect(int(math.Floor(float64(x0))), int(math.Floor(float64(y0))), int(math.Ceil(float64(x1))), int(math.Ceil(float64(y1)))).Intersect(img.Bounds())
	if box.Empty() {
		return false
	}
	z := &m.rast
	z.Reset(box.Dx(), box.Dy())
	ox, oy := float32(box.Min.X), float32(box.Min.Y)
	for _, r := range rings {
		if len(r) < 3 {
			continue
		}
		z.MoveTo(r[0].x-ox, r[0].y-oy)
		for _, q := range r[1:] {
			z.LineTo(q.x-ox, q.y-oy)
		}
		z.ClosePath()
	}
	m.paintMask(img, box, c)
	return true
}

// paintMask lays the rasteriser's coverage over the picture in a colour,
// within box. Coverage goes first into an alpha mask (the rasteriser's
// fastest path), then only covered pixels are blended: most of a stroke's
// box is empty and most of a country's is fully covered.
func (m *worldMap) paintMask(img *image.RGBA, box image.Rectangle, c color.NRGBA) {
	w, h := box.Dx(), box.Dy()
	if cap(m.mask.Pix) < w*h {
		m.mask.Pix = make([]uint8, w*h)
	}
	m.mask.Pix, m.mask.Stride, m.mask.Rect = m.mask.Pix[:w*h], w, image.Rect(0, 0, w, h)
	m.rast.DrawOp = draw.Src
	m.rast.Draw(&m.mask, m.mask.Rect, image.Opaque, image.Point{})
	// The colour premultiplied by its own alpha, as image.RGBA holds it.
	ca := uint32(c.A)
	cr, cg, cb := uint32(c.R)*ca/255, uint32(c.G)*ca/255, uint32(c.B)*ca/255
	for y := range h {
		row := img.Pix[img.PixOffset(box.Min.X, box.Min.Y+y):]
		for x, a := range m.mask.Pix[y*w : (y+1)*w] {
			if a == 0 {
				continue
			}
			i := 4 * x
			k := uint32(a) * ca / 255 // the colour's share of the pixel
			if k == 255 {
				row[i], row[i+1], row[i+2], row[i+3] = uint8(cr), uint8(cg), uint8(cb), 255
				continue
			}
			a := uint32(a)
			rest := 255 - k
			row[i] = uint8((cr*a + uint32(row[i])*rest + 127) / 255)
			row[i+1] = uint8((cg*a + uint32(row[i+1])*rest + 127) / 255)
			row[i+2] = uint8((cb*a + uint32(row[i+2])*rest + 127) / 255)
			row[i+3] = uint8((k*255 + uint32(row[i+3])*rest + 127) / 255)
		}
	}
}

// stroke draws lines of a width as thin quadrilaterals, all wound the
// same way so that their overlaps at the joints do not cancel out.
func (m *worldMap) stroke(img *image.RGBA, lines [][]pt, closed bool, half float32, c color.NRGBA) {
	b := img.Bounds()
	z := &m.rast
	z.Reset(b.Dx(), b.Dy())
	seg := func(a, e pt) {
		dx, dy := e.x-a.x, e.y-a.y
		l := float32(math.Hypot(float64(dx), float64(dy)))
		if l == 0 {
			return
		}
		ux, uy := dx/l*half, dy/l*half
		nx, ny := -uy, ux
		// A little past each end closes the gaps at the joints.
		a = pt{a.x - ux, a.y - uy}
		e = pt{e.x + ux, e.y + uy}
		z.MoveTo(a.x+nx, a.y+ny)
		z.LineTo(e.x+nx, e.y+ny)
		z.LineTo(e.x-nx, e.y-ny)
		z.LineTo(a.x-nx, a.y-ny)
		z.ClosePath()
	}
	for _, l := range lines {
		for i := 1; i < len(l); i++ {
			seg(l[i-1], l[i])
		}
		if closed && len(l) > 2 {
			seg(l[len(l)-1], l[0])
		}
	}
	m.paintMask(img, b, c)
}

// draw lays the map and its legend out in a size: the map as large as
// the legend leaves room for, with its proportions kept.
func (m *worldMap) draw(size fyne.Size) []fyne.CanvasObject {
	const gap = 8
	pad := theme.Padding()
	width := size.Width - 2*pad
	aspect := float32(geo.MapAspect())
	// The whole legend under the map, or in a column beside it when the
	// pane is wide and low, whichever leaves the larger map; when that
	// map is still under 60% of the width (a large text scale in a small
	// pane), only the colours' key, so that the map stays readable.
	type layout struct {
		legend []fyne.CanvasObject
		mw     float32
		side   bool
	}
	var best layout
	for _, full := range []bool{true, false} {
		below, lh, widest := m.legend(width, full)
		cands := []layout{{below, min(width, (size.Height-lh-gap)*aspect), false}}
		if col, ch, _ := m.legend(widest, full); ch <= size.Height {
			cands = append(cands, layout{col, min(width-widest-gap, size.Height*aspect), true})
		}
		for _, c := range cands {
			if c.mw > best.mw {
				best = c
			}
		}
		if best.mw >= min(0.6*width, 480) {
			break
		}
	}
	legend, mw := best.legend, best.mw
	if mw < 80 {
		return nil
	}
	mh := mw / aspect
	// Beside: the legend right of the map. Under: the map centred, the
	// legend from the left.
	ox, lx, ly := pad, pad+mw+gap, float32(0)
	if !best.side {
		ox, lx, ly = pad+(width-mw)/2, pad, mh+gap
	}
	p := m.paint(mw)
	if key := p.key(int(mw), int(mh)); m.raster == nil || key != m.rasterKey {
		m.raster = canvas.NewRaster(func(w, h int) image.Image { return m.image(p, w, h) })
		m.rasterKey = key
	}
	m.raster.Move(fyne.NewPos(ox, 0))
	m.raster.Resize(fyne.NewSize(mw, mh))
	objs := []fyne.CanvasObject{m.raster}
	for _, o := range legend {
		o.Move(o.Position().Add(fyne.NewPos(lx, ly)))
	}
	return append(objs, legend...)
}

// legend lays the legend out in lines no wider than width, from (0, 0),
// and says how tall it is. Coloured by band: a swatch and a count per
// band. By burden: the scale with its ends and middle written, in the
// score's unit. Then the marks: land no colouring covers, dots and venues.
func (m *worldMap) legend(width float32, full bool) (objs []fyne.CanvasObject, height, widest float32) {
	z := m.z
	fg, coast := themeColor(theme.ColorNameForeground), themeColor(colorCoast)
	ts := smallText()
	lineH := fyne.MeasureText("Mg", ts, fyne.TextStyle{}).Height + 4
	// Swatches and the scale grow with the text (the user's scale).
	sw, bar := ts, 5*ts
	const pad, space = 4, 14
	x, y := float32(0), float32(0)
	// place puts an item of width w on the line, or on a new one.
	place := func(w float32) (float32, float32) {
		if x > 0 && x+w > width {
			x, y = 0, y+lineH
		}
		px, py := x, y
		x += w + space
		widest = max(widest, w)
		return px, py
	}
	swatch := func(c color.Color, label string, mark func(x, y float32) []fyne.CanvasObject) {
		w := sw + pad + textWidth(label, ts, false)
		px, py := place(w)
		sy := py + (lineH-sw)/2
		if mark != nil {
			objs = append(objs, mark(px, sy)...)
		} else {
			r := rect(c, px, sy, sw, sw)
			r.StrokeColor, r.StrokeWidth = coast, 1
			objs = append(objs, r)
		}
		objs = append(objs, text(label, fg, ts, false, px+sw+pad, py+2))
	}

	top := z.maxScore()
	switch {
	case z.colour.Selected == colourLabel(colourByScore) && top <= 0:
		// Nobody carries any burden: one colour, and no scale to
		// suggest otherwise.
		swatch(themeColor(chartview.ColorHeatLow), i18n.T("zones.colour.score_max", "Score", number(0, 1)), nil)
	case z.colour.Selected == colourLabel(colourByScore):
		// 0 ▭▭ middle ▭▭ worst, weighted hours over the scenario.
		lo, mid, hi := number(0, 0), number(top/2, 1), i18n.T("zones.colour.score_max", "Score", number(top, 1))
		const steps = 12
		w := textWidth(lo, ts, false) + textWidth(mid, ts, false) + textWidth(hi, ts, false) + 2*bar + 4*pad
		px, py := place(w)
		low, high := themeColor(chartview.ColorHeatLow), themeColor(chartview.ColorHeatHigh)
		add := func(s string) {
			objs = append(objs, text(s, fg, ts, false, px, py+2))
			px += textWidth(s, ts, false) + pad
		}
		scale := func(f0, f1 float64) {
			sy := py + (lineH-sw)/2
			frame := rect(color.Transparent, px, sy, bar, sw)
			frame.StrokeColor, frame.StrokeWidth = coast, 1
			for i := range steps {
				f := f0 + (f1-f0)*(float64(i)+0.5)/steps
				objs = append(objs, rect(chartview.Blend(low, high, f), px+float32(i)*bar/steps, sy, bar/steps+0.5, sw))
			}
			objs = append(objs, frame)
			px += bar + pad
		}
		add(lo)
		scale(0, 0.5)
		add(mid)
		scale(0.5, 1)
		add(hi)
	default:
		counts := map[string]int{}
		for _, r := range z.view.Rows {
			counts[r.Band]++
		}
		for _, b := range []string{bandWorking, bandUnsociable, bandNight} {
			swatch(bandColor(b), i18n.T("figure.line", "Label", bandLabel(b), "Value", number(float64(counts[b]), 0)), nil)
		}
	}
	if !full {
		return objs, y + lineH, widest
	}
	swatch(themeColor(colorLand), i18n.T("zones.map.neutral"), nil)
	swatch(nil, i18n.T("zones.map.dot"), func(x, y float32) []fyne.CanvasObject {
		c := canvas.NewCircle(themeColor(colorLand))
		c.StrokeColor, c.StrokeWidth = coast, 1
		c.Move(fyne.NewPos(x+2, y+2))
		c.Resize(fyne.NewSize(sw-4, sw-4))
		return []fyne.CanvasObject{c}
	})
	venueMark := func(fill color.Color) func(x, y float32) []fyne.CanvasObject {
		return func(x, y float32) []fyne.CanvasObject {
			r := rect(fill, x+1, y+1, sw-2, sw-2)
			r.StrokeColor, r.StrokeWidth = fg, 1.5
			return []fyne.CanvasObject{r}
		}
	}
	if ven := z.view.Venue; ven != nil {
		swatch(nil, i18n.T("zones.map.venue", "City", cityLabel(ven.City)), venueMark(themeColor(colorConflict)))
	}
	swatch(nil, i18n.T("zones.map.duty_stations"), venueMark(themeColor(theme.ColorNameBackground)))
	// The shapes' source and the United Nations' usual caveat, on a line
	// of their own.
	for _, l := range wrapWords(i18n.T("zones.map.disclaimer"), ts, width) {
		y += lineH
		objs = append(objs, text(l, themeColor(theme.ColorNamePlaceHolder), ts, false, 0, y+2))
	}
	return objs, y + lineH, widest
}

// wrapWords breaks a sentence into lines no wider than width, between
// words, or between characters in a word wider than a line (Chinese
// writes no spaces).
func wrapWords(s string, size, width float32) []string {
	var lines []string
	line := ""
	fits := func(t string) bool { return textWidth(t, size, false) <= width }
	for _, w := range strings.Fields(s) {
		joined := w
		if line != "" {
			joined = line + " " + w
		}
		switch {
		case fits(joined):
			line = joined
			continue
		case fits(w):
			lines = append(lines, line)
			line = w
			continue
		}
		// A word wider than a line: it goes on from this line, cut
		// where it no longer fits.
		line = joined
		for len([]rune(line)) > 1 && !fits(line) {
			r := []rune(line)
			n := len(r) - 1
			for n > 1 && !fits(string(r[:n])) {
				n--
			}
			lines = append(lines, strings.TrimSpace(string(r[:n])))
			line = strings.TrimSpace(string(r[n:]))
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
