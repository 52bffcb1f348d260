// Package i18n puts Mechplan's interface into the user's language: the
// languages on offer, the messages (resources/translations, loaded into
// Fyne's lang package) and the way numbers, money and dates are written in
// each language.
//
// The language follows the system unless the user forces one. Fyne's
// localizer follows the system locales and has no call to set a language,
// so forcing one registers that language's messages under every language
// tag the localizer could pick (Fyne's own and ours): whatever the system,
// the lookups land on the chosen messages. The same trick gives Fyne's own
// dialog buttons (Cancel, OK…) in the chosen language. It works on every
// platform, unlike setting LANGUAGE, which only Linux reads.
package i18n

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"mechplan/internal/export/labels"
	"mechplan/internal/i18n/locale"
	"mechplan/resources"
)

// Language is a language the interface is offered in, by its BCP 47
// language code; System ("") follows the operating system. The languages
// and their formats live in internal/i18n/locale, which the exports and the
// command-line tool use without Fyne.
type Language = locale.Language

// The languages on offer (see locale for why Arabic is not offered in the
// window).
const (
	System  = locale.System
	English = locale.English
	French  = locale.French
	Spanish = locale.Spanish
	Russian = locale.Russian
	Chinese = locale.Chinese
	// Arabic has a catalogue for the workbook only.
	Arabic = locale.Arabic
)

// Offered lists the languages in the order the settings offer them.
var Offered = locale.Offered

// Format writes numbers, money and dates the way a language writes them.
type Format = locale.Format

// For returns the formats of a language; an unknown one formats in English.
func For(l Language) Format { return locale.For(l) }

// Export returns the words of the exports in l; see locale.Export.
func Export(l Language) labels.Labels { return locale.Export(l) }

// fyneTags are the languages Fyne v2.7 ships translations for
// (fyne/lang/translations): its localizer may settle on any of them, so a
// forced language is registered under each. A test checks the list
// against the Fyne module in use.
var fyneTags = []string{"cs", "de", "el", "en", "es", "fr", "ja", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

var (
	mu       sync.RWMutex
	current  = English
	catalogs map[Language]map[string]string // flattened "other" forms, for fallbacks and tests
	// plurals holds each language's plural messages by key and CLDR
	// category (one, few, many, other).
	plurals map[Language]map[string]map[string]string
	// loaded makes a package used before Setup (a test that builds a
	// screen's model alone) follow the system, rather than show keys.
	loaded sync.Once
)

// ensure loads the translations, following the system, unless Setup ran.
func ensure() {
	loaded.Do(func() {
		mu.RLock()
		done := catalogs != nil
		mu.RUnlock()
		if !done {
			if err := Setup(System); err != nil {
				fyne.LogError("Mechplan's translations", err)
			}
		}
	})
}

// Setup loads the translations and puts the interface into choice, or
// into the system's language when choice is System (English when the
// system's language is not offered). It may be called again to change
// language; widgets built before keep their text.
func Setup(choice Language) error {
	if choice != System && !choice.Offered() {
		return fmt.Errorf("language %q: use one of %s, or none to follow the system", choice, strings.Join(codes(), ", "))
	}
	raw, err := load()
	if err != nil {
		return err
	}
	mu.Lock()
	defer mu.Unlock()
	register := func(data []byte, tag string) error {
		if len(data) == 0 {
			return nil
		}
		return lang.AddTranslationsForLocale(data, fyne.Locale(tag))
	}
	for _, tag := range allTags() {
		// Which messages answer when the localizer settles on this tag.
		show := choice
		if show == System {
			show = English
			if l := languageOfTag(tag); l.Offered() {
				show = l
			}
		}
		if err := register(raw[show].messages, tag); err != nil {
			return fmt.Errorf("translations %s as %s: %w", show, tag, err)
		}
		// Fyne's own strings follow a forced language; following the
		// system, Fyne's own translations stay (ours are copies of
		// Fyne's for the languages we offer).
		if choice != System {
			if err := register(raw[choice].fyne, tag); err != nil {
				return fmt.Errorf("translations of Fyne's own strings in %s as %s: %w", choice, tag, err)
			}
		} else if l := languageOfTag(tag); l.Offered() {
			if err := register(raw[l].fyne, tag); err != nil {
				return fmt.Errorf("translations of Fyne's own strings in %s: %w", tag, err)
			}
		}
	}
	catalogs = map[Language]map[string]string{}
	plurals = map[Language]map[string]map[string]string{}
	for l, r := range raw {
		catalogs[l] = r.flat
		plurals[l] = r.plural
	}
	// The localizer knows best which language it settled on: every
	// catalogue names its own language.
	current = Language(lang.X("language.code", "en"))
	if !current.Offered() {
		current = English
	}
	return nil
}

// languageOfTag is the language a localizer tag stands for: Fyne names
// Chinese by its script, zh-Hans.
func languageOfTag(tag string) Language {
	if strings.HasPrefix(tag, "zh") {
		return Chinese
	}
	return Language(tag)
}

func codes() []string {
	var out []string
	for _, l := range Offered {
		out = append(out, string(l))
	}
	return out
}

// allTags are the tags Fyne's localizer may settle on: Fyne's and ours.
func allTags() []string {
	tags := slices.Clone(fyneTags)
	for _, l := range Offered {
		if !slices.Contains(tags, string(l)) {
			tags = append(tags, string(l))
		}
	}
	return tags
}

// catalogue is one language's files: the messages as JSON, their "other"
// forms by key, and Fyne's own strings.
type catalogue struct {
	messages, fyne []byte
	flat           map[string]string
	plural         map[string]map[string]string
}

func load() (map[Language]catalogue, error) {
	out := map[Language]catalogue{}
	for _, l := range Offered {
		var c catalogue
		var err error
		if c.messages, err = fs.ReadFile(resources.Translations, "translations/"+string(l)+".json"); err != nil {
			return nil, err
		}
		if c.flat, err = Flatten(c.messages); err != nil {
			return nil, fmt.Errorf("translations/%s.json: %w", l, err)
		}
		c.plural = pluralForms(c.messages)
		// A missing file for Fyne's strings only leaves them to Fyne.
		c.fyne, _ = fs.ReadFile(resources.Translations, "translations/fyne/"+string(l)+".json")
		out[l] = c
	}
	return out, nil
}

// Flatten reads a message file into key → text, taking a plural message's
// "other" form.
func Flatten(data []byte) (map[string]string, error) { return locale.Flatten(data) }

// Current is the language the interface is in.
func Current() Language {
	ensure()
	mu.RLock()
	defer mu.RUnlock()
	return current
}

// Messages returns a copy of a language's messages by key (plural
// messages by their "other" form), for tests and checks; nil before Setup.
func Messages(l Language) map[string]string {
	ensure()
	mu.RLock()
	defer mu.RUnlock()
	return maps.Clone(catalogs[l])
}

// T translates the message key. Template values follow as name, value
// pairs: T("quit.unsaved", "Count", 3). English is the fallback: a key
// missing from a translation shows its English text.
func T(key string, pairs ...any) string {
	ensure()
	return lang.X(key, fallback(key), data(pairs))
}

// N translates a message with plural forms for count; the template sees
// the count as .Count, formatted for the language.
func N(key string, count int, pairs ...any) string {
	ensure()
	d := data(pairs)
	if d == nil {
		d = map[string]any{}
	}
	l := Current()
	if _, ok := d["Count"]; !ok {
		d["Count"] = For(l).Number(float64(count), 0)
	}
	// Fyne's localizer applies the plural rules of the locale it settled
	// on, which is the system's, not the forced language's: Russian's
	// few and many would never be chosen under English rules. The forms
	// are chosen here, by the rules of the language shown.
	mu.RLock()
	forms := plurals[l][key]
	mu.RUnlock()
	if forms != nil {
		s, ok := forms[locale.PluralCategory(l, count)]
		if !ok {
			s = forms["other"]
		}
		return labels.Render(s, mapPairs(d)...)
	}
	return lang.XN(key, fallback(key), count, d)
}

func mapPairs(d map[string]any) []any {
	out := make([]any, 0, 2*len(d))
	for k, v := range d {
		out = append(out, k, v)
	}
	return out
}

// pluralForms reads the plural messages (those given as forms) of a
// message file; a file that does not parse has none (Flatten reports it).
func pluralForms(data []byte) map[string]map[string]string {
	var raw map[string]json.RawMessage
	if json.Unmarshal(data, &raw) != nil {
		return nil
	}
	out := map[string]map[string]string{}
	for k, v := range raw {
		var forms map[string]string
		if json.Unmarshal(v, &forms) == nil {
			out[k] = forms
		}
	}
	return out
}

// Label translates a message that names something of the engine or the
// reference data (a metric, a rate, a budget section) by its stable key,
// and shows the engine's own English words when no translation has the
// key: a new metric appears, untranslated, rather than as a bare key.
func Label(key, english string, pairs ...any) string {
	ensure()
	mu.RLock()
	_, ok := catalogs[English][key]
	mu.RUnlock()
	if !ok {
		return english
	}
	return T(key, pairs...)
}

func fallback(key string) string {
	mu.RLock()
	defer mu.RUnlock()
	if s, ok := catalogs[English][key]; ok {
		return s
	}
	return key
}

func data(pairs []any) map[string]any {
	if len(pairs) == 0 {
		return nil
	}
	d := make(map[string]any, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		d[fmt.Sprint(pairs[i])] = pairs[i+1]
	}
	return d
}

// F is the formats of the language on screen.
func F() Format { return For(Current()) }
