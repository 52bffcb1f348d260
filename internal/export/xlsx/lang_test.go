package xlsx

import (
	"strings"
	"testing"

	"mechplan/internal/export/exporttest"
	"mechplan/internal/export/labels"
	"mechplan/internal/i18n"
	"mechplan/internal/plan"
)

// tl is the language the workbook tests export in: English, unless a test
// of another language runs them again.
var tl = labels.English

// tn are the sheet names in the tests' language.
func tn() Names { return SheetNames(tl) }

// inLanguage runs the workbook's tests again with the words of l.
func inLanguage(t *testing.T, l labels.Labels, tests map[string]func(*testing.T)) {
	old := tl
	tl = l
	t.Cleanup(func() { tl = old })
	for name, test := range tests {
		t.Run(name, test)
	}
}

// TestFrenchAndSpanishWorkbooks writes the built-in comparison in French
// and Spanish: the headings are translated, and the formulas, with the
// translated sheet names, still give the engine's figures.
func TestFrenchAndSpanishWorkbooks(t *testing.T) {
	for _, lang := range []i18n.Language{i18n.French, i18n.Spanish} {
		t.Run(string(lang), func(t *testing.T) {
			l := i18n.Export(lang)
			want := map[i18n.Language][]string{
				i18n.French:  {"Synthèse", "Hypothèses", "Moyenne annuelle", "Hypothèse", "Chapitre du budget"},
				i18n.Spanish: {"Resumen", "Supuestos", "Promedio anual", "Supuesto", "Sección del presupuesto"},
			}[lang]
			n := SheetNames(l)
			if n.Summary != want[0] || n.Assumptions != want[1] {
				t.Errorf("sheet names %q, %q", n.Summary, n.Assumptions)
			}
			c := exporttest.BuiltIns(t)
			data, err := EncodeWith(c, Options{Labels: l})
			if err != nil {
				t.Fatal(err)
			}
			f := open(t, data)
			if got := f.GetSheetList(); got[0] != n.Summary || got[1] != n.Assumptions || !strings.HasSuffix(got[2], n.Calendar) {
				t.Errorf("sheets %q", got[:3])
			}
			found := map[string]bool{}
			days, _ := c.Row(plan.KeyMeetingDays)
			dayName := i18n.Messages(lang)["metric."+days.Key]
			for _, sh := range []string{n.Summary, n.Assumptions, SheetStemsWith(c, l)[0] + n.Costs} {
				rows, _ := f.GetRows(sh)
				for _, r := range rows {
					for _, v := range r {
						found[v] = true
					}
				}
			}
			for _, w := range append(want[2:], dayName) {
				if !found[w] {
					t.Errorf("no cell reads %q", w)
				}
			}
			if found["Average per year"] || found["Assumption"] {
				t.Error("English headings left in the workbook")
			}
			// The workbook's own tests, again in this language.
			inLanguage(t, l, map[string]func(*testing.T){
				"sheets":   TestSummaryCalendarAndBurdenSheets,
				"charts":   TestSummaryChartsAreNativeAndQuoteTheSheet,
				"formulas": TestCostFormulasGiveTheEngineFigures,
				"usertext": TestUserTextIsNeverAFormula,
				"filters":  TestFiltersOnEveryList,
				"soffice":  TestLibreOfficeRecalculatesToTheEngineFigures,
				"stored":   TestTotalsReadWithoutRecalculation,
				"live":     TestEveryUsedAssumptionIsLive,
			})
		})
	}
}
