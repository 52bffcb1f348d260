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

// The languages on offer. Arabic, Chinese and Russian, the UN's other
// official languages, are not offered yet: Fyne shapes no right-to-left
// text, and Chinese and Cyrillic need bundled fonts and a review of the
// layouts (README, "Languages").
const (
	System  Language = ""
	English Language = "en"
	French  Language = "fr"
	Spanish Language = "es"
)

// Offered lists the languages in the order the settings offer them.
var Offered = []Language{English, French, Spanish}

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
