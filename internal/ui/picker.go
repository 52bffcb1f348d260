package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/i18n"
)

// FilePicker asks the user for a file. The window goes through it for
// every open, save and export, so that tests can answer with a temporary
// path instead of a dialog. A cancelled choice never calls chosen.
type FilePicker interface {
	// Open asks for an existing file with one of the extensions (".json").
	Open(title string, exts []string, chosen func(path string))
	// Save asks for a file to write, proposing a name. It only chooses:
	// it never opens, creates or empties the file, since the caller
	// writes it atomically from the path.
	Save(title, suggested string, exts []string, chosen func(path string))
	// SaveMany asks for a folder to write the named files into (one
	// calendar per scenario). Like Save it only chooses; the browser's
	// picker chooses no folder ("") and the files are downloaded one by
	// one under their names.
	SaveMany(title string, names []string, chosen func(dir string))
}

// dialogPicker is the FilePicker of the real window: Fyne's dialog to open
// a file, and a save dialog of our own (see Save).
type dialogPicker struct {
	w *Window
	// dir is the folder of the last file chosen, where the next save
	// dialog starts.
	dir string
}

func (p *dialogPicker) Open(title string, exts []string, chosen func(string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			p.w.showError(err)
			return
		}
		if r == nil {
			return
		}
		r.Close()
		path := r.URI().Path()
		p.dir = filepath.Dir(path)
		chosen(path)
	}, p.w.Win)
	d.SetTitleText(title)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	if p.dir != "" {
		if l := lister(p.dir); l != nil {
			d.SetLocation(l)
		}
	}
	d.Resize(dialogSize(p.w.Win))
	d.Show()
}

// Save asks for a folder and a name. Fyne's own save dialog is not used:
// it hands back a writer it opened with os.Create, which empties the
// chosen file before the new one is ready (a crash in between, or a
// failed export, leaves 0 bytes), and a name without its extension was
// left behind as an empty file. This dialog opens nothing; the caller
// writes the file atomically from the path it returns.
func (p *dialogPicker) Save(title, suggested string, exts []string, chosen func(string)) {
	dir := p.startDir()
	folder, change := p.folderRow(&dir)
	name := widget.NewEntry()
	name.SetText(suggested)
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord
	problem.Importance = widget.DangerImportance
	problem.Hide()
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("dialog.save.folder"), container.NewBorder(nil, nil, nil, change, folder)),
		widget.NewFormItem(i18n.T("dialog.save.name"), name),
	)
	var m *modal
	save := func() {
		path, exists, err := savePath(dir, name.Text, exts)
		if err != nil {
			problem.SetText(err.Error())
			problem.Show()
			return
		}
		done := func() {
			p.w.closeDialog(m)
			p.dir = dir
			chosen(path)
		}
		if !exists {
			done()
			return
		}
		p.w.confirm(i18n.T("dialog.save.replace.title"),
			i18n.T("dialog.save.replace.message", "Name", filepath.Base(path), "Folder", dir),
			i18n.T("dialog.save.replace.yes"), func(yes bool) {
				if yes {
					done()
				}
			})
	}
	name.OnSubmitted = func(string) { save() }
	m = p.w.openDialog(title, container.NewVBox(form, problem), fyne.NewSize(560, 0), func(close func()) []fyne.CanvasObject {
		cancel := newEscButton(i18n.T("dialog.cancel"), theme.CancelIcon(), close, close)
		ok := newEscButton(i18n.T("dialog.save.button"), theme.DocumentSaveIcon(), save, close)
		ok.Importance = widget.HighImportance
		return []fyne.CanvasObject{cancel, ok}
	})
	p.w.Win.Canvas().Focus(name)
}

// SaveMany shows the folder and the names of the files it will write;
// files already there are named in a confirmation before they are
// replaced (each is kept until its new version is written completely).
func (p *dialogPicker) SaveMany(title string, names []string, chosen func(string)) {
	dir := p.startDir()
	folder, change := p.folderRow(&dir)
	files := widget.NewLabel(strings.Join(names, "\n"))
	files.Wrapping = fyne.TextWrapBreak
	// A long list (fifteen scenarios) scrolls rather than push the
	// buttons off the window.
	list := container.NewVScroll(files)
	list.SetMinSize(fyne.NewSize(0, min(files.MinSize().Height, 220)))
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("dialog.save.folder"), container.NewBorder(nil, nil, nil, change, folder)),
		widget.NewFormItem(i18n.T("dialog.save_many.files", "Count", len(names)), list),
	)
	var m *modal
	save := func() {
		var there []string
		for _, n := range names {
			if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
				there = append(there, n)
			}
		}
		done := func() {
			p.w.closeDialog(m)
			p.dir = dir
			chosen(dir)
		}
		if len(there) == 0 {
			done()
			return
		}
		p.w.confirm(i18n.T("dialog.save_many.replace.title"),
			i18n.T("dialog.save_many.replace.message", "Names", strings.Join(there, ", "), "Folder", dir),
			i18n.T("dialog.save.replace.yes"), func(yes bool) {
				if yes {
					done()
				}
			})
	}
	m = p.w.openDialog(title, form, fyne.NewSize(560, 0), func(close func()) []fyne.CanvasObject {
		cancel := newEscButton(i18n.T("dialog.cancel"), theme.CancelIcon(), close, close)
		ok := newEscButton(i18n.T("dialog.save.button"), theme.DocumentSaveIcon(), save, close)
		ok.Importance = widget.HighImportance
		return []fyne.CanvasObject{cancel, ok}
	})
}

// savePath makes the path a save dialog chose from its folder and the
// name typed: the first extension is added when the name has none of
// them (nothing is created or removed under the bare name). exists says
// that a file is there already and will be replaced.
func savePath(dir, name string, exts []string) (path string, exists bool, err error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "" || name == "." || name == "..":
		return "", false, errors.New(i18n.T("dialog.save.no_name"))
	case strings.ContainsAny(name, `/\`) || strings.ContainsRune(name, 0):
		return "", false, errors.New(i18n.T("dialog.save.bad_name"))
	}
	if len(exts) > 0 && !hasExt(name, exts) {
		name += exts[0]
	}
	path = filepath.Join(dir, name)
	st, err := os.Stat(path)
	switch {
	case err == nil && st.IsDir():
		return "", false, errors.New(i18n.T("dialog.save.is_folder", "Name", name))
	case err == nil:
		return path, true, nil
	}
	return path, false, nil
}

// hasExt says whether name ends in one of the extensions, in any case.
func hasExt(name string, exts []string) bool {
	for _, e := range exts {
		if strings.HasSuffix(strings.ToLower(name), strings.ToLower(e)) {
			return true
		}
	}
	return false
}

// fyneLastFolder is the preference where Fyne's file dialogs remember
// their last folder (fyne.io/fyne/v2/dialog, lastFolderKey).
const fyneLastFolder = "fyne:fileDialogLastFolder"

// startDir is where the save dialog starts: the folder of the last file
// chosen, else the last folder of Fyne's dialogs, else the user's
// documents, else the home folder.
func (p *dialogPicker) startDir() string {
	if isDir(p.dir) {
		return p.dir
	}
	if u, err := storage.ParseURI(p.w.App.Preferences().String(fyneLastFolder)); err == nil && u.Scheme() == "file" && isDir(u.Path()) {
		return u.Path()
	}
	home, err := os.UserHomeDir()
	if err != nil {
		wd, _ := os.Getwd()
		return wd
	}
	if docs := filepath.Join(home, "Documents"); isDir(docs) {
		return docs
	}
	return home
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// lister is a folder as a file dialog's starting location, or nil.
func lister(dir string) fyne.ListableURI {
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return l
}

// dialogSize gives file dialogs most of the window, as the default is
// small for long folder names.
func dialogSize(w fyne.Window) fyne.Size {
	s := w.Canvas().Size()
	return fyne.NewSize(s.Width*0.8, s.Height*0.85)
}

// folderRow is a save dialog's folder and the button that changes it, with
// Fyne's folder picker (which opens nothing); *dir follows the choice.
func (p *dialogPicker) folderRow(dir *string) (*widget.Label, *widget.Button) {
	folder := widget.NewLabel(*dir)
	folder.Wrapping = fyne.TextWrapBreak
	change := widget.NewButtonWithIcon(i18n.T("dialog.save.change_folder"), theme.FolderOpenIcon(), func() {
		fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err != nil {
				p.w.showError(err)
				return
			}
			if u != nil {
				*dir = u.Path()
				folder.SetText(*dir)
			}
		}, p.w.Win)
		if l := lister(*dir); l != nil {
			fd.SetLocation(l)
		}
		fd.Resize(dialogSize(p.w.Win))
		fd.Show()
	})
	return folder, change
}
