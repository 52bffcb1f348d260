// Package ui holds Mechplan's window: a library of scenarios, an editor,
// live results and views of the calendar, the time-zone burden, costs, one
// delegation's travel and a comparison. Each screen presents a view model
// computed by the engine (internal/plan); the UI never computes a figure.
package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/burden"
	"mechplan/internal/i18n"
	"mechplan/internal/plan"
	"mechplan/internal/refdata"
	"mechplan/internal/settings"
)

// Config is what the window needs from its surroundings; tests replace the
// file picker and the autosave folder.
type Config struct {
	// Picker asks for files; nil means Fyne's file dialogs.
	Picker FilePicker
	// AutosaveDir keeps unsaved work; "" means the app's storage root.
	AutosaveDir string
	// Files are scenario files to open at start (the command line's
	// arguments, a file manager's "Open with"), after the last session's;
	// the last that opens is the one shown.
	Files []string
}

// Window is the main window and its screens.
type Window struct {
	App      fyne.App
	Win      fyne.Window
	WS       *Workspace
	Settings *settings.Settings
	Picker   FilePicker

	Library  *libraryScreen
	Editor   *editorScreen
	Results  *resultsScreen
	Calendar *calendarScreen
	Zones    *zonesScreen
	Costs    *costsScreen
	Mine     *delegationScreen
	Compare  *compareScreen
	Prefs    *settingsScreen

	Views  *viewTabs
	status *widget.Label
	undo   *widget.ToolbarAction
	redo   *widget.ToolbarAction
	// quitting is set once the user agreed to close.
	quitting bool
	// dialogs are the open dialogs, topmost last: Escape closes it.
	dialogs []*modal
	// welcome is the welcome dialog while it is open.
	welcome *modal
	// cmp is the comparison's choice of scenarios and baseline, kept
	// across a rebuild of the screens.
	cmp compareChoice
	// session is the open documents as last saved with the preferences.
	session string
	// sideNav says the views' tabs are down the side (at 150 % and more).
	sideNav bool
}

// Views by their ids; the tabs show their names in the user's language
// (the message "view.<id>"). Ctrl+1… switches to them in this order.
const (
	ViewEditor   = "editor"
	ViewCalendar = "calendar"
	ViewZones    = "timezones"
	ViewCosts    = "costs"
	ViewMine     = "my_delegation"
	ViewCompare  = "compare"
	ViewSettings = "settings"
)

// viewOrder is the order of the tabs.
var viewOrder = []string{ViewEditor, ViewCalendar, ViewZones, ViewCosts, ViewMine, ViewCompare, ViewSettings}

// viewName is a view's name on its tab and in the View menu.
func viewName(id string) string { return i18n.T("view." + id) }

// planOptions turns the user's settings into the engine's options.
func planOptions(set *settings.Settings) plan.Options {
	var opt plan.Options
	if bands := set.Bands(); bands != nil {
		// Settings only store bands that passed CheckBand.
		opt.Burden.Bands, _ = burden.FromModel(bands)
	}
	if h := set.Hours(); !h.IsZero() {
		// Settings only store windows that parse.
		from, to, _ := h.Minutes()
		opt.Burden.Hours = &burden.Span{From: from, To: to}
	}
	return opt
}

// Create builds the main window on a Fyne app: the thin main hands over
// here, as do the tests with a test app.
func Create(a fyne.App, cfg Config) (*Window, error) {
	ref, err := refdata.Default()
	if err != nil {
		return nil, fmt.Errorf("reference data: %w", err)
	}
	set := settings.New(a.Preferences(), priceYear(ref))
	if err := i18n.Setup(i18n.Language(set.Language())); err != nil {
		return nil, fmt.Errorf("translations: %w", err)
	}
	a.Settings().SetTheme(newTheme(set.Theme(), set.Scale()))
	dir := cfg.AutosaveDir
	if dir == "" {
		dir = filepath.Join(a.Storage().RootURI().Path(), "autosave")
	}
	ws, err := newWorkspace(ref, set, dir, platformFiles(a))
	if err != nil {
		return nil, fmt.Errorf("built-in library: %w", err)
	}
	win := a.NewWindow(appName)
	ws.MissionOut = a.Preferences().Bool(prefMissionOut)
	w := &Window{App: a, Win: win, WS: ws, Settings: set, Picker: cfg.Picker, cmp: compareChoice{off: map[*Document]bool{}}}
	if w.Picker == nil {
		w.Picker = platformPicker(w)
	}
	w.build()
	ws.OnChange(w.refresh)
	ws.Recover()
	if set.Welcomed() {
		w.restoreSession()
	}
	var failed []error
	for _, path := range cfg.Files {
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		if _, err := ws.OpenFile(path); err != nil {
			// The notice names the file, which a dialog at start must.
			failed = append(failed, errors.New(ws.Notice))
		}
	}
	w.refresh()
	if set.Welcomed() {
		// The window opens on the view it was closed on.
		w.ShowView(a.Preferences().String(prefSessionView))
	}
	width, height := set.WindowSize()
	win.Resize(fyne.NewSize(width, height))
	win.SetCloseIntercept(w.requestClose)
	// Keys no widget took: Escape closes the topmost dialog, F1 opens the
	// guide (a shortcut without a modifier never reaches the menu).
	win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyEscape:
			w.escape()
		case fyne.KeyF1:
			w.ShowGuide()
		}
	})
	if !set.Welcomed() {
		w.OpenBuiltInComparison()
		if len(cfg.Files) > 0 {
			// The files asked for stay in front of the built-in comparison.
			for _, d := range ws.Docs {
				if d.Path != "" {
					ws.Select(d)
				}
			}
		}
		w.ShowWelcome()
	}
	// A file that does not open is told as the Open menu tells it, with
	// its place in the file.
	for _, err := range failed {
		w.showError(err)
	}
	return w, nil
}

// appName is the product's name, the same in every language.
const appName = "Mechplan"

// SetLanguage switches the interface to another language at once: the
// translations are loaded and every screen is built again (the open
// scenarios, their history and the settings stay; what the screens showed,
// such as the calendar's year, starts afresh).
func (w *Window) SetLanguage(l i18n.Language) error {
	if err := w.Settings.SetLanguage(string(l)); err != nil {
		return err
	}
	if err := i18n.Setup(l); err != nil {
		return err
	}
	// The status bar's message was written in the old language.
	w.WS.Notice = ""
	// A new theme draws Chinese with its font, or stops doing so.
	w.App.Settings().SetTheme(newTheme(w.Settings.Theme(), w.Settings.Scale()))
	w.rebuild()
	return nil
}

// SetScale draws the interface at another size, at once: the theme's
// sizes change, and the screens are built again so that their fixed
// lengths (table columns, calendar lanes) follow.
func (w *Window) SetScale(percent int) error {
	if err := w.Settings.SetScale(percent); err != nil {
		return err
	}
	w.App.Settings().SetTheme(newTheme(w.Settings.Theme(), percent))
	w.rebuild()
	return nil
}

// rebuild builds every screen again on the same workspace, on the view
// the user was on.
func (w *Window) rebuild() {
	selected := w.Views.SelectedIndex()
	w.build()
	w.Views.SelectIndex(selected)
	w.refresh()
}

// priceYear is the reference data's price year of the rates, the default
// of the user's setting.
func priceYear(ref *refdata.Data) int {
	if r, ok := ref.Rate(priceYearKey); ok {
		return int(r.Value)
	}
	return settings.MinPriceYear
}

func (w *Window) build() {
	// At 150 % and more the tabs would not fit across: they go down the
	// side, where every view keeps its name (and its Ctrl+number).
	w.sideNav = w.Settings.Scale() >= 150
	w.Library = newLibraryScreen(w.WS, w.showError)
	w.Editor = newEditorScreen(w.WS, w.Duplicate)
	w.Results = newResultsScreen(w.WS)
	w.Calendar = newCalendarScreen(w.WS)
	w.Zones = newZonesScreen(w)
	w.Costs = newCostsScreen(w)
	w.Mine = newDelegationScreen(w)
	w.Compare = newCompareScreen(w)
	w.Prefs = newSettingsScreen(w)

	// Results sit under the forms, not beside them: the forms need the
	// width, and the figures read as a table across.
	editor := container.NewVSplit(w.Editor.content, w.Results.content)
	editor.Offset = 0.6
	w.Views = newViewTabs(w.sideNav,
		container.NewTabItemWithIcon(viewName(ViewEditor), theme.DocumentCreateIcon(), editor),
		container.NewTabItemWithIcon(viewName(ViewCalendar), theme.GridIcon(), w.Calendar.content),
		container.NewTabItemWithIcon(viewName(ViewZones), theme.HistoryIcon(), w.Zones.content),
		container.NewTabItemWithIcon(viewName(ViewCosts), theme.ListIcon(), w.Costs.content),
		container.NewTabItemWithIcon(viewName(ViewMine), theme.AccountIcon(), w.Mine.content),
		container.NewTabItemWithIcon(viewName(ViewCompare), theme.ViewRestoreIcon(), w.Compare.content),
		container.NewTabItemWithIcon(viewName(ViewSettings), theme.SettingsIcon(), w.Prefs.content),
	)
	w.Views.OnSelected = func(*container.TabItem) {
		w.refreshView()
		w.App.Preferences().SetString(prefSessionView, w.View())
	}
	w.status = widget.NewLabel("")
	w.status.Truncation = fyne.TextTruncateEllipsis
	w.undo = widget.NewToolbarAction(theme.ContentUndoIcon(), w.WS.Undo)
	w.redo = widget.NewToolbarAction(theme.ContentRedoIcon(), w.WS.Redo)
	toolbar := widget.NewToolbar(
		widget.NewToolbarAction(theme.DocumentIcon(), w.New),
		widget.NewToolbarAction(theme.FolderOpenIcon(), w.Open),
		widget.NewToolbarAction(theme.DocumentSaveIcon(), w.Save),
		widget.NewToolbarAction(theme.ContentCopyIcon(), w.Duplicate),
		widget.NewToolbarSeparator(),
		w.undo, w.redo,
	)
	main := container.NewHSplit(w.Library.content, w.Views.content)
	main.Offset = 0.18
	w.Win.SetContent(container.NewBorder(toolbar, w.status, nil, nil, main))
	w.setMenus()
}

// action is a command offered in a menu and on the keyboard.
type action struct {
	label    string
	shortcut fyne.Shortcut
	run      func()
}

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

func (w *Window) menuItems(actions []action) []*fyne.MenuItem {
	var items []*fyne.MenuItem
	for _, a := range actions {
		if a.label == "" {
			items = append(items, fyne.NewMenuItemSeparator())
			continue
		}
		it := fyne.NewMenuItem(a.label, a.run)
		if a.shortcut != nil {
			it.Shortcut = a.shortcut
			run := a.run
			// The desktop driver runs a menu item's shortcut before the
			// focused widget sees the keys, so Ctrl+Z undoes the scenario
			// even from a text field. The canvas knows the shortcuts too,
			// for drivers without a menu bar (the test driver).
			w.Win.Canvas().AddShortcut(a.shortcut, func(fyne.Shortcut) { run() })
		}
		items = append(items, it)
	}
	return items
}

func (w *Window) setMenus() {
	file := []action{
		{i18n.T("menu.file.new"), ctrl(fyne.KeyN), w.New},
		{i18n.T("menu.file.open"), ctrl(fyne.KeyO), w.Open},
		{i18n.T("menu.file.save"), ctrl(fyne.KeyS), w.Save},
		{i18n.T("menu.file.save_as"), ctrlShift(fyne.KeyS), w.SaveAs},
		{i18n.T("menu.file.duplicate"), ctrl(fyne.KeyD), w.Duplicate},
		{i18n.T("menu.file.close"), ctrl(fyne.KeyW), w.CloseActive},
		{i18n.T("menu.file.delete"), nil, w.DeleteActive},
		{},
	}
	// Exports start from the compare view, whose choice of scenarios and
	// baseline they write; Ctrl+E is the first format.
	for i, e := range exporters {
		var sc fyne.Shortcut
		if i == 0 {
			sc = ctrl(fyne.KeyE)
		}
		file = append(file, action{i18n.T("menu.file.export", "Format", e.name()), sc, func() {
			w.ShowView(ViewCompare)
			w.Compare.Export(e)
		}})
	}
	// Quit asks about unsaved work like closing the window does.
	file = append(file, action{}, action{i18n.T("menu.file.quit"), ctrl(fyne.KeyQ), w.requestClose})
	edit := []action{
		// Fyne reports Ctrl+Z and Ctrl+Y as its own undo and redo
		// shortcuts, not as key combinations.
		{i18n.T("menu.edit.undo"), &fyne.ShortcutUndo{}, w.WS.Undo},
		{i18n.T("menu.edit.redo"), &fyne.ShortcutRedo{}, w.WS.Redo},
		{i18n.T("menu.edit.baseline"), ctrl(fyne.KeyB), func() {
			if w.WS.Active != nil {
				w.WS.SetBaseline(w.WS.Active)
			}
		}},
	}
	var view []action
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}
	for i, item := range w.Views.Items {
		i := i
		view = append(view, action{item.Text, ctrl(keys[i]), func() { w.Views.SelectIndex(i) }})
	}
	// Ctrl+Shift+Z redoes too, as in most editors; it is not in the menu,
	// which shows one shortcut per item.
	w.Win.Canvas().AddShortcut(ctrlShift(fyne.KeyZ), func(fyne.Shortcut) { w.WS.Redo() })
	help := []action{
		{i18n.T("menu.help.guide"), &desktop.CustomShortcut{KeyName: fyne.KeyF1}, w.ShowGuide},
		{i18n.T("menu.help.welcome"), nil, w.ShowWelcome},
		{},
		{i18n.T("menu.help.about"), nil, w.ShowAbout},
	}
	fileItems := w.menuItems(file)
	// The last item quits: marked so, Fyne adds no Quit of its own
	// whatever the language.
	fileItems[len(fileItems)-1].IsQuit = true
	w.Win.SetMainMenu(fyne.NewMainMenu(
		fyne.NewMenu(i18n.T("menu.file"), fileItems...),
		fyne.NewMenu(i18n.T("menu.edit"), w.menuItems(edit)...),
		fyne.NewMenu(i18n.T("menu.view"), w.menuItems(view)...),
		fyne.NewMenu(i18n.T("menu.help"), w.menuItems(help)...),
	))
}

// ShowView switches to a view by its id.
func (w *Window) ShowView(id string) {
	if i := slices.Index(viewOrder, id); i >= 0 {
		w.Views.SelectIndex(i)
	}
}

// View is the id of the view on screen.
func (w *Window) View() string {
	if i := w.Views.SelectedIndex(); i >= 0 && i < len(viewOrder) {
		return viewOrder[i]
	}
	return ""
}

// refresh brings every screen in step with the workspace.
func (w *Window) refresh() {
	w.Library.refresh()
	w.Editor.refresh()
	w.Results.refresh()
	w.refreshView()
	title := appName
	if d := w.WS.Active; d != nil {
		title = d.Title() + " — " + appName
		if d.Path != "" {
			title = d.Title() + " (" + filepath.Base(d.Path) + ") — " + appName
		}
	}
	if w.Win.Title() != title {
		w.Win.SetTitle(title)
	}
	setLabel(w.status, w.WS.Notice, w.status.TextStyle)
	w.saveSession()
}

// Preferences that bring the last session back at the next start: the
// open built-ins and files, by docKey.
const (
	prefSessionOpen = "session.open"
	prefSessionView = "session.view"
)

// saveSession keeps the open documents' keys with the preferences when
// they change.
func (w *Window) saveSession() {
	var keys []string
	for _, d := range w.WS.Docs {
		if k := docKey(d); k != "" {
			keys = append(keys, k)
		}
	}
	if s := strings.Join(keys, "\n"); s != w.session {
		w.session = s
		w.App.Preferences().SetStringList(prefSessionOpen, keys)
	}
}

// saveCompareChoice keeps which documents the comparison leaves out and
// its baseline with the preferences.
func (w *Window) saveCompareChoice() {
	var off []string
	for _, d := range w.WS.Docs {
		if k := docKey(d); k != "" && w.cmp.off[d] {
			off = append(off, k)
		}
	}
	p := w.App.Preferences()
	p.SetStringList(prefCompareOff, off)
	base := ""
	if w.cmp.baseline != nil {
		base = docKey(w.cmp.baseline)
	}
	p.SetString(prefCompareBaseline, base)
}

// restoreSession opens again what the last session had open (the files
// that still load) and the comparison's choice among them. The document
// being edited stays the one open first.
func (w *Window) restoreSession() {
	p := w.App.Preferences()
	active := w.WS.Active
	for _, k := range p.StringList(prefSessionOpen) {
		switch {
		case strings.HasPrefix(k, "builtin:"):
			file := strings.TrimPrefix(k, "builtin:")
			for _, b := range w.WS.BuiltIns {
				if b.File == file && w.WS.find(file, "") == nil {
					w.WS.OpenBuiltIn(b.Scenario.ID)
				}
			}
		case strings.HasPrefix(k, "file:"):
			path := strings.TrimPrefix(k, "file:")
			if w.WS.find("", path) == nil {
				if _, err := os.Stat(path); err == nil {
					w.WS.OpenFile(path)
				}
			}
		}
	}
	off := p.StringList(prefCompareOff)
	base := p.String(prefCompareBaseline)
	for _, d := range w.WS.Docs {
		k := docKey(d)
		if k != "" && slices.Contains(off, k) {
			w.cmp.off[d] = true
		}
		if k != "" && k == base {
			w.cmp.baseline = d
		}
	}
	if active != nil {
		w.WS.Active = active
	}
	w.WS.Notice = ""
}

// refreshView brings the selected view up to date; the others catch up
// when they are selected, so an edit recomputes only what is on screen.
func (w *Window) refreshView() {
	switch w.View() {
	case ViewCalendar:
		w.Calendar.refresh()
	case ViewZones:
		w.Zones.refresh()
	case ViewCosts:
		w.Costs.refresh()
	case ViewMine:
		w.Mine.refresh()
	case ViewCompare:
		w.Compare.refresh()
	case ViewSettings:
		w.Prefs.refresh()
	}
}

// New opens a new scenario.
func (w *Window) New() { w.WS.New() }

// Open asks for a scenario file and opens it.
func (w *Window) Open() {
	w.Picker.Open(i18n.T("dialog.open.title"), []string{".json"}, func(path string) {
		if _, err := w.WS.OpenFile(path); err != nil {
			w.showError(err)
		}
	})
}

// savable returns the active scenario when it can be saved; a built-in
// cannot, and the user is told why.
func (w *Window) savable() *Document {
	d := w.WS.Active
	if d != nil && d.ReadOnly() {
		w.showError(errors.New(i18n.T("error.builtin_read_only")))
		return nil
	}
	return d
}

// Save saves the active scenario, asking for a file the first time.
func (w *Window) Save() {
	d := w.savable()
	if d == nil {
		return
	}
	if d.Path == "" {
		w.SaveAs()
		return
	}
	if err := w.WS.Save(d); err != nil {
		w.showError(err)
	}
}

// SaveAs asks for a file and saves the active scenario there.
func (w *Window) SaveAs() {
	d := w.savable()
	if d == nil {
		return
	}
	w.Picker.Save(i18n.T("dialog.save.title"), fileName(d.Scenario.ID, ".json"), []string{".json"}, func(path string) {
		if err := w.WS.SaveAs(d, path); err != nil {
			w.showError(err)
		}
	})
}

// fileName proposes a file name from a scenario id or label: the
// characters no file system of the three desktops allows in a name (and
// control characters) become hyphens.
func fileName(id, ext string) string {
	id = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' || r == 0x7f {
			return '-'
		}
		return r
	}, id)
	if id == "" {
		id = "scenario"
	}
	return id + ext
}

// Duplicate opens an editable copy of the active scenario.
func (w *Window) Duplicate() {
	if d := w.WS.Active; d != nil {
		w.WS.Duplicate(d)
		w.ShowView(ViewEditor)
	}
}

// CloseActive closes the active scenario, asking first if it has unsaved
// changes.
func (w *Window) CloseActive() {
	d := w.WS.Active
	if d == nil {
		return
	}
	if !d.Dirty {
		w.WS.Close(d)
		return
	}
	w.confirm(i18n.T("dialog.close.title"), i18n.T("dialog.close.message", "Name", d.Scenario.Name), i18n.T("dialog.close.yes"),
		func(ok bool) {
			if ok {
				w.WS.Close(d)
			}
		})
}

// DeleteActive deletes the active scenario's file after asking.
func (w *Window) DeleteActive() {
	d := w.WS.Active
	if d == nil {
		return
	}
	if d.ReadOnly() {
		w.showError(errors.New(i18n.T("error.builtin_delete")))
		return
	}
	what := i18n.T("dialog.delete.unsaved")
	if d.Path != "" {
		what = d.Path
	}
	w.confirm(i18n.T("dialog.delete.title"), i18n.T("dialog.delete.message", "What", what), i18n.T("dialog.delete.yes"), func(ok bool) {
		if ok {
			if err := w.WS.Delete(d); err != nil {
				w.showError(err)
			}
		}
	})
}

// requestClose asks before closing with unsaved work.
func (w *Window) requestClose() {
	unsaved := w.WS.Unsaved()
	if len(unsaved) == 0 || w.quitting {
		w.close()
		return
	}
	var names []string
	for _, d := range unsaved {
		names = append(names, "• "+d.Scenario.Name)
	}
	w.confirm(i18n.T("dialog.quit.title"),
		i18n.N("dialog.quit.message", len(unsaved), "Names", strings.Join(names, "\n")), i18n.T("dialog.quit.yes"),
		func(ok bool) {
			if ok {
				w.quitting = true
				w.WS.DiscardAutosaves()
				w.close()
			}
		})
}

func (w *Window) close() {
	s := w.Win.Canvas().Size()
	w.Settings.SetWindowSize(s.Width, s.Height)
	w.Win.Close()
}

func (w *Window) showError(err error) {
	w.WS.Notice = errText(err)
	w.status.SetText(w.WS.Notice)
	w.alert(err)
}
