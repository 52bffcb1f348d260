//go:build js

package ui

import (
	"strings"
	"syscall/js"

	"fyne.io/fyne/v2"

	"mechplan/internal/store"
	"mechplan/resources"
)

// platformFiles are the browser's: Fyne's storage (IndexedDB) for the
// autosaves, uploads and downloads for the user's files (see webFiles).
func platformFiles(a fyne.App) fileStore { return newWebFiles(a.Storage().RootURI(), download) }

// platformPicker is the browser's: Fyne's file dialogs have no web
// implementation (fyne-io/fyne #2737, #2738).
func platformPicker(w *Window) FilePicker { return &webPicker{w: w} }

// uploadInputID is the page's hidden file input that Open clicks; a test
// driving the page sets its files.
const uploadInputID = "mechplan-upload"

// webPicker asks for files the browser's way: Open shows the browser's
// file chooser and reads the chosen file into the page; Save names the
// download, which the browser saves where its settings say (or asks).
type webPicker struct {
	w *Window
	// onChange is the file input's handler for the current Open.
	onChange js.Func
}

func (p *webPicker) files() *webFiles { return p.w.WS.fs.(*webFiles) }

func (p *webPicker) Open(_ string, exts []string, chosen func(string)) {
	doc := js.Global().Get("document")
	in := doc.Call("getElementById", uploadInputID)
	if in.IsNull() {
		in = doc.Call("createElement", "input")
		in.Set("type", "file")
		in.Set("id", uploadInputID)
		in.Get("style").Set("display", "none")
		doc.Get("body").Call("appendChild", in)
	}
	in.Set("accept", strings.Join(exts, ","))
	// Cleared, so that choosing the same file again fires a change.
	in.Set("value", "")
	if p.onChange.Truthy() {
		p.onChange.Release()
	}
	p.onChange = js.FuncOf(func(js.Value, []js.Value) any {
		list := in.Get("files")
		if list.IsNull() || list.Length() == 0 {
			return nil
		}
		f := list.Index(0)
		name := f.Get("name").String()
		// One byte over the limit is enough for the decoder to refuse it.
		buffer := f.Call("slice", 0, store.MaxFileBytes+1).Call("arrayBuffer")
		var then js.Func
		then = js.FuncOf(func(_ js.Value, args []js.Value) any {
			then.Release()
			arr := js.Global().Get("Uint8Array").New(args[0])
			data := make([]byte, arr.Length())
			js.CopyBytesToGo(data, arr)
			go fyne.Do(func() { chosen(p.files().upload(name, data)) })
			return nil
		})
		buffer.Call("then", then)
		return nil
	})
	in.Set("onchange", p.onChange)
	in.Call("click")
}

// Save chooses the suggested name: the bytes are downloaded under it.
func (p *webPicker) Save(_, suggested string, exts []string, chosen func(string)) {
	if len(exts) > 0 && !hasExt(suggested, exts) {
		suggested += exts[0]
	}
	chosen(suggested)
}

// SaveMany chooses no folder: each file is downloaded under its name
// (one download per scenario's calendar), which the browser saves where
// its settings say.
func (p *webPicker) SaveMany(_ string, _ []string, chosen func(string)) { chosen("") }

// download offers bytes to the user as a file: a Blob behind a link with
// the download attribute, clicked.
func download(name string, data []byte) error {
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	blob := js.Global().Get("Blob").New([]any{arr}, map[string]any{"type": mimeType(name)})
	url := js.Global().Get("URL").Call("createObjectURL", blob)
	doc := js.Global().Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Get("style").Set("display", "none")
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	// The browser reads the blob after the click returns: free it later.
	var revoke js.Func
	revoke = js.FuncOf(func(js.Value, []js.Value) any {
		js.Global().Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	js.Global().Call("setTimeout", revoke, 60_000)
	return nil
}

// mimeType is a download's media type, from its extension.
func mimeType(name string) string {
	switch {
	case strings.HasSuffix(name, ".xlsx"):
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case strings.HasSuffix(name, ".pdf"):
		return "application/pdf"
	case strings.HasSuffix(name, ".ics"):
		return "text/calendar"
	case strings.HasSuffix(name, ".json"):
		return "application/json"
	}
	return "application/octet-stream"
}

// The browser has no system fonts to fall back on, and Fyne's own font
// lacks the ★ of the Pareto-best and the ▸ of menu paths: the window's
// text is drawn in DejaVu Sans, which the PDF export embeds anyway.
var (
	webFontRegular = fyne.NewStaticResource("DejaVuSans.ttf", resources.FontRegular)
	webFontBold    = fyne.NewStaticResource("DejaVuSans-Bold.ttf", resources.FontBold)
)

// platformFont is DejaVu Sans for ordinary and bold text, the default
// theme's for monospace and symbols.
func platformFont(def fyne.Theme, s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace || s.Symbol:
		return def.Font(s)
	case s.Bold:
		return webFontBold
	}
	return webFontRegular
}
