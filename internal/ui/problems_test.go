package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mechplan/internal/i18n"
	"mechplan/internal/model"
	"mechplan/internal/msg"
	"mechplan/internal/plan"
	"mechplan/internal/settings"
)

// brokenScenario breaks as many of the engine's rules as one scenario can.
func brokenScenario(w *Window) *model.Scenario {
	s := w.WS.New().Scenario.Clone()
	s.Version = 99
	s.ID = "Bad ID!"
	s.Name = ""
	s.Proponent = "forged\nline"
	s.Description = "cursor \x1b[2J"
	s.Horizon.Start = "2026-13-01"
	s.Horizon.Years = 3
	s.CycleYears = 5
	s.Bodies = append(s.Bodies,
		model.Body{ID: "plenary", Name: "Twin", Kind: "council", Format: "radio", Meetings: 0, StartTimes: []string{"25:00", "23:00"}},
		model.Body{ID: "late", Name: "Late", Kind: model.ThematicGroup, Format: model.Virtual, Meetings: 4, StartTimes: []string{"20:00"}},
	)
	s.Blocks = append(s.Blocks,
		model.Block{ID: "plenary-week", Name: "Twin", Venue: "XXX", Venues: []string{"GVA"}, Month: 13, Week: 9, Arrangement: "stacked",
			Dates: []string{"2040-01-05", "not a date"}, Years: []int{7},
			Sessions: []model.Session{{Body: "plenary", Rotation: "r"}, {Rotation: "nowhere"}, {Body: "ghost"}, {Body: "late", Take: 2}, {}}},
		model.Block{ID: "empty", Name: "Empty", Arrangement: model.Consecutive},
	)
	s.Rotations = []model.Rotation{{ID: "r", Bodies: nil}, {ID: "r", Bodies: []string{"plenary"}}}
	s.Assumptions = []model.Override{{Key: "", Value: -1}}
	s.BurdenBands = []model.Band{{Name: "day", From: "06:00", To: "06:00", Weight: 99}, {Name: model.BandNight, From: "7", To: "08:00", Weight: 1}}
	return s
}

// brokenLists breaks the limits on lists and makes the report cut itself
// short: lists over their limits, a list of bodies too long to quote
// whole, more problems in one list than are shown.
func brokenLists(w *Window) *model.Scenario {
	s := w.WS.New().Scenario.Clone()
	for i := 0; i < 15; i++ {
		s.Bodies = append(s.Bodies, model.Body{ID: fmt.Sprintf("b%d", i), Name: "B", Kind: model.Plenary, Meetings: 1, Format: model.InPerson})
	}
	s.Blocks[0].Sessions = append(s.Blocks[0].Sessions, model.Session{Body: "ghost"})
	s.Blocks[0].Years = make([]int, model.MaxCycleYears+1)
	for i := 0; i < 2*model.MaxProblemsPerList; i++ {
		b := s.Blocks[0]
		b.ID, b.Venue, b.Sessions = fmt.Sprintf("x%d", i), "XXX", s.Blocks[0].Sessions[:1]
		s.Blocks = append(s.Blocks, b)
	}
	s.Rotations = make([]model.Rotation, model.MaxRotations+1)
	s.Sources = make([]model.Source, model.MaxSources+1)
	s.Assumed = make([]model.Assumed, model.MaxAssumed+1)
	s.Assumptions = make([]model.Override, model.MaxAssumptions+1)
	return s
}

// brokenRest breaks the rules whose problems the two scenarios above
// break too but report past a list's bound (a missing id, venue and body,
// a year out of range, a date past the horizon, a take without rotation),
// and those neither breaks: texts and ids too long, a short name of two
// lines, a meeting window backwards, too many meetings in all.
func brokenRest(w *Window) *model.Scenario {
	s := w.WS.New().Scenario.Clone()
	s.ID = ""
	s.Name = strings.Repeat("n", model.MaxTextLen+1)
	s.ShortName = "tab\there"
	s.MeetingWindow = model.Window{From: "18:00", To: "09:00"}
	s.Bodies[0].ID = strings.Repeat("b", model.MaxIDLen+1)
	// Meetings past the bound on a whole horizon: 50 years of a block of
	// 50 sessions of 60 meetings.
	s.Horizon.Years = model.MaxHorizonYears
	many := s.Blocks[0]
	many.ID, many.Month, many.Week, many.Dates, many.Sessions = "many", 1, 1, nil, nil
	for range model.MaxSessionsInBlock {
		many.Sessions = append(many.Sessions, model.Session{Body: s.Bodies[0].ID, Meetings: model.MaxMeetings})
	}
	s.Blocks = append(s.Blocks, many)
	start, _ := model.ParseDate(s.Horizon.Start)
	late := start.AddDate(s.Horizon.Years+1, 0, 0).Format("2006-01-02")
	s.Blocks = append(s.Blocks, model.Block{ID: "nowhere", Name: "Nowhere", Arrangement: model.Consecutive,
		Dates:    []string{"1800-01-02", late, late},
		Sessions: []model.Session{{}, {Body: s.Bodies[0].ID, Take: 2}}})
	return s
}

// overallCut is the closing message of a report that reached MaxProblems.
func overallCut() model.Problem {
	var r model.Report
	for i := 0; i <= model.MaxProblems; i++ {
		r.Add(fmt.Sprintf("f%d", i), "is required")
	}
	ps := r.Problems()
	return ps[len(ps)-1]
}

// engineProblems are the messages of both broken scenarios and the
// closing message of a report cut overall.
func engineProblems(w *Window) model.Problems {
	venues := w.WS.Ref.VenueCodes()
	ps := append(brokenScenario(w).Validate(venues), brokenLists(w).Validate(venues)...)
	ps = append(ps, brokenRest(w).Validate(venues)...)
	return append(ps, overallCut())
}

// TestEngineMessagesAreTranslated: every message the engine's validation
// gives for a badly broken scenario reads in French and in Spanish; a new
// message of the engine fails here until every language has its code.
func TestEngineMessagesAreTranslated(t *testing.T) {
	for _, lang := range []i18n.Language{i18n.French, i18n.Spanish} {
		w := newWindowIn(t, lang, true)
		problems := engineProblems(w)
		all := problems.Error()
		for _, want := range []string{" more\n", "more problems in this list", "more problems (the", " rotations, got", " sources, got", " assumed values, got", " rate overrides, got", " cycle years, got"} {
			if !strings.Contains(all, want) {
				t.Errorf("no message with %q among:\n%s", want, all)
			}
		}
		if len(problems) < 25 {
			t.Fatalf("the broken scenario breaks only %d rules", len(problems))
		}
		for _, p := range append(problems, settingsProblems(t, w)...) {
			got := problemText(p)
			if got == p.Message {
				t.Errorf("%s: %s: %q is not translated", lang, p.Path, p.Message)
				continue
			}
			for _, english := range []string{"must ", "is required", "use one of", ", got ", "is used by", "unknown ", " more", "problems"} {
				if strings.Contains(got, english) {
					t.Errorf("%s: %q → %q still reads %q", lang, p.Message, got, english)
				}
			}
		}
	}
}

// settingsProblems are the settings' checks of the user's bands and
// hours, each rule broken once, as problems.
func settingsProblems(t *testing.T, w *Window) model.Problems {
	t.Helper()
	var errs []error
	for _, b := range []model.Band{
		{Name: "day", From: "00:00", To: "06:00", Weight: 1},
		{Name: model.BandNight, From: "7", To: "06:00", Weight: 1},
		{Name: model.BandNight, From: "00:00", To: "25:00", Weight: 1},
		{Name: model.BandNight, From: "06:00", To: "06:00", Weight: 1},
		{Name: model.BandNight, From: "00:00", To: "06:00", Weight: 999},
	} {
		errs = append(errs, settings.CheckBand(b))
	}
	ok := model.Band{Name: model.BandNight, From: "00:00", To: "06:00", Weight: 1}
	errs = append(errs, w.Settings.SetBands([]model.Band{ok, {Name: "day", From: "00:00", To: "06:00"}}))
	many := make([]model.Band, model.MaxBands+1)
	for i := range many {
		many[i] = ok
	}
	errs = append(errs, w.Settings.SetBands(many))
	errs = append(errs, w.Settings.SetHours(model.Window{From: "18:00", To: "09:00"}))
	var ps model.Problems
	for i, err := range errs {
		if err == nil {
			t.Fatalf("settings check %d accepted a broken value", i)
		}
		m, _ := msg.Of(err)
		ps = append(ps, model.Problem{Path: fmt.Sprintf("settings[%d]", i), Message: err.Error(), Msg: m})
	}
	return ps
}

// TestProblemsByCode: every problem of the engine's validation and of the
// settings' checks comes by code; en.json's text of every code (and of
// every code among its values) gives the engine's English, and every
// window language has every code.
func TestProblemsByCode(t *testing.T) {
	w := newWindowIn(t, i18n.English, true)
	en := i18n.Messages(i18n.English)
	codes := map[string]bool{}
	var english func(m msg.Message) string
	english = func(m msg.Message) string {
		if m.Code == "" {
			return m.English
		}
		codes[m.Code] = true
		data := map[string]any{}
		for _, a := range m.Args {
			data[a.Name] = a.Value
			if sub, ok := a.Value.(msg.Message); ok {
				data[a.Name] = english(sub)
			}
		}
		got := msg.Render(en[m.Code], data)
		if got != m.English {
			t.Errorf("en.json's %s gives %q, the engine writes %q", m.Code, got, m.English)
		}
		return got
	}
	for _, p := range append(engineProblems(w), settingsProblems(t, w)...) {
		if p.Msg.Code == "" || p.Message != p.Msg.English {
			t.Errorf("%s: %q has no code, or its Message is not the code's English", p.Path, p.Message)
			continue
		}
		english(p.Msg)
	}
	// Every code of the engine's validation and the settings' checks.
	for _, want := range []string{"problem.value", "problem.between", "problem.year", "problem.required", "problem.required_id", "problem.required_rate",
		"problem.required_venue", "problem.required_body", "problem.control_line", "problem.control_text", "problem.id_chars",
		"problem.date", "problem.clock", "problem.window_order", "problem.band", "problem.format", "problem.kind", "problem.arrangement",
		"problem.duplicate_block", "problem.duplicate_body", "problem.duplicate_date", "problem.duplicate_rotation", "problem.version", "problem.cycle",
		"problem.count_between", "problem.count_max", "problem.band_empty", "problem.venue_or_venues", "problem.body_or_rotation",
		"problem.take", "problem.unknown_venue", "problem.unknown_body", "problem.unknown_rotation", "problem.outside_horizon",
		"problem.midnight", "problem.more_in_list", "problem.more", "problem.settings_band", "problem.band_end", "problem.band_end.from",
		"problem.band_end.to", "problem.band_same", "problem.band_weight", "problem.band_count", "problem.quoted", "problem.list_more",
		"problem.too_long", "problem.id_too_long", "problem.one_line", "problem.too_many_meetings"} {
		if !codes[want] {
			t.Errorf("no rule broken gives %s", want)
		}
	}
	for _, lang := range i18n.Offered {
		tr := i18n.Messages(lang)
		for c := range codes {
			if tr[c] == "" {
				t.Errorf("%s has no message %s", lang, c)
			}
		}
	}
	t.Logf("%d codes", len(codes))
}

// TestConflictMessagesAreTranslated: the schedule's kinds of conflict,
// given by code with the values the schedule gives, read in French.
func TestConflictMessagesAreTranslated(t *testing.T) {
	newWindowIn(t, i18n.French, true)
	en := i18n.Messages(i18n.English)
	conflict := func(code string, pairs ...any) msg.Message { return msg.New(code, en[code], pairs...) }
	period := func(name string) msg.Message { return msg.Named("period.", name) }
	for m, want := range map[*msg.Message]string{
		ptr(conflict("problem.overlap", "A", "a", "AVenue", "NYC", "AFrom", "2027-03-01", "ATo", "2027-03-05", "B", "b", "BVenue", "GVA", "BFrom", "2027-03-03", "BTo", "2027-03-04")):                                                               "les blocs a (NYC, du 2027-03-01 au 2027-03-05) et b (GVA, du 2027-03-03 au 2027-03-04) se chevauchent",
		ptr(conflict("problem.high_level_week", "A", "a", "From", "2027-09-20", "To", "2027-09-24", "HFrom", "2027-09-21", "HTo", "2027-09-27")):                                                                                                     "le bloc a (du 2027-09-20 au 2027-09-24) tombe pendant la semaine de haut niveau de l'Assemblée générale (du 2027-09-21 au 2027-09-27)",
		ptr(conflict("problem.moved", "A", "a", "D", "2027-12-25", "Why", "Christmas Day", "Venue", "NYC", "Start", "2027-12-27")):                                                                                                                   "le bloc a commencerait le 2027-12-25 (Christmas Day, NYC fermé) ; il commence le 2027-12-27",
		ptr(conflict("problem.calendar_period_free", "A", "ny", "Venue", "NYC", "From", "2026-10-12", "To", "2026-10-16", "Period", period("the First Committee's main session"), "PFrom", "2026-10-05", "PTo", "2026-11-06", "Free", "2026-09-28")): "le bloc ny (NYC, du 2026-10-12 au 2026-10-16) tombe pendant la session principale de la Première Commission (du 2026-10-05 au 2026-11-06) ; le début libre le plus proche est le 2026-09-28",
		ptr(conflict("problem.calendar_period", "A", "y", "Venue", "GVA", "From", "2026-12-28", "To", "2026-12-31", "Period", period("the end-of-year holidays"), "PFrom", "2026-12-24", "PTo", "2027-01-01")):                                       "le bloc y (GVA, du 2026-12-28 au 2026-12-31) tombe pendant les fêtes de fin d'année (du 2026-12-24 au 2027-01-01)",
	} {
		if got := message(*m); got != want {
			t.Errorf("message(%s)\n = %q\nwant %q", m.Code, got, want)
		}
	}
	if got := conflictKind("high-level week"); got != "semaine de haut niveau" {
		t.Errorf("conflict kind = %q", got)
	}
}

func ptr(m msg.Message) *msg.Message { return &m }

// TestConflictsByCode: every calendar conflict of the built-in scenarios
// comes by code; en.json's text of the code gives the schedule's English,
// and every language has the code and the periods it names.
func TestConflictsByCode(t *testing.T) {
	w := newWindowIn(t, i18n.English, true)
	en := i18n.Messages(i18n.English)
	codes := map[string]bool{}
	n := 0
	// A scenario that runs into every kind of conflict: two blocks at
	// once, one in the high-level week, one on a holiday, one in the
	// First Committee's session and one in Geneva's year-end closure.
	s := w.WS.New().Scenario.Clone()
	s.Horizon.Start, s.Horizon.Years, s.CycleYears = "2026-01-01", 2, 1
	body := s.Bodies[0].ID
	for _, b := range []struct{ id, venue, date string }{
		{"ov-a", "NYC", "2026-03-02"}, {"ov-b", "GVA", "2026-03-03"}, {"hlw", "NYC", "2026-09-21"},
		{"xmas", "NYC", "2026-12-25"}, {"fc", "NYC", "2026-10-12"}, {"eoy", "GVA", "2026-12-28"},
	} {
		s.Blocks = append(s.Blocks, model.Block{ID: b.id, Name: b.id, Venue: b.venue, Dates: []string{b.date}, Arrangement: model.Consecutive,
			Sessions: []model.Session{{Body: body}}})
	}
	r, err := plan.Evaluate(s, w.WS.Ref, plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	{
		for _, c := range r.Schedule.Conflicts {
			n++
			m := c.Msg
			if m.Code == "" || c.Message != m.English {
				t.Errorf("%s: conflict %q has no code, or its Message is not the code's English", "every-conflict", c.Message)
				continue
			}
			data := map[string]any{}
			for _, a := range m.Args {
				data[a.Name] = a.Value
				if sub, ok := a.Value.(msg.Message); ok {
					data[a.Name] = sub.English
					codes[sub.Code] = true
				}
			}
			if got := msg.Render(en[m.Code], data); got != m.English {
				t.Errorf("en.json's %s gives %q, the schedule writes %q", m.Code, got, m.English)
			}
			codes[m.Code] = true
		}
	}
	for _, want := range []string{"problem.overlap", "problem.high_level_week", "problem.moved", "problem.calendar_period_free"} {
		if !codes[want] {
			t.Errorf("no conflict %s among %d", want, n)
		}
	}
	for _, lang := range i18n.Offered {
		tr := i18n.Messages(lang)
		for c := range codes {
			if tr[c] == "" {
				t.Errorf("%s has no message %s", lang, c)
			}
		}
	}
	t.Logf("%d conflicts, codes %v", n, codes)
}

// TestEnglishMessagesUnchanged: in English the engine's words are shown
// as written.
func TestEnglishMessagesUnchanged(t *testing.T) {
	w := newWindowIn(t, i18n.English, true)
	for _, p := range engineProblems(w) {
		if got := problemText(p); got != p.Message {
			t.Errorf("English %q became %q", p.Message, got)
		}
	}
}

// TestCostItemsAreTranslated: every item of every cost line of a
// scenario that meets away from New York, with sponsorship and hybrid
// meetings, reads in every language but English.
func TestCostItemsAreTranslated(t *testing.T) {
	for _, lang := range i18n.Offered[1:] {
		w := newWindowIn(t, lang, true)
		seen := 0
		for _, id := range []string{"s7-rotating-venues", "s9-hybrid-groups"} {
			w.WS.OpenBuiltIn(id)
			for _, l := range w.WS.Costs().Lines {
				seen++
				for _, english := range []string{"Meetings", "meetings", " to ", "air fares", "Delegations", "Secretariat posts", "Webcast on", "Translation of", "Geneva", "Programme support"} {
					if strings.Contains(l.Item, english) {
						t.Errorf("%s: cost item %q still reads %q", lang, l.Item, english)
						break
					}
				}
			}
		}
		if seen < 50 {
			t.Errorf("%s: only %d cost lines", lang, seen)
		}
	}
}

// TestCostItemsByCode: the engine names every cost item of every built-in
// scenario by a message code with its values, and renders its English
// from the same words en.json gives the code (one source for the
// English); every language has every code, and every value that is
// itself a code (a city, who travels, what is paid).
func TestCostItemsByCode(t *testing.T) {
	w := newWindowIn(t, i18n.English, true)
	en := i18n.Messages(i18n.English)
	codes := map[string]bool{}
	var walk func(m msg.Message)
	walk = func(m msg.Message) {
		codes[m.Code] = true
		for _, a := range m.Args {
			if sub, ok := a.Value.(msg.Message); ok {
				walk(sub)
			}
		}
	}
	lines := 0
	for _, b := range w.WS.BuiltIns {
		w.WS.OpenBuiltIn(b.Scenario.ID)
		d := w.WS.Active
		if d == nil || d.Result == nil || d.Result.Cost == nil {
			t.Fatalf("%s: no cost estimate", b.Scenario.ID)
		}
		for _, l := range d.Result.Cost.Lines {
			lines++
			m := l.ItemMsg
			if m.Code == "" {
				t.Errorf("%s: cost item %q has no code", b.Scenario.ID, l.Item)
				continue
			}
			if l.Item != m.English {
				t.Errorf("%s: Item %q is not the message's English %q", b.Scenario.ID, l.Item, m.English)
			}
			data := map[string]any{}
			for _, a := range m.Args {
				data[a.Name] = a.Value
				if sub, ok := a.Value.(msg.Message); ok {
					data[a.Name] = sub.English
				}
			}
			if got := msg.Render(en[m.Code], data); got != m.English {
				t.Errorf("en.json's %s gives %q, the engine writes %q", m.Code, got, m.English)
			}
			walk(m)
		}
	}
	if lines < 500 || len(codes) < 20 {
		t.Errorf("only %d lines and %d codes", lines, len(codes))
	}
	for _, lang := range i18n.Offered {
		tr := i18n.Messages(lang)
		for c := range codes {
			if tr[c] == "" {
				t.Errorf("%s has no message %s", lang, c)
			}
		}
	}
}

// TestBandErrorsAreTranslated: the settings screen's messages about the
// burden bands a user typed read in French.
func TestBandErrorsAreTranslated(t *testing.T) {
	w := newWindowIn(t, i18n.French, true)
	for text, want := range map[string]string{
		"day 00:00 06:00 3":   "tranche 1 : «\u00a0day\u00a0» n'est pas une tranche ; utilisez night ou unsociable",
		"night 7 08:00 1":     "tranche 1 : début : «\u00a07\u00a0» n'est pas une heure HH:MM (00:00 à 23:59)",
		"night 06:00 06:00 1": "tranche 1 : le début et la fin doivent différer (06:00)",
		"night 00:00 06:00 1\nunsociable 20:00 23:00 999": "tranche 2 : le poids doit être compris entre 0 et 100 ; valeur saisie : 999",
	} {
		if err := w.Prefs.ApplyBands(text); err == nil {
			t.Errorf("%q was accepted", text)
			continue
		}
		if got := w.Prefs.bandMsg.Text; got != want {
			t.Errorf("%q:\n got %q\nwant %q", text, got, want)
		}
	}
}

// TestOpenFailureInTheWindowsLanguage: a file that does not open is
// reported in the window's language, its place in the file included.
func TestOpenFailureInTheWindowsLanguage(t *testing.T) {
	w := newWindowIn(t, i18n.French, true)
	path := filepath.Join(t.TempDir(), "broken.json")
	if err := os.WriteFile(path, []byte(`{"mechplan_scenario": 2, "name": 12,}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := w.WS.OpenFile(path)
	if err == nil {
		t.Fatal("a broken file opened")
	}
	want := "ligne 1, colonne 37 : syntaxe JSON incorrecte : caractère '}' non valide là où une clé d'objet (une chaîne) doit commencer"
	if !strings.Contains(w.WS.Notice, want) {
		t.Errorf("notice %q\nwant it to hold %q", w.WS.Notice, want)
	}
	// As File ▸ Open shows it: the dialog and the status line.
	w.showError(err)
	if w.WS.Notice != want {
		t.Errorf("status %q, want %q", w.WS.Notice, want)
	}
	dir := os.Getenv("MECHPLAN_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	savePNG(t, w, filepath.Join(dir, "open-failure-fr.png"))
}
