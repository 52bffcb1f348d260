package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/cost"
	"mechplan/internal/i18n"
	"mechplan/internal/model"
	"mechplan/internal/plan"
	"mechplan/internal/settings"
	"mechplan/internal/ui/chartview"
)

// shownText is one text on screen and where it was found.
type shownText struct {
	text, where string
	low         bool // a label drawn in the low-importance (disabled) colour
}

// collectTexts walks an object tree and returns every text a user can
// read in it: labels, buttons, checks, select options and placeholders,
// radio options, form items and hints, tab names, table and list cells
// (those drawn), drawn canvas texts and charts. Hidden objects count too:
// a tab not selected is still part of the screen.
func collectTexts(root fyne.CanvasObject, where string) []shownText {
	var out []shownText
	seen := map[fyne.CanvasObject]bool{}
	add := func(s string) {
		if strings.TrimSpace(s) != "" {
			out = append(out, shownText{text: s, where: where})
		}
	}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || (reflect.ValueOf(o).Kind() == reflect.Pointer && reflect.ValueOf(o).IsNil()) || seen[o] {
			return
		}
		seen[o] = true
		switch v := o.(type) {
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
			return
		case *canvas.Text:
			add(v.Text)
			return
		case *widget.Label:
			if v.Importance == widget.LowImportance && strings.TrimSpace(v.Text) != "" {
				out = append(out, shownText{text: v.Text, where: where, low: true})
			}
			add(v.Text)
		case *widget.Button:
			add(v.Text)
		case *escButton:
			add(v.Text)
		case *widget.Check:
			add(v.Text)
		case *widget.Select:
			add(v.PlaceHolder)
			add(v.Selected)
			for _, s := range v.Options {
				add(s)
			}
		case *widget.SelectEntry:
			add(v.PlaceHolder)
		case *widget.Entry:
			// The text is the user's; the placeholder is ours.
			add(v.PlaceHolder)
			return
		case *widget.RadioGroup:
			for _, s := range v.Options {
				add(s)
			}
		case *widget.Form:
			for _, it := range v.Items {
				add(it.Text)
				add(it.HintText)
				walk(it.Widget)
			}
		case *container.AppTabs:
			for _, it := range v.Items {
				add(it.Text)
				walk(it.Content)
			}
		case *chartview.Chart:
			for _, s := range v.Labels() {
				add(s)
			}
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(root)
	return out
}

// windowTexts is everything on the window: its content, the open dialogs
// and the menus.
func windowTexts(w *Window, where string) []shownText {
	out := collectTexts(w.Win.Canvas().Content(), where)
	for _, o := range w.Win.Canvas().Overlays().List() {
		out = append(out, collectTexts(o, where+" (dialog)")...)
	}
	for _, m := range w.Win.MainMenu().Items {
		out = append(out, shownText{text: m.Label, where: where + " (menu)"})
		for _, it := range m.Items {
			if !it.IsSeparator {
				out = append(out, shownText{text: it.Label, where: where + " (menu " + m.Label + ")"})
			}
		}
	}
	return out
}

// dataTexts are the words of the data on screen, which stay as written
// whatever the interface's language: scenario, body and block names from
// the built-in library, member states, venues.
func dataTexts(w *Window) map[string]bool {
	out := map[string]bool{}
	var all []*model.Scenario
	for _, b := range w.WS.BuiltIns {
		all = append(all, b.Scenario)
	}
	for _, d := range w.WS.Docs {
		all = append(all, d.Scenario)
	}
	for _, s := range all {
		out[s.Name], out[s.ID], out[s.Proponent], out[s.Description] = true, true, true, true
		for _, b := range s.Bodies {
			out[b.Name], out[b.ID], out[b.Topic] = true, true, true
		}
		for _, b := range s.Blocks {
			out[b.Name], out[b.ID] = true, true
		}
	}
	for _, st := range w.WS.Ref.States {
		out[st.Name] = true
		for _, n := range st.Names {
			out[n] = true
		}
	}
	return out
}

var templateVarRe = regexp.MustCompile(`{{[^}]*}}`)

// englishLeft finds texts left in English: the English of a message whose
// translation differs (a whole text, or a template's fixed words), or a
// bare message key.
type englishLeft struct {
	exact    map[string]string // English text → key
	patterns map[string]*regexp.Regexp
	keys     map[string]bool
}

func newEnglishLeft(tr map[string]string) *englishLeft {
	en := i18n.Messages(i18n.English)
	e := &englishLeft{exact: map[string]string{}, patterns: map[string]*regexp.Regexp{}, keys: map[string]bool{}}
	legit := map[string]bool{}
	for _, v := range tr {
		legit[v] = true
	}
	for k, v := range en {
		e.keys[k] = true
		if tr[k] == v || legit[v] {
			continue
		}
		if !strings.Contains(v, "{{") {
			e.exact[v] = k
			continue
		}
		// A template is recognised by its fixed words, when they are
		// enough to be distinctive.
		fixed := templateVarRe.ReplaceAllString(v, "")
		letters := 0
		for _, r := range fixed {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters < 10 {
			continue
		}
		parts := templateVarRe.Split(v, -1)
		for i := range parts {
			parts[i] = regexp.QuoteMeta(parts[i])
		}
		e.patterns[k] = regexp.MustCompile(`^` + strings.Join(parts, `(?s:.*)`) + `$`)
	}
	return e
}

func (e *englishLeft) check(t *testing.T, lang i18n.Language, texts []shownText, data map[string]bool) {
	t.Helper()
	reported := map[string]bool{}
	for _, s := range texts {
		if s.low && !reported["low"+s.text] {
			reported["low"+s.text] = true
			t.Errorf("%s, %s: %q is drawn in the low-importance colour (Fyne's disabled grey, under 4.5:1)", lang, s.where, s.text)
		}
		if data[s.text] || reported[s.text] {
			continue
		}
		if lang != i18n.English && strings.Contains(s.text, "(Select one)") {
			reported[s.text] = true
			t.Errorf("%s, %s: Fyne's untranslated select prompt %q", lang, s.where, s.text)
			continue
		}
		if k, ok := e.exact[s.text]; ok {
			reported[s.text] = true
			t.Errorf("%s, %s: %q is English (message %s)", lang, s.where, s.text, k)
			continue
		}
		if e.keys[s.text] {
			reported[s.text] = true
			t.Errorf("%s, %s: %q is a message key without a text", lang, s.where, s.text)
			continue
		}
		for k, p := range e.patterns {
			if p.MatchString(s.text) {
				reported[s.text] = true
				t.Errorf("%s, %s: %q is the English of %s", lang, s.where, s.text, k)
				break
			}
		}
	}
}

// useLanguage puts a new window's interface into a language, as the
// settings screen does, and back into the system's after the test.
func newWindowIn(t *testing.T, lang i18n.Language, welcomed bool) *Window {
	t.Helper()
	a := test.NewTempApp(t)
	set := settings.New(a.Preferences(), 0)
	if err := set.SetLanguage(string(lang)); err != nil {
		t.Fatal(err)
	}
	if welcomed {
		set.SetWelcomed()
	}
	w, err := Create(a, Config{Picker: &fakePicker{}, AutosaveDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		w.Win.Close()
		if err := i18n.Setup(i18n.System); err != nil {
			t.Error(err)
		}
	})
	w.Win.Resize(fyne.NewSize(settings.DefaultWidth, settings.DefaultHeight))
	return w
}

// TestViewsAreTranslated opens the window in every language but English, on a
// first start (the welcome shows), and walks every view the screenshots
// show, the editor's tabs, the dialogs of the Help menu and the menus:
// no English text of the interface and no bare message key may be left.
func TestViewsAreTranslated(t *testing.T) {
	for _, lang := range i18n.Offered[1:] {
		t.Run(string(lang), func(t *testing.T) {
			w := newWindowIn(t, lang, false)
			if i18n.Current() != lang {
				t.Fatalf("the window is in %s, want %s", i18n.Current(), lang)
			}
			left := newEnglishLeft(i18n.Messages(lang))
			data := dataTexts(w)
			if w.welcome == nil || len(w.Win.Canvas().Overlays().List()) == 0 {
				t.Fatal("no welcome on the first start")
			}
			texts := windowTexts(w, "welcome")
			w.escape()
			for _, s := range screenshots {
				s.show(w)
				texts = append(texts, windowTexts(w, s.name)...)
			}
			w.ShowAbout()
			texts = append(texts, windowTexts(w, "about")...)
			w.escape()
			w.WS.New()
			w.CloseActive() // unsaved: asks
			texts = append(texts, windowTexts(w, "close confirmation")...)
			w.escape()
			left.check(t, lang, texts, data)
			t.Logf("%d texts on screen", len(texts))
			if len(texts) < 500 {
				t.Errorf("only %d texts found: the walk misses the screens", len(texts))
			}
		})
	}
}

// TestEnglishWindowHasNoKeys: in English too, no message key shows.
func TestEnglishWindowHasNoKeys(t *testing.T) {
	w := newWindowIn(t, i18n.English, false)
	left := newEnglishLeft(i18n.Messages(i18n.English))
	var texts []shownText
	for _, s := range screenshots {
		s.show(w)
		texts = append(texts, windowTexts(w, s.name)...)
	}
	left.check(t, i18n.English, texts, dataTexts(w))
}

// TestWalkFindsEnglish: the walk does see an untranslated text, so that a
// passing TestViewsAreTranslated means something.
func TestWalkFindsEnglish(t *testing.T) {
	w := newWindowIn(t, i18n.French, true)
	w.Library.content.(*fyne.Container).Add(widget.NewLabel(i18n.Messages(i18n.English)["library.recent"]))
	left := newEnglishLeft(i18n.Messages(i18n.French))
	found := false
	for _, s := range windowTexts(w, "library") {
		if _, ok := left.exact[s.text]; ok {
			found = true
		}
	}
	if !found {
		t.Error("an English label added to the library was not found by the walk")
	}
}

// TestLanguageSwitchesAtOnce: choosing a language in the settings builds
// the window again in it, keeps the open scenarios and the view, and
// formats money the language's way.
func TestLanguageSwitchesAtOnce(t *testing.T) {
	w := newWindowIn(t, i18n.English, true)
	d := w.WS.OpenBuiltIn("s7-rotating-venues")
	w.ShowView(ViewSettings)
	w.Prefs.language.SetSelected(i18n.French.Name())
	if i18n.Current() != i18n.French || w.Settings.Language() != "fr" {
		t.Fatalf("language %s, setting %q after choosing Français", i18n.Current(), w.Settings.Language())
	}
	if w.View() != ViewSettings || w.Views.Selected().Text != "Paramètres" {
		t.Errorf("after the switch the view is %s, tab %q", w.View(), w.Views.Selected().Text)
	}
	if w.WS.Active != d {
		t.Error("the open scenario was lost in the switch")
	}
	w.ShowView(ViewCosts)
	total := w.WS.Costs().Totals[0]
	if !strings.HasPrefix(total.Metric, "Coût intégral") || !strings.HasSuffix(total.Value, "\u00a0USD") || strings.Contains(total.Value, ",") {
		t.Errorf("French total %q = %q: want “1 234 567 USD”", total.Metric, total.Value)
	}
	if got := w.Win.MainMenu().Items[0].Label; got != "Fichier" {
		t.Errorf("File menu in French = %q", got)
	}
	// The charts write their values, in French figures.
	w.OpenBuiltInComparison()
	labels := strings.Join(w.Compare.charts[0].Labels(), " | ")
	if !regexp.MustCompile(`\b\d+,\d\b`).MatchString(labels) || regexp.MustCompile(`\b\d+\.\d\b`).MatchString(labels) {
		t.Errorf("the meeting-days chart's values are not written in French: %s", labels)
	}
	if !strings.Contains(labels, "Jours de réunion par an") {
		t.Errorf("the chart's title is not French: %s", labels)
	}
	// Back to the system's language (English under LANG=en_US.UTF-8).
	w.ShowView(ViewSettings)
	w.Prefs.language.SetSelectedIndex(0)
	if i18n.Current() != i18n.English || w.Settings.Language() != "" {
		t.Errorf("following the system: %s, setting %q", i18n.Current(), w.Settings.Language())
	}
	if got := w.WS.Costs().Totals[0].Value; !strings.HasPrefix(got, "USD ") {
		t.Errorf("English total = %q", got)
	}
}

// TestEngineNamesHaveTranslations: every metric, rate, budget section,
// payer and regional group the engine names has an English message equal
// to the engine's words (so the two do not drift) and is translated.
func TestEngineNamesHaveTranslations(t *testing.T) {
	w := newWindowIn(t, i18n.English, true)
	en := i18n.Messages(i18n.English)
	want := map[string]string{}
	c, err := plan.Compare(w.WS.Ref, []*plan.Result{w.WS.Baseline.Result}, 0, w.WS.Baseline.Result.Schedule.Meetings[0].Start)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range c.Rows {
		want["metric."+r.Key] = r.Label
		want["metric.group."+keyOf(r.Group)] = r.Group
	}
	for _, r := range w.WS.Ref.Rates {
		want["rate."+r.Key] = r.Label
	}
	for _, s := range []cost.Section{cost.ConferenceManagement, cost.Disarmament, cost.PublicInformation} {
		want["section."+string(s)] = s.Name()
	}
	want["section.outside"] = cost.Outside.Name()
	for _, g := range regionalGroups {
		want["group."+keyOf(g)] = g
	}
	for k, v := range want {
		if en[k] != v {
			t.Errorf("%s: en.json has %q, the engine says %q", k, en[k], v)
		}
	}
	for _, p := range []cost.Payer{cost.RegularBudget, cost.MemberStates, cost.VoluntaryFund} {
		if _, ok := en["payer."+string(p)]; !ok {
			t.Errorf("payer %s has no message", p)
		}
	}
}

// TestEditorFieldsHaveHelp: every field of the editor explains itself
// with a help line, in every language.
func TestEditorFieldsHaveHelp(t *testing.T) {
	w := newWindowIn(t, i18n.English, true)
	w.WS.OpenBuiltIn("s8-four-groups-rotating")
	w.Duplicate()
	w.WS.Edit("", func(s *model.Scenario) {
		s.Assumptions = append(s.Assumptions, model.Override{Key: "fare.base", Value: 1})
		s.Rotations = append(s.Rotations, model.Rotation{ID: "r", Bodies: []string{s.Bodies[0].ID}})
	})
	en := i18n.Messages(i18n.English)
	fields := 0
	for _, s := range w.Editor.sections {
		if s.fields == nil {
			continue
		}
		for _, f := range s.fields.fields {
			fields++
			if _, ok := en[helpKey(f.path)]; !ok {
				t.Errorf("field %s has no help (message %s)", f.path, helpKey(f.path))
			}
		}
	}
	if fields < 30 {
		t.Errorf("only %d editor fields found", fields)
	}
}

// widgetCalls are constructors and setters whose string argument is shown
// to the user.
var widgetCalls = map[string]bool{
	"NewLabel": true, "NewLabelWithStyle": true, "NewButton": true, "NewButtonWithIcon": true, "NewCheck": true,
	"NewFormItem": true, "NewTabItem": true, "NewTabItemWithIcon": true, "NewMenu": true, "NewMenuItem": true,
	"SetText": true, "SetPlaceHolder": true, "Clear": true, "NewHyperlink": true, "SetTitle": true, "NewWindow": true,
	"ShowInformation": true, "ShowConfirm": true, "NewRadioGroup": true, "NewSelect": true, "text": true, "clipped": true,
	"newEscButton": true, "confirm": true, "openDialog": true, "label": true,
}

// TestNoLiteralTextOnWidgets reads the package's source: a string literal
// with words handed to a widget means a text the translations miss.
func TestNoLiteralTextOnWidgets(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	chartFiles, _ := filepath.Glob("chartview/*.go")
	files = append(files, chartFiles...)
	words := regexp.MustCompile(`[A-Za-z]{3,}`)
	fset := token.NewFileSet()
	checked := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		file, err := parser.ParseFile(fset, f, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			name := ""
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			case *ast.Ident:
				name = fn.Name
			}
			if !widgetCalls[name] {
				return true
			}
			checked++
			args := call.Args
			if name == "text" && len(args) > 0 {
				// The field builders' text(label, path, …): the path is
				// the model's.
				args = args[:1]
			}
			for _, arg := range args {
				lit, ok := arg.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				s, _ := strconv.Unquote(lit.Value)
				if words.MatchString(s) {
					t.Errorf("%s: %s(%q): a text for the user must come from the translations (i18n.T)", fset.Position(lit.Pos()), name, s)
				}
			}
			return true
		})
	}
	if checked < 50 {
		t.Errorf("only %d widget calls checked: the test reads the wrong files", checked)
	}
}

// TestGuideInTheWindowsLanguage: Help ▸ User guide shows the French guide
// in French and the Spanish one in Spanish; in Russian, whose guide is not
// written, the English one, under a title that says so.
func TestGuideInTheWindowsLanguage(t *testing.T) {
	for lang, want := range map[i18n.Language]string{i18n.French: "Guide de l'utilisateur de Mechplan", i18n.Spanish: "Guía del usuario de Mechplan", i18n.Russian: "Mechplan user guide"} {
		w := newWindowIn(t, lang, true)
		w.ShowGuide()
		found := false
		for _, s := range windowTexts(w, "guide") {
			if strings.Contains(s.text, want) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: the guide does not show %q", lang, want)
		}
		w.escape()
	}
}
