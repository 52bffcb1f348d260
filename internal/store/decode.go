// Package store reads and writes scenario files: versioned, human-readable
// JSON, decoded strictly (unknown fields, wrong types and out-of-range
// values are reported with their field path) and saved atomically.
package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"mechplan/internal/model"
	"mechplan/internal/msg"
)

// MaxFileBytes is the largest scenario file accepted. The largest valid
// scenario (every limit of model at its maximum) is far smaller; a bigger
// file is refused before it is read into memory.
const MaxFileBytes = 4 << 20

// MaxDepth bounds nesting; a scenario is at most five levels deep.
const MaxDepth = 16

// versionField is the key that marks a file as a Mechplan scenario and
// carries its format version.
const versionField = "mechplan_scenario"

// The reader's messages about a file's form (its size, its JSON, its
// fields' types) come by code, problem.form.* in resources/translations,
// as model.Validate's do; en.json gives each the English written here.

// problem is one problem of a file's form, by code, at a field path or
// model.FilePath.
func problem(path string, m msg.Message) model.Problems {
	return model.Problems{{Path: path, Message: m.English, Msg: m}}
}

// problemAt is one problem at a place in the file: its path is the line
// and column in English, its Where the same by code.
func problemAt(p place, m msg.Message) model.Problems {
	where := p.msg()
	return model.Problems{{Path: where.English, Message: m.English, Msg: m, Where: where}}
}

// tooLarge is the problem of a file over MaxFileBytes.
func tooLarge(size int64) model.Problems {
	return problem(model.FilePath, msg.New("problem.form.too_large", "is {{.Got}} bytes; the limit is {{.Max}} bytes ({{.MiB}} MiB)",
		"Got", size, "Max", MaxFileBytes, "MiB", MaxFileBytes>>20))
}

// Decode parses a scenario file's bytes. Its errors are model.Problems, each
// with a field path (or a line and column for broken syntax). Decode does
// not run model.Validate.
func Decode(data []byte) (*model.Scenario, error) {
	if len(data) > MaxFileBytes {
		return nil, tooLarge(int64(len(data)))
	}
	// A byte-order mark, which Windows editors write at the start of a
	// UTF-8 file, is not part of the text (lines and columns are counted
	// as an editor shows them, without it).
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		return nil, problemAt(place{data, invalidUTF8Offset(data)}, msg.New("problem.form.not_utf8", "the file is not valid UTF-8 text"))
	}
	if d := depth(data); d > MaxDepth {
		return nil, problem(model.FilePath, msg.New("problem.form.too_deep", "nests {{.Got}} levels deep; the limit is {{.Max}}", "Got", d, "Max", MaxDepth))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	rd := &reader{data: data, dec: dec}
	raw, err := rd.value()
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			// The token reader places some errors a byte early; the
			// scanner of Unmarshal says where, building nothing.
			if uerr := json.Unmarshal(data, new(json.RawMessage)); uerr != nil {
				err = uerr
			}
		}
		return nil, syntaxProblem(data, err)
	}
	end := int(dec.InputOffset())
	if _, err := dec.Token(); err != io.EOF {
		for end < len(data) && strings.ContainsRune(" \t\r\n", rune(data[end])) {
			end++
		}
		return nil, problemAt(place{data, end}, msg.New("problem.form.after_end", "unexpected text after the end of the scenario"))
	}
	if ps := rd.report.Problems(); len(ps) > 0 {
		return nil, ps
	}
	obj, ok := raw.(map[string]any)
	if !ok {
		return nil, problem(model.FilePath, msg.New("problem.form.not_scenario", "must be a JSON object (a scenario), got {{.Kind}}", "Kind", kindOf(raw)))
	}
	if err := migrate(obj); err != nil {
		return nil, err
	}
	var s model.Scenario
	var r model.Report
	assign(obj, reflect.ValueOf(&s).Elem(), "", &r)
	if ps := r.Problems(); len(ps) > 0 {
		return nil, ps
	}
	return &s, nil
}

// migrate brings an older file up to model.FormatVersion and refuses one
// written by a newer program.
func migrate(obj map[string]any) error {
	return migrateWith(obj, model.FormatVersion, migrations)
}

// A migration turns a file of one format version into the next, working on
// the decoded JSON object so that it can rename, move or convert fields.
type migration func(obj map[string]any) error

// migrations[v] turns a version-v file into a version-v+1 file.
var migrations = map[int64]migration{
	// Version 2 adds the optional short_name and meeting_window; a
	// version-1 file is a valid version-2 file without them, but version 1
	// knew neither, so a version-1 file that has one was not written by
	// Mechplan.
	1: func(obj map[string]any) error {
		for _, f := range []string{"short_name", "meeting_window"} {
			if _, ok := obj[f]; ok {
				return problem(f, msg.New("problem.form.not_in_v1", `is not part of format version 1; write "{{.Field}}": 2 to use it`, "Field", versionField))
			}
		}
		return nil
	},
}

func migrateWith(obj map[string]any, current int64, steps map[int64]migration) error {
	v, ok := obj[versionField]
	if !ok {
		return problem(versionField, msg.New("problem.form.version_required", `is required: a Mechplan scenario file starts with "{{.Field}}": {{.Current}}`, "Field", versionField, "Current", current))
	}
	n, ok := v.(json.Number)
	ver, err := n.Int64()
	if !ok || err != nil {
		return problem(versionField, msg.New("problem.form.version_whole", "must be a whole number (the file format version), got {{.Kind}}", "Kind", kindOf(v)))
	}
	switch {
	case ver > current:
		return problem(versionField, msg.New("problem.form.version_newer", "this file was written in format version {{.Got}}, which needs a newer Mechplan; this version reads format versions 1 to {{.Max}}", "Got", ver, "Max", current))
	case ver < 1:
		return problem(versionField, msg.New("problem.form.version_range", "must be between 1 and {{.Max}}, got {{.Got}}", "Max", current, "Got", ver))
	}
	for ; ver < current; ver++ {
		step, ok := steps[ver]
		if !ok {
			return problem(versionField, msg.New("problem.form.no_migration", "no migration from format version {{.V}} is known", "V", ver))
		}
		if err := step(obj); err != nil {
			return err
		}
	}
	obj[versionField] = json.Number(fmt.Sprint(current))
	return nil
}

// reader builds the decoded JSON value of a file token by token, as
// encoding/json would into an any, but refusing duplicate keys (which
// encoding/json resolves silently, the last one winning: a reviewer would
// read one value and the program use the other) and keeping at most
// model.MaxListLen elements of a list, since a longer one is refused
// whatever field it is.
type reader struct {
	data   []byte
	dec    *json.Decoder
	report model.Report
	// at is the path of the value being read, one step per level.
	at []step
}

// step is one level of a field path: a key, or an index in a list.
type step struct {
	key   string
	index int
}

// place is an offset in a file, written as its line and column when a
// message is formatted (only the messages a report shows are: finding the
// line of each of a file's 300,000 duplicate keys would be quadratic).
type place struct {
	data []byte
	off  int
}

func (p place) msg() msg.Message {
	line, col := position(p.data, p.off)
	return msg.New("problem.place.line", "line {{.Line}}, column {{.Col}}", "Line", line, "Col", col)
}

// longList stands for a list longer than model.MaxListLen: its length.
type longList int

func (rd *reader) path() string {
	var b strings.Builder
	for i, s := range rd.at {
		switch {
		case s.index >= 0:
			fmt.Fprintf(&b, "[%d]", s.index)
		case i > 0:
			b.WriteString("." + fieldName(s.key))
		default:
			b.WriteString(fieldName(s.key))
		}
	}
	if b.Len() == 0 {
		return "(file)"
	}
	return b.String()
}

// value reads the next value; keep false reads it without building it.
func (rd *reader) value() (any, error) { return rd.read(true) }

func (rd *reader) read(keep bool) (any, error) {
	t, err := rd.dec.Token()
	if err != nil {
		return nil, err
	}
	switch t {
	case json.Delim('{'):
		return rd.object(keep)
	case json.Delim('['):
		return rd.array(keep)
	}
	if !keep {
		return nil, nil
	}
	return t, nil
}

// tokenStart is the offset of the next token: past the spaces, commas and
// colons that follow the decoder's position.
func (rd *reader) tokenStart() int {
	off := int(rd.dec.InputOffset())
	for off < len(rd.data) && strings.IndexByte(" \t\r\n,:", rd.data[off]) >= 0 {
		off++
	}
	return off
}

func (rd *reader) object(keep bool) (any, error) {
	var obj map[string]any
	if keep {
		obj = map[string]any{}
	}
	// where has each key's offset, for the message about a duplicate.
	where := map[string]int{}
	for rd.dec.More() {
		off := rd.tokenStart()
		t, err := rd.dec.Token()
		if err != nil {
			return nil, err
		}
		k, _ := t.(string)
		rd.at = append(rd.at, step{key: k, index: -1})
		if first, dup := where[k]; dup {
			at, second := place{rd.data, first}, place{rd.data, off}
			rd.report.SayLater(rd.path(), func() msg.Message {
				return msg.New("problem.form.duplicate_key", "is given twice in one object, at {{.First}} and at {{.Second}}; give each field once",
					"First", at.msg(), "Second", second.msg())
			})
		} else {
			where[k] = off
		}
		v, err := rd.read(keep)
		if err != nil {
			return nil, err
		}
		rd.at = rd.at[:len(rd.at)-1]
		if keep {
			obj[k] = v
		}
	}
	if _, err := rd.dec.Token(); err != nil { // the closing brace
		return nil, err
	}
	if !keep {
		return nil, nil
	}
	return obj, nil
}

func (rd *reader) array(keep bool) (any, error) {
	var arr []any
	n := 0
	for rd.dec.More() {
		rd.at = append(rd.at, step{index: n})
		v, err := rd.read(keep && n < model.MaxListLen)
		if err != nil {
			return nil, err
		}
		rd.at = rd.at[:len(rd.at)-1]
		if keep && n < model.MaxListLen {
			arr = append(arr, v)
		}
		n++
	}
	if _, err := rd.dec.Token(); err != nil { // the closing bracket
		return nil, err
	}
	switch {
	case !keep:
		return nil, nil
	case n > model.MaxListLen:
		return longList(n), nil
	case arr == nil:
		return []any{}, nil
	}
	return arr, nil
}

func syntaxProblem(data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Offset counts the bytes read, the offending one included.
		return problemAt(place{data, int(se.Offset) - 1}, brokenSyntax(syntaxDetail(strings.TrimPrefix(se.Error(), "json: "))))
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return problem(model.FilePath, brokenSyntax(msg.New("problem.json.ends_early", "the file ends too early (unclosed brace, bracket or string)")))
	}
	return problem(model.FilePath, brokenSyntax(msg.Message{English: err.Error()}))
}

func brokenSyntax(detail msg.Message) msg.Message {
	return msg.New("problem.form.json_syntax", "broken JSON syntax: {{.Detail}}", "Detail", detail)
}

// jsonContexts are the places encoding/json's scanner names in its
// message "invalid character 'x' looking for beginning of value", by the
// code of each (problem.json.*): those a scenario file can meet (text
// after the value is refused before the scanner sees it). A message
// outside them is shown as the scanner wrote it.
var jsonContexts = map[string]string{
	"looking for beginning of value":             "begin_value",
	"looking for beginning of object key string": "begin_key",
	"after object key":                           "after_key",
	"after object key:value pair":                "after_pair",
	"after array element":                        "after_element",
	"in string literal":                          "in_string",
	"in string escape code":                      "in_escape",
	`in \u hexadecimal character escape`:         "in_hex_escape",
	"in numeric literal":                         "in_number",
	"after decimal point in numeric literal":     "after_point",
	"in exponent of numeric literal":             "in_exponent",
}

// jsonLiteral is the scanner's context inside true, false or null.
var jsonLiteral = regexp.MustCompile(`^in literal (true|false|null) \(expecting ('.')\)$`)

// syntaxDetail is the scanner's message by code: the character it found,
// and where in the JSON grammar it was.
func syntaxDetail(s string) msg.Message {
	rest, ok := strings.CutPrefix(s, "invalid character '")
	// The character is quoted as 'x', '\'' or '\x01'; its closing quote
	// is the first one followed by a space.
	i := strings.Index(rest[min(1, len(rest)):], "' ")
	if !ok || i < 0 {
		return msg.Message{English: s}
	}
	char, context := "'"+rest[:i+2], rest[i+3:]
	if m := jsonLiteral.FindStringSubmatch(context); m != nil {
		return msg.New("problem.json.in_literal", "invalid character {{.C}} in literal {{.Literal}} (expecting {{.Want}})", "C", char, "Literal", m[1], "Want", m[2])
	}
	if code, ok := jsonContexts[context]; ok {
		return msg.New("problem.json."+code, "invalid character {{.C}} "+context, "C", char)
	}
	return msg.Message{English: s}
}

// position turns a byte offset into a 1-based line and column (in runes).
func position(data []byte, off int) (line, col int) {
	off = max(0, min(off, len(data)))
	before := data[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[lineStart:]) + 1
}

func invalidUTF8Offset(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// depth is the deepest nesting of brackets outside strings, found without
// building anything, so a hostile file cannot make the decoder recurse.
func depth(data []byte) int {
	d, deepest := 0, 0
	inString, escaped := false, false
	for _, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			d++
			deepest = max(deepest, d)
		case c == '}' || c == ']':
			d--
		}
	}
	return deepest
}

// kindOf is what a value of the file is, for "got …", by code; null,
// true and false are JSON's own words, the same in every language.
func kindOf(v any) msg.Message {
	switch x := v.(type) {
	case nil:
		return msg.Message{English: "null"}
	case string:
		q := fmt.Sprintf("%q", clip(x))
		return msg.New("problem.form.kind.text", "the text {{.V}}", "V", msg.New("problem.quoted", `"{{.V}}"`, "V", q[1:len(q)-1]))
	case bool:
		return msg.Message{English: fmt.Sprintf("%t", x)}
	case json.Number:
		return msg.New("problem.form.kind.number", "the number {{.V}}", "V", x.String())
	case []any, longList:
		return msg.New("problem.form.kind.list", "a list")
	case map[string]any:
		return msg.New("problem.form.kind.object", "an object")
	}
	return msg.Message{English: fmt.Sprintf("%T", v)}
}

// clip cuts a text the file gives to 40 bytes, at a character's edge.
func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	i := 37
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "..."
}

// fieldName is a key of the file as a field path shows it: as it is when
// it reads like a field name, else quoted and cut (a key is the file
// author's text and may hold anything).
func fieldName(k string) string {
	for _, c := range k {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return model.Quoted(k)
		}
	}
	return model.Clip(k, model.MaxQuoted)
}

func join(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

// jsonFields maps a struct type's JSON names to field indexes.
func jsonFields(t reflect.Type) (map[string]int, []string) {
	m := map[string]int{}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		m[name] = i
		names = append(names, name)
	}
	sort.Strings(names)
	return m, names
}

// assign copies a decoded JSON value into a Go value of the model, checking
// its type and reporting problems with their path.
func assign(v any, dst reflect.Value, path string, r *model.Report) {
	at := path
	if at == "" {
		at = model.FilePath
	}
	// got is the problem of a value of the wrong type.
	got := func(code, english string) {
		r.Say(at, msg.New(code, english, "Kind", kindOf(v)))
	}
	if v == nil {
		r.Say(at, msg.New("problem.form.null", "must not be null; leave the field out instead"))
		return
	}
	switch dst.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			got("problem.form.want_object", "must be an object, got {{.Kind}}")
			return
		}
		fields, names := jsonFields(dst.Type())
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		listed := false
		for _, k := range keys {
			i, ok := fields[k]
			if !ok {
				// The allowed fields are named once per object: a file of
				// many unknown fields would otherwise repeat them each time.
				if listed {
					r.Say(join(path, fieldName(k)), msg.New("problem.form.unknown_field", "unknown field"))
				} else {
					r.Say(join(path, fieldName(k)), msg.New("problem.form.unknown_field_allowed", "unknown field; allowed here: {{.List}}", "List", strings.Join(names, ", ")))
					listed = true
				}
				continue
			}
			assign(obj[k], dst.Field(i), join(path, k), r)
		}
	case reflect.Slice:
		if n, ok := v.(longList); ok {
			// Its elements were not kept (see reader.array).
			if p, ok, _ := model.CountProblem(path, int(n)); !ok {
				r.AddProblem(p)
			} else {
				r.Say(at, msg.New("problem.form.list_too_long", "must hold at most {{.Max}} elements, got {{.Got}}", "Max", model.MaxListLen, "Got", int(n)))
			}
			return
		}
		arr, ok := v.([]any)
		if !ok {
			got("problem.form.want_list", "must be a list, got {{.Kind}}")
			return
		}
		out := reflect.MakeSlice(dst.Type(), len(arr), len(arr))
		for i, e := range arr {
			assign(e, out.Index(i), fmt.Sprintf("%s[%d]", path, i), r)
		}
		dst.Set(out)
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			got("problem.form.want_text", "must be text, got {{.Kind}}")
			return
		}
		dst.SetString(s)
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			got("problem.form.want_bool", "must be true or false, got {{.Kind}}")
			return
		}
		dst.SetBool(b)
	case reflect.Int:
		n, ok := v.(json.Number)
		i, err := n.Int64()
		if !ok || err != nil || i < math.MinInt32 || i > math.MaxInt32 {
			got("problem.form.want_whole", "must be a whole number, got {{.Kind}}")
			return
		}
		dst.SetInt(i)
	case reflect.Float64:
		n, ok := v.(json.Number)
		f, err := n.Float64()
		if !ok || err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			got("problem.form.want_number", "must be a number, got {{.Kind}}")
			return
		}
		dst.SetFloat(f)
	default:
		r.Say(at, msg.New("problem.form.unsupported", "cannot be read (field of unsupported type {{.Type}})", "Type", dst.Type().String()))
	}
}
