package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"time"

	"mechplan/internal/chart"
	"mechplan/internal/cost"
	"mechplan/internal/export/ics"
	"mechplan/internal/export/pdf"
	"mechplan/internal/export/xlsx"
	"mechplan/internal/i18n/locale"
	"mechplan/internal/model"
	"mechplan/internal/plan"
	"mechplan/internal/store"
)

// defaultBaseline is the mechanism every proposal is measured against.
const defaultBaseline = "oewg-2021-2025"

type figureJSON struct {
	Horizon      float64 `json:"horizon"`
	PerYear      float64 `json:"per_year"`
	DeltaHorizon float64 `json:"delta_horizon"`
	DeltaPerYear float64 `json:"delta_per_year"`
}

type compareScenarioJSON struct {
	ID      string                `json:"id"`
	Name    string                `json:"name"`
	Horizon string                `json:"horizon"`
	Years   int                   `json:"years"`
	Pareto  bool                  `json:"pareto"`
	Metrics map[string]figureJSON `json:"metrics"`
}

type metricJSON struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Unit  string `json:"unit"`
	Group string `json:"group"`
}

type compareJSON struct {
	Baseline  string                `json:"baseline"`
	Date      string                `json:"date"`
	ParetoOn  []string              `json:"pareto_on"`
	Metrics   []metricJSON          `json:"metrics"`
	Scenarios []compareScenarioJSON `json:"scenarios"`
}

func cmdCompare(c *cli, args []string) int {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	baseline := fs.String("baseline", defaultBaseline, "id or file of the scenario the others are measured against")
	xlsxFile := fs.String("xlsx", "", "write the comparison as an Excel workbook to this file")
	pdfFile := fs.String("pdf", "", "write the comparison as a PDF report to this file")
	icsFile := fs.String("ics", "", "write every meeting of the scenarios as one iCalendar file (prefer --ics-dir: one file per scenario)")
	icsDir := fs.String("ics-dir", "", "write one iCalendar file per scenario, named after its id, into this folder")
	icsPast := fs.Bool("ics-past", false, "keep the baseline's meetings before the issue date in the calendars")
	asJSON := fs.Bool("json", false, "print JSON")
	hybrid := travelToHybridFlag(fs)
	date := fs.String("date", "", "issue date printed on the exports, YYYY-MM-DD (default today); fixes the PDF's bytes")
	language := fs.String("lang", "en", "language of the Excel, PDF and calendar exports: en, fr or es")
	pos, ok := c.flags(fs, args)
	if !ok {
		return exitUsage
	}
	if l := locale.Language(*language); !l.Offered() {
		fmt.Fprintf(c.stderr, "mechplan-cli compare: --lang %q: want en, fr or es\n", *language)
		return exitUsage
	}
	words := locale.Export(locale.Language(*language))
	issued := time.Now().UTC().Truncate(24 * time.Hour)
	if *date != "" {
		d, err := time.Parse(time.DateOnly, *date)
		if err != nil {
			fmt.Fprintf(c.stderr, "mechplan-cli compare: --date %q: want YYYY-MM-DD\n", *date)
			return exitUsage
		}
		issued = d
	}
	ss, err := c.scenarios(pos)
	if err != nil {
		return c.fail(err)
	}
	base := -1
	for i, s := range ss {
		if s.ID == *baseline {
			base = i
		}
	}
	if base < 0 {
		bs, err := c.scenario(*baseline)
		if err != nil {
			return c.fail(fmt.Errorf("--baseline: %w", err))
		}
		ss = append([]*model.Scenario{bs}, ss...)
		base = 0
	}
	results, err := c.evaluateWith(ss, plan.Options{Cost: cost.Options{TravelToHybrid: *hybrid}})
	if err != nil {
		return c.fail(err)
	}
	ref, err := c.refdata()
	if err != nil {
		return c.fail(err)
	}
	cmp, err := plan.Compare(ref, results, base, issued)
	if err != nil {
		return c.fail(err)
	}
	exports := []struct {
		file   string
		encode func(*plan.Comparison) ([]byte, error)
	}{
		{*xlsxFile, func(c *plan.Comparison) ([]byte, error) { return xlsx.EncodeWith(c, xlsx.Options{Labels: words}) }},
		{*pdfFile, func(c *plan.Comparison) ([]byte, error) { return pdf.EncodeWith(c, pdf.Options{Labels: words}) }},
		{*icsFile, func(c *plan.Comparison) ([]byte, error) {
			all := make([]int, len(c.Results))
			for i := range all {
				all[i] = i
			}
			return ics.EncodeWith(c, all, ics.Options{Labels: words, Past: *icsPast}), nil
		}},
	}
	if *icsDir != "" {
		for i, name := range ics.FileNames(cmp) {
			i := i
			exports = append(exports, struct {
				file   string
				encode func(*plan.Comparison) ([]byte, error)
			}{filepath.Join(*icsDir, name), func(c *plan.Comparison) ([]byte, error) {
				return ics.EncodeScenario(c, i, ics.Options{Labels: words, Past: *icsPast}), nil
			}})
		}
	}
	wrote := false
	for _, e := range exports {
		if e.file == "" {
			continue
		}
		data, err := e.encode(cmp)
		if err != nil {
			return c.fail(fmt.Errorf("%s: %w", e.file, err))
		}
		// A temporary file renamed into place: a failure leaves no half file.
		if err := store.WriteFileAtomic(e.file, data, 0o644); err != nil {
			return c.fail(err)
		}
		wrote = true
		if !*asJSON {
			fmt.Fprintf(c.stdout, "wrote %s (%d bytes)\n", e.file, len(data))
		}
	}
	if *asJSON {
		return c.json(comparisonJSON(cmp))
	}
	if !wrote {
		c.compareTable(cmp)
	}
	return exitOK
}

func comparisonJSON(cmp *plan.Comparison) compareJSON {
	out := compareJSON{Baseline: cmp.Results[cmp.Baseline].Scenario.ID, Date: cmp.Date.Format(time.DateOnly),
		ParetoOn: append([]string{}, cmp.ParetoOn...)}
	for _, row := range cmp.Rows {
		out.Metrics = append(out.Metrics, metricJSON{row.Key, row.Label, row.Unit, row.Group})
	}
	for i, r := range cmp.Results {
		s := compareScenarioJSON{ID: r.Scenario.ID, Name: r.Scenario.Name, Horizon: r.Total.Label, Years: r.YearCount(),
			Pareto: cmp.Pareto[i], Metrics: map[string]figureJSON{}}
		for _, row := range cmp.Rows {
			if f := row.Figures[i]; f.Known {
				s.Metrics[row.Key] = figureJSON{f.Horizon, f.PerYear, f.DeltaHorizon, f.DeltaPerYear}
			}
		}
		out.Scenarios = append(out.Scenarios, s)
	}
	return out
}

// compareTable prints one line per scenario with the figures a reader
// compares first, per year so that horizons of different lengths compare.
func (c *cli) compareTable(cmp *plan.Comparison) {
	base := cmp.Results[cmp.Baseline].Scenario
	fmt.Fprintf(c.stdout, "Compared with %s (%s), per year of each horizon; * Pareto-best on %v\n", base.ID, base.Name, cmp.ParetoOn)
	t := newTable(c.stdout, "", "ID", "HORIZON", "DAYS/YR", "Δ DAYS", "MEETINGS/YR", "BLOCKS/YR", "MAX PARALLEL", "NIGHT H/YR", "Δ NIGHT H", "COST/YR", "Δ COST")
	fig := func(key string, i int) (plan.Figure, bool) {
		row, ok := cmp.Row(key)
		if !ok || !row.Figures[i].Known {
			return plan.Figure{}, false
		}
		return row.Figures[i], true
	}
	num := func(key string, i, decimals int, delta bool) string {
		f, ok := fig(key, i)
		if !ok {
			return "n/a"
		}
		if delta {
			return chart.Signed(f.DeltaPerYear, decimals)
		}
		return chart.Number(f.PerYear, decimals)
	}
	money := func(i int, delta bool) string {
		f, ok := fig(plan.KeyCostTotal, i)
		switch {
		case !ok:
			return "n/a"
		case delta && f.DeltaPerYear > 0:
			return "+" + chart.Money(f.DeltaPerYear)
		case delta:
			return chart.Money(f.DeltaPerYear)
		}
		return chart.Money(f.PerYear)
	}
	for i, r := range cmp.Results {
		mark := ""
		if cmp.Pareto[i] {
			mark = "*"
		}
		t.row(mark, r.Scenario.ID, r.Total.Label,
			num(plan.KeyMeetingDays, i, 1, false), num(plan.KeyMeetingDays, i, 1, true),
			num("meetings", i, 1, false), num("blocks", i, 1, false), num("max_parallel", i, 0, false),
			num(plan.KeyNightHours, i, 0, false), num(plan.KeyNightHours, i, 0, true),
			money(i, false), money(i, true))
	}
	t.flush()
}
