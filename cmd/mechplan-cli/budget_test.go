package main

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"mechplan/internal/store"
)

// TestEvalBudgetKeys: eval --json carries the figures a secretariat
// signs: the full cost and the additional requirement, by object of
// expenditure, the workload, CO2, the eligible states and every state's
// travel.
func TestEvalBudgetKeys(t *testing.T) {
	code, out, errs := runCLI("eval", "--json", "oewg-2021-2025")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var v struct {
		Scenarios []struct {
			Years []struct {
				Year int
				Cost map[string]any
			}
			Total struct {
				Cost      map[string]any
				Workload  map[string]float64
				CO2Tonnes float64 `json:"co2_tonnes"`
			}
			DelegationTravel struct {
				States []struct {
					ISO3 string
					Cost float64
				}
			} `json:"delegation_travel"`
			Sponsorship struct {
				Eligible []string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	s := v.Scenarios[0]
	tot := s.Total.Cost
	full, add := tot["total"].(float64), tot["additional_requirement"].(float64)
	if add <= 0 || add >= full {
		t.Errorf("additional requirement %.0f, full cost %.0f", add, full)
	}
	for _, y := range s.Years {
		if _, ok := y.Cost["additional_requirement"]; !ok {
			t.Errorf("%d: no additional_requirement", y.Year)
		}
	}
	bo := tot["by_object"].(map[string]any)
	for _, k := range []string{"posts", "other_staff_costs", "travel_of_representatives", "travel_of_staff", "contractual_services",
		"general_operating_expenses", "grants_and_contributions", "programme_support_costs", "staff_assessment", "regular_budget", "voluntary_fund"} {
		if _, ok := bo[k]; !ok {
			t.Errorf("by_object lacks %q", k)
		}
	}
	if s.Total.Workload["interpreted_meeting_hours"] != 3*112 || s.Total.Workload["pages_translated"] <= 0 {
		t.Errorf("workload %v, want 112 meetings × 3 hours", s.Total.Workload)
	}
	if s.Total.CO2Tonnes <= 0 || len(s.DelegationTravel.States) != 193 {
		t.Errorf("co2 %.0f t, %d states", s.Total.CO2Tonnes, len(s.DelegationTravel.States))
	}
	for _, iso := range s.Sponsorship.Eligible {
		if iso == "SGP" || iso == "BHR" || len(iso) != 3 {
			t.Errorf("eligible %q", iso)
		}
	}
	if code, out, _ := runCLI("eval", "global-mechanism"); code != 0 || !strings.Contains(out, "FULL COST") || !strings.Contains(out, "ADDITIONAL REQUIREMENT") ||
		!strings.Contains(out, "Travel of representatives") {
		t.Errorf("text output does not label the two figures or the objects:\n%s", out)
	}
}

// TestTravelMatchesEvalStates: `travel --delegation` prints the figure
// eval lists for the state, under every built-in (the engine test
// internal/cost TestEvalAndTravelAgreeForEveryState covers all 193;
// here Fiji, Chile and Switzerland go through both commands).
func TestTravelMatchesEvalStates(t *testing.T) {
	all, err := store.BuiltIns()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range all {
		id := b.Scenario.ID
		code, out, errs := runCLI("eval", "--json", id)
		if code != 0 {
			t.Fatalf("%s: %s", id, errs)
		}
		var v struct {
			Scenarios []struct {
				DelegationTravel struct {
					States []struct {
						ISO3 string
						Cost float64
					}
				} `json:"delegation_travel"`
			}
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatal(err)
		}
		want := map[string]float64{}
		for _, s := range v.Scenarios[0].DelegationTravel.States {
			want[s.ISO3] = s.Cost
		}
		for _, iso := range []string{"FJI", "CHL", "CHE"} {
			code, out, errs := runCLI("travel", "--json", "--delegation", iso, id)
			if code != 0 {
				t.Fatalf("%s %s: %s", id, iso, errs)
			}
			var tr struct{ Cost float64 }
			if err := json.Unmarshal([]byte(out), &tr); err != nil {
				t.Fatal(err)
			}
			if math.Abs(tr.Cost-want[iso]) > 0.011 {
				t.Errorf("%s %s: travel %.2f, eval %.2f", id, iso, tr.Cost, want[iso])
			}
		}
	}
}

// TestHybridTradeoff: S9's hybrid groups followed remotely save travel
// and CO2 and impose night hours; a scenario without hybrid meetings has
// no trade-off.
func TestHybridTradeoff(t *testing.T) {
	code, out, errs := runCLI("eval", "--json", "s9-hybrid-groups", "oewg-2021-2025")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var v struct {
		Scenarios []struct {
			ID             string
			HybridTradeoff *tradeoffJSON `json:"hybrid_tradeoff"`
		}
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	h := v.Scenarios[0].HybridTradeoff
	if h == nil || h.CostSaved <= 0 || h.CO2SavedTonnes <= 0 || h.NightHoursImposed <= 0 ||
		math.Abs(h.TravelInPerson-h.TravelRemote-h.CostSaved) > 0.02 {
		t.Errorf("S9 trade-off %+v", h)
	}
	if v.Scenarios[1].HybridTradeoff != nil {
		t.Errorf("the OEWG has no hybrid meeting, yet a trade-off %+v", v.Scenarios[1].HybridTradeoff)
	}
}
