package ui

import (
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/cost"
	"mechplan/internal/i18n"
	"mechplan/internal/msg"
	"mechplan/internal/plan"
	"mechplan/internal/refdata"
)

// money writes US dollars in full, for tables, the way the user's
// language writes figures: USD 1,234 / 1 234 USD / 1.234 USD.
func money(v float64) string { return i18n.F().Money(v) }

// hours writes minutes as hours with one decimal.
func hours(minutes int) string { return i18n.F().Hours(float64(minutes) / 60) }

// number writes a figure with the decimals asked, in the user's language.
func number(v float64, decimals int) string { return i18n.F().Number(v, decimals) }

// count writes a whole number with the language's thousands separator
// (years, which are names more than quantities, are written bare).
func count(n int) string { return i18n.F().Number(float64(n), 0) }

// The engine and the reference data name their metrics, rates, groups and
// budget sections in English, with stable keys; the screens show them
// through these, in the user's language. A name no translation knows is
// shown as the engine wrote it.

func metricLabel(m plan.Metric) string { return i18n.Label("metric."+m.Key, m.Label) }

func metricGroupLabel(group string) string { return i18n.Label("metric.group."+keyOf(group), group) }

func rateLabel(key, english string) string { return i18n.Label("rate."+key, english) }

// unitLabel is a rate's unit in the window's language, as the exports
// write it.
func unitLabel(u string) string { return i18n.Label(msg.Unit(u).Code, u) }

func regionalGroupLabel(group string) string { return i18n.Label("group."+keyOf(group), group) }

func sectionLabel(s cost.Section) string {
	if s == cost.Outside {
		return i18n.Label("section.outside", s.Name())
	}
	return i18n.Label("section."+string(s), s.Name())
}

func payerLabel(p cost.Payer) string { return i18n.Label("payer."+string(p), string(p)) }

// keyOf turns an English name into a message key: "Asia-Pacific" →
// "asia_pacific".
func keyOf(name string) string { return msg.Key(name) }

// regionalGroups are the five regional groups, for the tests that check
// each has a translation.
var regionalGroups = refdata.Groups

// newSelect is a select whose prompt, shown while nothing is chosen, is
// in the user's language: Fyne's own "(Select one)" is not translated.
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = i18n.T("select.placeholder")
	return s
}

// stateName is a member state's official short name in the interface's
// language (the UN's M49 names), English where the language has none.
func stateName(st *refdata.MemberState) string { return st.NameIn(string(i18n.Current())) }
