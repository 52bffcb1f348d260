// Package chartview draws the shared chart model (internal/chart) as a
// Fyne widget: bars, stacked bars, a heat strip and a tornado. Every value
// is written on the chart, so no figure is told by colour alone; colours
// come from the app's theme through SeriesColor names.
package chartview

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/chart"
	"mechplan/internal/i18n"
)

// SeriesColor names the theme colour of the i-th series; the app's theme
// defines them (with a fallback to the primary colour in other themes).
func SeriesColor(i int) fyne.ThemeColorName {
	return fyne.ThemeColorName(fmt.Sprintf("mechplan.series.%d", i))
}

// Colour names for the heat strip's two ends and a highlighted bar.
const (
	ColorHeatLow   fyne.ThemeColorName = "mechplan.heat.low"
	ColorHeatHigh  fyne.ThemeColorName = "mechplan.heat.high"
	ColorHighlight fyne.ThemeColorName = "mechplan.highlight"
)

// Chart is a widget showing one chart of the shared model.
type Chart struct {
	widget.BaseWidget
	bars    *chart.Bars
	tornado *chart.Tornado
	heat    *chart.HeatStrip
	// Empty is shown when there is nothing to draw.
	Empty string
}

// New returns an empty chart that says why it is empty.
func New(empty string) *Chart {
	c := &Chart{Empty: empty}
	c.ExtendBaseWidget(c)
	return c
}

// SetBars shows bars (stacked or not, horizontal or not).
func (c *Chart) SetBars(b chart.Bars) {
	c.bars, c.tornado, c.heat = &b, nil, nil
	c.Refresh()
}

// SetTornado shows a sensitivity chart.
func (c *Chart) SetTornado(t chart.Tornado) {
	c.bars, c.tornado, c.heat = nil, &t, nil
	c.Refresh()
}

// SetHeatStrip shows a heat strip.
func (c *Chart) SetHeatStrip(h chart.HeatStrip) {
	c.bars, c.tornado, c.heat = nil, nil, &h
	c.Refresh()
}

// Clear empties the chart, with a reason.
func (c *Chart) Clear(reason string) {
	c.bars, c.tornado, c.heat, c.Empty = nil, nil, nil, reason
	c.Refresh()
}

// Labels returns every text drawn on the chart, for tests: the values
// written on it.
func (c *Chart) Labels() []string {
	var out []string
	for _, o := range c.draw(fyne.NewSize(800, 400)) {
		if t, ok := o.(*canvas.Text); ok {
			out = append(out, t.Text)
		}
	}
	return out
}

// CreateRenderer draws the chart for its size.
func (c *Chart) CreateRenderer() fyne.WidgetRenderer { return &renderer{c: c} }

type renderer struct {
	c       *Chart
	objects []fyne.CanvasObject
	size    fyne.Size
}

func (r *renderer) Layout(s fyne.Size) { r.size = s; r.objects = r.c.draw(s) }

// MinSize leaves each row of the chart room for its text, which grows
// with the theme's size (the user's scale setting).
func (r *renderer) MinSize() fyne.Size {
	u := unit()
	rows := 0
	switch {
	case r.c.bars != nil:
		rows = len(r.c.bars.Categories)
	case r.c.tornado != nil:
		rows = len(r.c.tornado.Rows)
	}
	return fyne.NewSize(240*u, max(160*u, 64*u+float32(rows)*size10()*1.6))
}
func (r *renderer) Objects() []fyne.CanvasObject {
	return r.objects
}
func (r *renderer) Destroy() {}
func (r *renderer) Refresh() {
	if r.size.IsZero() {
		r.size = r.c.Size()
	}
	r.objects = r.c.draw(r.size)
	canvas.Refresh(r.c)
}

func (c *Chart) draw(size fyne.Size) []fyne.CanvasObject {
	switch {
	case c.bars != nil:
		return drawBars(c.bars, size)
	case c.tornado != nil:
		return drawTornado(c.tornado, size)
	case c.heat != nil:
		return drawHeat(c.heat, size)
	}
	return []fyne.CanvasObject{label(c.Empty, fg(), size10(), false, 8, 8)}
}

func colorOf(n fyne.ThemeColorName) color.Color {
	a := fyne.CurrentApp()
	th, v := a.Settings().Theme(), a.Settings().ThemeVariant()
	if c := th.Color(n, v); c != nil {
		return c
	}
	// A theme without Mechplan's names (Fyne's own, in other apps or
	// tests) still draws: low ends in the background, the rest in the
	// primary colour.
	if n == ColorHeatLow {
		return th.Color(theme.ColorNameBackground, v)
	}
	return th.Color(theme.ColorNamePrimary, v)
}

func fg() color.Color { return colorOf(theme.ColorNameForeground) }

func size10() float32 { return theme.CaptionTextSize() }

// unit is how much larger than Fyne's default the theme draws text: the
// chart's fixed lengths (margins, row heights, value columns) grow by it.
func unit() float32 {
	return size10() / theme.DefaultTheme().Size(theme.SizeNameCaptionText)
}

func label(s string, c color.Color, size float32, bold bool, x, y float32) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize = size
	t.TextStyle = fyne.TextStyle{Bold: bold}
	t.Move(fyne.NewPos(x, y))
	t.Resize(t.MinSize())
	return t
}

func box(c color.Color, x, y, w, h float32) *canvas.Rectangle {
	r := canvas.NewRectangle(c)
	r.Move(fyne.NewPos(x, y))
	r.Resize(fyne.NewSize(max(w, 0), max(h, 0)))
	return r
}

func width(s string, size float32, bold bool) float32 {
	return fyne.MeasureText(s, size, fyne.TextStyle{Bold: bold}).Width
}

// fit cuts a label to a width with an ellipsis. A closing qualifier in
// parentheses, such as "(placeholder)", is kept and the text before it
// cut; so is a last qualifier after a comma (", plenary", ", copy 2"),
// which is what tells apart labels that start alike.
func fit(s string, size, w float32) string {
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") && width(s, size, false) > w {
		// Only a short qualifier is kept; a long aside is cut like the rest.
		if tail := s[i:]; width(tail, size, false) < w/2 {
			return fit(s[:i], size, w-width(tail, size, false)) + tail
		}
	}
	if i := strings.LastIndex(s, ", "); i > 0 && width(s, size, false) > w {
		if tail := s[i:]; width(tail, size, false) < w*0.7 {
			return strings.TrimSuffix(fit(s[:i], size, w-width(tail, size, false)), ",") + tail
		}
	}
	r := []rune(s)
	for len(r) > 1 && width(string(r), size, false) > w {
		r = append(r[:len(r)-2], '…')
	}
	return string(r)
}

// fitDistinct fits every label to the width, as fit does, and where two
// different labels would then read the same ("Secretariat posts f…
// (placeholder)" twice), shows each from a little before the point where
// it parts from the others instead of from its start, so that the part
// that tells them apart is what remains.
func fitDistinct(ls []string, size, w float32) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = fit(l, size, w)
	}
	// Labels cut alike up to a last part-word ("Recosting: yearly i…" and
	// "Recosting: yearly …") are as hard to tell apart as identical ones.
	groups := map[string][]int{}
	for i, o := range out {
		groups[cutAlike(o)] = append(groups[cutAlike(o)], i)
	}
	for _, idx := range groups {
		if len(idx) < 2 {
			continue
		}
		for _, i := range idx {
			r := []rune(ls[i])
			common := 0
			for _, j := range idx {
				if ls[j] != ls[i] {
					common = max(common, commonPrefix(r, []rune(ls[j])))
				}
			}
			if common == 0 {
				continue // identical labels, or nothing shared
			}
			// Start at the word in which the labels part.
			start := common
			for start > 0 && r[start-1] != ' ' {
				start--
			}
			out[i] = fit("…"+string(r[start:]), size, w)
		}
	}
	return out
}

// cutAlike is a fitted label with the part-word before its ellipsis
// dropped: two labels that differ only there read alike.
func cutAlike(fitted string) string {
	i := strings.Index(fitted, "…")
	if i < 0 {
		return fitted
	}
	head := fitted[:i]
	if j := strings.LastIndexByte(head, ' '); j >= 0 {
		head = head[:j+1]
	}
	return head + fitted[i:]
}

func commonPrefix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// drawBars draws horizontal bars (one row per category) or vertical ones,
// the value written at each bar's end and a legend for several series.
func drawBars(b *chart.Bars, size fyne.Size) []fyne.CanvasObject {
	ts, u := size10(), unit()
	objs := []fyne.CanvasObject{label(b.Title, fg(), ts+1, true, 4, 2)}
	top := 24 * u
	if len(b.Series) > 1 {
		x := float32(4)
		for i, s := range b.Series {
			objs = append(objs, box(colorOf(SeriesColor(i)), x, top+2, 10*u, 10*u), label(s.Name, fg(), ts, false, x+14*u, top))
			x += 14*u + width(s.Name, ts, false) + 12
		}
		top += 20 * u
	}
	n := len(b.Categories)
	if n == 0 {
		return objs
	}
	maxV := b.Max()
	if maxV <= 0 {
		maxV = 1
	}
	labelW := min(size.Width*0.38, 260*u)
	valueW := 90 * u
	plotW := size.Width - labelW - valueW - 12
	rowH := min((size.Height-top-4)/float32(n), 34*u)
	if plotW < 20 || rowH < 8 {
		return objs
	}
	names := fitDistinct(b.Categories, ts, labelW-8)
	for c := 0; c < n; c++ {
		y := top + float32(c)*rowH
		bold := c < len(b.Highlight) && b.Highlight[c]
		objs = append(objs, label(names[c], fg(), ts, bold, 4, y+rowH/2-ts*0.7))
		x := labelW
		barH := rowH * 0.7
		if b.Stacked {
			for si, s := range b.Series {
				w := float32(s.Values[c]/maxV) * plotW
				objs = append(objs, box(colorOf(SeriesColor(si)), x, y+(rowH-barH)/2, w, barH))
				x += w
			}
		} else {
			h := barH / float32(max(len(b.Series), 1))
			for si, s := range b.Series {
				w := float32(s.Values[c]/maxV) * plotW
				objs = append(objs, box(colorOf(SeriesColor(si)), labelW, y+(rowH-barH)/2+float32(si)*h, w, h))
				x = max(x, labelW+w)
			}
		}
		if bold {
			objs = append(objs, box(colorOf(ColorHighlight), labelW-4, y+(rowH-barH)/2, 2, barH))
		}
		text := ""
		if c < len(b.Texts) {
			text = b.Texts[c]
		}
		objs = append(objs, label(text, fg(), ts, bold, x+4, y+rowH/2-ts*0.7))
	}
	return objs
}

// drawTornado draws each assumption's low-to-high swing around the base
// total, widest first, with both ends written.
func drawTornado(t *chart.Tornado, size fyne.Size) []fyne.CanvasObject {
	ts, u := size10(), unit()
	objs := []fyne.CanvasObject{label(fit(t.Title, ts+1, (size.Width-12)*0.92), fg(), ts+1, true, 4, 2)}
	top := 24 * u
	n := len(t.Rows)
	if n == 0 {
		return append(objs, label(i18n.T("costs.tornado.flat"), fg(), ts, false, 4, top))
	}
	lo, hi := t.Extent()
	if hi <= lo {
		hi = lo + 1
	}
	labelW := min(size.Width*0.36, 250*u)
	textW := 80 * u
	plotX := labelW + textW
	plotW := size.Width - plotX - textW - 8
	rowH := min((size.Height-top-40*u)/float32(n), 30*u)
	if plotW < 20 || rowH < 8 {
		return objs
	}
	xOf := func(v float64) float32 { return plotX + float32((v-lo)/(hi-lo))*plotW }
	base := xOf(t.Base)
	rowLabels := make([]string, n)
	for i, r := range t.Rows {
		rowLabels[i] = r.Label
	}
	rowLabels = fitDistinct(rowLabels, ts, labelW-8)
	for i, r := range t.Rows {
		y := top + float32(i)*rowH
		objs = append(objs, label(rowLabels[i], fg(), ts, false, 4, y+rowH/2-ts*0.7))
		a, b := xOf(r.Low), xOf(r.High)
		// Lowering the assumption is drawn in one colour, raising it in
		// another; the values at both ends say which is which.
		objs = append(objs, box(colorOf(SeriesColor(0)), min(a, base), y+rowH*0.2, abs(a-base), rowH*0.6))
		objs = append(objs, box(colorOf(SeriesColor(1)), min(b, base), y+rowH*0.2, abs(b-base), rowH*0.6))
		left, right := r.LowText, r.HighText
		lx, rx := min(a, b), max(a, b)
		if r.Low > r.High {
			left, right = r.HighText, r.LowText
		}
		objs = append(objs, label(left, fg(), ts, false, lx-width(left, ts, false)-4, y+rowH/2-ts*0.7))
		objs = append(objs, label(right, fg(), ts, false, rx+4, y+rowH/2-ts*0.7))
	}
	bottom := top + float32(n)*rowH
	objs = append(objs, &canvas.Line{StrokeColor: fg(), StrokeWidth: 1, Position1: fyne.NewPos(base, top), Position2: fyne.NewPos(base, bottom)})
	bt := i18n.T("chart.tornado.base", "Value", t.BaseText)
	objs = append(objs, label(bt, fg(), ts, true, base-width(bt, ts, true)/2, bottom+2))
	// The legend says which colour is which move of the assumption.
	x := float32(4)
	for i, name := range []string{i18n.T("chart.tornado.lowered"), i18n.T("chart.tornado.raised")} {
		objs = append(objs, box(colorOf(SeriesColor(i)), x, bottom+21*u, 10*u, 10*u), label(name, fg(), ts, false, x+14*u, bottom+18*u))
		x += 14*u + width(name, ts, false) + 12
	}
	return objs
}

func abs(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// drawHeat draws a strip of cells shaded from low to high, each with its
// label under it and its value written in it.
func drawHeat(h *chart.HeatStrip, size fyne.Size) []fyne.CanvasObject {
	ts := size10()
	objs := []fyne.CanvasObject{label(h.Title, fg(), ts+1, true, 4, 2)}
	n := len(h.Cells)
	if n == 0 {
		return objs
	}
	top := float32(26)
	w := (size.Width - 8) / float32(n)
	ch := min(size.Height-top-20, 48)
	lowC, highC := colorOf(ColorHeatLow), colorOf(ColorHeatHigh)
	for i, c := range h.Cells {
		x := 4 + float32(i)*w
		objs = append(objs, box(mix(lowC, highC, h.Level(c.Value)), x, top, w-1, ch))
		if width(c.Text, ts, false) < w-2 {
			objs = append(objs, label(c.Text, fg(), ts, false, x+(w-width(c.Text, ts, false))/2, top+ch/2-ts*0.7))
		}
		if width(c.Label, ts, false) < w*2 && i%max(1, int(width(c.Label, ts, false)/w)+1) == 0 {
			objs = append(objs, label(c.Label, fg(), ts, false, x, top+ch+2))
		}
	}
	return objs
}

// Blend mixes two colours, f = 0 giving a and 1 giving b: the shading of
// a heat strip, shared with the app's other heat pictures.
func Blend(a, b color.Color, f float64) color.Color { return mix(a, b, f) }

// mix blends two colours; f = 0 gives a, 1 gives b.
func mix(a, b color.Color, f float64) color.Color {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	m := func(x, y uint32) uint8 { return uint8((float64(x)*(1-f) + float64(y)*f) / 257) }
	return color.NRGBA{m(ar, br), m(ag, bg), m(ab, bb), 0xff}
}
