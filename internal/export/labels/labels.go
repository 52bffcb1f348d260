// Package labels lets the exports write their words in a language without
// knowing where the translations come from: an export asks a Labels for
// each text by a stable message key with its English wording, and for
// dates. English, the identity, writes the English wording; internal/i18n
// supplies French and Spanish.
package labels

import (
	"fmt"
	"strings"
	"time"

	"mechplan/internal/chart"
	"mechplan/internal/msg"
)

// Labels translates an export's words.
type Labels interface {
	// Text is the message key in the language. english is the English
	// wording, a text/template like the message catalogues' (template
	// values as name, value pairs), used when the language lacks the key.
	Text(key, english string, pairs ...any) string
	// Date writes a date in full: "2 March 2026", "2 mars 2026".
	Date(t time.Time) string
	// ShortMonth is a month's abbreviation: "Mar", "mars", "mar.".
	ShortMonth(m time.Month) string
	// ShortWeekday is a day's abbreviation: "Mon", "lun.", "lun.".
	ShortWeekday(d time.Weekday) string
	// Number writes a figure with the decimals asked and the language's
	// thousands and decimal marks: 1,234.5 / 1 234,5 / 1.234,5.
	Number(v float64, decimals int) string
	// Money writes US dollars short, for tables and charts: USD 6.46 M /
	// 6,46 M USD.
	Money(v float64) string
	// Lang is the language's BCP 47 code: "en", "fr", "es".
	Lang() string
}

// StatePrefix starts the key of a member state's name: "state." and its
// ISO3 code, "state.CIV", whose text is the state's official short name
// in the language (Côte d'Ivoire, 科特迪瓦), from the reference data.
const StatePrefix = "state."

// English writes every text in English, as the exports always have.
var English Labels = english{}

type english struct{}

func (english) Text(_, en string, pairs ...any) string { return Render(en, pairs...) }
func (english) Date(t time.Time) string                { return t.Format("2 January 2006") }
func (english) ShortMonth(m time.Month) string {
	return time.Date(2000, m, 1, 0, 0, 0, 0, time.UTC).Format("Jan")
}
func (english) ShortWeekday(d time.Weekday) string {
	return time.Date(2000, 1, 2+int(d), 0, 0, 0, 0, time.UTC).Format("Mon")
}
func (english) Lang() string { return "en" }

// Number writes figures as the English exports always have: comma
// thousands, "−" for a negative (internal/chart's formatting, shared with
// the desktop's charts).
func (english) Number(v float64, decimals int) string { return chart.Number(v, decimals) }

// Money writes dollars as the English exports always have: USD 12.3 k,
// USD 4.56 M, USD 1.2 bn.
func (english) Money(v float64) string { return chart.Money(v) }

// Or returns l, or English when l is nil.
func Or(l Labels) Labels {
	if l == nil {
		return English
	}
	return l
}

// Render fills a message template with values given as name, value pairs;
// a text without template actions is returned as it is (msg.Render, whose
// parsed wordings it shares).
func Render(tmpl string, pairs ...any) string {
	if !strings.Contains(tmpl, "{{") {
		return tmpl
	}
	data := make(map[string]any, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		data[fmt.Sprint(pairs[i])] = pairs[i+1]
	}
	return msg.Render(tmpl, data)
}

// KeyOf turns an English name into a message key as the interface does:
// "Asia-Pacific" → "asia_pacific".
func KeyOf(name string) string { return msg.Key(name) }

// Message writes one of the engine's messages (a cost line's item, a
// problem) in l's language by its code; a value that is itself a message
// (the city of an item) is written so first. A message without a code is
// its English.
func Message(l Labels, m msg.Message) string { return msg.In(m, Or(l).Text) }

// RightToLeft reports whether a language (by its code, Labels.Lang) is
// written right to left: Arabic, among the UN's languages.
func RightToLeft(lang string) bool { return lang == "ar" }
