package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"mechplan/internal/i18n"
	"mechplan/internal/settings"
)

// press sends a key to the window as the keyboard does: to the focused
// widget, or to the canvas when nothing has the focus.
func press(w *Window, k fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: k}
	if f := w.Win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	w.Win.Canvas().OnTypedKey()(ev)
}

// TestWelcomeOnFirstStartOnly: a first start opens on the welcome with the
// built-in comparison behind it; once closed it does not come back, but
// Help ▸ Welcome shows it again.
func TestWelcomeOnFirstStartOnly(t *testing.T) {
	a := test.NewTempApp(t)
	w, err := Create(a, Config{Picker: &fakePicker{}, AutosaveDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if w.welcome == nil || len(w.dialogs) != 1 {
		t.Fatal("no welcome on the first start")
	}
	if w.View() != ViewCompare || w.Compare.Comparison == nil || len(w.Compare.Comparison.Results) != 4 {
		t.Errorf("behind the welcome: view %s, comparison %v", w.View(), w.Compare.Comparison)
	}
	press(w, fyne.KeyEscape)
	if len(w.dialogs) != 0 || len(w.Win.Canvas().Overlays().List()) != 0 {
		t.Fatal("Escape did not close the welcome")
	}
	if !w.Settings.Welcomed() {
		t.Error("closing the welcome was not remembered")
	}
	w.Win.Close()
	again, err := Create(a, Config{Picker: &fakePicker{}, AutosaveDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Win.Close()
	if len(again.dialogs) != 0 {
		t.Error("the welcome came back on the second start")
	}
	var item *fyne.MenuItem
	for _, m := range again.Win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == i18n.T("menu.help.welcome") {
				item = it
			}
		}
	}
	if item == nil {
		t.Fatal("no Help ▸ Welcome")
	}
	item.Action()
	if again.welcome == nil || len(again.dialogs) != 1 {
		t.Error("Help ▸ Welcome did not show the welcome")
	}
}

// TestWelcomeButtonsGoWhereTheySay: each task's button closes the welcome
// on its view.
func TestWelcomeButtonsGoWhereTheySay(t *testing.T) {
	want := map[string]string{
		i18n.T("welcome.compare.button"): ViewCompare,
		i18n.T("welcome.budget.button"):  ViewCosts,
		i18n.T("welcome.travel.button"):  ViewMine,
	}
	for label, view := range want {
		w, _ := newTestWindow(t)
		w.ShowView(ViewSettings)
		w.ShowWelcome()
		var b *escButton
		for _, s := range collectButtons(w.Win.Canvas().Overlays().Top()) {
			if s.Text == label {
				b = s
			}
		}
		if b == nil {
			t.Fatalf("no %q button on the welcome", label)
		}
		test.Tap(b)
		if w.View() != view || len(w.dialogs) != 0 {
			t.Errorf("%q: view %s, %d dialogs open", label, w.View(), len(w.dialogs))
		}
	}
}

func collectButtons(o fyne.CanvasObject) []*escButton { return findAll[*escButton](o) }

// findAll is every object of type T drawn under o, in drawing order,
// looking into containers and widgets' renderers (not inside a T).
func findAll[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case T:
			out = append(out, v)
			return
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
			return
		}
		if wd, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(wd).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// TestEscapeClosesDialogs: Escape answers “no” to a confirmation, whether
// the focus is on a button of the dialog or nowhere.
func TestEscapeClosesDialogs(t *testing.T) {
	w, _ := newTestWindow(t)
	d := w.WS.New()
	w.CloseActive()
	if len(w.dialogs) != 1 {
		t.Fatal("closing an unsaved scenario did not ask")
	}
	press(w, fyne.KeyEscape)
	if len(w.dialogs) != 0 || w.WS.Active != d {
		t.Errorf("Escape: %d dialogs, active %v: the scenario must stay open", len(w.dialogs), w.WS.Active)
	}
	// With the focus on the dialog's cancel button.
	w.CloseActive()
	buttons := collectButtons(w.Win.Canvas().Overlays().Top())
	if len(buttons) != 2 {
		t.Fatalf("%d buttons on the confirmation", len(buttons))
	}
	w.Win.Canvas().Focus(buttons[0])
	press(w, fyne.KeyEscape)
	if len(w.dialogs) != 0 || w.WS.Active != d {
		t.Error("Escape on a focused button did not close the dialog")
	}
	// The help dialogs close on Escape too.
	for _, show := range []func(){w.ShowGuide, w.ShowAbout} {
		show()
		press(w, fyne.KeyEscape)
		if len(w.Win.Canvas().Overlays().List()) != 0 {
			t.Error("a help dialog stayed open after Escape")
		}
	}
}

// TestHelpMenu: the Help menu offers the guide (F1), the welcome and
// About, and the guide shows the user guide.
func TestHelpMenu(t *testing.T) {
	w, _ := newTestWindow(t)
	help := w.Win.MainMenu().Items[len(w.Win.MainMenu().Items)-1]
	if help.Label != i18n.T("menu.help") || len(help.Items) < 3 {
		t.Fatalf("last menu %q with %d items", help.Label, len(help.Items))
	}
	guide := help.Items[0]
	if sc, ok := guide.Shortcut.(*desktop.CustomShortcut); !ok || sc.KeyName != fyne.KeyF1 {
		t.Errorf("the guide's shortcut is %v, want F1", guide.Shortcut)
	}
	press(w, fyne.KeyF1)
	if len(w.dialogs) != 1 {
		t.Fatal("F1 did not open the guide")
	}
	press(w, fyne.KeyEscape)
	guide.Action()
	var text string
	for _, s := range collectTexts(w.Win.Canvas().Overlays().Top(), "guide") {
		text += s.text + "\n"
	}
	for _, want := range []string{"Mechplan user guide", "Built-in scenarios are read-only", "Ctrl+Shift+S"} {
		if !strings.Contains(text, want) {
			t.Errorf("the guide does not show %q", want)
		}
	}
}

// TestEditorTabOrderFollowsTheForm: Tab moves through the scenario form's
// fields in the order they are drawn, top to bottom.
func TestEditorTabOrderFollowsTheForm(t *testing.T) {
	w, _ := newTestWindow(t)
	w.WS.New()
	w.ShowView(ViewEditor)
	w.Editor.tabs.SelectIndex(0)
	order := []string{"name", "id", "proponent", "description", "horizon.start", "horizon.years", "cycle_years"}
	c := w.Win.Canvas()
	c.Focus(w.Editor.Entry(order[0]))
	for _, next := range order[1:] {
		c.FocusNext()
		if got, want := c.Focused(), fyne.Focusable(w.Editor.Entry(next)); got != want {
			t.Fatalf("Tab after the field before %s lands on %T, not on %s", next, got, next)
		}
	}
}

// TestScaleSetting: 200% doubles the text and the table columns, at once,
// on the same view.
func TestScaleSetting(t *testing.T) {
	w, _ := newTestWindow(t)
	w.ShowView(ViewSettings)
	before := fyne.CurrentApp().Settings().Theme().Size("text")
	w.Prefs.scale.SetSelectedIndex(len(settings.Scales) - 1)
	if w.Settings.Scale() != 200 {
		t.Fatalf("scale setting %d", w.Settings.Scale())
	}
	after := fyne.CurrentApp().Settings().Theme().Size("text")
	if after != 2*before {
		t.Errorf("text size %.1f → %.1f at 200%%", before, after)
	}
	if w.View() != ViewSettings {
		t.Errorf("the view changed to %s", w.View())
	}
	if uiScale() != 2 {
		t.Errorf("uiScale = %.2f", uiScale())
	}
}

// TestGuideMarkdown: tables become lists without their heading row, and
// screenshots their captions, for Fyne's Markdown view.
func TestGuideMarkdown(t *testing.T) {
	md := "| Action | Shortcut |\n|---|---|\n| Save | Ctrl+S |\n\n![The welcome](screenshots/welcome-fr.png)\n"
	got := guideMarkdown(md)
	want := "- Save — Ctrl+S\n\n*(The welcome)*\n"
	if got != want {
		t.Errorf("guideMarkdown = %q, want %q", got, want)
	}
}

// TestBodyFormTabOrder: on the Bodies tab, Tab goes down the body's form
// in the order it is drawn: texts, choices and checks alike.
func TestBodyFormTabOrder(t *testing.T) {
	w, _ := newTestWindow(t)
	w.WS.New()
	w.ShowView(ViewEditor)
	w.Editor.tabs.SelectIndex(1)
	s := w.Editor.sections[1].fields
	p := "bodies[0]"
	order := []fyne.Focusable{
		s.entries[p+".name"], s.entries[p+".id"], s.selects[p+".kind"], s.entries[p+".topic"], s.entries[p+".meetings"],
		s.selects[p+".meetings_per_day"], s.selects[p+".format"], s.checks[p+".interpretation"], s.checks[p+".webcast"],
		s.checks[p+".informal"], s.checks[p+".ad_hoc"], s.entries[p+".start_times"],
	}
	c := w.Win.Canvas()
	c.Focus(order[0])
	for i, next := range order[1:] {
		c.FocusNext()
		if c.Focused() != next {
			t.Fatalf("Tab %d lands on %T, not on field %d of the form", i+1, c.Focused(), i+1)
		}
	}
}
