package xlsx

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"mechplan/internal/cost"
	"mechplan/internal/export/exporttest"
	"mechplan/internal/plan"
	"mechplan/internal/refdata"
)

// costTotalsByLabel reads a recalculated Costs sheet's totals, keyed by
// the label in the Item column.
func costTotalsByLabel(t *testing.T, f *excelize.File, sheet string) map[string]float64 {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	seenTotals := false
	for _, r := range rows {
		if len(r) >= cItem && r[cYear-1] == "" && r[cItem-1] == tl.Text("export.xlsx.costs.by_category", "Total by category") {
			seenTotals = true
		}
		if !seenTotals || len(r) < cAmount || r[cAmount-1] == "" {
			continue
		}
		out[r[cItem-1]] = parse(t, r[cAmount-1])
	}
	return out
}

func parse(t *testing.T, s string) float64 {
	t.Helper()
	var v float64
	if _, err := fmt.Sscan(s, &v); err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return v
}

// engineTotals are the engine's figures under the labels of a Costs sheet.
func engineTotals(est *cost.Estimate) map[string]float64 {
	t := est.Total
	out := map[string]float64{
		CategoryName(tl, cost.Servicing): t.Servicing, CategoryName(tl, cost.Documentation): t.Documentation,
		CategoryName(tl, cost.Secretariat): t.Secretariat, CategoryName(tl, cost.Travel): t.Travel,
		CategoryName(tl, cost.Sponsorship):         t.Sponsorship,
		SectionName(tl, cost.ConferenceManagement): t.BySection.ConferenceManagement, SectionName(tl, cost.Disarmament): t.BySection.Disarmament,
		SectionName(tl, cost.PublicInformation): t.BySection.PublicInformation, SectionName(tl, cost.Outside): t.BySection.Outside,
		PayerName(tl, cost.RegularBudget): t.ByPayer.RegularBudget, PayerName(tl, cost.MemberStates): t.ByPayer.MemberStates,
		PayerName(tl, cost.VoluntaryFund):                                             t.ByPayer.VoluntaryFund,
		tl.Text("export.xlsx.costs.total", "Total, {{.Horizon}}", "Horizon", t.Label): t.Total,
	}
	for _, y := range est.Years {
		out[y.Label] = y.Total
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }

// TestLibreOfficeRecalculatesToTheEngineFigures converts the workbook with
// LibreOffice, which recalculates every formula, and checks each total
// against the engine; then changes one rate on the Assumptions sheet and
// checks the totals follow to the engine's figure under that rate.
func TestLibreOfficeRecalculatesToTheEngineFigures(t *testing.T) {
	soffice := exporttest.Tool(t, "libreoffice-calc-nogui", "soffice", "libreoffice")
	c := exporttest.BuiltIns(t, "oewg-2021-2025", "s7-rotating-venues", "s9-hybrid-groups")
	dir := t.TempDir()
	original := filepath.Join(dir, "original.xlsx")
	changed := filepath.Join(dir, "changed.xlsx")
	if err := os.WriteFile(original, encode(t, c), 0o644); err != nil {
		t.Fatal(err)
	}

	// Raise one rate by half on the Assumptions sheet.
	const key = "meeting.interpreted.NYC"
	f, err := excelize.OpenFile(original)
	if err != nil {
		t.Fatal(err)
	}
	row := 0
	rows, _ := f.GetRows(tn().Assumptions)
	for k, r := range rows {
		if len(r) > 0 && r[0] == key {
			row = k + 1
			break
		}
	}
	if row == 0 {
		t.Fatalf("%s not on the Assumptions sheet", key)
	}
	old := value(t, f, tn().Assumptions, cell(aValue, row))
	raised := old * 1.5
	if err := f.SetCellFloat(tn().Assumptions, cell(aValue, row), raised, -1, 64); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(changed); err != nil {
		t.Fatal(err)
	}
	f.Close()

	out := filepath.Join(dir, "recalculated")
	cmd := exec.Command(soffice, "--headless", "--calc", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "xlsx", "--outdir", out, original, changed)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", soffice, err, msg)
	}
	ref, err := refdata.Default()
	if err != nil {
		t.Fatal(err)
	}
	stems := SheetStemsWith(c, tl)
	before := open(t, mustRead(t, filepath.Join(out, "original.xlsx")))
	after := open(t, mustRead(t, filepath.Join(out, "changed.xlsx")))
	for i, r := range c.Results {
		sheet := stems[i] + tn().Costs
		got := costTotalsByLabel(t, before, sheet)
		want := engineTotals(r.Cost)
		for label, w := range want {
			g, ok := got[label]
			if !ok || !near(g, w) {
				t.Errorf("%s, %s: LibreOffice gives %.2f, engine %.2f", sheet, label, g, w)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d totals on the sheet, %d from the engine", sheet, len(got), len(want))
		}

		// The engine under the raised rate, unless the scenario overrides it.
		if a, _ := r.Cost.Assumptions.Get(key); a.Overridden {
			continue
		}
		est, err := cost.ComputeWith(r.Cost.Assumptions.With(key, raised), r.Schedule, ref, cost.Options{})
		if err != nil {
			t.Fatal(err)
		}
		gotAfter := costTotalsByLabel(t, after, sheet)
		for label, w := range engineTotals(est) {
			if g := gotAfter[label]; !near(g, w) {
				t.Errorf("after raising %s: %s, %s: LibreOffice gives %.2f, engine %.2f", key, sheet, label, g, w)
			}
		}
		totalLabel := tl.Text("export.xlsx.costs.total", "Total, {{.Horizon}}", "Horizon", r.Cost.Total.Label)
		if usesNYC(r) && near(gotAfter[totalLabel], got[totalLabel]) {
			t.Errorf("%s: total did not follow the raised rate", sheet)
		}
		t.Logf("%s: total %.2f → %.2f after %s %.0f → %.0f", r.Scenario.ID, got[totalLabel], gotAfter[totalLabel], key, old, raised)
	}
	// The Summary's cost rows follow the Costs sheets.
	rows, _ = after.GetRows(tn().Summary, excelize.Options{RawCellValue: true})
	total, _ := c.Row(plan.KeyCostTotal)
	found := 0
	for _, r := range rows {
		if len(r) > sFirstScenario && r[0] == tl.Text("metric."+total.Key, total.Label) && strings.TrimSpace(r[1]) == "USD" {
			found++
		}
	}
	if found != 3 {
		t.Errorf("Summary shows the total cost on %d rows, want per year, change and horizon", found)
	}
}

func usesNYC(r *plan.Result) bool {
	for _, m := range r.Schedule.Meetings {
		if m.Venue == "NYC" && m.Interpreted {
			return true
		}
	}
	return false
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
