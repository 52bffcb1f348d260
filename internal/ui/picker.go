package ui

import (
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// FilePicker asks the user for a file. The window goes through it for
// every open, save and export, so that tests can answer with a temporary
// path instead of a dialog. A cancelled choice never calls chosen.
type FilePicker interface {
	// Open asks for an existing file with one of the extensions (".json").
	Open(title string, exts []string, chosen func(path string))
	// Save asks for a file to write, proposing a name.
	Save(title, suggested string, exts []string, chosen func(path string))
}

// dialogPicker is the FilePicker of the real window: Fyne's file dialogs.
type dialogPicker struct {
	win    fyne.Window
	onFail func(error)
}

func (p dialogPicker) Open(title string, exts []string, chosen func(string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			p.onFail(err)
			return
		}
		if r == nil {
			return
		}
		r.Close()
		chosen(r.URI().Path())
	}, p.win)
	d.SetTitleText(title)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Resize(dialogSize(p.win))
	d.Show()
}

func (p dialogPicker) Save(title, suggested string, exts []string, chosen func(string)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			p.onFail(err)
			return
		}
		if wc == nil {
			return
		}
		// The engine writes atomically to the path itself; the dialog's
		// writer would truncate the file before the new one is ready.
		wc.Close()
		path := wc.URI().Path()
		if len(exts) > 0 && !strings.HasSuffix(strings.ToLower(path), exts[0]) {
			// Closing the writer left an empty file under the bare name.
			os.Remove(path)
			path += exts[0]
		}
		chosen(path)
	}, p.win)
	d.SetTitleText(title)
	d.SetFileName(suggested)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Resize(dialogSize(p.win))
	d.Show()
}

// dialogSize gives file dialogs most of the window, as the default is
// small for long folder names.
func dialogSize(w fyne.Window) fyne.Size {
	s := w.Canvas().Size()
	return fyne.NewSize(s.Width*0.8, s.Height*0.85)
}
