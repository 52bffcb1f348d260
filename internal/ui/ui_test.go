package ui

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"mechplan/internal/chart"
	"mechplan/internal/model"
	"mechplan/internal/plan"
	"mechplan/internal/settings"
	"mechplan/internal/store"
)

// fakePicker answers every file question with a fixed path, as a user
// choosing a file in a dialog would.
type fakePicker struct {
	open, save string
	// dir answers SaveMany; names are the files it was asked about.
	dir   string
	names []string
	asked []string // titles of the questions asked
}

func (p *fakePicker) Open(title string, _ []string, chosen func(string)) {
	p.asked = append(p.asked, title)
	if p.open != "" {
		chosen(p.open)
	}
}

func (p *fakePicker) Save(title, suggested string, _ []string, chosen func(string)) {
	p.asked = append(p.asked, title)
	if p.save != "" {
		chosen(p.save)
	}
}

func (p *fakePicker) SaveMany(title string, names []string, chosen func(string)) {
	p.asked = append(p.asked, title)
	p.names = names
	if p.dir != "" {
		chosen(p.dir)
	}
}

func newTestWindow(t testing.TB) (*Window, *fakePicker) {
	t.Helper()
	a := test.NewTempApp(t)
	// The welcome of a first start is tested on its own; here it would
	// cover the window.
	settings.New(a.Preferences(), 0).SetWelcomed()
	p := &fakePicker{}
	w, err := Create(a, Config{Picker: p, AutosaveDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.Win.Close)
	return w, p
}

// retype replaces an entry's text the way a user does: clear, then type.
func retype(t *testing.T, w *Window, path, text string) {
	t.Helper()
	e := w.Editor.Entry(path)
	if e == nil {
		t.Fatalf("no entry for %s", path)
	}
	e.SetText("")
	test.Type(e, text)
}

// libraryLine finds a line of the library sidebar by its label.
func libraryLine(t *testing.T, w *Window, kind EntryKind, contains string) int {
	t.Helper()
	for i, e := range w.Library.entries {
		if e.Kind == kind && strings.Contains(e.Label, contains) {
			return i
		}
	}
	t.Fatalf("no library line %q", contains)
	return -1
}

func TestOpenDuplicateEditUndo(t *testing.T) {
	w, _ := newTestWindow(t)
	ws := w.WS
	if ws.Baseline == nil || ws.Baseline.Scenario.ID != BaselineBuiltIn {
		t.Fatalf("baseline = %v, want the OEWG as held", ws.Baseline)
	}
	w.Library.Tap(libraryLine(t, w, EntryBuiltIn, "Global Mechanism"))
	d := ws.Active
	if d == nil || !d.ReadOnly() || d.Scenario.ID != "global-mechanism" {
		t.Fatalf("active = %+v, want the built-in Global Mechanism, read-only", d)
	}
	if e := w.Editor.Entry("bodies[0].meetings"); e == nil || !e.Disabled() {
		t.Fatal("a built-in's fields can be edited")
	}
	w.Duplicate()
	dup := ws.Active
	if dup == d || dup.ReadOnly() || !dup.Dirty || !strings.HasPrefix(dup.Title(), "● ") {
		t.Fatalf("duplicate = %q read-only %v dirty %v", dup.Title(), dup.ReadOnly(), dup.Dirty)
	}
	before := dup.Result.Total.Meetings
	beforeDays := dup.Result.Total.BodyDays
	plenary := dup.Scenario.Bodies[1]
	if plenary.ID != "plenary" || plenary.Meetings != 10 {
		t.Fatalf("bodies[1] = %s with %d meetings, the test expects the plenary's 10", plenary.ID, plenary.Meetings)
	}
	w.Editor.body = 1
	w.Editor.refresh()
	retype(t, w, "bodies[1].meetings", "14")
	if got := dup.Scenario.Bodies[1].Meetings; got != 14 {
		t.Fatalf("plenary meetings = %d after typing 14", got)
	}
	after := dup.Result.Total.Meetings
	if after <= before || dup.Result.Total.BodyDays <= beforeDays {
		t.Fatalf("meetings %d → %d, body-days %v → %v: the totals did not grow", before, after, beforeDays, dup.Result.Total.BodyDays)
	}
	if got := figure(t, ws.Results(), "Meetings (3-hour slots)"); got.Value != strconv.Itoa(after) || !strings.HasPrefix(got.Change, "+") {
		t.Errorf("results panel shows %q meetings (change %q), the engine %d", got.Value, got.Change, after)
	}
	// The built-in itself is untouched.
	if d.Scenario.Bodies[1].Meetings != 10 {
		t.Error("editing the copy changed the built-in")
	}
	test.Tap(w.Editor.Entry("bodies[1].meetings")) // focus stays usable
	w.WS.Undo()
	if got := dup.Scenario.Bodies[1].Meetings; got != 10 {
		t.Fatalf("undo left %d meetings, want 10 (typing one field is one undo step)", got)
	}
	if dup.Result.Total.Meetings != before {
		t.Errorf("undo: meetings %d, want %d", dup.Result.Total.Meetings, before)
	}
	if w.Editor.Entry("bodies[1].meetings").Text != "10" {
		t.Errorf("the field shows %q after undo", w.Editor.Entry("bodies[1].meetings").Text)
	}
	w.WS.Redo()
	if dup.Scenario.Bodies[1].Meetings != 14 || dup.Result.Total.Meetings != after {
		t.Errorf("redo: %d meetings, total %d", dup.Scenario.Bodies[1].Meetings, dup.Result.Total.Meetings)
	}
}

func TestInvalidEntryShowsMessageAndKeepsResult(t *testing.T) {
	w, _ := newTestWindow(t)
	d := w.WS.New()
	good := d.Result
	if good == nil {
		t.Fatalf("a new scenario does not evaluate: %v", d.Problems)
	}
	retype(t, w, "bodies[0].meetings", "0")
	msgs := w.Editor.Messages()
	if !strings.Contains(msgs["bodies[0].meetings"], "between 1 and 60") {
		t.Fatalf("messages = %v, want the allowed range next to the meetings field", msgs)
	}
	if d.Result != good || !d.Stale() {
		t.Fatal("the last valid result was not kept")
	}
	if rv := w.WS.Results(); !strings.Contains(rv.Stale, "last valid result") || len(rv.Figures) == 0 {
		t.Errorf("results panel: stale %q with %d figures", rv.Stale, len(rv.Figures))
	}
	// Letters are not a number: the message says so, the model keeps 0.
	retype(t, w, "bodies[0].meetings", "ten")
	if m := w.Editor.Messages()["bodies[0].meetings"]; !strings.Contains(m, "not a whole number") {
		t.Errorf("message = %q", m)
	}
	if w.Editor.Entry("bodies[0].meetings").Text != "ten" {
		t.Error("the text being corrected was replaced")
	}
	retype(t, w, "bodies[0].meetings", "6")
	if len(w.Editor.Messages()) != 0 || !d.Valid() || d.Result == good {
		t.Errorf("after a valid entry: messages %v, valid %v", w.Editor.Messages(), d.Valid())
	}
	if d.Result.Total.Meetings != 6*d.Result.Total.Blocks {
		t.Errorf("%d meetings in %d blocks of one 6-meeting session", d.Result.Total.Meetings, d.Result.Total.Blocks)
	}
	retype(t, w, "cycle_years", "9")
	if m := w.Editor.Messages()["cycle_years"]; !strings.Contains(m, "horizon.years") {
		t.Errorf("cycle longer than horizon: message %q", m)
	}
}

func TestSaveOpenAndRecent(t *testing.T) {
	w, p := newTestWindow(t)
	w.WS.New()
	retype(t, w, "name", "Two plenaries")
	p.save = filepath.Join(t.TempDir(), "two")
	w.Save()
	d := w.WS.Active
	if d.Dirty || d.Path != p.save+".json" || strings.HasPrefix(d.Title(), "●") {
		t.Fatalf("after save: dirty %v path %q title %q", d.Dirty, d.Path, d.Title())
	}
	s, err := store.Load(d.Path)
	if err != nil || s.Name != "Two plenaries" {
		t.Fatalf("saved file: %v %v", s, err)
	}
	w.CloseActive()
	p.open = d.Path
	w.Open()
	if w.WS.Active == nil || w.WS.Active.Path != d.Path {
		t.Fatal("the file did not reopen")
	}
	if line := libraryLine(t, w, EntryRecent, "two.json"); line < 0 {
		t.Fatal("not in recent files")
	}
	// Deleting removes the file and the recent entry.
	if err := w.WS.Delete(w.WS.Active); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(d.Path); !os.IsNotExist(err) {
		t.Errorf("the file is still there: %v", err)
	}
	for _, e := range w.WS.LibraryEntries() {
		if e.Kind == EntryRecent && e.Path == d.Path {
			t.Error("a deleted file is still in recent files")
		}
	}
	// Built-ins refuse to be saved over, or deleted.
	w.WS.OpenBuiltIn("global-mechanism")
	if err := w.WS.Save(w.WS.Active); err == nil {
		t.Error("a built-in was saved")
	}
	if err := w.WS.Delete(w.WS.Active); err == nil {
		t.Error("a built-in was deleted")
	}
}

func TestAutosaveRecoversAfterCrash(t *testing.T) {
	dir := t.TempDir()
	a := test.NewTempApp(t)
	w, err := Create(a, Config{Picker: &fakePicker{}, AutosaveDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	w.WS.New()
	retype(t, w, "name", "Unsaved work")
	files, _ := filepath.Glob(filepath.Join(dir, "unsaved-*.json"))
	if len(files) != 1 {
		t.Fatalf("autosave files: %v", files)
	}
	// A crash: the window goes away without asking. A new session finds
	// the work again.
	w2, err := Create(test.NewTempApp(t), Config{Picker: &fakePicker{}, AutosaveDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range w2.WS.Docs {
		names = append(names, d.Scenario.Name)
	}
	if !strings.Contains(strings.Join(names, "|"), "Unsaved work") || !w2.WS.Active.Dirty {
		t.Fatalf("recovered: %v", names)
	}
	// Quitting without saving, when the user says so, forgets it.
	w2.WS.DiscardAutosaves()
	if files, _ := filepath.Glob(filepath.Join(dir, "unsaved-*.json")); len(files) != 0 {
		t.Errorf("left behind: %v", files)
	}
}

func TestBodiesAddRemoveReorderAndBlocks(t *testing.T) {
	w, _ := newTestWindow(t)
	d := w.WS.New()
	w.Editor.AddBody()
	if len(d.Scenario.Bodies) != 2 || w.Editor.body != 1 {
		t.Fatalf("bodies %d, selected %d", len(d.Scenario.Bodies), w.Editor.body)
	}
	group := d.Scenario.Bodies[1].ID
	w.Editor.MoveBody(-1)
	if d.Scenario.Bodies[0].ID != group {
		t.Fatalf("move up: %v", d.Scenario.Bodies)
	}
	w.Editor.AddSession()
	sessions := d.Scenario.Blocks[0].Sessions
	if len(sessions) != 2 || sessions[1].Body != group {
		t.Fatalf("sessions = %+v", sessions)
	}
	meetingsWithGroup := d.Result.Total.Meetings
	w.Editor.RemoveBody()
	if len(d.Scenario.Bodies) != 1 || len(d.Scenario.Blocks[0].Sessions) != 1 || !d.Valid() {
		t.Fatalf("remove: bodies %d, sessions %d, problems %v", len(d.Scenario.Bodies), len(d.Scenario.Blocks[0].Sessions), d.Problems)
	}
	w.WS.Undo()
	if len(d.Scenario.Bodies) != 2 || d.Result.Total.Meetings != meetingsWithGroup {
		t.Errorf("undo remove: %d bodies, %d meetings", len(d.Scenario.Bodies), d.Result.Total.Meetings)
	}
	w.Editor.AddBlock()
	if len(d.Scenario.Blocks) != 2 || d.Result.Total.Blocks <= 5 {
		t.Errorf("blocks %d, total blocks %d", len(d.Scenario.Blocks), d.Result.Total.Blocks)
	}
	// A venue not in the reference data is flagged on its field.
	w.Editor.block = 1
	w.Editor.refresh()
	retype(t, w, "blocks[1].venues", "NYC, XXX")
	if m := w.Editor.Messages()["blocks[1].venues"]; !strings.Contains(m, "unknown venue") {
		t.Errorf("venues message = %q (all: %v)", m, w.Editor.Messages())
	}
}

func TestCalendarShowsSessionsAndConflicts(t *testing.T) {
	w, _ := newTestWindow(t)
	w.WS.OpenBuiltIn("global-mechanism")
	cal := w.WS.Calendar(2026)
	if len(cal.Lanes) == 0 {
		t.Fatal("no lanes in 2026")
	}
	bars := 0
	for _, l := range cal.Lanes {
		if l.Venue != "NYC" {
			t.Errorf("lane at %s; the adopted mechanism meets in New York", l.Venue)
		}
		bars += len(l.Bars)
	}
	if bars < 3 {
		t.Errorf("%d sessions in 2026; want the organizational session, the plenary and the groups", bars)
	}
	// An agenda rotation shows which turn each group's session is.
	w.WS.OpenBuiltIn("s8-four-groups-rotating")
	rotated := 0
	for _, l := range w.WS.Calendar(2027).Lanes {
		for _, b := range l.Bars {
			if b.Rotation != "" {
				rotated++
			}
		}
	}
	if rotated == 0 {
		t.Error("no session of the rotating scenario is marked as a rotation's turn")
	}
	w.ShowView(ViewCalendar)
	w.Calendar.SetYear(2027)
	if w.Calendar.view.Year != 2027 {
		t.Errorf("year = %d", w.Calendar.view.Year)
	}
}

func TestRecomputeAllOnSettingsChange(t *testing.T) {
	w, _ := newTestWindow(t)
	w.WS.OpenBuiltIn("s9-hybrid-groups")
	d := w.WS.Active
	if d.Result == nil || d.Result.Burden == nil {
		t.Fatal("no burden result")
	}
	before := d.Result.Burden.Summary.TotalNight
	if err := w.Prefs.ApplyBands("night 20:00 08:00 3"); err != nil {
		t.Fatal(err)
	}
	if after := d.Result.Burden.Summary.TotalNight; after <= before {
		t.Errorf("a longer night did not raise the night minutes: %d → %d", before, after)
	}
	if err := w.Prefs.ApplyBands("night 25:00 08:00 3"); err == nil {
		t.Error("a band from 25:00 was accepted")
	}
}

func figure(t *testing.T, v ResultsView, metric string) Figure {
	t.Helper()
	for _, f := range v.Figures {
		if f.Metric == metric {
			return f
		}
	}
	t.Fatalf("no figure %q", metric)
	return Figure{}
}

func TestTimeZonesTableAndOptimiser(t *testing.T) {
	w, _ := newTestWindow(t)
	w.WS.OpenBuiltIn("s9-hybrid-groups")
	w.ShowView(ViewZones)
	z := w.Zones
	var remote int = -1
	for i, m := range w.WS.Active.Result.Schedule.Meetings {
		if m.Format.Remote() {
			remote = i
			break
		}
	}
	if remote < 0 {
		t.Fatal("the hybrid scenario has no hybrid meeting")
	}
	z.meeting.SetSelectedIndex(remote)
	if n := len(z.Rows()); n != 193 {
		t.Fatalf("%d delegations, want 193", n)
	}
	night := 0
	for _, r := range z.Rows() {
		if r.Band == bandNight {
			night++
			if r.Night == 0 {
				t.Errorf("%s is shown as night with no night minutes", r.ISO3)
			}
		}
	}
	if night == 0 {
		t.Error("no delegation has this hybrid meeting in its night")
	}
	z.sort.SetSelected(SortByBurden)
	if rows := z.Rows(); rows[0].Night < rows[len(rows)-1].Night {
		t.Error("sorting by night minutes did not put the worst first")
	}
	// Coloured by the scenario's burden, the worst off and the least
	// burdened capital look different.
	z.sort.SetSelected(SortByScore)
	z.SetColouring(colourByScore)
	rows := z.Rows()
	worst, least := rows[0], rows[len(rows)-1]
	if worst.Score <= least.Score || z.capitalColour(worst, worst.Score) == z.capitalColour(least, worst.Score) {
		t.Errorf("worst %s (%v) and least %s (%v) are not told apart", worst.ISO3, worst.Score, least.ISO3, least.Score)
	}
	z.group.SetSelected("Asia-Pacific")
	for _, r := range z.Rows() {
		if r.Group != "Asia-Pacific" {
			t.Fatalf("filter by group let %s (%s) through", r.Name, r.Group)
		}
	}
	z.status.SetSelected("SIDS")
	for _, r := range z.Rows() {
		if !strings.Contains(r.Status, "SIDS") {
			t.Fatalf("filter by SIDS let %s through", r.Name)
		}
	}

	// The optimiser runs off the UI goroutine; applying its suggestion to a
	// built-in duplicates it first, and is one undoable edit.
	done := make(chan struct{})
	z.optim.Run(func() { close(done) })
	<-done
	if z.optim.Suggestion == nil {
		t.Fatalf("no suggestion: %s", z.optim.report.Text)
	}
	after := z.optim.Suggestion.After.Max
	test.Tap(z.optim.apply)
	d := w.WS.Active
	if d.ReadOnly() || d.Result.Burden.Summary.Max != after {
		t.Errorf("after apply: read-only %v, worst-off %v, suggestion promised %v", d.ReadOnly(), d.Result.Burden.Summary.Max, after)
	}
}

func TestCostsLinesSensitivityAndSponsorship(t *testing.T) {
	w, _ := newTestWindow(t)
	w.WS.OpenBuiltIn("global-mechanism")
	done := make(chan struct{})
	w.Costs.tornado.done = func() { close(done) }
	w.ShowView(ViewCosts)
	<-done
	v := w.WS.Costs()
	if len(v.Lines) == 0 || len(v.Totals) == 0 {
		t.Fatal("no cost lines")
	}
	placeholders := 0
	for _, l := range v.Lines {
		if l.Source == "" || l.Assumption == "" {
			t.Errorf("line %q has no assumption or source", l.Item)
		}
		if l.Placeholder {
			placeholders++
		}
	}
	if placeholders == 0 {
		t.Error("no line is flagged as resting on a placeholder; the meeting rates are placeholders")
	}
	if len(w.Costs.tornado.Swings) == 0 {
		t.Fatal("no sensitivity")
	}
	labels := strings.Join(w.Costs.tornado.chart.Labels(), "|")
	if !strings.Contains(labels, "base USD") || !strings.Contains(labels, "(placeholder)") {
		t.Errorf("the tornado does not write its base or flag placeholders: %s", labels)
	}
	w.Costs.pledge.SetText("")
	test.Type(w.Costs.pledge, "67000")
	if !strings.Contains(w.Costs.buys.Text, "buys") {
		t.Errorf("pledge: %q", w.Costs.buys.Text)
	}
	test.Type(w.Costs.pledge, "x")
	if !strings.Contains(w.Costs.buys.Text, "not an amount") {
		t.Errorf("bad pledge: %q", w.Costs.buys.Text)
	}
}

func TestMyDelegationUnderEveryOpenScenario(t *testing.T) {
	w, _ := newTestWindow(t)
	w.WS.OpenBuiltIn("global-mechanism")
	w.WS.OpenBuiltIn("s7-rotating-venues")
	w.ShowView(ViewMine)
	if v := w.WS.Delegation(); v.Problem == "" {
		t.Error("no delegation chosen, yet no prompt to choose one")
	}
	w.Mine.state.entry.SetText("Chile (CHL)")
	v := w.WS.Delegation()
	if v.State != "Chile" || len(v.Rows) != 3 {
		t.Fatalf("state %q with %d rows; want Chile under the 3 open scenarios", v.State, len(v.Rows))
	}
	if len(v.Trips) == 0 {
		t.Error("no trips listed for the active scenario")
	}
	before := v.Rows[2].Cost
	w.Mine.people.SetText("4")
	if after := w.WS.Delegation().Rows[2].Cost; after == before {
		t.Errorf("four travellers cost the same as two: %s", after)
	}
}

func TestCompareThreeAndExport(t *testing.T) {
	w, p := newTestWindow(t)
	oewg := w.WS.Baseline
	gm := w.WS.OpenBuiltIn("global-mechanism")
	s9 := w.WS.OpenBuiltIn("s9-hybrid-groups")
	w.WS.OpenBuiltIn("s4-viet-nam") // open, not picked
	w.ShowView(ViewCompare)
	w.Compare.Pick(oewg, gm, s9)
	w.Compare.SetBaseline(gm)
	c := w.Compare.Comparison
	if c == nil || len(c.Results) != 3 || c.Results[c.Baseline] != gm.Result {
		t.Fatalf("comparison of %v", c)
	}
	cells := w.Compare.cells
	if len(cells[0]) != 4 || !strings.Contains(cells[0][2], "[baseline]") {
		t.Fatalf("header = %v", cells[0])
	}
	stars := 0
	for i, pareto := range c.Pareto {
		if pareto {
			stars++
			if !strings.HasPrefix(cells[0][i+1], "★") {
				t.Errorf("Pareto-best %q is not marked", cells[0][i+1])
			}
		}
	}
	if stars == 0 {
		t.Error("no scenario is Pareto-best")
	}
	// Every figure is the engine's: the meeting days row shows its value.
	row, _ := c.Row("meeting_days")
	found := false
	for _, line := range cells {
		if line[0] == row.Label {
			found = strings.HasPrefix(line[1], chart.Number(row.Figures[0].PerYear, row.Decimals))
		}
	}
	if !found {
		t.Error("the meeting-days row does not show the engine's figure")
	}
	if labels := strings.Join(w.Compare.charts[0].Labels(), "|"); !strings.Contains(labels, gm.Scenario.Label()) {
		t.Errorf("the meeting-days chart does not name the scenarios: %s", labels)
	}

	dir := t.TempDir()
	for _, e := range exporters {
		p.save = filepath.Join(dir, "comparison")
		p.dir = filepath.Join(dir, "calendars")
		os.Mkdir(p.dir, 0o755)
		done := make(chan error, 1)
		w.Compare.exported = func(path string, err error) { done <- err }
		w.Compare.Export(e)
		if err := <-done; err != nil {
			t.Fatalf("%s: %v", e.name(), err)
		}
		file := p.save + e.Ext
		if e.Scenario != nil {
			file = filepath.Join(p.dir, p.names[0])
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		magic := map[string]string{".xlsx": "PK", ".pdf": "%PDF", ".ics": "BEGIN:VCALENDAR"}[e.Ext]
		if !strings.HasPrefix(string(data), magic) {
			t.Errorf("%s does not start with %q", e.Ext, magic)
		}
	}
	if len(p.asked) != len(exporters) {
		t.Errorf("asked %v", p.asked)
	}
}

func TestShortcutsAndCloseConfirmation(t *testing.T) {
	w, _ := newTestWindow(t)
	press := func(s fyne.Shortcut) { w.Win.Canvas().(fyne.Shortcutable).TypedShortcut(s) }
	press(ctrl(fyne.KeyN))
	d := w.WS.Active
	if d == nil || d.Scenario.Name != "New scenario" {
		t.Fatal("Ctrl+N did not open a new scenario")
	}
	retype(t, w, "name", "Renamed")
	// Ctrl+Z and Ctrl+Y reach the window as Fyne's undo and redo.
	press(&fyne.ShortcutUndo{})
	if d.Scenario.Name != "New scenario" {
		t.Errorf("Ctrl+Z left %q", d.Scenario.Name)
	}
	press(&fyne.ShortcutRedo{})
	if d.Scenario.Name != "Renamed" {
		t.Errorf("Ctrl+Y left %q", d.Scenario.Name)
	}
	press(&fyne.ShortcutUndo{})
	press(ctrlShift(fyne.KeyZ))
	if d.Scenario.Name != "Renamed" {
		t.Errorf("Ctrl+Shift+Z left %q", d.Scenario.Name)
	}
	press(ctrl(fyne.Key2))
	if w.View() != ViewCalendar {
		t.Errorf("Ctrl+2 shows %q", w.View())
	}
	// The menus show the shortcuts.
	shown := 0
	for _, m := range w.Win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				shown++
			}
		}
	}
	if shown < 10 {
		t.Errorf("only %d menu items show a shortcut", shown)
	}
	// Quitting (Ctrl+Q) with unsaved work asks first and keeps the window.
	press(ctrl(fyne.KeyQ))
	if w.Win.Canvas().Overlays().Top() == nil {
		t.Fatal("no confirmation before closing with unsaved changes")
	}
	if w.quitting {
		t.Error("the window decided to quit before the user answered")
	}
}

func TestPriceYearSettingReachesTheEngine(t *testing.T) {
	w, _ := newTestWindow(t)
	d := w.WS.New()
	// With 2% escalation a year, later years cost more than the price year.
	w.WS.Edit("", func(s *model.Scenario) {
		s.Assumptions = append(s.Assumptions, model.Override{Key: "cost.escalation_per_year", Value: 0.02, Source: "test"})
	})
	before := d.Result.Cost
	w.Prefs.year.SetText(strconv.Itoa(before.PriceYear - 3))
	after := d.Result.Cost
	if after.PriceYear != before.PriceYear-3 || after.Total.Total <= before.Total.Total {
		t.Errorf("price year %d → %d, total %.0f → %.0f: escalating from an older year should cost more", before.PriceYear, after.PriceYear, before.Total.Total, after.Total.Total)
	}
	if len(d.Scenario.Assumptions) != 1 {
		t.Error("the setting was written into the scenario")
	}
	if v := w.WS.Costs(); !strings.Contains(v.Totals[0].Metric, strconv.Itoa(after.PriceYear)+" prices") {
		t.Errorf("the costs view does not name the price year: %q", v.Totals[0].Metric)
	}
	w.Prefs.year.SetText("1800")
	if !strings.Contains(w.Prefs.message.Text, "price year") {
		t.Errorf("no message for 1800: %q", w.Prefs.message.Text)
	}
}

func TestAnEditRecomputesOnlyItsScenario(t *testing.T) {
	w, _ := newTestWindow(t)
	other := w.WS.OpenBuiltIn("s9-hybrid-groups")
	d := w.WS.New()
	before := map[*Document]*plan.Result{w.WS.Baseline: w.WS.Baseline.Result, other: other.Result, d: d.Result}
	retype(t, w, "bodies[0].meetings", "8")
	if d.Result == before[d] || d.Result.Total == before[d].Total {
		t.Error("the edited scenario kept its old figures")
	}
	for _, doc := range []*Document{w.WS.Baseline, other} {
		if doc.Result != before[doc] {
			t.Errorf("%s was evaluated again after an edit of another scenario", doc.Scenario.Name)
		}
	}
	// A change of settings does reach every scenario.
	w.WS.Recompute()
	if other.Result == before[other] {
		t.Error("a recompute kept an old result")
	}
}

func TestNewScenarioIDFollowsItsName(t *testing.T) {
	w, _ := newTestWindow(t)
	d := w.WS.New()
	retype(t, w, "name", "Two blocks, Côte 2027")
	if d.Scenario.ID != "two-blocks-cote-2027" {
		t.Fatalf("id %q does not follow the name", d.Scenario.ID)
	}
	retype(t, w, "id", "mine")
	retype(t, w, "name", "Another name")
	if d.Scenario.ID != "mine" {
		t.Errorf("the id the user set changed to %q with the name", d.Scenario.ID)
	}
}
