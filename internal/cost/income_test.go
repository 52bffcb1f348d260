package cost_test

import (
	"encoding/csv"
	"os"
	"sort"
	"testing"

	"mechplan/internal/cost"
)

// fy2026Changes are the moves into (true) or out of (false) the high-income
// group between the World Bank's fiscal-year 2025 and 2026 classifications,
// as the Bank announced them on 1 July 2025: Costa Rica moved up; no member
// state moved down out of the group (Namibia, the only downward move, left
// the upper-middle group).
var fy2026Changes = map[string]bool{"CRI": true}

// TestHighIncomeListAgainstWorldBank compares the hand-kept high-income list
// with a copy of the Bank's own CLASS.xlsx (fiscal year 2025, converted to
// testdata/wb_class_fy2025_members.csv) carried forward by the announced
// fiscal-year 2026 changes. The check found Guyana missing (high income
// since fiscal year 2024).
func TestHighIncomeListAgainstWorldBank(t *testing.T) {
	f, err := os.Open("testdata/wb_class_fy2025_members.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	d := ref(t)
	want := map[string]bool{}
	for _, r := range rows[1:] {
		want[r[0]] = r[1] == "High income"
	}
	if len(want) != len(d.States) {
		t.Fatalf("fixture has %d member states, the table %d", len(want), len(d.States))
	}
	for iso, hic := range fy2026Changes {
		want[iso] = hic
	}
	var wrong []string
	n := 0
	for _, s := range d.States {
		w, ok := want[s.ISO3]
		if !ok {
			t.Errorf("%s: not in the World Bank fixture", s.ISO3)
			continue
		}
		if w {
			n++
		}
		if cost.HighIncome(s.ISO3) != w {
			wrong = append(wrong, s.ISO3)
		}
	}
	sort.Strings(wrong)
	if len(wrong) > 0 {
		t.Errorf("high-income list differs from the World Bank's for %v", wrong)
	}
	if n != 64 {
		t.Errorf("%d member states high income in fiscal year 2026, want 64", n)
	}
	// A few pinned by hand, so that a broken fixture cannot pass quietly.
	for iso, hic := range map[string]bool{
		"GUY": true, "CRI": true, "PAN": true, "BGR": true, "RUS": true, "PLW": true, "NRU": true,
		"SGP": true, "BHR": true, "MUS": false, "ARG": false, "NAM": false, "CPV": false, "VEN": false,
	} {
		if cost.HighIncome(iso) != hic {
			t.Errorf("%s: high income %t, want %t", iso, cost.HighIncome(iso), hic)
		}
	}
}
