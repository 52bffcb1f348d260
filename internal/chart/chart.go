// Package chart is the chart model the PDF report and the desktop app both
// draw: bars, stacked bars, a heat strip, a tornado and a calendar
// timeline, as data, labels and the text printed next to each value. It
// draws nothing and knows no drawing library; the builders in build.go
// read a plan.Comparison, so every number comes from the engine.
package chart

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Series is one set of values across a chart's categories, in one colour.
type Series struct {
	Name   string
	Values []float64 // by category
}

// Bars is a bar chart; with Stacked, each category's series sit on top of
// one another and Totals label the stack.
type Bars struct {
	Title      string
	Unit       string
	Categories []string
	Series     []Series
	Stacked    bool
	// Horizontal lays categories down the page (long labels, rankings).
	Horizontal bool
	// Texts label each category's bar (its stack, when stacked), e.g.
	// "USD 1.2 M"; same length as Categories.
	Texts []string
	// Highlight marks categories to draw in emphasis (the baseline).
	Highlight []bool
}

// Max is the longest bar: the largest stack when stacked, else the
// largest value; never below zero.
func (b *Bars) Max() float64 {
	m := 0.0
	for c := range b.Categories {
		if b.Stacked {
			m = math.Max(m, b.Total(c))
			continue
		}
		for _, s := range b.Series {
			m = math.Max(m, s.Values[c])
		}
	}
	return m
}

// Total is the sum of a category's series.
func (b *Bars) Total(category int) float64 {
	t := 0.0
	for _, s := range b.Series {
		t += s.Values[category]
	}
	return t
}

// Cell is one cell of a heat strip.
type Cell struct {
	Label string
	Value float64
	Text  string
}

// HeatStrip is a row of cells coloured by value from Min to Max, e.g. the
// burden of each delegation in order of its capital's time zone.
type HeatStrip struct {
	Title, Unit string
	Cells       []Cell
	Min, Max    float64
}

// Level places a value on the strip's scale, 0 to 1.
func (h *HeatStrip) Level(v float64) float64 {
	if h.Max <= h.Min {
		return 0
	}
	return math.Min(1, math.Max(0, (v-h.Min)/(h.Max-h.Min)))
}

// TornadoRow is how far one assumption moves the result either way.
type TornadoRow struct {
	Label             string
	Low, High         float64 // the result at the low and the high setting
	LowText, HighText string
}

// Swing is the row's spread, by which a tornado is ordered.
func (r TornadoRow) Swing() float64 { return math.Abs(r.High - r.Low) }

// Tornado sets the assumptions that move a result most around its base.
type Tornado struct {
	Title, Unit string
	Base        float64
	BaseText    string
	Rows        []TornadoRow // widest swing first
}

// Extent returns the smallest and largest figure of the chart, base
// included, for the axis.
func (t *Tornado) Extent() (lo, hi float64) {
	lo, hi = t.Base, t.Base
	for _, r := range t.Rows {
		lo = math.Min(lo, math.Min(r.Low, r.High))
		hi = math.Max(hi, math.Max(r.Low, r.High))
	}
	return lo, hi
}

// Span is a stretch of days on a timeline lane, from its first day to
// its last, both included, as civil dates.
type Span struct {
	From, To time.Time
	Series   int    // index into Timeline.Series: the colour
	Text     string // e.g. "Geneva"
}

// Lane is one row of a timeline.
type Lane struct {
	Label string
	Spans []Span
}

// Timeline lays meeting periods on the calendar: one lane per body in
// each year, so that a five-day session stays wide enough to see.
type Timeline struct {
	Title  string
	Series []string // legend: what each colour means
	// Years are the calendar years shown, one band each.
	Years []TimelineYear
}

// TimelineYear is one calendar year of a timeline.
type TimelineYear struct {
	Year  int
	Lanes []Lane
}

// Position is the fraction of the year at which a civil date starts.
func Position(d time.Time) float64 {
	start := time.Date(d.Year(), time.January, 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(1, 0, 0)
	return float64(civil(d).Sub(start)) / float64(end.Sub(start))
}

// DayWidth is the fraction of the year one day of the date's year takes.
func DayWidth(year int) float64 {
	start := time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
	return 24 * float64(time.Hour) / float64(start.AddDate(1, 0, 0).Sub(start))
}

func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Money formats US dollars for a label: "USD 950", "USD 12.3 k",
// "USD 4.56 M", "USD 1.2 bn".
func Money(v float64) string {
	a := math.Abs(v)
	sign := ""
	if v < 0 {
		sign = "−"
	}
	switch {
	case a >= 1e9:
		return fmt.Sprintf("%sUSD %s bn", sign, trim(a/1e9, 2))
	case a >= 1e6:
		return fmt.Sprintf("%sUSD %s M", sign, trim(a/1e6, 2))
	case a >= 1e4:
		return fmt.Sprintf("%sUSD %s k", sign, trim(a/1e3, 1))
	}
	return fmt.Sprintf("%sUSD %s", sign, Thousands(a, 0))
}

// Number formats a figure with the decimals asked and thousands
// separators; "−" for negatives.
func Number(v float64, decimals int) string {
	if v < 0 && math.Abs(v) >= 0.5*math.Pow(10, -float64(decimals)) {
		return "−" + Thousands(-v, decimals)
	}
	return Thousands(math.Abs(v), decimals)
}

// Signed formats a change: "+3.5", "−12", "0".
func Signed(v float64, decimals int) string {
	s := Number(v, decimals)
	if v > 0 && s != Number(0, decimals) {
		return "+" + s
	}
	return s
}

// Thousands formats a non-negative figure with comma separators.
func Thousands(v float64, decimals int) string {
	s := fmt.Sprintf("%.*f", decimals, v)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, ch := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(ch)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// trim prints up to decimals, dropping trailing zeros.
func trim(v float64, decimals int) string {
	s := fmt.Sprintf("%.*f", decimals, v)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
