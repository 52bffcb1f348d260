package ui

import (
	"fmt"
	"strings"
	"testing"

	"mechplan/internal/i18n"
	"mechplan/internal/model"
)

// brokenScenario breaks as many of the engine's rules as one scenario can.
func brokenScenario(w *Window) *model.Scenario {
	s := w.WS.New().Scenario.Clone()
	s.Version = 99
	s.ID = "Bad ID!"
	s.Name = ""
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
	return append(ps, overallCut())
}

// TestEngineMessagesAreTranslated: every message the engine's validation
// gives for a badly broken scenario reads in French and in Spanish; a new
// or reworded message of the engine fails here until it has a pattern.
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
		for _, p := range problems {
			got := problemText(p.Message)
			if got == p.Message {
				t.Errorf("%s: %s: %q has no translation pattern", lang, p.Path, p.Message)
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

// TestConflictMessagesAreTranslated: the schedule's three kinds of
// conflict, as it writes them.
func TestConflictMessagesAreTranslated(t *testing.T) {
	w := newWindowIn(t, i18n.French, true)
	_ = w
	for msg, want := range map[string]string{
		"blocks a (NYC, 2027-03-01 to 2027-03-05) and b (GVA, 2027-03-03 to 2027-03-04) overlap":                                                                "les blocs a (NYC, du 2027-03-01 au 2027-03-05) et b (GVA, du 2027-03-03 au 2027-03-04) se chevauchent",
		"block a (2027-09-20 to 2027-09-24) falls in the General Assembly's high-level week (2027-09-21 to 2027-09-27)":                                         "le bloc a (du 2027-09-20 au 2027-09-24) tombe pendant la semaine de haut niveau de l'Assemblée générale (du 2027-09-21 au 2027-09-27)",
		"block a would start on 2027-12-25 (Christmas Day, NYC closed); it starts on 2027-12-27":                                                                "le bloc a commencerait le 2027-12-25 (Christmas Day, NYC fermé) ; il commence le 2027-12-27",
		"block ny (NYC, 2026-10-12 to 2026-10-16) falls in the First Committee's main session (2026-10-05 to 2026-11-06); the nearest free start is 2026-09-28": "le bloc ny (NYC, du 2026-10-12 au 2026-10-16) tombe pendant la session principale de la Première Commission (du 2026-10-05 au 2026-11-06) ; le début libre le plus proche est le 2026-09-28",
		"block y (GVA, 2026-12-28 to 2026-12-31) falls in the end-of-year holidays (2026-12-24 to 2027-01-01)":                                                  "le bloc y (GVA, du 2026-12-28 au 2026-12-31) tombe pendant les fêtes de fin d'année (du 2026-12-24 au 2027-01-01)",
	} {
		if got := problemText(msg); got != want {
			t.Errorf("problemText(%q)\n = %q\nwant %q", msg, got, want)
		}
	}
	if got := conflictKind("high-level week"); got != "semaine de haut niveau" {
		t.Errorf("conflict kind = %q", got)
	}
}

// TestEnglishMessagesUnchanged: in English the engine's words are shown
// as written.
func TestEnglishMessagesUnchanged(t *testing.T) {
	w := newWindowIn(t, i18n.English, true)
	for _, p := range engineProblems(w) {
		if got := problemText(p.Message); got != p.Message {
			t.Errorf("English %q became %q", p.Message, got)
		}
	}
}

// TestCostItemsAreTranslated: every item of every cost line of a
// scenario that meets away from New York, with sponsorship and hybrid
// meetings, reads in French and Spanish.
func TestCostItemsAreTranslated(t *testing.T) {
	for _, lang := range []i18n.Language{i18n.French, i18n.Spanish} {
		w := newWindowIn(t, lang, true)
		seen := 0
		for _, id := range []string{"s7-rotating-venues", "s9-hybrid-groups"} {
			w.WS.OpenBuiltIn(id)
			for _, l := range w.WS.Costs().Lines {
				seen++
				for _, english := range []string{"Meetings", "meetings", " to ", "air fares", "Delegations", "Secretariat posts", "Webcast on", "Translation of", "Geneva"} {
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
