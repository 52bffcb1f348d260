package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mechplan/internal/model"
	"mechplan/internal/store"
)

// The burden JSON carries the contract's fields, and meetings lists
// exactly the meetings counted.
func TestBurdenJSONContract(t *testing.T) {
	cases := []struct {
		args        []string
		wantMeeting func(format string) bool
		night       [2]string
	}{
		{[]string{"burden", "--json", "s9-hybrid-groups"}, func(f string) bool { return f == "hybrid" || f == "virtual" }, [2]string{"00:00", "06:00"}},
		{[]string{"burden", "--json", "--all", "--night", "22:00-06:00", "s9-hybrid-groups"}, func(string) bool { return true }, [2]string{"22:00", "06:00"}},
	}
	for _, c := range cases {
		code, out, errs := runCLI(c.args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", c.args, code, errs)
		}
		var got struct {
			Scenario string           `json:"scenario"`
			Night    []string         `json:"night"`
			Meetings []map[string]any `json:"meetings"`
			Dels     []map[string]any `json:"delegations"`
			Summary  map[string]any   `json:"summary"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		if got.Scenario != "s9-hybrid-groups" || len(got.Night) != 2 || got.Night[0] != c.night[0] || got.Night[1] != c.night[1] {
			t.Errorf("%v: scenario %q night %v", c.args, got.Scenario, got.Night)
		}
		if len(got.Meetings) == 0 || len(got.Dels) != 193 {
			t.Fatalf("%v: %d meetings, %d delegations", c.args, len(got.Meetings), len(got.Dels))
		}
		for _, m := range got.Meetings {
			for _, k := range []string{"body", "kind", "date", "start", "end", "venue", "tz", "format"} {
				if _, ok := m[k]; !ok {
					t.Fatalf("meeting without %s: %v", k, m)
				}
			}
			if !c.wantMeeting(m["format"].(string)) {
				t.Fatalf("%v: counted a %s meeting", c.args, m["format"])
			}
		}
		for _, k := range []string{"iso3", "tz", "night_minutes", "unsociable_minutes", "score"} {
			if _, ok := got.Dels[0][k]; !ok {
				t.Fatalf("delegation without %s", k)
			}
		}
		if _, ok := got.Summary["gini"]; !ok {
			t.Error("summary without gini")
		}
	}
	_, all, _ := runCLI("burden", "--json", "--all", "s9-hybrid-groups")
	_, remote, _ := runCLI("burden", "--json", "s9-hybrid-groups")
	if len(all) <= len(remote) {
		t.Error("--all counted no more meetings than the default")
	}
}

func TestBurdenExitCodes(t *testing.T) {
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"burden"}, exitUsage, "usage: mechplan-cli burden"},
		{[]string{"burden", "--night", "25:00-06:00", "s9-hybrid-groups"}, exitUsage, "--night"},
		{[]string{"burden", "--night", "06:00-06:00", "s9-hybrid-groups"}, exitUsage, "must differ"},
		{[]string{"burden", "no-such-scenario"}, exitInvalid, "not a scenario file"},
		{[]string{"optimize"}, exitUsage, "usage: mechplan-cli optimize"},
		{[]string{"optimize", "no-such-scenario"}, exitInvalid, "not a scenario file"},
	}
	for _, c := range cases {
		code, _, errs := runCLI(c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and ...%s...", c.args, code, errs, c.code, c.want)
		}
	}
}

func TestBurdenTable(t *testing.T) {
	code, out, errs := runCLI("burden", "s9-hybrid-groups")
	if code != exitOK {
		t.Fatal(errs)
	}
	for _, want := range []string{"RANK", "delegations have night hours", "Gini", "Asia-Pacific", "SIDS", "In-person sessions",
		"hybrid meetings: followed from the capitals (delegation.travel_to_hybrid = 0"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if rows := strings.Count(out, "\n") - strings.Count(out[strings.Index(out, "delegations have night"):], "\n"); rows > 5+worstShown+2 {
		t.Errorf("more than the worst %d listed", worstShown)
	}
}

// optimize prints before and after, and -o writes a scenario that loads
// and carries the suggested start times.
func TestOptimizeWritesAppliedScenario(t *testing.T) {
	file := filepath.Join(t.TempDir(), "optimised.json")
	code, out, errs := runCLI("optimize", "-o", file, "s9-hybrid-groups")
	if code != exitOK {
		t.Fatal(errs)
	}
	for _, want := range []string{"as written", "recommended", "worst-off score", "the window binds", "who gains and who loses", "the recommendation saves", "rotation of start times"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	s, err := store.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	set := 0
	for _, b := range s.Bodies {
		if len(b.StartTimes) > 0 {
			set++
		}
	}
	if set == 0 {
		t.Error("the applied scenario sets no start_times")
	}
	// Every start time the optimiser writes lies in New York's window:
	// two meetings a day from 08:00 end by 20:00 when they start by 12:00.
	for _, b := range s.Bodies {
		for _, st := range b.StartTimes {
			if st < "08:00" || st > "12:00" {
				t.Errorf("%s starts at %s, outside 08:00–20:00", b.ID, st)
			}
		}
	}
	code, out, _ = runCLI("optimize", "--json", "s9-hybrid-groups")
	var got struct {
		Bodies []struct {
			StartTimes  []string `json:"start_times"`
			Recommended string   `json:"recommended"`
			WindowBinds bool     `json:"window_binds"`
			Front       []string `json:"front"`
			Candidates  []any    `json:"candidates"`
		} `json:"bodies"`
		Optimized *model.Scenario `json:"optimized_scenario"`
		Gains     struct {
			ByGroup []struct {
				Name  string  `json:"name"`
				Saved float64 `json:"saved_hours_per_year"`
			} `json:"by_group"`
		} `json:"gains_and_losses"`
	}
	if code != exitOK || json.Unmarshal([]byte(out), &got) != nil || len(got.Bodies) == 0 || len(got.Bodies[0].Candidates) != 96 {
		t.Fatalf("optimize --json: exit %d, %d bodies", code, len(got.Bodies))
	}
	if got.Optimized == nil || len(got.Gains.ByGroup) != 5 || len(got.Bodies[0].Front) == 0 || !got.Bodies[0].WindowBinds {
		t.Errorf("optimize --json lacks the optimised scenario, the gains table, the front or the binding window: %+v", got.Bodies[0])
	}
	// A wider window lets the optimiser go into the night, and says so.
	code, out, _ = runCLI("optimize", "--hours", "00:00-24:00", "s9-hybrid-groups")
	if code != exitOK || !strings.Contains(out, "allowed window 00:00–24:00 venue time (--hours)") || strings.Contains(out, "the window binds") {
		t.Errorf("--hours 00:00-24:00: exit %d\n%s", code, out)
	}
	for _, bad := range []string{"20:00-08:00", "8-20", "08:00"} {
		if code, _, errs := runCLI("optimize", "--hours", bad, "s9-hybrid-groups"); code != exitUsage || !strings.Contains(errs, "--hours:") {
			t.Errorf("--hours %s: exit %d, %s", bad, code, errs)
		}
	}
	_ = os.Remove(file)
}
