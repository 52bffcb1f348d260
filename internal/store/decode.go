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
	"sort"
	"strings"
	"unicode/utf8"

	"mechplan/internal/model"
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

func problem(path, format string, args ...any) model.Problems {
	return model.Problems{{Path: path, Message: fmt.Sprintf(format, args...)}}
}

// Decode parses a scenario file's bytes. Its errors are model.Problems, each
// with a field path (or a line and column for broken syntax). Decode does
// not run model.Validate.
func Decode(data []byte) (*model.Scenario, error) {
	if len(data) > MaxFileBytes {
		return nil, problem("(file)", "is %d bytes; the limit is %d bytes (%d MiB)", len(data), MaxFileBytes, MaxFileBytes>>20)
	}
	if !utf8.Valid(data) {
		line, col := position(data, invalidUTF8Offset(data))
		return nil, problem(fmt.Sprintf("line %d, column %d", line, col), "the file is not valid UTF-8 text")
	}
	if d := depth(data); d > MaxDepth {
		return nil, problem("(file)", "nests %d levels deep; the limit is %d", d, MaxDepth)
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
		line, col := position(data, end)
		return nil, problem(fmt.Sprintf("line %d, column %d", line, col), "unexpected text after the end of the scenario")
	}
	if ps := rd.report.Problems(); len(ps) > 0 {
		return nil, ps
	}
	obj, ok := raw.(map[string]any)
	if !ok {
		return nil, problem("(file)", "must be a JSON object (a scenario), got %s", kindOf(raw))
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
				return problem(f, "is not part of format version 1; write \"%s\": 2 to use it", versionField)
			}
		}
		return nil
	},
}

func migrateWith(obj map[string]any, current int64, steps map[int64]migration) error {
	v, ok := obj[versionField]
	if !ok {
		return problem(versionField, "is required: a Mechplan scenario file starts with \"%s\": %d", versionField, current)
	}
	n, ok := v.(json.Number)
	ver, err := n.Int64()
	if !ok || err != nil {
		return problem(versionField, "must be a whole number (the file format version), got %s", kindOf(v))
	}
	switch {
	case ver > current:
		return problem(versionField, "this file was written in format version %d, which needs a newer Mechplan; this version reads format versions 1 to %d", ver, current)
	case ver < 1:
		return problem(versionField, "must be between 1 and %d, got %d", current, ver)
	}
	for ; ver < current; ver++ {
		step, ok := steps[ver]
		if !ok {
			return problem(versionField, "no migration from format version %d is known", ver)
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

func (p place) String() string {
	line, col := position(p.data, p.off)
	return fmt.Sprintf("line %d, column %d", line, col)
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
			rd.report.Add(rd.path(), "is given twice in one object, at %s and at %s; give each field once", place{rd.data, first}, place{rd.data, off})
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
		line, col := position(data, int(se.Offset)-1)
		return problem(fmt.Sprintf("line %d, column %d", line, col), "broken JSON syntax: %s", strings.TrimPrefix(se.Error(), "json: "))
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return problem("(file)", "broken JSON syntax: the file ends too early (unclosed brace, bracket or string)")
	}
	return problem("(file)", "broken JSON syntax: %v", err)
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

func kindOf(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return fmt.Sprintf("the text %q", clip(x))
	case bool:
		return fmt.Sprintf("%t", x)
	case json.Number:
		return "the number " + x.String()
	case []any, longList:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:37] + "..."
	}
	return s
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
		at = "(file)"
	}
	if v == nil {
		r.Add(at, "must not be null; leave the field out instead")
		return
	}
	switch dst.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			r.Add(at, "must be an object, got %s", kindOf(v))
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
					r.Add(join(path, fieldName(k)), "unknown field")
				} else {
					r.Add(join(path, fieldName(k)), "unknown field; allowed here: %s", strings.Join(names, ", "))
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
				r.Add(at, "must hold at most %d elements, got %d", model.MaxListLen, n)
			}
			return
		}
		arr, ok := v.([]any)
		if !ok {
			r.Add(at, "must be a list, got %s", kindOf(v))
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
			r.Add(at, "must be text, got %s", kindOf(v))
			return
		}
		dst.SetString(s)
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			r.Add(at, "must be true or false, got %s", kindOf(v))
			return
		}
		dst.SetBool(b)
	case reflect.Int:
		n, ok := v.(json.Number)
		i, err := n.Int64()
		if !ok || err != nil || i < math.MinInt32 || i > math.MaxInt32 {
			r.Add(at, "must be a whole number, got %s", kindOf(v))
			return
		}
		dst.SetInt(i)
	case reflect.Float64:
		n, ok := v.(json.Number)
		f, err := n.Float64()
		if !ok || err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			r.Add(at, "must be a number, got %s", kindOf(v))
			return
		}
		dst.SetFloat(f)
	default:
		r.Add(at, "cannot be read (field of unsupported type %s)", dst.Type())
	}
}
