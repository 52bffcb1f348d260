package pdf

import (
	"strings"
	"testing"

	"mechplan/internal/export/exporttest"
	"mechplan/internal/model"
)

// TestOverridesAreStated: a scenario's own value of an assumption, its
// source and the default it replaced are in the report's text; the price
// year prints as a year.
func TestOverridesAreStated(t *testing.T) {
	bin := pdftotext(t)
	base := exporttest.BuiltIn(t, "s9-hybrid-groups")
	s := base.Scenario.Clone()
	s.ID, s.Name, s.ShortName = "s9-dear-fares", "S9 with dearer fares", "S9 dearer fares"
	s.Assumptions = append(s.Assumptions, model.Override{Key: "fare.per_km", Value: 0.0917,
		Source: "Quotation of the travel unit, ref. TU/2026/17", AsOf: "2026-02-01"})
	r := exporttest.Evaluate(t, s)
	c := exporttest.Compare(t, exporttest.BuiltIn(t, "oewg-2021-2025"), r)
	data, err := Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(extractText(t, bin, data, "-layout")), " ")
	for _, want := range []string{"Appendix: what each scenario assumed", "0.0917", "Quotation of the travel unit, ref. TU/2026/17", "2026-02-01", "S9 dearer fares"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(text, "2,026") {
		t.Error("a year prints as 2,026")
	}
}
