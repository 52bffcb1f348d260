package model

import (
	"fmt"
	"strings"
	"testing"
)

// checkBounded fails unless the problems are within the report's bounds:
// at most MaxProblems and a closing message per list and overall, each
// message short.
func checkBounded(t *testing.T, ps Problems) {
	t.Helper()
	if len(ps) > MaxProblems+15 {
		t.Errorf("%d problems reported", len(ps))
	}
	for _, p := range ps {
		if len(p.String()) > 2000 {
			t.Errorf("a message of %d bytes: %.200s", len(p.String()), p)
		}
	}
}

// TestHugeListsFailFast: lists far over their limits give one message
// each, and their elements are not checked one by one.
func TestHugeListsFailFast(t *testing.T) {
	s := valid()
	for i := 0; i < 200000; i++ {
		s.Bodies = append(s.Bodies, Body{})
	}
	s.Blocks[0].Dates = make([]string, 100000)
	s.BurdenBands = make([]Band, 100000)
	s.Rotations = make([]Rotation, 100000)
	s.Sources = make([]Source, 100000)
	ps := s.Validate(venues)
	checkBounded(t, ps)
	want := map[string]string{
		"bodies":          "must hold between 1 and 100 bodies, got 200002",
		"blocks[0].dates": "must hold at most 500 dates, got 100000",
		"burden_bands":    "must hold at most 24 bands, got 100000",
		"rotations":       "must hold at most 100 rotations, got 100000",
		"sources":         "must hold at most 100 sources, got 100000",
	}
	for _, p := range ps {
		if w, ok := want[p.Path]; ok && p.Message == w {
			delete(want, p.Path)
		}
		if strings.HasPrefix(p.Path, "bodies[") || strings.HasPrefix(p.Path, "burden_bands[") || strings.Contains(p.Path, "dates[") {
			t.Errorf("an element of a list over its limit was checked: %s", p)
		}
	}
	for path, msg := range want {
		t.Errorf("missing %s: %s\ngot:\n%s", path, msg, ps.Error())
	}
}

// TestMessagesAreCut: 10,000 sessions naming unknown bodies among 100
// bodies with the longest ids give a bounded report whose lists are cut
// and whose closing messages count the rest exactly.
func TestMessagesAreCut(t *testing.T) {
	s := valid()
	s.Bodies = nil
	for i := 0; i < MaxBodies; i++ {
		s.Bodies = append(s.Bodies, Body{ID: fmt.Sprintf("%064d", i), Name: "B", Kind: Plenary, Meetings: 1, Format: InPerson})
	}
	s.Blocks = nil
	for i := 0; i < MaxBlocks; i++ {
		b := Block{ID: fmt.Sprintf("b%d", i), Venue: "NYC", Month: 1, Week: 1, Arrangement: Consecutive}
		for j := 0; j < MaxSessionsInBlock; j++ {
			b.Sessions = append(b.Sessions, Session{Body: strings.Repeat("\x1b[31mghost", 1000)})
		}
		s.Blocks = append(s.Blocks, b)
	}
	s.Rotations = nil
	s.Sources = make([]Source, MaxSources) // 100 missing documents
	ps := s.Validate(venues)
	checkBounded(t, ps)
	var body, moreBlocks, moreSources, overall bool
	for _, p := range ps {
		switch {
		case strings.HasPrefix(p.Message, "unknown body"):
			body = true
			if !strings.Contains(p.Message, fmt.Sprintf(" and %d more", MaxBodies-MaxListed)) || strings.Contains(p.Message, "\x1b") || !strings.Contains(p.Message, `…"`) {
				t.Errorf("list not cut, or value not quoted and clipped: %s", p)
			}
		case p.Path == "blocks" && strings.HasPrefix(p.Message, "and "):
			moreBlocks = p.Message == fmt.Sprintf("and %d more problems in this list (the first %d are shown)", MaxBlocks*MaxSessionsInBlock-MaxProblemsPerList, MaxProblemsPerList)
		case p.Path == "sources" && strings.HasPrefix(p.Message, "and "):
			moreSources = p.Message == fmt.Sprintf("and %d more problems in this list (the first %d are shown)", MaxSources-MaxProblemsPerList, MaxProblemsPerList)
		case p.Path == "(file)" && strings.HasPrefix(p.Message, "and "):
			overall = true
		}
	}
	if !body || !moreBlocks || !moreSources || overall {
		t.Errorf("body %v, blocks' closing message %v, sources' %v, overall %v:\n%s", body, moreBlocks, moreSources, overall, ps.Error())
	}
}

// TestOverallCap: problems in many lists stop at MaxProblems, and one last
// message counts the rest.
func TestOverallCap(t *testing.T) {
	var r Report
	for l := 0; l < 30; l++ {
		for i := 0; i < 20; i++ {
			r.Add(fmt.Sprintf("list%d[%d]", l, i), "broken")
		}
	}
	ps := r.Problems()
	if r.Len() != 600 {
		t.Errorf("Len %d", r.Len())
	}
	last := ps[len(ps)-1]
	// The first ten lists fill the report: ten problems shown and ten
	// counted each; the other twenty lists' 400 problems are counted last.
	if last.Path != "(file)" || last.Message != "and 400 more problems (the first 100 are shown)" {
		t.Errorf("last %s", last)
	}
	shown := 0
	for _, p := range ps {
		if p.Message == "broken" {
			shown++
		}
	}
	if shown != MaxProblems {
		t.Errorf("%d shown", shown)
	}
}

func TestListedAndQuoted(t *testing.T) {
	if got := Listed([]string{"a", "b"}); got != "a, b" {
		t.Error(got)
	}
	var many []string
	for i := 0; i < 25; i++ {
		many = append(many, fmt.Sprint(i))
	}
	if got := Listed(many); got != "0, 1, 2, 3, 4, 5, 6, 7, 8, 9 and 15 more" {
		t.Error(got)
	}
	if got := Quoted("a\r\nb\x1b[2J"); got != `"a\r\nb\x1b[2J"` {
		t.Error(got)
	}
	if got := Quoted(strings.Repeat("é", 100)); got != `"`+strings.Repeat("é", MaxQuoted-1)+`…"` {
		t.Error(got)
	}
}
