package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"mechplan/internal/chart"
	"mechplan/internal/cost"
	"mechplan/internal/export/ics"
	"mechplan/internal/export/labels"
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

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
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
	language := fs.String("lang", "", "language of the tables and of the Excel, PDF and calendar exports: en, fr, es, ru, zh, or ar (the workbook only); default: the system's, else English")
	pos, ok := c.flags(fs, args)
	if !ok {
		return exitUsage
	}
	lang := locale.Language(*language)
	if *language == "" {
		lang = systemLanguage()
	}
	switch l := lang; {
	case !l.Known():
		fmt.Fprintln(c.stderr, c.say("cli.err.compare_lang", "mechplan-cli compare: --lang {{.V}}: want en, fr, es, ru, zh or ar", "V", fmt.Sprintf("%q", *language)))
		return exitUsage
	case !l.Offered() && *pdfFile != "":
		// fpdf only reverses the characters of a right-to-left text;
		// Arabic needs shaping and bidirectional layout (README, Languages).
		fmt.Fprintln(c.stderr, c.say("cli.err.compare_pdf_lang", "mechplan-cli compare: --lang {{.V}}: the PDF report is written in en, fr, es, ru or zh; Arabic is offered for the workbook (--xlsx) only", "V", *language))
		return exitUsage
	}
	words := locale.Export(lang)
	issued := time.Now().UTC().Truncate(24 * time.Hour)
	if *date != "" {
		d, err := time.Parse(time.DateOnly, *date)
		if err != nil {
			fmt.Fprintln(c.stderr, c.say("cli.err.compare_date", "mechplan-cli compare: --date {{.V}}: want YYYY-MM-DD", "V", fmt.Sprintf("%q", *date)))
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
	opt := plan.Options{Cost: cost.Options{TravelToHybrid: *hybrid}}
	results, err := c.evaluateWith(ss, opt)
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
	// The workbook and the report print the hybrid trade-off.
	if *xlsxFile != "" || *pdfFile != "" {
		if err := cmp.AddHybridTradeoffs(opt); err != nil {
			return c.fail(err)
		}
	}
	bytesOf := func(encode func() ([]byte, error)) func(io.Writer) error {
		return func(w io.Writer) error {
			data, err := encode()
			if err == nil {
				_, err = w.Write(data)
			}
			return err
		}
	}
	exports := []struct {
		file  string
		write func(io.Writer) error
	}{
		{*xlsxFile, bytesOf(func() ([]byte, error) { return xlsx.EncodeWith(cmp, xlsx.Options{Labels: words}) })},
		{*pdfFile, bytesOf(func() ([]byte, error) { return pdf.EncodeWith(cmp, pdf.Options{Labels: words}) })},
		// The calendar is written as it is made: 100 MB for the largest.
		{*icsFile, func(w io.Writer) error {
			all := make([]int, len(cmp.Results))
			for i := range all {
				all[i] = i
			}
			return ics.WriteWith(w, cmp, all, ics.Options{Labels: words, Past: *icsPast})
		}},
	}
	if *icsDir != "" {
		for i, name := range ics.FileNames(cmp) {
			i := i
			exports = append(exports, struct {
				file  string
				write func(io.Writer) error
			}{filepath.Join(*icsDir, name), func(w io.Writer) error {
				return ics.WriteWith(w, cmp, []int{i}, ics.Options{Labels: words, Past: *icsPast})
			}})
		}
	}
	wrote := false
	for _, e := range exports {
		if e.file == "" {
			continue
		}
		// A temporary file renamed into place: a failure leaves no half file.
		n := &countingWriter{}
		err := store.WriteAtomic(e.file, 0o644, func(w io.Writer) error {
			n.w = w
			return e.write(n)
		})
		if err != nil {
			return c.fail(fmt.Errorf("%s: %w", display(e.file), err))
		}
		wrote = true
		if !*asJSON {
			fmt.Fprintln(c.stdout, c.say("cli.msg.wrote", "wrote {{.File}} ({{.Bytes}} bytes)", "File", display(e.file), "Bytes", c.count(int(n.n))))
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
	fmt.Fprintln(c.stdout, c.say("cli.msg.compared_with", "Compared with {{.ID}} ({{.Name}}), per year of each horizon; * Pareto-best on {{.Criteria}}",
		"ID", base.ID, "Name", display(base.Name), "Criteria", fmt.Sprint(cmp.ParetoOn)))
	t := c.table("", "ID", "HORIZON", "DAYS/YR", "Δ DAYS", "MEETINGS/YR", "BLOCKS/YR", "MAX PARALLEL", "NIGHT H/YR", "Δ NIGHT H", "COST/YR", "Δ COST")
	fig := func(key string, i int) (plan.Figure, bool) {
		row, ok := cmp.Row(key)
		if !ok || !row.Figures[i].Known {
			return plan.Figure{}, false
		}
		return row.Figures[i], true
	}
	// The figures as the exports write them in the language (chart's
	// forms in English).
	words := labels.Or(c.words)
	na := c.say("cli.msg.na", "n/a")
	num := func(key string, i, decimals int, delta bool) string {
		f, ok := fig(key, i)
		switch {
		case !ok:
			return na
		case delta && c.english():
			return chart.Signed(f.DeltaPerYear, decimals)
		case delta:
			return c.format().Signed(f.DeltaPerYear, decimals)
		}
		return words.Number(f.PerYear, decimals)
	}
	money := func(i int, delta bool) string {
		f, ok := fig(plan.KeyCostTotal, i)
		switch {
		case !ok:
			return na
		case delta && f.DeltaPerYear > 0:
			return "+" + words.Money(f.DeltaPerYear)
		case delta:
			return words.Money(f.DeltaPerYear)
		}
		return words.Money(f.PerYear)
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
