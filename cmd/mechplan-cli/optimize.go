package main

import (
	"flag"
	"fmt"
	"strings"

	"mechplan/internal/burden"
	"mechplan/internal/store"
)

type candidateJSON struct {
	Start    string  `json:"start"`
	Feasible bool    `json:"feasible"`
	Max      float64 `json:"max"`
	Total    float64 `json:"total"`
}

type bodyChoiceJSON struct {
	Body         string          `json:"body"`
	BodyName     string          `json:"body_name"`
	AsWritten    []string        `json:"as_written"`
	StartTimes   []string        `json:"start_times"`
	Method       string          `json:"method"`
	BestForWorst string          `json:"best_for_worst_off"`
	BestTotal    string          `json:"best_for_total"`
	Candidates   []candidateJSON `json:"candidates"`
}

func cmdOptimize(c *cli, args []string) int {
	fs := flag.NewFlagSet("optimize", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	out := fs.String("o", "", "write the scenario with the suggestion applied to this file")
	in, code := c.burdenInput(fs, args, "usage: mechplan-cli optimize [--json] [--night HH:MM-HH:MM] [--all] [-o FILE] SCENARIO")
	if code >= 0 {
		return code
	}
	sug, err := burden.Optimize(in.scenario, in.ref, in.settings)
	if err != nil {
		return c.fail(withFile(in.arg, err))
	}
	if *out != "" {
		if err := store.Save(*out, sug.Scenario); err != nil {
			return c.fail(err)
		}
	}
	bodies := make([]bodyChoiceJSON, len(sug.Bodies))
	for i, ch := range sug.Bodies {
		cands := make([]candidateJSON, len(ch.Candidates))
		for k, x := range ch.Candidates {
			cands[k] = candidateJSON{burden.Clock(x.Start), x.Feasible, round2(x.Max), round2(x.Total)}
		}
		written := ch.AsWritten
		if written == nil {
			written = []string{}
		}
		bodies[i] = bodyChoiceJSON{ch.Body, ch.BodyName, written, ch.StartTimes, ch.Method,
			burden.Clock(ch.Candidates[ch.BestWorst].Start), burden.Clock(ch.Candidates[ch.BestTotal].Start), cands}
	}
	venues := make([]map[string]any, len(sug.Venues))
	for i, v := range sug.Venues {
		venues[i] = map[string]any{"block": v.Block, "as_written": v.AsWritten, "suggested": v.Suggested}
	}
	if *asJSON {
		return c.json(map[string]any{"scenario": in.scenario.ID, "bodies": bodies, "venues": venues,
			"before": summaryRow(sug.Before), "after": summaryRow(sug.After), "optimized_scenario": sug.Scenario})
	}
	fmt.Fprintf(c.stdout, "%s — %s: start times that share the night\n", in.scenario.ID, in.scenario.Name)
	if len(sug.Bodies) == 0 && len(sug.Venues) == 0 {
		fmt.Fprintln(c.stdout, "no body meets in hybrid or virtual format: nothing to move (the burden of in-person sessions is travel)")
		return exitOK
	}
	for _, v := range sug.Venues {
		fmt.Fprintf(c.stdout, "block %s: venues %s → %s\n", v.Block, strings.Join(v.AsWritten, ", "), strings.Join(v.Suggested, ", "))
	}
	t := c.table("BODY", "AS WRITTEN", "SUGGESTED (VENUE TIME)", "METHOD", "BEST SINGLE TIME: WORST-OFF", "TOTAL")
	for _, b := range bodies {
		written := strings.Join(b.AsWritten, ", ")
		if written == "" {
			written = "venue hours"
		}
		t.row(b.BodyName, written, strings.Join(b.StartTimes, ", "), b.Method, b.BestForWorst, b.BestTotal)
	}
	t.flush()
	fmt.Fprintln(c.stdout)
	t = c.table("", "WORST-OFF SCORE", "P90", "TOTAL", "AT NIGHT", "GINI")
	for _, r := range []struct {
		label string
		s     burden.Summary
	}{{"as written", sug.Before}, {"suggested", sug.After}} {
		t.row(r.label, fmt.Sprintf("%.2f", r.s.Max), fmt.Sprintf("%.2f", r.s.P90), fmt.Sprintf("%.1f", r.s.TotalScore),
			fmt.Sprint(r.s.HitByNight), fmt.Sprintf("%.3f", r.s.Gini))
	}
	t.flush()
	if sug.Before.Max > 0 {
		fmt.Fprintf(c.stdout, "worst-off score %+.1f%%\n", 100*(sug.After.Max-sug.Before.Max)/sug.Before.Max)
	}
	return exitOK
}
