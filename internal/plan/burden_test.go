package plan

import (
	"testing"

	"mechplan/internal/burden"
	"mechplan/internal/refdata"
	"mechplan/internal/store"
)

func TestEvaluateFillsBurden(t *testing.T) {
	ref, err := refdata.Default()
	if err != nil {
		t.Fatal(err)
	}
	s, ok, err := store.FindBuiltIn("s9-hybrid-groups")
	if err != nil || !ok {
		t.Fatal("built-in s9-hybrid-groups", err)
	}
	r, err := Evaluate(s, ref, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Burden == nil || len(r.Burden.Delegations) != refdata.MemberCount {
		t.Fatalf("burden for %d delegations, want %d", len(r.Burden.Delegations), refdata.MemberCount)
	}
	remote := 0
	for i := range r.Schedule.Meetings {
		if r.Schedule.Meetings[i].Format.Remote() {
			remote++
		}
	}
	if remote == 0 || len(r.Burden.Counted) != remote {
		t.Errorf("counted %d meetings, want the %d hybrid or virtual ones", len(r.Burden.Counted), remote)
	}
	all, err := Evaluate(s, ref, Options{Burden: burden.Settings{AllMeetings: true}})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Burden.Counted) != len(all.Schedule.Meetings) || all.Burden.Summary.TotalScore <= r.Burden.Summary.TotalScore {
		t.Errorf("with AllMeetings: %d of %d counted, total score %g vs %g remote only",
			len(all.Burden.Counted), len(all.Schedule.Meetings), all.Burden.Summary.TotalScore, r.Burden.Summary.TotalScore)
	}
}
