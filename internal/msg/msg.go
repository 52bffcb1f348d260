// Package msg is how the engine says something a person reads: a message
// key (Code, as in resources/translations), its values, typed (text,
// numbers, or other messages, such as a city inside a cost item), and the
// English the engine renders from them for the command line, the logs and
// the English exports. Every face renders the code in its own language, so
// no face has to recognise the engine's English.
package msg

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"text/template"
)

// Arg is one named value of a message.
type Arg struct {
	Name  string
	Value any // string, a number, or a Message
}

// Message is a message by code, with its values and its English.
type Message struct {
	Code    string
	Args    []Arg
	English string
}

// New makes a message: english is its English wording as a template
// ({{.City}}), the same as the code's text in en.json (a test checks
// they agree); pairs are its values as name, value. A Message value is
// written in English by its own English.
func New(code, english string, pairs ...any) Message {
	m := Message{Code: code}
	data := map[string]any{}
	for i := 0; i+1 < len(pairs); i += 2 {
		name := fmt.Sprint(pairs[i])
		m.Args = append(m.Args, Arg{name, pairs[i+1]})
		if sub, ok := pairs[i+1].(Message); ok {
			data[name] = sub.English
		} else {
			data[name] = pairs[i+1]
		}
	}
	m.English = Render(english, data)
	return m
}

// Named is a message naming something by a key made from its English
// name, such as a city ("city.geneva", "Geneva").
func Named(prefix, english string) Message {
	return Message{Code: prefix + Key(english), English: english}
}

// In writes m in a language: text gives the wording of a code in it (the
// English when it has none), filled with the values as name, value pairs;
// a value that is itself a message (a cost item's city, who travels) is
// written so first. A message without a code is its English.
func In(m Message, text func(code, english string, pairs ...any) string) string {
	if m.Code == "" {
		return m.English
	}
	pairs := make([]any, 0, 2*len(m.Args))
	for _, a := range m.Args {
		v := a.Value
		if sub, ok := v.(Message); ok {
			v = In(sub, text)
		}
		pairs = append(pairs, a.Name, v)
	}
	return text(m.Code, m.English, pairs...)
}

// String is the English.
func (m Message) String() string { return m.English }

// Render fills a template with values; a text without template actions is
// returned as it is, and one that does not parse or run as written.
func Render(tmpl string, data map[string]any) string {
	if !strings.Contains(tmpl, "{{") {
		return tmpl
	}
	t := parsed(tmpl)
	if t == nil {
		return tmpl
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return tmpl
	}
	return b.String()
}

// templates keeps each wording parsed once (nil: it does not parse): a
// large estimate or calendar renders the same few wordings thousands of
// times. A parsed template may be executed by several goroutines at once.
// At most maxTemplates are kept (the wordings are the catalogues'; a text
// made at run time beyond that is parsed each time).
var (
	templates  sync.Map
	nTemplates atomic.Int64
)

const maxTemplates = 4096

func parsed(tmpl string) *template.Template {
	if t, ok := templates.Load(tmpl); ok {
		return t.(*template.Template)
	}
	t, err := template.New("").Option("missingkey=zero").Parse(tmpl)
	if err != nil {
		t = nil
	}
	if nTemplates.Add(1) <= maxTemplates {
		templates.Store(tmpl, t)
	}
	return t
}

// Unit is a unit ("USD per night") as a message: its code is the unit's
// name in the catalogues, so each face writes it in its language.
func Unit(english string) Message {
	return Message{Code: "export.unit." + Key(english), English: english}
}

// Key turns an English name into the tail of a message key as the
// catalogues write it: "Addis Ababa" → "addis_ababa".
func Key(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r - 'A' + 'a'
		}
		return '_'
	}, name)
}

// Error is a message as an error: its Error is the English, and a face
// that gets it back with Of renders the code in its own language.
type Error struct{ Message }

func (e Error) Error() string { return e.English }

// Err is the message as an error.
func (m Message) Err() error { return Error{m} }

// Of is the message an error carries (wrapped or not), if it carries one.
func Of(err error) (Message, bool) {
	var e Error
	if errors.As(err, &e) {
		return e.Message, true
	}
	return Message{}, false
}
