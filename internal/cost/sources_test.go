package cost_test

import (
	"regexp"
	"testing"

	"mechplan/internal/store"
)

// internalRef matches what a reader cannot open or follow: our research
// files, their line numbers and our working notes.
var internalRef = regexp.MustCompile(`(?i)(\.txt\b|\.md\b|DOMAIN|PROPOSALS|product brief|sources/|(?:^|[^,.0-9])00[0-9][ _]|\bL[0-9]{2,}\b|§|\.,|\s\.|  )`)

// TestSourcesAreForReaders scans every rate source and note, and every
// built-in scenario's description, sources and assumptions, for internal
// file names, line references and broken punctuation.
func TestSourcesAreForReaders(t *testing.T) {
	d := ref(t)
	check := func(where, text string) {
		t.Helper()
		if m := internalRef.FindString(text); m != "" {
			t.Errorf("%s cites %q, which a reader cannot follow: %s", where, m, text)
		}
	}
	for _, r := range d.Rates {
		check("rate "+r.Key+" source", r.Source)
		check("rate "+r.Key+" note", r.Note)
		check("rate "+r.Key+" label", r.Label)
	}
	bs, err := store.BuiltIns()
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) == 0 {
		t.Fatal("no built-in scenarios")
	}
	for _, b := range bs {
		s := b.Scenario
		check(s.ID+" description", s.Description)
		check(s.ID+" name", s.Name)
		for i, src := range s.Sources {
			check(s.ID+" source "+src.Document, src.Document)
			check(s.ID+" source note", src.Note)
			if src.Lines != "" {
				t.Errorf("%s source %d cites lines %q of a document", s.ID, i, src.Lines)
			}
		}
		for _, a := range s.Assumed {
			check(s.ID+" assumed "+a.Field, a.Field+" "+a.Value+" "+a.Why)
		}
		for _, o := range s.Assumptions {
			check(s.ID+" override "+o.Key, o.Source+" "+o.Note)
		}
	}
}
