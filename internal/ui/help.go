package ui

import (
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/i18n"
	"mechplan/resources"
)

// The built-in comparison the welcome opens: the Global Mechanism as
// adopted and two proposals of December 2024 against the OEWG as held.
var welcomeComparison = []string{"global-mechanism", "s9-hybrid-groups", "s3-france-germany"}

// escButton is a dialog's button that also closes the dialog when it has
// the keyboard focus and the user presses Escape: Fyne's dialogs do not
// listen for Escape, and a focused button would swallow the key.
type escButton struct {
	widget.Button
	escape func()
}

func newEscButton(label string, icon fyne.Resource, tapped, escape func()) *escButton {
	b := &escButton{escape: escape}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey closes the dialog on Escape and otherwise acts as a button.
func (b *escButton) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && b.escape != nil {
		b.escape()
		return
	}
	b.Button.TypedKey(ev)
}

// modal is a dialog of the window that Escape closes.
type modal struct {
	d       *dialog.CustomDialog
	onClose func()
}

// openDialog shows content in a dialog with buttons along its foot; the
// window tracks it so that Escape closes the topmost one. buttons receive
// the function that closes the dialog.
func (w *Window) openDialog(title string, content fyne.CanvasObject, size fyne.Size, buttons func(close func()) []fyne.CanvasObject) *modal {
	m := &modal{}
	closeIt := func() { w.closeDialog(m) }
	foot := container.NewHBox(layout.NewSpacer(), container.NewHBox(buttons(closeIt)...))
	m.d = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, foot, nil, nil, content), w.Win)
	w.dialogs = append(w.dialogs, m)
	if !size.IsZero() {
		m.d.Resize(size)
	}
	m.d.Show()
	return m
}

// closeDialog hides a dialog and forgets it; a dialog's own close action
// (onClose) runs once.
func (w *Window) closeDialog(m *modal) {
	for i, d := range w.dialogs {
		if d == m {
			w.dialogs = append(w.dialogs[:i], w.dialogs[i+1:]...)
			break
		}
	}
	m.d.Hide()
	if m.onClose != nil {
		f := m.onClose
		m.onClose = nil
		f()
	}
}

// escape closes the topmost dialog; the window's canvas calls it when the
// user presses Escape and nothing has the focus.
func (w *Window) escape() {
	if n := len(w.dialogs); n > 0 {
		w.closeDialog(w.dialogs[n-1])
	}
}

// confirm asks a yes/no question; Escape or the cancel button answers no.
func (w *Window) confirm(title, message, yes string, answered func(bool)) {
	var m *modal
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	m = w.openDialog(title, text, fyne.NewSize(460, 0), func(close func()) []fyne.CanvasObject {
		no := newEscButton(i18n.T("dialog.cancel"), theme.CancelIcon(), close, close)
		ok := newEscButton(yes, theme.ConfirmIcon(), func() {
			m.onClose = nil
			close()
			answered(true)
		}, close)
		ok.Importance = widget.DangerImportance
		return []fyne.CanvasObject{no, ok}
	})
	m.onClose = func() { answered(false) }
}

// alert shows an error; Escape or OK closes it.
func (w *Window) alert(err error) {
	text := widget.NewLabel(errText(err))
	text.Wrapping = fyne.TextWrapWord
	w.openDialog(i18n.T("dialog.error"), text, fyne.NewSize(460, 0), func(close func()) []fyne.CanvasObject {
		return []fyne.CanvasObject{newEscButton(i18n.T("dialog.ok"), theme.ConfirmIcon(), close, close)}
	})
}

// ShowWelcome explains the three things Mechplan is for, each with a
// button that goes there. On a first start the built-in comparison is
// opened behind it (see Create), so that closing it leaves the user on a
// full screen; from the Help menu it leaves the user's work as it was.
func (w *Window) ShowWelcome() {
	var m *modal
	task := func(title, text, button string, icon fyne.Resource, goTo func()) fyne.CanvasObject {
		head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		body := widget.NewLabel(text)
		body.Wrapping = fyne.TextWrapWord
		b := newEscButton(button, icon, func() {
			w.closeDialog(m)
			goTo()
		}, func() { w.closeDialog(m) })
		b.Importance = widget.HighImportance
		return container.NewBorder(head, nil, nil, container.NewVBox(b), body)
	}
	intro := widget.NewLabel(i18n.T("welcome.intro"))
	intro.Wrapping = fyne.TextWrapWord
	more := widget.NewLabel(i18n.T("welcome.more"))
	more.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(intro, widget.NewSeparator(),
		task(i18n.T("welcome.compare.title"), i18n.T("welcome.compare.text"), i18n.T("welcome.compare.button"), theme.ViewRestoreIcon(),
			w.OpenBuiltInComparison),
		task(i18n.T("welcome.budget.title"), i18n.T("welcome.budget.text"), i18n.T("welcome.budget.button"), theme.ListIcon(), func() {
			w.WS.OpenBuiltIn(welcomeComparison[0])
			w.ShowView(ViewCosts)
		}),
		task(i18n.T("welcome.travel.title"), i18n.T("welcome.travel.text"), i18n.T("welcome.travel.button"), theme.AccountIcon(), func() {
			w.ShowView(ViewMine)
			w.Win.Canvas().Focus(w.Mine.state.entry)
		}),
		widget.NewSeparator(), more)
	// As tall as the text needs at the default size, within the window;
	// at larger scales or in a small window the text scrolls.
	win := w.Win.Canvas().Size()
	size := fyne.NewSize(min(760, win.Width*0.9), min(660, win.Height*0.92))
	m = w.openDialog(i18n.T("welcome.title"), container.NewVScroll(content), size, func(close func()) []fyne.CanvasObject {
		return []fyne.CanvasObject{newEscButton(i18n.T("welcome.close"), theme.ConfirmIcon(), close, close)}
	})
	m.onClose = w.Settings.SetWelcomed
	w.welcome = m
}

// OpenBuiltInComparison opens the Global Mechanism and two proposals
// against the baseline and shows them side by side on the compare view.
// The document being edited (the baseline at a first start, or work
// recovered from a crash) stays the active one.
func (w *Window) OpenBuiltInComparison() {
	was := w.WS.Active
	picked := []*Document{w.WS.Baseline}
	for _, id := range welcomeComparison {
		if d := w.WS.OpenBuiltIn(id); d != nil {
			picked = append(picked, d)
		}
	}
	if was != nil {
		w.WS.Select(was)
	}
	w.WS.Notice = i18n.T("notice.comparison")
	w.status.SetText(w.WS.Notice)
	w.ShowView(ViewCompare)
	w.Compare.Pick(picked...)
}

// ShowGuide shows the user guide in the interface's language where it is
// written in it (English, French, Spanish), else in English.
func (w *Window) ShowGuide() {
	md, _ := resources.GuideIn(string(i18n.Current()))
	guide := widget.NewRichTextFromMarkdown(guideMarkdown(md))
	guide.Wrapping = fyne.TextWrapWord
	size := w.Win.Canvas().Size()
	w.openDialog(i18n.T("guide.title"), container.NewVScroll(guide), fyne.NewSize(size.Width*0.85, size.Height*0.85), func(close func()) []fyne.CanvasObject {
		return []fyne.CanvasObject{newEscButton(i18n.T("dialog.close"), theme.CancelIcon(), close, close)}
	})
}

// ShowAbout names the program, its version and where its figures come from.
func (w *Window) ShowAbout() {
	version := w.App.Metadata().Version
	if version == "" {
		version = "dev"
	}
	text := widget.NewLabel(i18n.T("about.text", "Version", version))
	text.Wrapping = fyne.TextWrapWord
	w.openDialog(i18n.T("menu.help.about"), text, fyne.NewSize(480, 0), func(close func()) []fyne.CanvasObject {
		return []fyne.CanvasObject{newEscButton(i18n.T("dialog.close"), theme.CancelIcon(), close, close)}
	})
}

var (
	markdownImage = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	tableRule     = regexp.MustCompile(`^\|[\s:|-]+\|$`)
)

// guideMarkdown adapts the guide for Fyne's Markdown view, which draws
// neither tables nor pictures from files: table rows become list items
// (the heading row, above the rule, goes) and a screenshot becomes its
// caption.
func guideMarkdown(md string) string {
	var out []string
	lines := strings.Split(md, "\n")
	for i, line := range lines {
		t := strings.TrimSpace(line)
		switch {
		case tableRule.MatchString(t):
			continue
		case i+1 < len(lines) && tableRule.MatchString(strings.TrimSpace(lines[i+1])):
			continue
		case strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|"):
			var cells []string
			for _, c := range strings.Split(strings.Trim(t, "|"), "|") {
				cells = append(cells, strings.TrimSpace(c))
			}
			line = "- " + strings.Join(cells, " — ")
		}
		out = append(out, markdownImage.ReplaceAllString(line, "*($1)*"))
	}
	return strings.Join(out, "\n")
}
