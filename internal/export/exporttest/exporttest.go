// Package exporttest builds the comparisons the exporters' tests and
// benchmarks share: built-in scenarios evaluated by the engine, once per
// test binary.
package exporttest

import (
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"mechplan/internal/model"
	"mechplan/internal/plan"
	"mechplan/internal/refdata"
	"mechplan/internal/store"
)

// Date is the issue date the tests export under.
var Date = time.Date(2026, time.March, 2, 0, 0, 0, 0, time.UTC)

// Baseline is the id of the scenario comparisons are measured against.
const Baseline = "oewg-2021-2025"

var (
	mu      sync.Mutex
	results = map[string]*plan.Result{}
)

// Evaluate evaluates a scenario, caching built-ins by id.
func Evaluate(tb testing.TB, s *model.Scenario) *plan.Result {
	tb.Helper()
	ref, err := refdata.Default()
	if err != nil {
		tb.Fatal(err)
	}
	r, err := plan.Evaluate(s, ref, plan.Options{})
	if err != nil {
		tb.Fatalf("%s: %v", s.ID, err)
	}
	return r
}

// BuiltIn returns the evaluated built-in scenario with the id.
func BuiltIn(tb testing.TB, id string) *plan.Result {
	tb.Helper()
	mu.Lock()
	defer mu.Unlock()
	if r, ok := results[id]; ok {
		return r
	}
	s, ok, err := store.FindBuiltIn(id)
	if err != nil || !ok {
		tb.Fatalf("built-in %s: %v", id, err)
	}
	r := Evaluate(tb, s)
	results[id] = r
	return r
}

// Compare compares the results against the first one.
func Compare(tb testing.TB, rs ...*plan.Result) *plan.Comparison {
	tb.Helper()
	ref, err := refdata.Default()
	if err != nil {
		tb.Fatal(err)
	}
	c, err := plan.Compare(ref, rs, 0, Date)
	if err != nil {
		tb.Fatal(err)
	}
	if err := c.AddHybridTradeoffs(plan.Options{}); err != nil {
		tb.Fatal(err)
	}
	return c
}

// BuiltIns compares the named built-ins, the baseline first; with no ids,
// every built-in scenario.
func BuiltIns(tb testing.TB, ids ...string) *plan.Comparison {
	tb.Helper()
	if len(ids) == 0 {
		all, err := store.BuiltIns()
		if err != nil {
			tb.Fatal(err)
		}
		ids = append(ids, Baseline)
		for _, b := range all {
			if b.Scenario.ID != Baseline {
				ids = append(ids, b.Scenario.ID)
			}
		}
	}
	rs := make([]*plan.Result, len(ids))
	for i, id := range ids {
		rs[i] = BuiltIn(tb, id)
	}
	return Compare(tb, rs...)
}

// Tool finds the first of the named programs on PATH. The export tests
// open the files in the real clients (LibreOffice, poppler), so a missing
// client fails the test, never skips it: `make test` installs them
// (make export-deps).
func Tool(tb testing.TB, pkg string, names ...string) string {
	tb.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	tb.Fatalf("%s not found on PATH: install %s (make export-deps, or apt-get install %s)", strings.Join(names, " or "), pkg, pkg)
	return ""
}
