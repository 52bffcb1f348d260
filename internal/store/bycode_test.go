package store

import (
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"mechplan/internal/export/labels"
	"mechplan/internal/i18n/locale"
	"mechplan/internal/model"
	"mechplan/internal/msg"
)

// formFiles are malformed files, one or more for each message of the
// reader about a file's form.
var formFiles = map[string]string{
	"not utf-8":        "{\"id\": \"\xff\"}",
	"too deep":         strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1),
	"after end":        minimal + " {}",
	"not an object":    `["a list"]`,
	"a text":           `"a scenario"`,
	"a number":         `12`,
	"version missing":  `{"id": "x"}`,
	"version a text":   `{"mechplan_scenario": "two"}`,
	"version too new":  `{"mechplan_scenario": 99}`,
	"version zero":     `{"mechplan_scenario": 0}`,
	"not in version 1": strings.Replace(minimal, `"name":`, `"short_name": "X", "name":`, 1),
	"duplicate":        strings.Replace(minimal, `"name": "Tiny",`, `"name": "Tiny", "name": "Other",`, 1),
	"ends early":       `{"mechplan_scenario": 2, "id": "x"`,
	"begin value":      `{"mechplan_scenario": }`,
	"begin key":        `{"mechplan_scenario": 2,}`,
	"after key":        `{"mechplan_scenario" 2}`,
	"after pair":       `{"mechplan_scenario": 2 "id": "x"}`,
	"after element":    `{"mechplan_scenario": 2, "sources": [{} {}]}`,
	"in string":        "{\"id\": \"a\x01b\"}",
	"in escape":        `{"id": "a\qb"}`,
	"in hex escape":    `{"id": "a\u12G4"}`,
	"in number":        `{"cycle_years": -x}`,
	"after point":      `{"cycle_years": 1.x}`,
	"in exponent":      `{"cycle_years": 1e+}`,
	"in literal":       `{"interpretation": tru}`,
	"null":             strings.Replace(minimal, `"cycle_years": 1`, `"cycle_years": null`, 1),
	"want object":      strings.Replace(minimal, `"horizon": {"start": "2026-01-01", "years": 1}`, `"horizon": [1]`, 1),
	"want list":        strings.Replace(minimal, `"bodies": [`, `"bodies": {"a": 1}, "x": [`, 1),
	"want text":        strings.Replace(minimal, `"name": "Tiny"`, `"name": 12`, 1),
	"want bool":        strings.Replace(minimal, `"webcast": true`, `"webcast": "yes"`, 1),
	"want whole":       strings.Replace(minimal, `"cycle_years": 1`, `"cycle_years": 1.5`, 1),
	"want number":      strings.Replace(minimal, `"cycle_years": 1,`, `"cycle_years": 1, "assumptions": [{"key": "k", "value": "high"}],`, 1),
	"unknown fields":   strings.Replace(minimal, `"id": "tiny",`, `"id": "tiny", "colour": "red", "size": 3,`, 1),
}

// formProblems are the problems the reader finds in formFiles, in a file
// over the size limit, in a chain of migrations with a gap, and, for the
// reader's defences no scenario file reaches (every list of the format has
// a limit of its own, every field a type the reader fills), in fields of
// a struct of the test's own.
func formProblems(t *testing.T) model.Problems {
	var ps model.Problems
	add := func(what string, err error) {
		var got model.Problems
		if !errors.As(err, &got) || len(got) == 0 {
			t.Errorf("%s: want problems, got %v", what, err)
		}
		ps = append(ps, got...)
	}
	names := make([]string, 0, len(formFiles))
	for name := range formFiles {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		_, err := Decode([]byte(formFiles[name]))
		add(name, err)
	}
	_, err := Decode(make([]byte, MaxFileBytes+1))
	add("too large", err)
	add("no migration", migrateWith(map[string]any{versionField: json.Number("1")}, 3, map[int64]migration{1: migrations[1]}))
	var r model.Report
	assign(map[string]any{"m": map[string]any{}, "l": longList(model.MaxListLen + 1)}, reflect.ValueOf(&struct {
		M map[string]int `json:"m"`
		L []string       `json:"l"`
	}{}).Elem(), "", &r)
	add("unsupported, list too long", r.Problems())
	return ps
}

// formCodes are the codes decode.go writes: every problem.form.*,
// problem.json.* and problem.place.* it names.
func formCodes(t *testing.T) []string {
	src, err := os.ReadFile("decode.go")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(`"(problem\.(?:form|json|place)\.[a-z_.]+)"`).FindAllSubmatch(src, -1) {
		seen[string(m[1])] = true
	}
	for _, code := range jsonContexts {
		seen["problem.json."+code] = true
	}
	delete(seen, "problem.json.") // the prefix the contexts are added to
	out := make([]string, 0, len(seen))
	for c := range seen {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// TestFormErrorsByCode: every problem the reader finds in a file's form
// comes by code, every code decode.go writes is met by some malformed
// file, en.json's text of each gives the reader's English, and every
// language of the interface has every code, a message of its own.
func TestFormErrorsByCode(t *testing.T) {
	en, err := locale.Messages(locale.English)
	if err != nil {
		t.Fatal(err)
	}
	met := map[string]bool{}
	var english func(m msg.Message) string
	english = func(m msg.Message) string {
		if m.Code == "" {
			return m.English
		}
		met[m.Code] = true
		data := map[string]any{}
		for _, a := range m.Args {
			data[a.Name] = a.Value
			if sub, ok := a.Value.(msg.Message); ok {
				data[a.Name] = english(sub)
			}
		}
		if got := msg.Render(en[m.Code], data); got != m.English {
			t.Errorf("en.json's %s gives %q, the reader writes %q", m.Code, got, m.English)
		}
		return m.English
	}
	ps := formProblems(t)
	for _, p := range ps {
		if p.Msg.Code == "" || p.Message != p.Msg.English {
			t.Errorf("%s: %q has no code, or its Message is not the code's English", p.Path, p.Message)
		}
		english(p.Msg)
		if where := p.Place(); where.English != p.Path {
			t.Errorf("%s: its place by code reads %q", p.Path, where.English)
		} else {
			english(where)
		}
	}
	for _, code := range formCodes(t) {
		if !met[code] {
			t.Errorf("no malformed file gives %s", code)
		}
	}
	for _, l := range locale.Offered[1:] {
		tr, err := locale.Messages(l)
		if err != nil {
			t.Fatal(err)
		}
		for code := range met {
			if tr[code] == "" || tr[code] == en[code] {
				t.Errorf("%s has no message %s of its own (%q)", l, code, tr[code])
			}
		}
	}
	t.Logf("%d problems, %d codes", len(ps), len(met))
}

// TestFormErrorsInFrench: a malformed file's problems, rendered by code
// as the faces do, read in French, place and kind of value included.
func TestFormErrorsInFrench(t *testing.T) {
	words := labels.Or(locale.Export(locale.French))
	var render func(m msg.Message) string
	render = func(m msg.Message) string {
		if m.Code == "" {
			return m.English
		}
		pairs := []any{}
		for _, a := range m.Args {
			v := a.Value
			if sub, ok := v.(msg.Message); ok {
				v = render(sub)
			}
			pairs = append(pairs, a.Name, v)
		}
		return words.Text(m.Code, m.English, pairs...)
	}
	for name, want := range map[string]string{
		"want text":  "name: doit être un texte ; valeur trouvée : le nombre 12",
		"want bool":  "bodies[0].webcast: doit être true ou false ; valeur trouvée : le texte «\u00a0yes\u00a0»",
		"after key":  "ligne 1, colonne 22: syntaxe JSON incorrecte : caractère '2' non valide après une clé d'objet",
		"duplicate":  "name: figure deux fois dans un même objet, à la ligne 4, colonne 3 et à la ligne 4, colonne 19 ; indiquez chaque champ une seule fois",
		"ends early": "(fichier): syntaxe JSON incorrecte : le fichier se termine trop tôt (accolade, crochet ou chaîne non fermés)",
	} {
		_, err := Decode([]byte(formFiles[name]))
		var ps model.Problems
		if !errors.As(err, &ps) || len(ps) == 0 {
			t.Fatalf("%s: %v", name, err)
		}
		if got := render(ps[0].Place()) + ": " + render(ps[0].Msg); got != want {
			t.Errorf("%s:\n got %q\nwant %q", name, got, want)
		}
	}
}
