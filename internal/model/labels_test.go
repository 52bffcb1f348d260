package model

import (
	"testing"
	"unicode/utf8"
)

func TestLabelFallsBackToName(t *testing.T) {
	s := &Scenario{Name: "Netherlands: two in-person blocks a year (S2)"}
	if got := s.Label(); got != s.Name {
		t.Errorf("Label() = %q, want the name", got)
	}
	s.ShortName = " S2 two blocks "
	if got := s.Label(); got != "S2 two blocks" {
		t.Errorf("Label() = %q, want the short name", got)
	}
}

func TestDistinctLabelsNeverCollide(t *testing.T) {
	ss := []*Scenario{
		{ID: "global-mechanism", Name: "Global Mechanism as adopted (A/80/257)"},
		{ID: "global-mechanism-copy", Name: "Global Mechanism as adopted (A/80/257)"},
		{ID: "s2-netherlands", Name: "Netherlands two in-person blocks"},
		{ID: "s2-netherlands-1day", Name: "Netherlands with one-day groups"},
		{ID: "x", Name: "Same"},
		{ID: "x", Name: "Same"},
		{ID: "x", Name: "Same"},
		{ID: "s9", Name: "Long name", ShortName: "S9 hybrid groups"},
	}
	for _, max := range []int{0, 40, 22, 12, 8} {
		got := DistinctLabels(ss, max)
		seen := map[string]int{}
		for i, l := range got {
			if max > 0 && utf8.RuneCountInString(l) > max {
				t.Errorf("max %d: %q is longer", max, l)
			}
			if j, ok := seen[l]; ok {
				t.Errorf("max %d: scenarios %d and %d both read %q", max, j, i, l)
			}
			seen[l] = i
		}
		if (max == 0 || max >= 16) && got[7] != "S9 hybrid groups" {
			t.Errorf("max %d: the short name should be used as is, got %q", max, got[7])
		}
	}
	if got := DistinctLabels(ss[:2], 0); got[0] == got[1] || got[0] != "Global Mechanism as adopted (A/80/257) (global-mechanism)" {
		t.Errorf("copies should be told apart by id, got %q", got)
	}
}

func TestShortNameValidated(t *testing.T) {
	for _, tc := range []struct {
		short string
		ok    bool
	}{
		{"S9 hybrid groups", true},
		{"", true},
		{"Ceci est un nom court trop long, vraiment", false},
		{"two\nlines", false},
	} {
		s := &Scenario{ShortName: tc.short}
		found := false
		for _, p := range s.Validate(nil) {
			if p.Path == "short_name" {
				found = true
			}
		}
		if found == tc.ok {
			t.Errorf("short_name %q: problem reported = %v, want %v", tc.short, found, !tc.ok)
		}
	}
}
