package ui

import (
	"regexp"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/i18n"
	"mechplan/internal/model"
)

// field is one editable value on an editor form: its widget, the model
// path its problems are reported at, how to show the model's value, and
// the message under it.
type field struct {
	path    string
	load    func(s *model.Scenario)
	message *widget.Label
	// parseError is set when the text cannot become a model value at all
	// (letters in a number); the model keeps its last value meanwhile.
	parseError string
}

// fieldSet builds the fields of one form and keeps them in step with the
// active document.
type fieldSet struct {
	ed     *editorScreen
	fields []*field
	// Entries by path, so tests type into a field by its model path.
	entries map[string]*widget.Entry
	checks  map[string]*widget.Check
	selects map[string]*widget.Select
	// inputs are disabled together when the document is read-only.
	inputs []fyne.Disableable
	// scrolls hold the forms; a message that appears or goes changes a
	// form's height, which only a refresh of its scroll lays out again.
	scrolls []*container.Scroll
}

// scroll wraps a form in a vertical scroll the field set re-lays out.
func (fs *fieldSet) scroll(form fyne.CanvasObject) *container.Scroll {
	sc := container.NewVScroll(form)
	fs.scrolls = append(fs.scrolls, sc)
	return sc
}

func newFieldSet(ed *editorScreen) *fieldSet {
	return &fieldSet{ed: ed, entries: map[string]*widget.Entry{}, checks: map[string]*widget.Check{}, selects: map[string]*widget.Select{}}
}

func (fs *fieldSet) add(path string, load func(*model.Scenario)) *field {
	f := &field{path: path, load: load, message: widget.NewLabel("")}
	f.message.Importance = widget.DangerImportance
	f.message.Wrapping = fyne.TextWrapWord
	f.message.Hide()
	fs.fields = append(fs.fields, f)
	return f
}

// row lays a labelled widget above its help line and its message.
func row(label string, w fyne.CanvasObject, f *field, hint fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel(label)
	var right fyne.CanvasObject = w
	if hint != nil {
		right = container.NewBorder(nil, nil, nil, hint, w)
	}
	return container.NewVBox(container.NewBorder(nil, nil, l, nil, right), helpLine(f.path), f.message)
}

// indices matches the list positions of a model path.
var indices = regexp.MustCompile(`\[\d+\]`)

// helpKey is the message explaining the field at a model path, the same
// for every body or block: "bodies[2].meetings" → "help.bodies.meetings".
func helpKey(path string) string { return "help." + indices.ReplaceAllString(path, "") }

// helpLine explains a field under it, in smaller type: Fyne has no
// tooltips, and a line that is always there also serves a keyboard user.
func helpLine(path string) fyne.CanvasObject {
	l := widget.NewLabel(i18n.T(helpKey(path)))
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// edit applies a change unless the form is loading values from the model.
func (fs *fieldSet) edit(f *field, change func(*model.Scenario)) {
	if fs.ed.loading {
		return
	}
	f.parseError = ""
	fs.ed.ws.Edit(f.path, change)
}

// text is a free-text field.
func (fs *fieldSet) text(label, path string, multi bool, get func(*model.Scenario) string, set func(*model.Scenario, string)) fyne.CanvasObject {
	e := widget.NewEntry()
	if multi {
		e = widget.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(3)
	}
	f := fs.add(path, func(s *model.Scenario) { setText(e, get(s)) })
	e.OnChanged = func(v string) { fs.edit(f, func(s *model.Scenario) { set(s, v) }) }
	fs.entries[path] = e
	fs.inputs = append(fs.inputs, e)
	return row(label, e, f, nil)
}

// integer is a whole-number field; blank means zero where zero means
// "not set" (every N years). hint explains the value in the users' units.
func (fs *fieldSet) integer(label, path, allowed string, get func(*model.Scenario) int, set func(*model.Scenario, int), hint func(*model.Scenario) string) fyne.CanvasObject {
	e := widget.NewEntry()
	e.SetPlaceHolder(allowed)
	var hintLabel *widget.Label
	var hintObj fyne.CanvasObject
	if hint != nil {
		hintLabel = widget.NewLabel("")
		hintObj = hintLabel
	}
	f := fs.add(path, func(s *model.Scenario) {
		v := get(s)
		text := strconv.Itoa(v)
		if v == 0 {
			text = ""
		}
		// A field being corrected, or holding the same number in other
		// words ("0", "07"), keeps what the user typed.
		typed, err := strconv.Atoi(strings.TrimSpace(e.Text))
		same := (err == nil && typed == v) || (v == 0 && strings.TrimSpace(e.Text) == "")
		if fs.byPath(path).parseError == "" && !same {
			setText(e, text)
		}
		if hintLabel != nil {
			hintLabel.SetText(hint(s))
		}
	})
	e.OnChanged = func(v string) {
		if fs.ed.loading {
			return
		}
		n := 0
		if strings.TrimSpace(v) != "" {
			var err error
			n, err = strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				f.parseError = i18n.T("editor.error.not_whole", "Value", v, "Allowed", allowed)
				fs.ed.showProblems()
				return
			}
		}
		fs.edit(f, func(s *model.Scenario) { set(s, n) })
	}
	fs.entries[path] = e
	fs.inputs = append(fs.inputs, e)
	return row(label, e, f, hintObj)
}

// number is a decimal field (a rate).
func (fs *fieldSet) number(label, path, allowed string, get func(*model.Scenario) float64, set func(*model.Scenario, float64)) fyne.CanvasObject {
	e := widget.NewEntry()
	e.SetPlaceHolder(allowed)
	f := fs.add(path, func(s *model.Scenario) {
		if fs.byPath(path).parseError == "" {
			setText(e, strconv.FormatFloat(get(s), 'f', -1, 64))
		}
	})
	e.OnChanged = func(v string) {
		if fs.ed.loading {
			return
		}
		n, err := parseDecimal(v)
		if err != nil {
			f.parseError = i18n.T("editor.error.not_number", "Value", v, "Allowed", allowed)
			fs.ed.showProblems()
			return
		}
		fs.edit(f, func(s *model.Scenario) { set(s, n) })
	}
	fs.entries[path] = e
	fs.inputs = append(fs.inputs, e)
	return row(label, e, f, nil)
}

// list is a comma-separated list of words (venue codes, body ids, dates).
func (fs *fieldSet) list(label, path, placeholder string, get func(*model.Scenario) []string, set func(*model.Scenario, []string)) fyne.CanvasObject {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	f := fs.add(path, func(s *model.Scenario) {
		if !sameList(splitList(e.Text), get(s)) {
			setText(e, strings.Join(get(s), ", "))
		}
	})
	e.OnChanged = func(v string) { fs.edit(f, func(s *model.Scenario) { set(s, splitList(v)) }) }
	fs.entries[path] = e
	fs.inputs = append(fs.inputs, e)
	return row(label, e, f, nil)
}

// intList is a comma-separated list of whole numbers (years of the cycle).
func (fs *fieldSet) intList(label, path, allowed string, get func(*model.Scenario) []int, set func(*model.Scenario, []int)) fyne.CanvasObject {
	e := widget.NewEntry()
	e.SetPlaceHolder(allowed)
	f := fs.add(path, func(s *model.Scenario) {
		if fs.byPath(path).parseError == "" {
			parts := make([]string, 0, len(get(s)))
			for _, n := range get(s) {
				parts = append(parts, strconv.Itoa(n))
			}
			setText(e, strings.Join(parts, ", "))
		}
	})
	e.OnChanged = func(v string) {
		if fs.ed.loading {
			return
		}
		var ns []int
		for _, p := range splitList(v) {
			n, err := strconv.Atoi(p)
			if err != nil {
				f.parseError = i18n.T("editor.error.not_whole", "Value", p, "Allowed", allowed)
				fs.ed.showProblems()
				return
			}
			ns = append(ns, n)
		}
		fs.edit(f, func(s *model.Scenario) { set(s, ns) })
	}
	fs.entries[path] = e
	fs.inputs = append(fs.inputs, e)
	return row(label, e, f, nil)
}

// check is a yes/no field.
func (fs *fieldSet) check(label, path string, get func(*model.Scenario) bool, set func(*model.Scenario, bool)) fyne.CanvasObject {
	c := widget.NewCheck(label, nil)
	f := fs.add(path, func(s *model.Scenario) {
		if c.Checked != get(s) {
			c.SetChecked(get(s))
		}
	})
	c.OnChanged = func(v bool) { fs.edit(f, func(s *model.Scenario) { set(s, v) }) }
	fs.checks[path] = c
	fs.inputs = append(fs.inputs, c)
	return container.NewVBox(c, helpLine(path), f.message)
}

// choice is a field with a fixed set of values, shown by their labels.
func (fs *fieldSet) choice(label, path string, values, labels []string, get func(*model.Scenario) string, set func(*model.Scenario, string)) fyne.CanvasObject {
	sel := newSelect(labels, nil)
	f := fs.add(path, func(s *model.Scenario) {
		v := get(s)
		for i, x := range values {
			if x == v {
				if sel.SelectedIndex() != i {
					sel.SetSelectedIndex(i)
				}
				return
			}
		}
		sel.ClearSelected()
	})
	sel.OnChanged = func(string) {
		i := sel.SelectedIndex()
		if i < 0 {
			return
		}
		fs.edit(f, func(s *model.Scenario) { set(s, values[i]) })
	}
	fs.selects[path] = sel
	fs.inputs = append(fs.inputs, sel)
	return row(label, sel, f, nil)
}

// button is an action on the form (add, remove, move), disabled with the
// inputs on a read-only document.
func (fs *fieldSet) button(label string, icon fyne.Resource, tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon(label, icon, tapped)
	fs.inputs = append(fs.inputs, b)
	return b
}

// setReadOnly disables every input of a built-in scenario.
func (fs *fieldSet) setReadOnly(ro bool) {
	for _, in := range fs.inputs {
		if ro {
			in.Disable()
		} else {
			in.Enable()
		}
	}
}

func (fs *fieldSet) byPath(path string) *field {
	for _, f := range fs.fields {
		if f.path == path {
			return f
		}
	}
	return &field{}
}

// load shows the model's values; the caller holds the loading guard.
func (fs *fieldSet) load(s *model.Scenario) {
	for _, f := range fs.fields {
		f.load(s)
	}
}

// showProblems writes each field's problems, or its parse error, under it.
func (fs *fieldSet) showProblems(d *Document) {
	changed := false
	defer func() {
		if changed {
			for _, sc := range fs.scrolls {
				sc.Refresh()
			}
		}
	}()
	for _, f := range fs.fields {
		msg := f.parseError
		if msg == "" {
			msg = d.ProblemAt(f.path)
		}
		if msg == f.message.Text && f.message.Visible() == (msg != "") {
			continue
		}
		changed = true
		f.message.SetText(msg)
		if msg == "" {
			f.message.Hide()
		} else {
			f.message.Show()
		}
	}
}

// messages returns the field paths showing a message, for tests and the
// status bar.
func (fs *fieldSet) messages() map[string]string {
	out := map[string]string{}
	for _, f := range fs.fields {
		if f.message.Visible() && f.message.Text != "" {
			out[f.path] = f.message.Text
		}
	}
	return out
}

func setText(e *widget.Entry, v string) {
	if e.Text != v {
		e.SetText(v)
	}
}

func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func sameList(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// parseDecimal reads a decimal number written with a point or, as French
// and Spanish write it, a comma ("1,5"); thousands separators are not
// accepted, so "1,500" stays a mistake rather than becoming 1.5.
func parseDecimal(v string) (float64, error) {
	v = strings.TrimSpace(v)
	if strings.Count(v, ",") == 1 && !strings.Contains(v, ".") {
		head, tail, _ := strings.Cut(v, ",")
		if len(tail) != 3 {
			v = head + "." + tail
		}
	}
	return strconv.ParseFloat(v, 64)
}
