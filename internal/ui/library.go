package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/i18n"
	"mechplan/internal/model"
)

// EntryKind says what a line of the library is.
type EntryKind int

// Kinds of library line.
const (
	EntryHeading EntryKind = iota
	EntryOpen              // a document open in the window
	EntryBuiltIn           // a built-in scenario, opened read-only on a tap
	EntryRecent            // a recently used file
)

// LibraryEntry is one line of the library sidebar.
type LibraryEntry struct {
	Kind  EntryKind
	Label string
	Doc   *Document
	ID    string // built-in scenario id
	Path  string // recent file
}

// LibraryEntries lists the sidebar: open documents (unsaved ones marked,
// the active one and the baseline named), the built-in library and the
// recent files.
func (w *Workspace) LibraryEntries() []LibraryEntry {
	out := []LibraryEntry{{Kind: EntryHeading, Label: i18n.T("library.open")}}
	// Short, distinct labels: two copies of one scenario never read the
	// same. The full name is in the window's title and the results.
	labels := docLabels(w.Docs, 0)
	for i, d := range w.Docs {
		label := labels[i]
		if d.ReadOnly() {
			label += " " + i18n.T("library.builtin_mark")
		}
		if d == w.Baseline {
			label += " " + i18n.T("library.baseline_mark")
		}
		if d == w.Active {
			label = "▸ " + label
		}
		out = append(out, LibraryEntry{Kind: EntryOpen, Label: label, Doc: d})
	}
	out = append(out, LibraryEntry{Kind: EntryHeading, Label: i18n.T("library.builtins")})
	builtIns := make([]*model.Scenario, len(w.BuiltIns))
	for i := range w.BuiltIns {
		builtIns[i] = w.BuiltIns[i].Scenario
	}
	for i, l := range model.DistinctLabels(builtIns, 0) {
		out = append(out, LibraryEntry{Kind: EntryBuiltIn, Label: l, ID: w.BuiltIns[i].Scenario.ID})
	}
	if recent := w.Settings.Recent(); len(recent) > 0 {
		out = append(out, LibraryEntry{Kind: EntryHeading, Label: i18n.T("library.recent")})
		for _, p := range recent {
			out = append(out, LibraryEntry{Kind: EntryRecent, Label: filepath.Base(p), Path: p})
		}
	}
	return out
}

// libraryScreen is the sidebar: what is open, what can be opened.
type libraryScreen struct {
	ws      *Workspace
	entries []LibraryEntry
	list    *widget.List
	content fyne.CanvasObject
}

func newLibraryScreen(ws *Workspace, onError func(error)) *libraryScreen {
	l := &libraryScreen{ws: ws}
	l.list = widget.NewList(
		func() int { return len(l.entries) },
		func() fyne.CanvasObject {
			lb := widget.NewLabel("")
			lb.Truncation = fyne.TextTruncateEllipsis
			return lb
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			e := l.entries[i]
			lb := o.(*widget.Label)
			// Headings are bold, in the text colour: the low-importance
			// grey is Fyne's disabled colour, under 4.5:1 contrast.
			lb.Importance = widget.MediumImportance
			setLabel(lb, e.Label, fyne.TextStyle{Bold: e.Kind == EntryHeading || (e.Kind == EntryOpen && e.Doc == ws.Active)})
		},
	)
	l.list.OnSelected = func(i widget.ListItemID) {
		l.list.UnselectAll()
		if i >= len(l.entries) {
			return
		}
		l.activate(l.entries[i], onError)
	}
	l.content = container.NewBorder(widget.NewLabelWithStyle(i18n.T("library.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, l.list)
	l.refresh()
	return l
}

// activate does what a tap on a line means.
func (l *libraryScreen) activate(e LibraryEntry, onError func(error)) {
	switch e.Kind {
	case EntryOpen:
		l.ws.Select(e.Doc)
	case EntryBuiltIn:
		l.ws.OpenBuiltIn(e.ID)
	case EntryRecent:
		if _, err := l.ws.OpenFile(e.Path); err != nil {
			onError(err)
		}
	}
}

// Tap activates the i-th line, as a click on it does.
func (l *libraryScreen) Tap(i int) { l.list.Select(i) }

func (l *libraryScreen) refresh() {
	l.entries = l.ws.LibraryEntries()
	l.list.Refresh()
}
