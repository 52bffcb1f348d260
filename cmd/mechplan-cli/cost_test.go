package main

import (
	"encoding/json"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"mechplan/internal/model"
	"mechplan/internal/store"
)

type evalCostOut struct {
	Scenarios []struct {
		ID    string
		Years []struct {
			Year int
			Cost map[string]any
		}
		Total struct {
			Cost map[string]any
		}
		CostLines []struct {
			Year        int
			Item        string
			Category    string
			Section     string
			Payer       string
			Quantity    float64
			Rate        float64
			Amount      float64
			Key         string
			Uses        []string
			Placeholder bool
		} `json:"cost_lines"`
		Assumptions []struct {
			Key, Source string
			AsOf        string `json:"as_of"`
			Placeholder bool
			Overridden  bool
		}
	}
}

func evalCost(t *testing.T, arg string) evalCostOut {
	t.Helper()
	code, out, errs := runCLI("eval", "--json", arg)
	if code != 0 {
		t.Fatalf("eval %s: exit %d: %s", arg, code, errs)
	}
	var v evalCostOut
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestEvalCostContract(t *testing.T) {
	v := evalCost(t, "global-mechanism").Scenarios[0]
	keys := []string{"servicing", "documentation", "secretariat", "travel", "sponsorship", "total"}
	for _, y := range v.Years {
		for _, k := range keys {
			if _, ok := y.Cost[k].(float64); !ok {
				t.Errorf("%d: cost.%s missing", y.Year, k)
			}
		}
	}
	for _, k := range keys {
		if _, ok := v.Total.Cost[k].(float64); !ok {
			t.Errorf("total: cost.%s missing", k)
		}
	}
	sources := map[string]bool{}
	for _, a := range v.Assumptions {
		if a.Source == "" || (a.AsOf == "" && !a.Placeholder) {
			t.Errorf("assumption %s lacks its source or date", a.Key)
		}
		sources[a.Key] = true
	}
	sum := 0.0
	for _, l := range v.CostLines {
		sum += l.Amount
		if l.Key == "" || !sources[l.Key] || l.Uses[0] != l.Key {
			t.Errorf("line %q names no listed assumption (key %q)", l.Item, l.Key)
		}
		if math.Abs(l.Quantity*l.Rate-l.Amount) > 0.02*math.Max(1, l.Quantity) {
			t.Errorf("line %q: %g × %g ≠ %g", l.Item, l.Quantity, l.Rate, l.Amount)
		}
		if l.Section == "" || l.Payer == "" || l.Category == "" {
			t.Errorf("line %q without section, payer or category", l.Item)
		}
	}
	if total := v.Total.Cost["total"].(float64); math.Abs(sum-total) > 1 {
		t.Errorf("lines sum to %.2f, total says %.2f", sum, total)
	}
}

// TestChangingAnAssumptionInAFileMovesOnlyItsLines saves the adopted
// mechanism with one rate overridden and compares the two statements.
func TestChangingAnAssumptionInAFileMovesOnlyItsLines(t *testing.T) {
	gm, _, err := store.FindBuiltIn("global-mechanism")
	if err != nil {
		t.Fatal(err)
	}
	before := evalCost(t, "global-mechanism").Scenarios[0]
	for key, v := range map[string]float64{"meeting.interpreted.NYC": 1234, "dsa.NYC": 1234, "staff.standard_cost.P-3": 1234, "delegation.travellers.thematic_group": 12} {
		s := gm.Clone()
		s.Assumptions = append(s.Assumptions, model.Override{Key: key, Value: v, Source: "test", AsOf: "2026-11"})
		path := filepath.Join(t.TempDir(), "gm.json")
		if err := store.Save(path, s); err != nil {
			t.Fatal(err)
		}
		after := evalCost(t, path).Scenarios[0]
		if len(after.CostLines) != len(before.CostLines) {
			t.Fatalf("%s: %d lines, was %d", key, len(after.CostLines), len(before.CostLines))
		}
		changed := 0
		for i, a := range after.CostLines {
			b := before.CostLines[i]
			if a.Item != b.Item || a.Year != b.Year {
				t.Fatalf("%s: line %d is %q, was %q", key, i, a.Item, b.Item)
			}
			uses := slices.Contains(a.Uses, key)
			if a.Amount != b.Amount {
				changed++
				if !uses {
					t.Errorf("%s changed %q, which does not name it", key, a.Item)
				}
			} else if a.Key == key {
				t.Errorf("%s did not change %q, whose rate it is", key, a.Item)
			}
		}
		if changed == 0 {
			t.Errorf("%s changed no line", key)
		}
		for _, a := range after.Assumptions {
			if a.Key == key && (!a.Overridden || a.Placeholder) {
				t.Errorf("%s: listed as %+v, want overridden and not a placeholder", key, a)
			}
		}
	}
}

func TestTravelJSONContract(t *testing.T) {
	code, out, errs := runCLI("travel", "--json", "--delegation", "chl", "--travellers", "1", "global-mechanism")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"scenario", "delegation", "trips", "days_away", "cost"} {
		if _, ok := v[k]; !ok {
			t.Errorf("travel JSON lacks %q", k)
		}
	}
	trips := v["trips"].([]any)
	// The adopted mechanism: 3 trips in 2026 and 2 a year in 2027–2030
	// (no review conference has a date in the adopted texts): 11 for a
	// delegation attending all.
	if len(trips) != 11 || v["delegation"] != "CHL" {
		t.Fatalf("%d trips for %v, want 11 for CHL", len(trips), v["delegation"])
	}
	first := trips[0].(map[string]any)
	for _, k := range []string{"venue", "depart", "return", "nights", "sessions", "cost"} {
		if _, ok := first[k]; !ok {
			t.Errorf("trip lacks %q", k)
		}
	}
	// Organizational session 30–31 March 2026, Santiago is long haul
	// (8,257 km, 11.8 h): leave Saturday 28, back 1 April.
	if first["depart"] != "2026-03-28" || first["return"] != "2026-04-01" || first["nights"] != 4.0 || first["venue"] != "NYC" {
		t.Errorf("first trip %v", first)
	}
	sum := 0.0
	for _, tr := range trips {
		sum += tr.(map[string]any)["cost"].(float64)
	}
	if math.Abs(sum-v["cost"].(float64)) > 0.1 {
		t.Errorf("trips sum to %.2f, cost says %v", sum, v["cost"])
	}
}

func TestTravelAndSponsorUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"travel", "global-mechanism"}, exitUsage},
		{[]string{"travel", "--delegation", "XXX", "global-mechanism"}, exitInvalid},
		{[]string{"travel", "--delegation", "CHL", "no-such-scenario"}, exitInvalid},
		{[]string{"sponsor"}, exitUsage},
		{[]string{"sponsor", "--eligible", "ZZZ", "global-mechanism"}, exitInvalid},
		{[]string{"sponsor", "--pledge", "100000", "global-mechanism"}, exitOK},
	} {
		if code, _, errs := runCLI(c.args...); code != c.code {
			t.Errorf("%v: exit %d, want %d (%s)", c.args, code, c.code, errs)
		}
	}
}

func TestSponsorPledge(t *testing.T) {
	code, out, errs := runCLI("sponsor", "--json", "--eligible", "FJI,TUV", "--pledge", "20000", "global-mechanism")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var v struct {
		EligibleStates int `json:"eligible_states"`
		Total          struct {
			SeatTrips float64 `json:"seat_trips"`
			Cost      float64
		}
		States []struct{ ISO3 string }
		Pledge struct {
			SeatTripCost float64 `json:"seat_trip_cost"`
			SeatTrips    int     `json:"seat_trips"`
		}
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	// Two states, one seat each on 11 trips.
	if v.EligibleStates != 2 || v.Total.SeatTrips != 22 || len(v.States) != 2 {
		t.Errorf("fund %+v", v)
	}
	if want := int(math.Floor(20000 / (v.Total.Cost / 22))); v.Pledge.SeatTrips != want || want < 1 {
		t.Errorf("pledge buys %d, want %d", v.Pledge.SeatTrips, want)
	}
	if code, out, _ := runCLI("sponsor", "global-mechanism"); code != 0 || !strings.Contains(out, "eligible states") {
		t.Errorf("text output: %s", out)
	}
}
