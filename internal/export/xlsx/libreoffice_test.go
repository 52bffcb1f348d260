package xlsx

import (
	"encoding/csv"
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
		PayerName(tl, cost.VoluntaryFund): t.ByPayer.VoluntaryFund,
		tl.Text("export.xlsx.costs.total", "Full cost, all payers, {{.Horizon}}", "Horizon", t.Label): t.Total,
	}
	for _, y := range est.Years {
		out[y.Label] = y.Total
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }

// edit is one change an officer makes on the Assumptions sheet.
type edit struct {
	name string
	keys map[string]float64 // key -> new value
}

// TestLibreOfficeRecalculatesToTheEngineFigures converts the workbook with
// LibreOffice, which recalculates every formula, and checks each total
// against the engine; then edits the Assumptions sheet (a rate; a
// quantity driver and a threshold: travellers per delegation and the
// business-class leg) and checks the totals move to the engine's figures
// under the same override.
func TestLibreOfficeRecalculatesToTheEngineFigures(t *testing.T) {
	soffice := exporttest.Tool(t, "libreoffice-calc-nogui", "soffice", "libreoffice")
	c := exporttest.BuiltIns(t, "oewg-2021-2025", "s7-rotating-venues", "s9-hybrid-groups")
	dir := t.TempDir()
	original := filepath.Join(dir, "original.xlsx")
	data := encode(t, c)
	if err := os.WriteFile(original, data, 0o644); err != nil {
		t.Fatal(err)
	}
	edits := []edit{
		{"rate", map[string]float64{"meeting.interpreted.NYC": 33000}},
		{"quantity", map[string]float64{"delegation.travellers.plenary": 3, "flight.business_threshold_leg_hours": 6, "delegation.business_class": 1,
			"staff.posts.P-4": 2, "documentation.pages_per_session": 60, "sponsorship.seats_per_state": 2}},
		// Another price year: rates are recosted to it (never deflated
		// below their own), and francs and euros convert at its average.
		{"price year", map[string]float64{"cost.price_year": 2019}},
	}
	files := []string{original}
	for _, e := range edits {
		f := open(t, data)
		rows, _ := f.GetRows(tn().Assumptions)
		for key, v := range e.keys {
			row := 0
			for k, r := range rows {
				if len(r) > 0 && r[0] == key {
					row = k + 1
					break
				}
			}
			if row == 0 {
				t.Fatalf("%s not on the Assumptions sheet", key)
			}
			if err := f.SetCellFloat(tn().Assumptions, cell(aValue, row), v, -1, 64); err != nil {
				t.Fatal(err)
			}
		}
		file := filepath.Join(dir, strings.ReplaceAll(e.name, " ", "-")+".xlsx")
		if err := f.SaveAs(file); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}

	out := filepath.Join(dir, "recalculated")
	profile := recalculatingProfile(t, dir)
	args := append([]string{"--headless", "--calc", profile, "--convert-to", "xlsx", "--outdir", out}, files...)
	if msg, err := sofficeCommand(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", soffice, err, msg)
	}
	// Every sheet as LibreOffice shows it: every time of the calendar
	// reads the engine's clock (19:00, never 18:59).
	csv := filepath.Join(dir, "csv")
	if msg, err := sofficeCommand(soffice, "--headless", profile, "--convert-to",
		"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", csv, original).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", soffice, err, msg)
	}
	for i, r := range c.Results {
		name := filepath.Join(csv, "original-"+SheetStemsWith(c, tl)[i]+tn().Calendar+".csv")
		rows := readCSV(t, name)
		if len(rows) != 2+len(r.Schedule.Meetings) {
			t.Fatalf("%s: %d rows, want 2 + %d meetings", name, len(rows), len(r.Schedule.Meetings))
		}
		off := 0
		for k, m := range r.Schedule.Meetings {
			row := rows[2+k]
			want := []string{m.Start.Format("15:04"), m.End.Format("15:04"), m.Start.UTC().Format("2006-01-02 15:04"), m.End.UTC().Format("2006-01-02 15:04")}
			for j, w := range want {
				if row[2+j] != w {
					off++
					if off < 5 {
						t.Errorf("%s row %d: LibreOffice shows %q, the engine %q", name, 3+k, row[2+j], w)
					}
				}
			}
		}
		if off > 0 {
			t.Errorf("%s: %d times off", name, off)
		}
	}
	ref, err := refdata.Default()
	if err != nil {
		t.Fatal(err)
	}
	stems := SheetStemsWith(c, tl)
	before := open(t, mustRead(t, filepath.Join(out, "original.xlsx")))
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
	}
	for _, e := range edits {
		after := open(t, mustRead(t, filepath.Join(out, strings.ReplaceAll(e.name, " ", "-")+".xlsx")))
		for i, r := range c.Results {
			sheet := stems[i] + tn().Costs
			a := r.Cost.Assumptions
			for key, v := range e.keys {
				if x, _ := a.Get(key); !x.Overridden { // the scenario's own override wins over the default row
					a = a.With(key, v)
				}
			}
			est, err := cost.ComputeWith(a, r.Schedule, ref, cost.Options{})
			if err != nil {
				t.Fatal(err)
			}
			gotAfter := costTotalsByLabel(t, after, sheet)
			for label, w := range engineTotals(est) {
				if g := gotAfter[label]; !near(g, w) {
					t.Errorf("after the %s edit: %s, %s: LibreOffice gives %.2f, engine %.2f", e.name, sheet, label, g, w)
				}
			}
			totalLabel := tl.Text("export.xlsx.costs.total", "Full cost, all payers, {{.Horizon}}", "Horizon", r.Cost.Total.Label)
			if near(est.Total.Total, r.Cost.Total.Total) {
				t.Errorf("%s: the %s edit does not move the engine's total: a weak test", sheet, e.name)
			}
			t.Logf("%s, %s edit: total %.2f → %.2f (engine %.2f)", r.Scenario.ID, e.name, r.Cost.Total.Total, gotAfter[totalLabel], est.Total.Total)
		}
		// The Summary's cost rows follow the Costs sheets.
		rows, _ := after.GetRows(tn().Summary, excelize.Options{RawCellValue: true})
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
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// recalculatingProfile is a LibreOffice user profile that recalculates
// every formula on load ("Recalculation on file load: always"): by
// default LibreOffice trusts an xlsx file's stored results, which would
// hide a formula that disagrees with them. It returns the option that
// selects it.
func recalculatingProfile(t *testing.T, dir string) string {
	t.Helper()
	profile := filepath.Join(dir, "profile")
	if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
		t.Fatal(err)
	}
	xcu := `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`
	if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(xcu), 0o644); err != nil {
		t.Fatal(err)
	}
	return "-env:UserInstallation=file://" + profile
}

func readCSV(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// sofficeCommand runs LibreOffice in a UTF-8 locale every Linux system has
// (C.UTF-8). Under a locale that is not installed (make test sets
// LANG=en_US.UTF-8, which a fresh Debian lacks) LibreOffice falls back to
// ASCII and writes the sheet "OEWG 2021–2025 Calendar" to a file named
// with a hyphen, so the test would not find it.
func sofficeCommand(soffice string, args ...string) *exec.Cmd {
	cmd := exec.Command(soffice, args...)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	return cmd
}
