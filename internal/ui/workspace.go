package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"mechplan/internal/i18n"
	"mechplan/internal/model"
	"mechplan/internal/plan"
	"mechplan/internal/refdata"
	"mechplan/internal/settings"
	"mechplan/internal/store"
)

// maxUndo bounds the undo history of one document; a snapshot is a deep
// copy of the scenario, a few kilobytes.
const maxUndo = 200

// Document is one scenario open in the window: the scenario being edited,
// where it lives, its undo history and its last valid result.
type Document struct {
	Scenario *model.Scenario
	// Path is the file the scenario was opened from or saved to; "" until
	// it is first saved.
	Path string
	// BuiltIn names the built-in library file the document shows; built-ins
	// are read-only and must be duplicated to be edited.
	BuiltIn string
	// Dirty marks changes not yet saved.
	Dirty bool
	// Result is the last result computed from a valid scenario: it stays
	// on screen while the user's latest input is invalid.
	Result *plan.Result
	// Problems are what is wrong with the scenario as it stands now.
	Problems model.Problems
	// Failure is an evaluation error that is not a field problem.
	Failure error

	serial     int // names the autosave file
	rev        int // counts changes, so a view can tell its data is old
	undo, redo []*model.Scenario
	// idFromName says the id follows the name (a new scenario or a copy
	// whose id the user has not set).
	idFromName bool
	// lastEdit is the field of the last edit, so that the keystrokes of
	// one field make one undo step rather than one step per character.
	lastEdit string
}

// ReadOnly reports whether the document is a built-in scenario.
func (d *Document) ReadOnly() bool { return d.BuiltIn != "" }

// Title is the document's name as the window lists it, with a marker for
// unsaved changes.
func (d *Document) Title() string {
	name := d.Scenario.Name
	if strings.TrimSpace(name) == "" {
		name = i18n.T("doc.untitled")
	}
	if d.Dirty {
		return "● " + name
	}
	return name
}

// Valid reports whether the scenario as it stands evaluated.
func (d *Document) Valid() bool { return len(d.Problems) == 0 && d.Failure == nil }

// Stale reports whether the result on screen is an earlier one, because
// the scenario as it stands does not evaluate.
func (d *Document) Stale() bool { return !d.Valid() && d.Result != nil }

// ProblemAt returns the messages of the problems at a field path and the
// fields inside it ("bodies[0]" collects "bodies[0].meetings").
func (d *Document) ProblemAt(path string) string {
	var msgs []string
	for _, p := range d.Problems {
		if p.Path == path || strings.HasPrefix(p.Path, path+".") || strings.HasPrefix(p.Path, path+"[") {
			msgs = append(msgs, problemText(p))
		}
	}
	return strings.Join(msgs, "; ")
}

// CanUndo and CanRedo say whether the history has a step to go to.
func (d *Document) CanUndo() bool { return len(d.undo) > 0 }

// CanRedo reports whether an undone edit can be made again.
func (d *Document) CanRedo() bool { return len(d.redo) > 0 }

// Workspace is the window's view model: the open documents, the one being
// edited, the baseline the results compare against, and the settings. Every
// figure it holds comes from plan.Evaluate.
type Workspace struct {
	Ref      *refdata.Data
	Settings *settings.Settings
	BuiltIns []store.BuiltIn
	Docs     []*Document
	Active   *Document
	Baseline *Document
	// AutosaveDir receives a copy of every unsaved document after each
	// edit, so a crash loses nothing; "" turns autosave off.
	AutosaveDir string
	// Notice is the latest message for the status bar.
	Notice string
	// MissionOut leaves the permanent mission's delegates out of "my
	// delegation": only the experts from the capital count.
	MissionOut bool

	// encode writes a scenario in the file format for Save, SaveAs and
	// autosave; nil means store.EncodeTo. Tests make it fail half-way.
	encode func(io.Writer, *model.Scenario) error
	// fs reads and writes the files: the file system on the desktop,
	// Fyne's storage and the browser on the web.
	fs        fileStore
	serial    int
	listeners []func()
}

// BaselineBuiltIn is the scenario changes are measured against until the
// user picks another: the OEWG as held, the figure delegations quote.
const BaselineBuiltIn = "oewg-2021-2025"

// NewWorkspace loads the built-in library and opens the baseline; its
// files are the file system's.
func NewWorkspace(ref *refdata.Data, set *settings.Settings, autosaveDir string) (*Workspace, error) {
	return newWorkspace(ref, set, autosaveDir, osFiles{})
}

func newWorkspace(ref *refdata.Data, set *settings.Settings, autosaveDir string, fs fileStore) (*Workspace, error) {
	all, err := store.BuiltIns()
	if err != nil {
		return nil, err
	}
	w := &Workspace{Ref: ref, Settings: set, BuiltIns: all, AutosaveDir: autosaveDir, fs: fs}
	w.removeStaleTemps()
	if d := w.OpenBuiltIn(BaselineBuiltIn); d != nil {
		w.Baseline = d
	}
	return w, nil
}

// OnChange registers a function called after every change of the model.
func (w *Workspace) OnChange(f func()) { w.listeners = append(w.listeners, f) }

func (w *Workspace) changed() {
	for _, f := range w.listeners {
		f()
	}
}

// Options returns the engine's options from the user's settings.
func (w *Workspace) Options() plan.Options { return planOptions(w.Settings) }

// priceYearKey is the assumption holding the price year of the rates;
// escalation counts from it.
const priceYearKey = "cost.price_year"

// withSettings returns the scenario as the engine should see it: with the
// user's price year as an assumption, unless the scenario sets its own.
// The engine then does all the arithmetic; the document is not changed.
func (w *Workspace) withSettings(s *model.Scenario) *model.Scenario {
	y := w.Settings.PriceYear()
	if r, ok := w.Ref.Rate(priceYearKey); !ok || float64(y) == r.Value {
		return s
	}
	for _, o := range s.Assumptions {
		if o.Key == priceYearKey {
			return s
		}
	}
	c := s.Clone()
	c.Assumptions = append(c.Assumptions, model.Override{Key: priceYearKey, Value: float64(y), Source: i18n.T("doc.price_year_source")})
	return c
}

// evaluate recomputes one document, keeping its last valid result when the
// scenario as it stands does not evaluate.
func (w *Workspace) evaluate(d *Document) {
	r, err := plan.Evaluate(w.withSettings(d.Scenario), w.Ref, w.Options())
	d.take(r, err)
}

// take records an evaluation: a result replaces the last one, problems are
// kept beside the last valid result.
func (d *Document) take(r *plan.Result, err error) {
	d.Problems, d.Failure = nil, nil
	if err != nil {
		var ps model.Problems
		if errors.As(err, &ps) {
			d.Problems = ps
		} else {
			d.Failure = err
		}
		return
	}
	d.Result = r
}

// evaluateAll recomputes every open document at once, in parallel, so
// that every figure on screen (the baseline's change, the comparison, my
// delegation) follows an edit together.
func (w *Workspace) evaluateAll() {
	ss := make([]*model.Scenario, len(w.Docs))
	for i, d := range w.Docs {
		ss[i] = w.withSettings(d.Scenario)
	}
	rs, errs := plan.EvaluateAll(ss, w.Ref, w.Options())
	for i, d := range w.Docs {
		d.take(rs[i], errs[i])
	}
}

// Recompute evaluates every open document, as after a change of settings.
func (w *Workspace) Recompute() {
	w.evaluateAll()
	w.changed()
}

func (w *Workspace) add(d *Document) *Document {
	w.serial++
	d.serial = w.serial
	w.evaluate(d)
	w.Docs = append(w.Docs, d)
	w.Active = d
	w.changed()
	return d
}

// Find returns the open document showing a built-in or a file.
func (w *Workspace) find(builtIn, path string) *Document {
	for _, d := range w.Docs {
		if (builtIn != "" && d.BuiltIn == builtIn) || (path != "" && d.Path == path) {
			return d
		}
	}
	return nil
}

// OpenBuiltIn opens a built-in scenario by id (read-only), or brings it to
// the front if it is open already.
func (w *Workspace) OpenBuiltIn(id string) *Document {
	for _, b := range w.BuiltIns {
		if b.Scenario.ID != id {
			continue
		}
		if d := w.find(b.File, ""); d != nil {
			w.Notice = ""
			w.Select(d)
			return d
		}
		w.Notice = i18n.T("notice.opened_builtin", "Name", b.Scenario.Name)
		return w.add(&Document{Scenario: b.Scenario.Clone(), BuiltIn: b.File})
	}
	w.Notice = i18n.T("notice.no_builtin", "ID", id)
	w.changed()
	return nil
}

// OpenFile opens a scenario file.
func (w *Workspace) OpenFile(path string) (*Document, error) {
	if d := w.find("", path); d != nil {
		w.Select(d)
		return d, nil
	}
	s, err := w.fs.Load(path)
	if err != nil {
		w.Settings.RemoveRecent(path)
		w.Notice = i18n.T("notice.open_failed", "File", filepath.Base(path), "Error", errText(err))
		w.changed()
		return nil, err
	}
	w.Settings.AddRecent(path)
	w.Notice = i18n.T("notice.opened", "Path", path)
	return w.add(&Document{Scenario: s, Path: path}), nil
}

// New opens an empty scenario: one plenary of five days in New York each
// year, so it evaluates from the first moment and the user edits from there.
func (w *Workspace) New() *Document {
	s := &model.Scenario{
		Version: model.FormatVersion, ID: "new-scenario", Name: i18n.T("doc.new.name"),
		Horizon: model.Horizon{Start: fmt.Sprintf("%d-01-01", w.firstYear()), Years: 5}, CycleYears: 1,
		Bodies: []model.Body{{ID: "plenary", Name: i18n.T("doc.new.plenary"), Kind: model.Plenary, Meetings: 10,
			Format: model.InPerson, Interpretation: true, Webcast: true}},
		Blocks: []model.Block{{ID: "plenary-week", Name: i18n.T("doc.new.plenary_week"), Venue: "NYC", Month: 7, Week: 2,
			Arrangement: model.Consecutive, Sessions: []model.Session{{Body: "plenary"}}}},
	}
	w.Notice = i18n.T("notice.new")
	d := w.add(&Document{Scenario: s, Dirty: true, idFromName: true})
	w.autosave(d)
	return d
}

// firstYear is where a new scenario starts: the baseline's end, else 2026.
func (w *Workspace) firstYear() int {
	if w.Baseline != nil && w.Baseline.Result != nil {
		return max(2026, w.Baseline.Result.Total.LastYear+1)
	}
	return 2026
}

// Duplicate opens an editable copy of a document, unsaved.
func (w *Workspace) Duplicate(src *Document) *Document {
	s := src.Scenario.Clone()
	s.ID = uniqueID(s.ID+"-copy", func(id string) bool {
		return slices.ContainsFunc(w.Docs, func(d *Document) bool { return d.Scenario.ID == id })
	})
	s.Name = i18n.T("doc.copy_name", "Name", s.Name)
	if s.ShortName != "" {
		s.ShortName = copyShortName(s.ShortName, s.ID)
	}
	d := w.add(&Document{Scenario: s, Dirty: true, idFromName: true})
	w.Notice = i18n.T("notice.duplicated", "Name", src.Scenario.Name)
	w.autosave(d)
	w.changed()
	return d
}

// copyShortName is a copy's short name: "S9 hybrid groups, copy", then
// "…, copy 2" after the number its id got, cut to the format's limit.
func copyShortName(short, id string) string {
	n := ""
	if i := strings.LastIndex(id, "-copy-"); i >= 0 {
		n = id[i+len("-copy-"):]
	}
	key := "doc.copy_short"
	if n != "" {
		key = "doc.copy_short_n"
	}
	suffix := i18n.T(key, "Name", "", "N", n)
	room := model.MaxShortNameLen - utf8.RuneCountInString(suffix)
	return i18n.T(key, "Name", model.Truncate(short, max(room, 4)), "N", n)
}

// Select makes a document the one being edited.
func (w *Workspace) Select(d *Document) {
	w.Active = d
	w.changed()
}

// SetBaseline picks the document changes are measured against.
func (w *Workspace) SetBaseline(d *Document) {
	w.Baseline = d
	w.changed()
}

// Close removes a document from the window and drops its autosaved copy.
// The caller asks the user first when it has unsaved changes.
func (w *Workspace) Close(d *Document) {
	i := slices.Index(w.Docs, d)
	if i < 0 {
		return
	}
	w.Docs = slices.Delete(w.Docs, i, i+1)
	w.dropAutosave(d)
	if w.Baseline == d {
		w.Baseline = nil
	}
	if w.Active == d {
		w.Active = nil
		if len(w.Docs) > 0 {
			w.Active = w.Docs[min(i, len(w.Docs)-1)]
		}
	}
	w.changed()
}

// Delete removes a saved scenario's file and closes it. Built-ins cannot
// be deleted.
func (w *Workspace) Delete(d *Document) error {
	if d.ReadOnly() {
		return errors.New(i18n.T("error.builtin_delete"))
	}
	if d.Path != "" {
		if err := w.fs.Remove(d.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		w.Settings.RemoveRecent(d.Path)
	}
	w.Notice = i18n.T("notice.deleted", "Name", d.Scenario.Name)
	w.Close(d)
	return nil
}

// Save writes a document to its file; one never saved needs SaveAs.
func (w *Workspace) Save(d *Document) error {
	if d.ReadOnly() {
		return errors.New(i18n.T("error.builtin_read_only"))
	}
	if d.Path == "" {
		return errors.New(i18n.T("error.save_needs_file"))
	}
	return w.SaveAs(d, d.Path)
}

// SaveAs writes a document to a new file and makes it the document's file.
// An invalid scenario is saved too, so that nothing is lost; it reopens
// with its problems shown.
func (w *Workspace) SaveAs(d *Document, path string) error {
	if d.ReadOnly() {
		return errors.New(i18n.T("error.builtin_read_only"))
	}
	if filepath.Ext(path) == "" {
		path += ".json"
	}
	if err := w.fs.WriteAtomic(path, 0o644, func(out io.Writer) error { return w.encodeTo(out, d.Scenario) }); err != nil {
		w.Notice = i18n.T("notice.save_failed", "Error", err.Error())
		w.changed()
		return err
	}
	d.Path, d.Dirty = path, false
	w.dropAutosave(d)
	w.Settings.AddRecent(path)
	w.Notice = i18n.T("notice.saved", "Path", path)
	if !d.Valid() {
		w.Notice = i18n.N("notice.saved_with_problems", len(d.Problems), "Path", path)
	}
	w.changed()
	return nil
}

// Unsaved lists the documents with unsaved changes.
func (w *Workspace) Unsaved() []*Document {
	var out []*Document
	for _, d := range w.Docs {
		if d.Dirty {
			out = append(out, d)
		}
	}
	return out
}

// Edit changes the active document. field names what is edited (a model
// field path): successive edits of the same field make one undo step. The
// change is recomputed at once; an invalid result keeps the last valid one.
func (w *Workspace) Edit(field string, change func(s *model.Scenario)) {
	d := w.Active
	if d == nil || d.ReadOnly() {
		return
	}
	if field == "" || field != d.lastEdit || len(d.undo) == 0 {
		d.undo = append(d.undo, d.Scenario.Clone())
		if len(d.undo) > maxUndo {
			d.undo = d.undo[1:]
		}
	}
	d.lastEdit = field
	d.redo = nil
	change(d.Scenario)
	switch {
	case field == "id":
		// The user named the file: the id no longer follows the name.
		d.idFromName = false
	case field == "name" && d.idFromName:
		d.Scenario.ID = w.idFor(d, d.Scenario.Name)
	}
	d.rev++
	d.Dirty = true
	// Only the edited scenario changed: the others keep their results,
	// which the engine would compute again identically.
	w.evaluate(d)
	w.autosave(d)
	w.changed()
}

// idFor is the id a scenario named name gets while its id follows its
// name: the name in lower case, words joined by hyphens, unique among
// the open documents ("Two blocks, 2027" → "two-blocks-2027").
func (w *Workspace) idFor(d *Document, name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(foldAccents(name)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	base := b.String()
	if len(base) > 48 {
		base = strings.TrimRight(base[:48], "-")
	}
	if base == "" {
		base = "scenario"
	}
	return uniqueID(base, func(id string) bool {
		return slices.ContainsFunc(w.Docs, func(o *Document) bool { return o != d && o.Scenario.ID == id })
	})
}

// Undo steps the active document back one edit.
func (w *Workspace) Undo() {
	d := w.Active
	if d == nil || !d.CanUndo() {
		return
	}
	d.redo = append(d.redo, d.Scenario)
	d.Scenario = d.undo[len(d.undo)-1]
	d.undo = d.undo[:len(d.undo)-1]
	w.afterHistory(d)
}

// Redo makes the last undone edit again.
func (w *Workspace) Redo() {
	d := w.Active
	if d == nil || !d.CanRedo() {
		return
	}
	d.undo = append(d.undo, d.Scenario)
	d.Scenario = d.redo[len(d.redo)-1]
	d.redo = d.redo[:len(d.redo)-1]
	w.afterHistory(d)
}

func (w *Workspace) afterHistory(d *Document) {
	d.rev++
	d.lastEdit = ""
	d.Dirty = true
	w.evaluate(d)
	w.autosave(d)
	w.changed()
}

// uniqueID returns base, or base-2, base-3… the first not taken.
func uniqueID(base string, taken func(string) bool) string {
	id := base
	for n := 2; taken(id); n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id
}

// autosaved is an autosave file: the unsaved scenario and where it belongs.
type autosaved struct {
	Path     string          `json:"path,omitempty"`
	Scenario json.RawMessage `json:"scenario"`
}

func (w *Workspace) autosavePath(d *Document) string {
	return filepath.Join(w.AutosaveDir, fmt.Sprintf("unsaved-%d.json", d.serial))
}

// autosave writes an unsaved document beside the app's preferences,
// atomically, so that a crash in the middle leaves the previous copy.
func (w *Workspace) autosave(d *Document) {
	if w.AutosaveDir == "" || !d.Dirty || d.ReadOnly() {
		return
	}
	err := w.fs.MkdirAll(w.AutosaveDir)
	if err == nil {
		err = w.fs.WriteAtomic(w.autosavePath(d), 0o600, func(out io.Writer) error {
			// The autosaved struct, written as it goes: the path, then
			// the scenario in the file format.
			path, err := json.Marshal(d.Path)
			if err == nil {
				_, err = fmt.Fprintf(out, `{"path":%s,"scenario":`, path)
			}
			if err == nil {
				err = w.encodeTo(out, d.Scenario)
			}
			if err == nil {
				_, err = io.WriteString(out, "}\n")
			}
			return err
		})
	}
	if err != nil {
		w.Notice = i18n.T("notice.autosave_failed", "Error", err.Error())
	}
}

func (w *Workspace) encodeTo(out io.Writer, s *model.Scenario) error {
	if w.encode != nil {
		return w.encode(out, s)
	}
	return store.EncodeTo(out, s)
}

// removeStaleTemps deletes what saves killed mid-way left at start: the
// temporary files beside the recent files and in the autosave folder.
func (w *Workspace) removeStaleTemps() {
	if w.Settings != nil {
		for _, p := range w.Settings.Recent() {
			w.fs.RemoveStaleTemps(p)
		}
	}
	if w.AutosaveDir != "" {
		w.fs.RemoveStaleTempsIn(w.AutosaveDir)
	}
}

func (w *Workspace) dropAutosave(d *Document) {
	if w.AutosaveDir != "" {
		w.fs.Remove(w.autosavePath(d))
	}
}

// Recover reopens the unsaved documents a previous session left behind
// (it ended without saving or closing them: a crash) and returns how many.
func (w *Workspace) Recover() int {
	if w.AutosaveDir == "" {
		return 0
	}
	files, _ := w.fs.Glob(filepath.Join(w.AutosaveDir, "unsaved-*.json"))
	slices.Sort(files)
	var found []*Document
	for _, f := range files {
		data, err := w.fs.ReadFile(f)
		if err != nil {
			continue
		}
		var a autosaved
		if json.Unmarshal(data, &a) != nil {
			continue
		}
		s, err := store.Decode(a.Scenario)
		if err != nil {
			continue
		}
		// The old file goes before the new copy is written, as the new
		// serial may take its name.
		w.fs.Remove(f)
		d := w.add(&Document{Scenario: s, Path: a.Path, Dirty: true})
		w.autosave(d)
		found = append(found, d)
	}
	if len(found) > 0 {
		w.Notice = i18n.N("notice.recovered", len(found))
		w.changed()
	}
	return len(found)
}

// DiscardAutosaves forgets every autosaved copy: the user chose to quit
// without saving.
func (w *Workspace) DiscardAutosaves() {
	for _, d := range w.Docs {
		w.dropAutosave(d)
	}
}
