package xlsx

import (
	"strings"
	"testing"

	"mechplan/internal/export/exporttest"
	"mechplan/internal/export/labels"
	"mechplan/internal/i18n"
	"mechplan/internal/i18n/locale"
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

// keyRecorder notes every message key a workbook asks its labels for.
type keyRecorder struct {
	labels.Labels
	keys map[string]bool
}

func (k keyRecorder) Text(key, english string, pairs ...any) string {
	k.keys[key] = true
	return k.Labels.Text(key, english, pairs...)
}

// TestRussianChineseAndArabicWorkbooks: the workbook in the UN's other
// languages has its sheets, headings and member states in the language;
// the Arabic one reads right to left on every sheet, and its catalogue
// has every message the workbook asks for.
func TestRussianChineseAndArabicWorkbooks(t *testing.T) {
	c := exporttest.BuiltIns(t, "oewg-2021-2025", "global-mechanism")
	want := map[i18n.Language][]string{
		i18n.Russian: {"Сводка", "Допущения", "В среднем в год", "Раздел бюджета", "Российская Федерация", "Группа восточноевропейских государств"},
		i18n.Chinese: {"摘要", "假设", "每年平均", "预算款次", "俄罗斯联邦", "东欧国家组"},
		i18n.Arabic:  {"الموجز", "الافتراضات", "المتوسط السنوي", "باب الميزانية", "الاتحاد الروسي", "مجموعة دول أوروبا الشرقية"},
	}
	for lang, words := range want {
		t.Run(string(lang), func(t *testing.T) {
			rec := keyRecorder{i18n.Export(lang), map[string]bool{}}
			data, err := EncodeWith(c, Options{Labels: rec})
			if err != nil {
				t.Fatal(err)
			}
			f := open(t, data)
			sheets := f.GetSheetList()
			if sheets[0] != words[0] || sheets[1] != words[1] {
				t.Errorf("sheets %q", sheets[:2])
			}
			found := map[string]bool{}
			for _, sh := range sheets {
				rows, _ := f.GetRows(sh)
				for _, r := range rows {
					for _, v := range r {
						found[v] = true
					}
				}
				opts, err := f.GetSheetView(sh, 0)
				if err != nil {
					t.Fatal(err)
				}
				rtl := opts.RightToLeft != nil && *opts.RightToLeft
				if rtl != (lang == i18n.Arabic) {
					t.Errorf("sheet %q: right to left = %v", sh, rtl)
				}
			}
			for _, w := range words[2:] {
				if !found[w] {
					t.Errorf("no cell reads %q", w)
				}
			}
			for _, en := range []string{"Average per year", "Assumption", "Budget section", "Russian Federation"} {
				if found[en] {
					t.Errorf("English %q left in the workbook", en)
				}
			}
			msgs, err := locale.Messages(lang)
			if err != nil {
				t.Fatal(err)
			}
			en, err := locale.Messages(i18n.English)
			if err != nil {
				t.Fatal(err)
			}
			for k := range rec.keys {
				// A key English has not either is written in the
				// exporter's own English in every language.
				if _, ok := msgs[k]; !ok && en[k] != "" && !strings.HasPrefix(k, labels.StatePrefix) {
					t.Errorf("%s catalogue lacks %q, which the workbook writes", lang, k)
				}
			}
		})
	}
}

// TestCostItemsInTheWorkbooksLanguage: the Item column of a cost sheet
// writes each engine line's item by its code in the workbook's language
// (its city too), not the engine's English.
func TestCostItemsInTheWorkbooksLanguage(t *testing.T) {
	c := exporttest.BuiltIns(t, exporttest.Baseline, "s9-hybrid-groups")
	for _, lang := range []locale.Language{locale.French, locale.Spanish, locale.Russian, locale.Chinese, locale.Arabic} {
		l := locale.Export(lang)
		data, err := EncodeWith(c, Options{Labels: l})
		if err != nil {
			t.Fatal(err)
		}
		f := open(t, data)
		for i, r := range c.Results {
			rows, err := f.GetRows(SheetStemsWith(c, l)[i] + SheetNames(l).Costs)
			if err != nil {
				t.Fatal(err)
			}
			items := map[string]bool{}
			for _, row := range rows[costsHeaderRow:] {
				if len(row) < cItem || row[0] == "" {
					break
				}
				items[row[cItem-1]] = true
				// The workbook's own lines, of no cost (a grade without
				// posts), are written by code too.
				for _, english := range []string{"Secretariat posts", "Delegations to", "Sponsored delegates to", "Translation of", "Programme support costs on"} {
					if strings.HasPrefix(row[cItem-1], english) {
						t.Errorf("%s, %s: item %q is English", lang, r.Scenario.ID, row[cItem-1])
					}
				}
			}
			coded := 0
			for _, line := range r.Cost.Lines {
				if line.ItemMsg.Code == "" {
					continue
				}
				coded++
				want := labels.Message(l, line.ItemMsg)
				if want == line.Item || !items[want] {
					t.Errorf("%s, %s: no item reads %q (English %q)", lang, r.Scenario.ID, want, line.Item)
				}
				if items[line.Item] {
					t.Errorf("%s, %s: the English item %q is left", lang, r.Scenario.ID, line.Item)
				}
			}
			if coded == 0 {
				t.Errorf("%s: no cost line has an item by code", r.Scenario.ID)
			}
		}
	}
}
