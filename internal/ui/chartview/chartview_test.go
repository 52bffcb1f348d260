package chartview

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"mechplan/internal/chart"
)

// Every value is written on the chart: a reader need not tell colours apart.
func TestValuesAreWritten(t *testing.T) {
	test.NewTempApp(t)
	c := New("nothing yet")
	if got := c.Labels(); !slices.Contains(got, "nothing yet") {
		t.Errorf("empty chart says %v", got)
	}
	c.SetBars(chart.Bars{Title: "Days", Categories: []string{"A", "B"}, Series: []chart.Series{{Name: "days", Values: []float64{3, 5}}},
		Texts: []string{"3.0", "5.0"}, Horizontal: true})
	got := strings.Join(c.Labels(), "|")
	for _, want := range []string{"Days", "A", "B", "3.0", "5.0"} {
		if !strings.Contains(got, want) {
			t.Errorf("bars: %q missing from %s", want, got)
		}
	}
	c.SetBars(chart.Bars{Title: "Cost", Stacked: true, Categories: []string{"A"}, Texts: []string{"USD 9"},
		Series: []chart.Series{{Name: "section 2", Values: []float64{4}}, {Name: "section 4", Values: []float64{5}}}})
	if got := strings.Join(c.Labels(), "|"); !strings.Contains(got, "section 2") || !strings.Contains(got, "USD 9") {
		t.Errorf("stacked bars need a legend and the total: %s", got)
	}
	c.SetTornado(chart.Tornado{Title: "Sensitivity", Base: 10, BaseText: "10", Rows: []chart.TornadoRow{
		{Label: "rate", Low: 8, High: 12, LowText: "8", HighText: "12"}}})
	got = strings.Join(c.Labels(), "|")
	for _, want := range []string{"rate", "8", "12", "base 10", "assumption raised"} {
		if !strings.Contains(got, want) {
			t.Errorf("tornado: %q missing from %s", want, got)
		}
	}
	c.SetHeatStrip(chart.HeatStrip{Title: "Heat", Min: 0, Max: 10, Cells: []chart.Cell{{Label: "UTC", Value: 5, Text: "5"}}})
	if got := strings.Join(c.Labels(), "|"); !strings.Contains(got, "UTC") || !strings.Contains(got, "5") {
		t.Errorf("heat strip: %s", got)
	}
}

func TestFitKeepsShortQualifiers(t *testing.T) {
	test.NewTempApp(t)
	size := float32(12)
	w := width("Capital-based travellers per delegation", size, false)
	got := fit("Capital-based travellers per delegation (placeholder)", size, w)
	if !strings.HasSuffix(got, "… (placeholder)") {
		t.Errorf("short qualifier lost: %q", got)
	}
	// Rows that start alike stay apart: the last qualifier is kept.
	seen := map[string]bool{}
	for _, kind := range []string{"plenary", "thematic group", "intersessional"} {
		got := fit("Capital-based travellers per delegation, "+kind+" (placeholder)", size, w)
		if seen[got] || !strings.HasSuffix(got, ", "+kind+" (placeholder)") {
			t.Errorf("%s reads %q", kind, got)
		}
		seen[got] = true
	}
	long := "Flight time (including up to 2 hours of connections and waiting at airports)"
	if got := fit(long, size, w); !strings.HasPrefix(got, "Flight") {
		t.Errorf("a long aside ate the label: %q", got)
	}
}

// TestRowsGrowWithTheText: at twice the text size a chart asks for room
// for its rows, so that labels do not overlap at the user's largest scale.
func TestRowsGrowWithTheText(t *testing.T) {
	a := test.NewTempApp(t)
	c := New("")
	rows := make([]chart.TornadoRow, 10)
	for i := range rows {
		rows[i] = chart.TornadoRow{Label: "rate", Low: 1, High: 2, LowText: "1", HighText: "2"}
	}
	c.SetTornado(chart.Tornado{Title: "t", Base: 1.5, Rows: rows})
	normal := test.WidgetRenderer(c).MinSize()
	a.Settings().SetTheme(doubled{theme.DefaultTheme()})
	big := test.WidgetRenderer(c).MinSize()
	if big.Height < 10*2*theme.DefaultTheme().Size(theme.SizeNameCaptionText) || big.Height <= normal.Height {
		t.Errorf("min height %.0f at twice the text size (%.0f normally) leaves ten rows no room", big.Height, normal.Height)
	}
}

// doubled is a theme drawing every size twice as large.
type doubled struct{ fyne.Theme }

func (d doubled) Size(n fyne.ThemeSizeName) float32 { return 2 * d.Theme.Size(n) }

// TestFitDistinctTellsApartLabelsCutAlike: two sensitivity rows that share
// a long start and end alike read the same when cut from the start; cut
// where they part, they differ.
func TestFitDistinctTellsApartLabelsCutAlike(t *testing.T) {
	test.NewTempApp(t)
	size := float32(12)
	ls := []string{
		"Secretariat posts for the mechanism at grade P-4 (placeholder)",
		"Secretariat posts for the mechanism at grade P-3 and below (placeholder)",
		"Daily subsistence allowance, New York (first 30 days)",
	}
	w := width("Secretariat posts f… (placeholder)", size, false)
	if a, b := fit(ls[0], size, w), fit(ls[1], size, w); a != b {
		t.Fatalf("the case no longer collides (%q, %q): the test checks nothing", a, b)
	}
	got := fitDistinct(ls, size, w)
	if got[0] == got[1] {
		t.Errorf("both rows read %q", got[0])
	}
	for i, g := range got {
		if width(g, size, false) > w+1 {
			t.Errorf("%q is wider than the room", g)
		}
		if i < 2 && !strings.Contains(g, "P-") {
			t.Errorf("%q lost the part that tells it apart", g)
		}
	}
	if got[2] != fit(ls[2], size, w) {
		t.Errorf("a label that did not collide changed: %q", got[2])
	}

	// Cut one letter apart is cut alike: each is shown from the word
	// where they part.
	rc := []string{"Recosting: yearly inflation of US-dollar costs at New York", "Recosting: yearly change of air fares"}
	w = width("Recosting: yearly i…", size, false)
	if a, b := cutAlike(fit(rc[0], size, w)), cutAlike(fit(rc[1], size, w)); a != b {
		t.Fatalf("the case no longer collides (%q, %q): the test checks nothing", fit(rc[0], size, w), fit(rc[1], size, w))
	}
	got = fitDistinct(rc, size, w)
	if !strings.HasPrefix(got[0], "…infl") || !strings.HasPrefix(got[1], "…chan") {
		t.Errorf("recosting rows read %q", got)
	}
}
