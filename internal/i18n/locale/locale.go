// Package locale is the part of Mechplan's languages that needs no Fyne:
// the languages on offer, the way each writes numbers, money and dates,
// the message catalogues read from resources/translations, and the words
// of the exports. internal/i18n puts the interface into a language with
// them; the exports and mechplan-cli use them directly, so the
// command-line tool links no part of Fyne.
package locale

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"

	"mechplan/resources"
)

// Language is a language the interface is offered in, by its BCP 47
// language code; System ("") follows the operating system.
type Language string

// The languages on offer. Arabic, the sixth official language of the UN,
// is offered for the workbook only (ExportLanguages): Fyne lays out no
// right-to-left text (fyne-io/fyne#90), and fpdf's right-to-left mode only
// reverses characters (README, "Languages").
const (
	System  Language = ""
	English Language = "en"
	French  Language = "fr"
	Spanish Language = "es"
	Russian Language = "ru"
	Chinese Language = "zh"
	Arabic  Language = "ar"
)

// Offered lists the languages of the interface, in the order the
// settings offer them (the UN's order of its official languages, by their
// names in English, after English itself).
var Offered = []Language{English, French, Spanish, Russian, Chinese}

// WorkbookLanguages are the languages the workbook is written in: those
// of the interface and Arabic, whose sheets read right to left.
var WorkbookLanguages = []Language{English, French, Spanish, Russian, Chinese, Arabic}

// RightToLeft reports whether the language is written right to left.
func (l Language) RightToLeft() bool { return l == Arabic }

// Known reports whether l has a catalogue: a language of the interface
// or of the workbook.
func (l Language) Known() bool { return slices.Contains(WorkbookLanguages, l) }

// Offered reports whether the interface is translated into l.
func (l Language) Offered() bool { return slices.Contains(Offered, l) }

// Name is the language's name in itself, as a language menu shows it, so
// that a user lost in a foreign interface still finds their own.
func (l Language) Name() string {
	switch l {
	case English:
		return "English"
	case French:
		return "Français"
	case Spanish:
		return "Español"
	case Russian:
		return "Русский"
	case Chinese:
		return "中文"
	case Arabic:
		return "العربية"
	}
	return ""
}

// Messages reads a language's message file (resources/translations) into
// key → text, plural messages by their "other" form.
func Messages(l Language) (map[string]string, error) {
	data, err := fs.ReadFile(resources.Translations, "translations/"+string(l)+".json")
	if err != nil {
		return nil, err
	}
	out, err := Flatten(data)
	if err != nil {
		return nil, fmt.Errorf("translations/%s.json: %w", l, err)
	}
	return out, nil
}

// Flatten reads a message file into key → text, taking a plural message's
// "other" form.
func Flatten(data []byte) (map[string]string, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	out := make(map[string]string, len(raw))
	for k, v := range raw {
		var s string
		if json.Unmarshal(v, &s) == nil {
			out[k] = s
			continue
		}
		var forms map[string]string
		if err := json.Unmarshal(v, &forms); err != nil {
			return nil, fmt.Errorf("%s: want a text or plural forms: %w", k, err)
		}
		if forms["other"] == "" {
			return nil, fmt.Errorf("%s: a plural message needs an \"other\" form", k)
		}
		out[k] = forms["other"]
	}
	return out, nil
}

// PluralCategory is the CLDR plural category of a whole count in l: "one",
// "few", "many" or "other" (unicode.org/cldr, plural rules, for integers).
func PluralCategory(l Language, n int) string {
	if n < 0 {
		n = -n
	}
	switch l {
	case Chinese:
		return "other"
	case Russian:
		switch d, h := n%10, n%100; {
		case d == 1 && h != 11:
			return "one"
		case d >= 2 && d <= 4 && (h < 12 || h > 14):
			return "few"
		default:
			return "many"
		}
	case Arabic:
		switch h := n % 100; {
		case n == 0:
			return "zero"
		case n == 1:
			return "one"
		case n == 2:
			return "two"
		case h >= 3 && h <= 10:
			return "few"
		case h >= 11:
			return "many"
		}
		return "other"
	}
	// English, Spanish and French: the catalogues' "one" forms say "one"
	// ("un", "un"), so only 1 takes them (CLDR puts French 0 in "one"
	// too, which would read "un problème" for none). A form a catalogue
	// lacks falls back to "other".
	if n == 1 {
		return "one"
	}
	return "other"
}
