package chartview

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

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
	long := "Flight time (including up to 2 hours of connections and waiting at airports)"
	if got := fit(long, size, w); !strings.HasPrefix(got, "Flight") {
		t.Errorf("a long aside ate the label: %q", got)
	}
}
