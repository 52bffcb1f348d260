package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"mechplan/internal/i18n"
	"mechplan/internal/settings"
)

// enter presses Enter in an entry, as the user does.
func enter(e fyne.Focusable) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }

func TestFindStates(t *testing.T) {
	w, _ := newTestWindow(t)
	for q, want := range map[string]string{"NZL": "NZL", "nzl": "NZL", "cote": "CIV", "Côte": "CIV", "new zea": "NZL",
		"türkiye": "TUR", "turkm": "TKM", "Chile (CHL)": "CHL", "ivoire": "CIV"} {
		got := FindStates(w.WS.Ref.States, q)
		if len(got) == 0 || got[0].ISO3 != want {
			t.Errorf("%q finds %v first, want %s", q, got, want)
		}
	}
	if got := FindStates(w.WS.Ref.States, "  "); got != nil {
		t.Errorf("a blank search finds %d states", len(got))
	}
}

func TestMyDelegationSearchAndEnter(t *testing.T) {
	w, _ := newTestWindow(t)
	w.ShowView(ViewMine)
	w.Mine.SetState("CHL")
	if v := w.Mine.View(); v.State != "Chile" || len(v.Rows) == 0 {
		t.Fatalf("Chile: %+v", v)
	}
	e := w.Mine.state.entry
	e.SetText("")
	test.Type(e, "NZ")
	// Half typed: no figures, and never Chile's.
	if v := w.Mine.View(); len(v.Rows) != 0 || v.State != "" {
		t.Errorf("a half-typed name shows figures: %+v", v)
	}
	test.Type(e, "L")
	enter(e)
	if got := w.Settings.Delegation(); got != "NZL" {
		t.Fatalf("NZL + Enter chose %q", got)
	}
	if v := w.Mine.View(); v.State != "New Zealand" || len(v.Rows) == 0 || e.Text != "New Zealand (NZL)" {
		t.Errorf("after Enter: text %q, view %+v", e.Text, v)
	}
	e.SetText("")
	test.Type(e, "cote")
	if m := w.Mine.state.Matches; len(m) == 0 || m[0].ISO3 != "CIV" {
		t.Fatalf("cote matches %v", m)
	}
	enter(e)
	if v := w.Mine.View(); v.State != "Côte d'Ivoire" {
		t.Errorf("cote + Enter shows %q", v.State)
	}
	// The settings' picker is the same search.
	w.ShowView(ViewSettings)
	if w.Prefs.state.Chosen != "CIV" {
		t.Errorf("settings show %q", w.Prefs.state.Chosen)
	}
	pe := w.Prefs.state.entry
	pe.SetText("")
	test.Type(pe, "fra")
	enter(pe)
	if got := w.Settings.Delegation(); got != "FRA" {
		t.Errorf("fra + Enter in the settings chose %q", got)
	}
}

func TestTimeZoneSearchStickyAndTotal(t *testing.T) {
	w, _ := newTestWindow(t)
	w.ShowView(ViewZones)
	z := w.Zones
	if z.table.StickyColumnCount != 1 {
		t.Error("the delegation column does not stay put")
	}
	if !strings.Contains(z.header[5], "total") {
		t.Errorf("the burden column %q does not say its period", z.header[5])
	}
	e := z.find.entry
	test.Type(e, "cote")
	if rows := z.Rows(); len(rows) != 1 || rows[0].ISO3 != "CIV" {
		t.Fatalf("cote keeps %d rows", len(rows))
	}
	enter(e)
	if n := len(z.Rows()); n != 193 || w.Settings.Delegation() != "CIV" {
		t.Errorf("after Enter: %d rows, delegation %q", n, w.Settings.Delegation())
	}
	// The sort by the scenario's burden is by the column shown.
	z.sort.SetSelected(sortLabel(SortByScore))
	rows := z.Rows()
	for i := 1; i < len(rows); i++ {
		if rows[i].Score > rows[i-1].Score {
			t.Fatalf("row %d (%g) above %d (%g)", i, rows[i].Score, i-1, rows[i-1].Score)
		}
	}
}

func TestCompareTakesEveryOpenScenarioAndNewCopies(t *testing.T) {
	w, _ := newTestWindow(t)
	gm := w.WS.OpenBuiltIn("global-mechanism")
	w.ShowView(ViewCompare)
	if got := w.Compare.Chosen(); len(got) != 2 {
		t.Fatalf("%d compared, want both open scenarios", len(got))
	}
	w.Compare.Pick(gm)
	w.Duplicate()
	w.ShowView(ViewCompare)
	got := w.Compare.Chosen()
	if len(got) != 2 || got[1] != w.WS.Active {
		t.Fatalf("the new copy is not compared at once: %d chosen", len(got))
	}
	if len(w.Compare.Comparison.Results) != 2 {
		t.Errorf("the comparison has %d scenarios", len(w.Compare.Comparison.Results))
	}
}

func TestCompareChoiceSurvivesLanguageAndRestart(t *testing.T) {
	a := test.NewTempApp(t)
	settings.New(a.Preferences(), 0).SetWelcomed()
	dir := t.TempDir()
	w, err := Create(a, Config{Picker: &fakePicker{}, AutosaveDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = i18n.Setup(i18n.System) })
	gm := w.WS.OpenBuiltIn("global-mechanism")
	s9 := w.WS.OpenBuiltIn("s9-hybrid-groups")
	w.ShowView(ViewCompare)
	w.Compare.Pick(w.WS.Baseline, s9)
	w.Compare.SetBaseline(s9)
	if err := w.SetLanguage(i18n.French); err != nil {
		t.Fatal(err)
	}
	w.ShowView(ViewCompare)
	if got := w.Compare.Chosen(); len(got) != 2 || slices.Contains(got, gm) || w.cmp.baseline != s9 {
		t.Errorf("after the language switch: %d chosen, baseline %v", len(got), w.cmp.baseline == s9)
	}
	w.Win.Close()
	// A restart opens the same scenarios with the same choice.
	w2, err := Create(a, Config{Picker: &fakePicker{}, AutosaveDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w2.Win.Close)
	if len(w2.WS.Docs) != 3 {
		t.Fatalf("the restart opened %d scenarios, want 3", len(w2.WS.Docs))
	}
	w2.ShowView(ViewCompare)
	var ids []string
	for _, d := range w2.Compare.Chosen() {
		ids = append(ids, d.Scenario.ID)
	}
	if !slices.Equal(ids, []string{"oewg-2021-2025", "s9-hybrid-groups"}) {
		t.Errorf("after a restart the comparison has %v", ids)
	}
	if b := w2.cmp.baseline; b == nil || b.Scenario.ID != "s9-hybrid-groups" {
		t.Errorf("after a restart the baseline is %v", b)
	}
}

func TestCompareLabelsNeverRepeat(t *testing.T) {
	w, _ := newTestWindow(t)
	gm := w.WS.OpenBuiltIn("global-mechanism")
	w.WS.Duplicate(gm)
	w.WS.Select(gm)
	w.WS.Duplicate(gm)
	w.ShowView(ViewCompare)
	c := w.Compare
	if len(c.Comparison.Results) != 4 {
		t.Fatalf("%d compared", len(c.Comparison.Results))
	}
	head := c.cells[0][1:]
	for _, ch := range c.charts {
		if drawn := ch.Labels(); !containsAll(drawn, c.Labels) {
			t.Errorf("a chart does not name the scenarios %q: %q", c.Labels, drawn)
		}
	}
	if !strings.HasPrefix(c.Labels[2], "Global Mechanism") || !strings.Contains(c.Labels[2], "copy") {
		t.Errorf("a copy reads %q", c.Labels[2])
	}
	for _, set := range [][]string{c.Labels, head} {
		seen := map[string]bool{}
		for _, l := range set {
			if seen[l] || strings.TrimSpace(l) == "" {
				t.Errorf("label %q twice (or empty) in %q", l, set)
			}
			seen[l] = true
		}
	}
	// Every column says the period its figures average over.
	if c.cells[1][0] != "A year, average of" {
		t.Errorf("the period row reads %q", c.cells[1][0])
	}
	for i, r := range c.Comparison.Results {
		if p := c.cells[1][i+1]; p != r.Total.Label || !strings.HasPrefix(p, "20") {
			t.Errorf("column %d's period reads %q", i, p)
		}
	}
}

func TestMyDelegationSaysWhoIsCounted(t *testing.T) {
	w, _ := newTestWindow(t)
	w.ShowView(ViewMine)
	w.Mine.SetState("CHL")
	v := w.Mine.View()
	if !strings.Contains(v.Who, "flying from the capital + 1 at the mission") {
		t.Fatalf("who is counted: %q", v.Who)
	}
	cost := v.Rows[0].Cost
	w.Mine.mission.SetChecked(false)
	v = w.Mine.View()
	if strings.Contains(v.Who, "mission") || !strings.Contains(v.Who, "2 flying from the capital") {
		t.Errorf("with the mission left out: %q", v.Who)
	}
	if v.Rows[0].Cost == "" || v.Rows[0].Period == "" {
		t.Errorf("row %+v", v.Rows[0])
	}
	_ = cost
}

func containsAll(set, want []string) bool {
	for _, w := range want {
		if !slices.Contains(set, w) {
			return false
		}
	}
	return true
}

func TestNoEmptyLabelsAndStaleMarked(t *testing.T) {
	w, _ := newTestWindow(t)
	d := w.WS.New()
	retype(t, w, "name", "")
	if got := w.Results.title.Text; strings.Contains(got, ": ,") || strings.HasSuffix(got, ": ") {
		t.Errorf("an empty name reads %q", got)
	}
	retype(t, w, "name", "Mine")
	retype(t, w, "bodies[0].meetings", "0")
	if !d.Stale() {
		t.Fatal("an invalid edit did not leave the scenario stale")
	}
	w.ShowView(ViewCompare)
	c := w.Compare
	found := false
	for _, l := range c.Labels {
		found = found || strings.HasPrefix(l, "⚠ ")
	}
	if !found || !strings.Contains(c.message.Text, "Earlier figures") {
		t.Errorf("the stale scenario is not marked: %q, %q", c.Labels, c.message.Text)
	}
	w.ShowView(ViewMine)
	w.Mine.SetState("FRA")
	marked := false
	for _, r := range w.Mine.View().Rows {
		marked = marked || strings.Contains(r.Scenario, "earlier figures")
	}
	if !marked {
		t.Error("my delegation does not mark the stale scenario")
	}
}

func TestStatusBarFollowsTheLanguage(t *testing.T) {
	w, _ := newTestWindow(t)
	t.Cleanup(func() { _ = i18n.Setup(i18n.System) })
	w.WS.OpenBuiltIn("global-mechanism")
	if w.status.Text == "" {
		t.Fatal("no notice after opening a built-in")
	}
	english := w.status.Text
	if err := w.SetLanguage(i18n.French); err != nil {
		t.Fatal(err)
	}
	if w.status.Text == english {
		t.Errorf("the status bar stays English in French: %q", w.status.Text)
	}
	w.WS.OpenBuiltIn("s9-hybrid-groups")
	if !strings.Contains(w.status.Text, "Ouvert") && !strings.Contains(w.status.Text, "ouvert") {
		t.Errorf("a new notice in French reads %q", w.status.Text)
	}
}

func TestSideNavigationAtLargeSizes(t *testing.T) {
	w, _ := newTestWindow(t)
	if err := w.SetScale(150); err != nil {
		t.Fatal(err)
	}
	if !w.sideNav {
		t.Error("at 150 % the views are not down the side")
	}
	// Every view keeps its shortcut.
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7}
	for i, id := range viewOrder {
		w.Win.Canvas().(fyne.Shortcutable).TypedShortcut(ctrl(keys[i]))
		if w.View() != id {
			t.Errorf("Ctrl+%d shows %q at 150 %%", i+1, w.View())
		}
	}
	if err := w.SetScale(100); err != nil {
		t.Fatal(err)
	}
	if w.sideNav {
		t.Error("at 100 % the views are still down the side")
	}
}
