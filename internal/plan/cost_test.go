package plan

import (
	"testing"

	"mechplan/internal/cost"
	"mechplan/internal/refdata"
	"mechplan/internal/store"
)

func TestEvaluateFillsCost(t *testing.T) {
	ref, err := refdata.Default()
	if err != nil {
		t.Fatal(err)
	}
	s, ok, err := store.FindBuiltIn("s7-rotating-venues")
	if err != nil || !ok {
		t.Fatal("built-in s7-rotating-venues", err)
	}
	r, err := Evaluate(s, ref, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Cost == nil || len(r.Cost.Years) != len(r.Years) || len(r.Cost.Cycles) != len(r.Cycles) {
		t.Fatalf("cost periods do not match the calendar's: %+v", r.Cost)
	}
	if len(r.Cost.Travel.States) != refdata.MemberCount {
		t.Errorf("travel for %d delegations, want %d", len(r.Cost.Travel.States), refdata.MemberCount)
	}
	away := false
	for _, l := range r.Cost.Lines {
		if l.Venue != "" && l.Venue != cost.Base && l.Category == cost.Secretariat {
			away = true
		}
	}
	if !away {
		t.Error("a scenario rotating away from New York shows no secretariat travel")
	}
	// The options reach the cost stage: sponsoring one state costs less
	// than sponsoring every LDC, LLDC and SIDS.
	one, err := Evaluate(s, ref, Options{Cost: cost.Options{Eligible: []string{"FJI"}}})
	if err != nil {
		t.Fatal(err)
	}
	if f := one.Cost.Fund(); f.Eligible != 1 || one.Cost.Total.Sponsorship >= r.Cost.Total.Sponsorship {
		t.Errorf("fund for Fiji only: %+v vs %g", f, r.Cost.Total.Sponsorship)
	}
}
