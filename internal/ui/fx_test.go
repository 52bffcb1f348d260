package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"mechplan/internal/i18n"
	"mechplan/internal/model"
)

// withOverrides opens a copy of a built-in in a window in lang, with the
// scenario's rate overrides, as a user adds them in the editor.
func withOverrides(t *testing.T, lang i18n.Language, builtIn string, overrides ...model.Override) *Window {
	t.Helper()
	w := newWindowIn(t, lang, true)
	w.WS.OpenBuiltIn(builtIn)
	w.Duplicate()
	w.WS.Edit("", func(s *model.Scenario) { s.Assumptions = append(s.Assumptions, overrides...) })
	return w
}

// TestEditorOffersEveryYearsExchangeRate: the Assumptions tab offers the
// key that overrides a currency's rate of every year (fx.CHF) beside the
// yearly ones, and shows as its default the average of the scenario's
// price year.
func TestEditorOffersEveryYearsExchangeRate(t *testing.T) {
	w := withOverrides(t, i18n.English, "s7-rotating-venues", model.Override{Key: "fx.CHF", Value: 1.3},
		model.Override{Key: "cost.price_year", Value: 2020})
	var tab *section
	for _, s := range w.Editor.sections {
		if s.name == i18n.T("editor.tab.assumptions") {
			tab = s
		}
	}
	if tab == nil {
		t.Fatal("no Assumptions tab")
	}
	w.Editor.tabs.SelectIndex(len(w.Editor.sections) - 1)
	w.Editor.refresh()
	var offered bool
	for _, sel := range findAll[*widget.Select](tab.holder) {
		for _, o := range sel.Options {
			if strings.HasSuffix(o, "(fx.CHF)") {
				offered = true
			}
		}
	}
	if !offered {
		t.Error("no rate choice offers fx.CHF")
	}
	y2020, _ := w.WS.Ref.Rate("fx.CHF.2020")
	want := i18n.F().Compact(y2020.Value, 6)
	var shown bool
	for _, l := range findAll[*widget.Label](tab.holder) {
		if strings.Contains(l.Text, want) && strings.Contains(l.Text, "2020") {
			shown = true
		}
	}
	if !shown {
		t.Errorf("the default of fx.CHF is not shown as the 2020 average %s", want)
	}
}

// TestEditorRefusesAnOverrideOutOfItsBounds: a price year of 3000 typed
// in the editor is a problem at the override's value, in the window's
// language, and the last figures stay on screen.
func TestEditorRefusesAnOverrideOutOfItsBounds(t *testing.T) {
	w := withOverrides(t, i18n.French, "global-mechanism", model.Override{Key: "cost.price_year", Value: 3000})
	d := w.WS.Active
	if len(d.Problems) != 1 || d.Problems[0].Path != "assumptions[0].value" {
		t.Fatalf("problems %v", d.Problems)
	}
	if got := problemText(d.Problems[0]); !strings.Contains(got, "nombre entier de 1990 à 2200 (année)") {
		t.Errorf("the problem reads %q in French", got)
	}
	if !d.Stale() {
		t.Error("the last valid figures are not kept, marked as stale")
	}
}

// TestEditorSaysEachValuesRange: the value field of an override says the
// range the engine allows for its rate, in the window's language, and
// follows a change of key.
func TestEditorSaysEachValuesRange(t *testing.T) {
	w := withOverrides(t, i18n.French, "global-mechanism", model.Override{Key: "cost.price_year", Value: 2024})
	w.Editor.refresh()
	e := w.Editor.Entry("assumptions[0].value")
	if e == nil {
		t.Fatal("no value field")
	}
	if e.PlaceHolder != "un nombre entier de 1990 à 2200 (année)" {
		t.Errorf("placeholder %q", e.PlaceHolder)
	}
	w.WS.Edit("", func(s *model.Scenario) { s.Assumptions[0].Key = "recost.inflation.GVA" })
	w.Editor.refresh()
	if e := w.Editor.Entry("assumptions[0].value"); e == nil || e.PlaceHolder != "0 à 1 (fraction par an)" {
		t.Errorf("after the key changed, the value field is %v", e)
	}
}
