package pdf

import (
	"math"
	"strconv"
	"time"

	"mechplan/internal/chart"
)

// axisText formats a chart's axis and value figures by its unit.
func (r *report) axisText(unit string, v float64) string {
	if unit == "USD" {
		return r.l.Money(v)
	}
	return r.l.Number(v, 0)
}

// chartTitle writes a chart's title and returns the y below it.
func (r *report) chartTitle(title string, x, y, w float64) float64 {
	r.bold(8.5)
	r.colour(colourHeader)
	r.pdf.SetXY(x, y)
	r.pdf.CellFormat(w, 5, r.fit(title, w), "", 0, "L", false, 0, "")
	r.colour(colourText)
	return y + 7
}

// legendItem is the width a legend entry takes: swatch, name, gap.
func (r *report) legendItem(name string) float64 { return 4 + r.pdf.GetStringWidth(name) + 6 }

// legendLines is how many lines the legend takes in a width.
func (r *report) legendLines(names []string, w float64) int {
	r.text(7)
	lines, cx := 1, 0.0
	for _, n := range names {
		iw := r.legendItem(n)
		if cx > 0 && cx+iw > w {
			lines, cx = lines+1, 0
		}
		cx += iw
	}
	return lines
}

// legendLineH is the height of one legend line.
const legendLineH = 4.5

// legend writes the series names with their colours from (x, y),
// wrapping within the width w.
func (r *report) legend(names []string, x, y, w float64) {
	p := r.pdf
	r.text(7)
	cx := x
	for s, n := range names {
		iw := r.legendItem(n)
		if cx > x && cx+iw > x+w {
			cx, y = x, y+legendLineH
		}
		r.fill(palette[s%len(palette)])
		p.Rect(cx, y+0.8, 3, 3, "F")
		r.colour(colourText)
		p.SetXY(cx+4, y)
		p.CellFormat(iw-4, legendLineH, n, "", 0, "L", false, 0, "")
		cx += iw
	}
}

// bars draws a bar chart in the box (x, y, w, h).
func (r *report) bars(b chart.Bars, x, y, w, h float64) {
	top := r.chartTitle(b.Title, x, y, w)
	bottom := y + h
	if len(b.Series) > 1 {
		names := make([]string, len(b.Series))
		for s := range b.Series {
			names[s] = b.Series[s].Name
		}
		lh := float64(r.legendLines(names, w)) * legendLineH
		r.legend(names, x, bottom-lh, w)
		bottom -= lh + 3
	}
	if len(b.Categories) == 0 {
		return
	}
	if b.Horizontal {
		r.horizontalBars(b, x, top, w, bottom-top)
	} else {
		r.verticalBars(b, x, top, w, bottom-top)
	}
}

func (r *report) barColour(b *chart.Bars, series, category int) rgb {
	if len(b.Series) == 1 && category < len(b.Highlight) && b.Highlight[category] {
		return baselineColour
	}
	return palette[series%len(palette)]
}

func (r *report) horizontalBars(b chart.Bars, x, y, w, h float64) {
	p := r.pdf
	n := len(b.Categories)
	rowH := math.Min(8, h/float64(n))
	r.text(7)
	labelW := 0.0
	for _, c := range b.Categories {
		labelW = math.Max(labelW, p.GetStringWidth(c)+2)
	}
	labelW = math.Min(labelW, w*0.4)
	textW := 0.0
	for _, t := range b.Texts {
		textW = math.Max(textW, p.GetStringWidth(t)+3)
	}
	plotX, plotW := x+labelW, w-labelW-textW
	m := b.Max()
	if m <= 0 {
		m = 1
	}
	r.draw(colourRule)
	p.SetLineWidth(0.2)
	p.Line(plotX, y, plotX, y+rowH*float64(n))
	barH := rowH * 0.68
	for c := 0; c < n; c++ {
		cy := y + float64(c)*rowH
		highlighted := c < len(b.Highlight) && b.Highlight[c]
		if highlighted {
			r.bold(7)
		} else {
			r.text(7)
		}
		r.colour(colourText)
		p.SetXY(x, cy)
		p.CellFormat(labelW-2, rowH, r.fit(b.Categories[c], labelW-2), "", 0, "R", false, 0, "")
		end := plotX
		for s := range b.Series {
			v := b.Series[s].Values[c]
			bw := plotW * v / m
			if !b.Stacked {
				bw = plotW * v / m
				end = plotX
			}
			if bw > 0 {
				r.fill(r.barColour(&b, s, c))
				p.Rect(end, cy+(rowH-barH)/2, bw, barH, "F")
			}
			end += bw
		}
		if c < len(b.Texts) {
			r.text(6.5)
			r.colour(colourMuted)
			p.SetXY(end+1, cy)
			p.CellFormat(textW, rowH, b.Texts[c], "", 0, "L", false, 0, "")
		}
	}
}

func (r *report) verticalBars(b chart.Bars, x, y, w, h float64) {
	p := r.pdf
	n := len(b.Categories)
	axisW := 20.0
	plotX, plotW := x+axisW, w-axisW
	plotY, plotH := y+5, h-12
	m := b.Max()
	if m <= 0 {
		m = 1
	}
	step := niceStep(m / 4)
	top := math.Ceil(m/step) * step
	r.text(6.5)
	p.SetLineWidth(0.2)
	for v := 0.0; v <= top+step/2; v += step {
		gy := plotY + plotH - plotH*v/top
		r.draw(colourGrid)
		p.Line(plotX, gy, plotX+plotW, gy)
		r.colour(colourMuted)
		p.SetXY(x, gy-2)
		p.CellFormat(axisW-2, 4, r.axisText(b.Unit, v), "", 0, "R", false, 0, "")
	}
	slot := plotW / float64(n)
	barW := math.Min(slot*0.6, 22)
	for c := 0; c < n; c++ {
		cx := plotX + slot*float64(c) + (slot-barW)/2
		base := plotY + plotH
		for s := range b.Series {
			bh := plotH * b.Series[s].Values[c] / top
			if bh > 0 {
				r.fill(r.barColour(&b, s, c))
				p.Rect(cx, base-bh, barW, bh, "F")
			}
			if b.Stacked {
				base -= bh
			}
		}
		r.text(6.5)
		r.colour(colourText)
		if c < len(b.Texts) {
			p.SetXY(cx-slot/2+barW/2, base-4.5)
			p.CellFormat(slot, 4, b.Texts[c], "", 0, "C", false, 0, "")
		}
		r.text(7)
		p.SetXY(plotX+slot*float64(c), plotY+plotH+1)
		p.CellFormat(slot, 4, r.fit(b.Categories[c], slot), "", 0, "C", false, 0, "")
	}
	r.draw(colourRule)
	p.Line(plotX, plotY+plotH, plotX+plotW, plotY+plotH)
}

// niceStep rounds a gridline step to 1, 2 or 5 times a power of ten.
func niceStep(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, f := range []float64{1, 2, 5, 10} {
		if f*p >= v {
			return f * p
		}
	}
	return 10 * p
}

// minSpanW is the narrowest a session is drawn on the timeline, in mm.
const minSpanW = 1.4

// laneFont is the font size that fits a timeline lane's height.
func laneFont(laneH float64) float64 { return math.Min(6.5, math.Max(minPt, laneH*2.5)) }

// timeline draws the calendar: a band per year, a lane per body, a bar
// per session from its first to its last day.
func (r *report) timeline(t chart.Timeline, x, y, w, h float64) {
	p := r.pdf
	top := r.chartTitle(t.Title, x, y, w)
	r.text(7)
	lw := 0.0
	for _, n := range t.Series {
		lw += r.legendItem(n)
	}
	r.legend(t.Series, x+w-lw, y, lw)
	labelW := 62.0
	plotX, plotW := x+labelW, w-labelW
	const yearH = 4.0
	laneH := math.Min(6, (y+h-top-6-yearH*float64(len(t.Years)))/float64(lanes(t)))
	// Month columns.
	r.text(6.5)
	ref := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC) // any common year
	for mth := 0; mth < 12; mth++ {
		mx := plotX + plotW*chart.Position(ref.AddDate(0, mth, 0))
		nx := plotX + plotW*chart.Position(ref.AddDate(0, mth+1, 0).AddDate(0, 0, -1)) + plotW*chart.DayWidth(2001)
		r.colour(colourMuted)
		p.SetXY(mx, top)
		p.CellFormat(nx-mx, 4, r.l.ShortMonth(time.Month(mth+1)), "", 0, "C", false, 0, "")
	}
	cy := top + 5
	gridTop := cy
	p.SetLineWidth(0.2)
	for _, yr := range t.Years {
		r.bold(7.5)
		r.colour(colourHeader)
		p.SetXY(x, cy)
		p.CellFormat(labelW, yearH, itoa(yr.Year), "", 0, "L", false, 0, "")
		r.draw(colourRule)
		p.Line(x, cy, x+w, cy)
		cy += yearH
		if len(yr.Lanes) == 0 {
			r.text(6.5)
			r.colour(colourMuted)
			p.SetXY(x+3, cy)
			p.CellFormat(labelW-3, laneH, "no meetings", "", 0, "L", false, 0, "")
			cy += laneH
			continue
		}
		for _, lane := range yr.Lanes {
			r.text(laneFont(laneH))
			r.colour(colourText)
			p.SetXY(x+3, cy)
			p.CellFormat(labelW-4, laneH, r.fit(lane.Label, labelW-4), "", 0, "L", false, 0, "")
			for _, sp := range lane.Spans {
				sx := plotX + plotW*chart.Position(sp.From)
				ex := plotX + plotW*(chart.Position(sp.To)+chart.DayWidth(sp.To.Year()))
				if sp.To.Year() != yr.Year {
					ex = plotX + plotW
				}
				r.fill(palette[sp.Series%len(palette)])
				// A one-day session is half a millimetre wide: draw it no
				// narrower than a visible tick.
				p.Rect(sx, cy+laneH*0.18, math.Max(ex-sx, minSpanW), laneH*0.64, "F")
				if sp.Text != "" {
					ex = math.Max(ex, sx+minSpanW)
					r.text(minPt)
					r.colour(colourMuted)
					p.SetXY(ex+0.5, cy)
					p.CellFormat(12, laneH, sp.Text, "", 0, "L", false, 0, "")
				}
			}
			cy += laneH
		}
	}
	// Month gridlines over the whole chart.
	r.draw(colourGrid)
	for mth := 0; mth <= 12; mth++ {
		mx := plotX + plotW*chart.Position(ref.AddDate(0, mth, 0))
		if mth == 12 {
			mx = plotX + plotW
		}
		p.Line(mx, gridTop, mx, cy)
	}
	r.draw(colourRule)
	p.Line(x, cy, x+w, cy)
}

func itoa(n int) string { return strconv.Itoa(n) }

// heat draws a heat strip: one cell per value, white to red.
func (r *report) heat(hs chart.HeatStrip, x, y, w, h float64) {
	p := r.pdf
	top := r.chartTitle(hs.Title, x, y, w)
	n := len(hs.Cells)
	if n == 0 {
		return
	}
	cw := w / float64(n)
	ch := h - (top - y) - 5
	for i, c := range hs.Cells {
		r.fill(heatColour(hs.Level(c.Value)))
		p.Rect(x+float64(i)*cw, top, cw+0.05, ch, "F")
	}
	r.draw(colourRule)
	p.SetLineWidth(0.2)
	p.Rect(x, top, w, ch, "D")
	r.text(6.5)
	r.colour(colourMuted)
	p.SetXY(x, top+ch+0.5)
	p.CellFormat(w/3, 4, r.t("export.pdf.heat.west", "← capitals west (the Americas)"), "", 0, "L", false, 0, "")
	p.CellFormat(w/3, 4, r.t("export.pdf.heat.scale", "white: no burden · red: the highest score, {{.Max}} {{.Unit}}", "Max", r.l.Number(hs.Max, 1), "Unit", hs.Unit), "", 0, "C", false, 0, "")
	p.CellFormat(w/3, 4, r.t("export.pdf.heat.east", "capitals east (Asia, the Pacific) →"), "", 0, "R", false, 0, "")
}

// heatColour runs white → amber → red.
func heatColour(level float64) rgb {
	mix := func(a, b rgb, t float64) rgb {
		return rgb{a.r + int(math.Round(float64(b.r-a.r)*t)), a.g + int(math.Round(float64(b.g-a.g)*t)), a.b + int(math.Round(float64(b.b-a.b)*t))}
	}
	if level <= 0.5 {
		return mix(colourHeatLow, colourHeatMid, level*2)
	}
	return mix(colourHeatMid, colourHeatHi, (level-0.5)*2)
}
