package model

import (
	"strings"
	"testing"
)

var venues = []string{"NYC", "GVA", "VIE", "NBO"}

func valid() *Scenario {
	return &Scenario{
		Version: FormatVersion, ID: "x", Name: "X",
		Horizon: Horizon{Start: "2026-01-01", Years: 5}, CycleYears: 2,
		Bodies: []Body{
			{ID: "plenary", Name: "Plenary", Kind: Plenary, Meetings: 10, Format: InPerson, Interpretation: true},
			{ID: "tg1", Name: "Group 1", Kind: ThematicGroup, Meetings: 3, Format: Virtual, StartTimes: []string{"07:00", "13:00"}},
		},
		Blocks: []Block{
			{ID: "a", Venue: "NYC", Month: 7, Week: 3, Arrangement: Consecutive, Sessions: []Session{{Body: "plenary"}, {Rotation: "r", Take: 1}}},
			{ID: "b", Venues: []string{"GVA", "NBO"}, Years: []int{2}, Dates: []string{"2027-03-01"}, Arrangement: Parallel, Sessions: []Session{{Body: "tg1", Meetings: 4}}},
		},
		Rotations: []Rotation{{ID: "r", Bodies: []string{"tg1"}}},
	}
}

func TestValidScenario(t *testing.T) {
	if ps := valid().Validate(venues); len(ps) > 0 {
		t.Fatal(ps)
	}
}

func TestValidateReportsEveryProblemWithPathAndRange(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(s *Scenario)
		path   string
		want   string
	}{
		{"negative meetings", func(s *Scenario) { s.Bodies[0].Meetings = -4 }, "bodies[0].meetings", "must be between 1 and 60 meetings of 3 hours (two a day), got -4"},
		{"unknown venue", func(s *Scenario) { s.Blocks[0].Venue = "PAR" }, "blocks[0].venue", `unknown venue "PAR"; use one of: NYC, GVA, VIE, NBO`},
		{"unknown rotated venue", func(s *Scenario) { s.Blocks[1].Venues[1] = "XXX" }, "blocks[1].venues[1]", "unknown venue"},
		{"500-year horizon", func(s *Scenario) { s.Horizon.Years = 500 }, "horizon.years", "must be between 1 and 50 years, got 500"},
		{"bad start", func(s *Scenario) { s.Horizon.Start = "2026-13-01" }, "horizon.start", "is not a date YYYY-MM-DD"},
		{"cycle", func(s *Scenario) { s.CycleYears = 0 }, "cycle_years", "must be between 1 and 10 years, got 0"},
		{"kind", func(s *Scenario) { s.Bodies[0].Kind = "committee" }, "bodies[0].kind", `"committee" is not a kind of body; use one of: plenary, thematic_group`},
		{"format", func(s *Scenario) { s.Bodies[0].Format = "zoom" }, "bodies[0].format", "use one of: in_person, hybrid, virtual"},
		{"start time", func(s *Scenario) { s.Bodies[1].StartTimes[0] = "25:00" }, "bodies[1].start_times[0]", "HH:MM"},
		{"late start", func(s *Scenario) { s.Bodies[1].StartTimes[0] = "20:00" }, "bodies[1].start_times[0]", "start by 16:00"},
		{"unknown body", func(s *Scenario) { s.Blocks[0].Sessions[0].Body = "tg9" }, "blocks[0].sessions[0].body", `unknown body "tg9"; bodies are: plenary, tg1`},
		{"take too many", func(s *Scenario) { s.Blocks[0].Sessions[1].Take = 3 }, "blocks[0].sessions[1].take", "must be between 1 and 1"},
		{"cycle year", func(s *Scenario) { s.Blocks[1].Years = []int{3} }, "blocks[1].years[0]", "must be between 1 and 2 (a year of the cycle), got 3"},
		{"date outside horizon", func(s *Scenario) { s.Blocks[1].Dates[0] = "2035-03-01" }, "blocks[1].dates[0]", "outside the horizon 2026-01-01 to 2030-12-31"},
		{"month", func(s *Scenario) { s.Blocks[0].Month = 13 }, "blocks[0].month", "must be between 1 and 12"},
		{"date twice", func(s *Scenario) { s.Blocks[1].Dates = append(s.Blocks[1].Dates, s.Blocks[1].Dates[0]) }, "blocks[1].dates[1]", "is given twice in this block's dates (also dates[0])"},
		{"duplicate id", func(s *Scenario) { s.Bodies[1].ID = "plenary" }, "bodies[1].id", "is used by another body"},
		{"id characters", func(s *Scenario) { s.ID = "My Scenario" }, "id", "use lower-case letters"},
		{"arrangement", func(s *Scenario) { s.Blocks[0].Arrangement = "stacked" }, "blocks[0].arrangement", "use consecutive or parallel"},
		{"no bodies", func(s *Scenario) { s.Bodies = nil; s.Blocks = s.Blocks[:0]; s.Rotations = nil }, "bodies", "between 1 and 100"},
		{"too many meetings", func(s *Scenario) {
			s.Horizon.Years = 50
			s.CycleYears = 1
			s.Blocks[1].Years = nil
			for i := 0; i < 45; i++ {
				s.Blocks[0].Sessions = append(s.Blocks[0].Sessions, Session{Body: "plenary", Meetings: 60})
			}
			c := s.Blocks[0]
			c.ID = "c"
			s.Blocks = append(s.Blocks, c)
		}, "blocks", "the limit is 30000"},
		{"negative override", func(s *Scenario) { s.Assumptions = []Override{{Key: "dsa.NYC", Value: -1}} }, "assumptions[0].value", "must be between 0 and 1e12"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := valid()
			c.mutate(s)
			ps := s.Validate(venues)
			for _, p := range ps {
				if p.Path == c.path && strings.Contains(p.Message, c.want) {
					return
				}
			}
			t.Fatalf("want %s: ...%s...; got:\n%v", c.path, c.want, ps)
		})
	}
}

func TestValidateCollectsAllProblems(t *testing.T) {
	s := valid()
	s.Bodies[0].Meetings = 0
	s.Blocks[0].Venue = "PAR"
	s.Horizon.Years = 500
	if ps := s.Validate(venues); len(ps) < 3 {
		t.Fatalf("want at least 3 problems, got %v", ps)
	}
}

func TestCloneIsDeep(t *testing.T) {
	s := valid()
	c := s.Clone()
	c.Bodies[1].StartTimes[0] = "08:00"
	c.Blocks[0].Sessions[0].Body = "tg1"
	c.Rotations[0].Bodies[0] = "plenary"
	if s.Bodies[1].StartTimes[0] != "07:00" || s.Blocks[0].Sessions[0].Body != "plenary" || s.Rotations[0].Bodies[0] != "tg1" {
		t.Fatal("clone shares memory with the original")
	}
}
