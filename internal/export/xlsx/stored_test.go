package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"mechplan/internal/plan"
)

// cellPattern matches one cell of a sheet's XML, its formula and its
// stored value.
var cellPattern = regexp.MustCompile(`<c r="([A-Z]+\d+)"[^>]*?(?:/>|>(.*?)</c>)`)

// TestEveryFormulaStoresItsResult reads the XML: no formula cell lacks a
// stored value, so a reader that does not recalculate shows numbers.
func TestEveryFormulaStoresItsResult(t *testing.T) {
	data := builtIns(t).data
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	formulas, missing := 0, 0
	for _, file := range z.File {
		if !strings.HasPrefix(file.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, _ := file.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		for _, m := range cellPattern.FindAllStringSubmatch(string(b), -1) {
			if !strings.Contains(m[2], "<f") {
				continue
			}
			formulas++
			if !strings.Contains(m[2], "<v>") {
				missing++
				if missing < 5 {
					t.Errorf("%s %s: formula without a stored result: %s", file.Name, m[1], m[2])
				}
			}
		}
	}
	if missing > 0 || formulas == 0 {
		t.Errorf("%d of %d formula cells store no result", missing, formulas)
	}
	t.Logf("%d formula cells, each with its stored result", formulas)
}

// TestTotalsReadWithoutRecalculation reads the stored results, as pandas
// or a file preview would: every Costs total and every Summary figure is
// the engine's.
func TestTotalsReadWithoutRecalculation(t *testing.T) {
	lib := builtIns(t)
	c, f := lib.c, lib.f
	for i, r := range c.Results {
		sheet := SheetStemsWith(c, tl)[i] + tn().Costs
		got := costTotalsByLabel(t, f, sheet)
		for label, w := range engineTotals(r.Cost) {
			if g, ok := got[label]; !ok || !near(g, w) {
				t.Errorf("%s, %s: stored %.2f, engine %.2f", sheet, label, g, w)
			}
		}
	}
	rows, _ := f.GetRows(tn().Summary, excelize.Options{RawCellValue: true})
	checked := 0
	for _, m := range c.Rows {
		name := tl.Text("metric."+m.Key, m.Label)
		var seen int
		for _, r := range rows {
			if len(r) == 0 || r[0] != name {
				continue
			}
			for k := range c.Results {
				fig := m.Figures[k]
				if !fig.Known {
					continue
				}
				want := []float64{fig.PerYear, fig.DeltaPerYear, fig.Horizon}[seen]
				if len(r) <= sFirstScenario+k-1 || r[sFirstScenario+k-1] == "" {
					t.Errorf("%s (%d): no stored figure for %s", name, seen, c.Results[k].Scenario.ID)
					continue
				}
				if g := parse(t, r[sFirstScenario+k-1]); math.Abs(g-want) > 1e-6*math.Max(1, math.Abs(want)) {
					t.Errorf("%s (%d), %s: stored %v, engine %v", name, seen, c.Results[k].Scenario.ID, g, want)
				}
				checked++
			}
			seen++
		}
		if seen != 3 {
			t.Errorf("%s on %d Summary rows, want per year, change and horizon", name, seen)
		}
	}
	pareto := tl.Text("export.xlsx.summary.pareto", "Pareto-best (no other scenario is better on all of: {{.Criteria}})", "Criteria", "")
	pareto = pareto[:strings.Index(pareto, "(")]
	for _, r := range rows {
		if len(r) > 0 && strings.HasPrefix(r[0], pareto) {
			for k, p := range c.Pareto {
				if want := map[bool]string{true: "1", false: "0"}[p]; r[sFirstScenario+k-1] != want {
					t.Errorf("Pareto of %s stored %q, engine %v", c.Results[k].Scenario.ID, r[sFirstScenario+k-1], p)
				}
			}
			checked++
		}
	}
	t.Logf("%d Summary figures read without recalculation", checked)
	_ = plan.KeyCostTotal
}

// TestNoTimeOffItsSecond: every time and date-time cell of every calendar,
// as stored, is the engine's clock to the second.
func TestNoTimeOffItsSecond(t *testing.T) {
	lib := builtIns(t)
	c, f := lib.c, lib.f
	cells := 0
	for i, r := range c.Results {
		sheet := SheetStemsWith(c, tl)[i] + tn().Calendar
		rows, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		for k, m := range r.Schedule.Meetings {
			row := rows[2+k]
			want := []float64{clockSeconds(m.Start), clockSeconds(m.End), serialSeconds(m.Start.UTC()), serialSeconds(m.End.UTC())}
			for j, w := range want {
				v := parse(t, row[2+j])
				got := v * 86400
				// Never below the engine's second (a clock cut, not
				// rounded, would read a minute early), and within 10 ms.
				if wd := w / 86400; v < wd-1e-11 || v > wd+1e-7 {
					t.Fatalf("%s row %d column %d: stored %v is %.9f s, the engine %.0f s", sheet, 3+k, 3+j, row[2+j], got, w)
				}
				cells++
			}
		}
	}
	t.Logf("%d time cells, none off its second", cells)
}

func clockSeconds(t interface{ Clock() (int, int, int) }) float64 {
	h, m, s := t.Clock()
	return float64(h*3600 + m*60 + s)
}

func serialSeconds(t time.Time) float64 {
	y, mo, d := t.Date()
	days := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC).Sub(excelEpoch).Hours() / 24
	return math.Round(days)*86400 + clockSeconds(t)
}

// TestEveryUsedAssumptionIsLive: of the Assumptions rows the engine uses,
// at least 90 % are read by the workbook's formulas; the others say
// "engine only" and are shaded.
func TestEveryUsedAssumptionIsLive(t *testing.T) {
	lib := builtIns(t)
	f := lib.f
	rows, _ := f.GetRows(tn().Assumptions)
	live, engineOnly, unused := tl.Text("export.xlsx.live.live", "live: the formulas read it"),
		tl.Text("export.xlsx.live.engine_only", "engine only: change it in the scenario"),
		tl.Text("export.xlsx.live.not_used", "not used by these scenarios' costs")
	n := map[string]int{}
	for k, r := range rows[assumptionsHeaderRow:] {
		if len(r) < aLive {
			t.Fatalf("Assumptions row %d says nothing of its use: %q", assumptionsHeaderRow+1+k, r)
		}
		switch r[aLive-1] {
		case live, unused:
		case engineOnly:
			st, _ := f.GetCellStyle(tn().Assumptions, cell(aLive, assumptionsHeaderRow+1+k))
			if st == 0 {
				t.Errorf("engine-only row %s is not shaded", r[0])
			}
		default:
			t.Errorf("row %s: %q", r[0], r[aLive-1])
		}
		n[r[aLive-1]]++
	}
	used := n[live] + n[engineOnly]
	if used == 0 || float64(n[live]) < 0.9*float64(used) {
		t.Errorf("%d of %d used assumptions live, want 90 %%", n[live], used)
	}
	t.Logf("%d rows: %d live, %d engine only, %d not used", len(rows)-1, n[live], n[engineOnly], n[unused])
}
