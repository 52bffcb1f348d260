package main

import (
	"flag"
	"fmt"
	"strconv"
	"time"

	"mechplan/internal/model"
	"mechplan/internal/plan"
	"mechplan/internal/schedule"
)

// evaluate runs the engine on each scenario, naming the scenario on failure.
func (c *cli) evaluate(ss []*model.Scenario) ([]*plan.Result, error) {
	ref, err := c.refdata()
	if err != nil {
		return nil, err
	}
	out := make([]*plan.Result, len(ss))
	for i, s := range ss {
		r, err := plan.Evaluate(s, ref, plan.Options{})
		if err != nil {
			return nil, withFile(s.ID, err)
		}
		out[i] = r
	}
	return out, nil
}

type yearJSON struct {
	Year int `json:"year"`
	schedule.Totals
}

type periodJSON struct {
	Label string `json:"label"`
	schedule.Totals
}

type conflictJSON struct {
	Kind    string `json:"kind"`
	Date    string `json:"date"`
	Message string `json:"message"`
}

type evalJSON struct {
	ID        string         `json:"id"`
	Name      string         `json:"name"`
	Years     []yearJSON     `json:"years"`
	Cycles    []periodJSON   `json:"cycles"`
	Total     periodJSON     `json:"total"`
	Conflicts []conflictJSON `json:"conflicts"`
	// VsBaseline is the horizon total minus the baseline's, per average
	// year, when a baseline is chosen.
	VsBaseline *baselineJSON `json:"vs_baseline,omitempty"`
}

type baselineJSON struct {
	Baseline           string  `json:"baseline"`
	MeetingDaysPerYear float64 `json:"meeting_days_per_year"`
	MeetingsPerYear    float64 `json:"meetings_per_year"`
	BlocksPerYear      float64 `json:"blocks_per_year"`
	MaxParallel        int     `json:"max_parallel"`
}

func cmdEval(c *cli, args []string) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	baseline := fs.String("baseline", "", "id of the scenario to compare against (it is evaluated too)")
	pos, ok := c.flags(fs, args)
	if !ok {
		return exitUsage
	}
	ss, err := c.scenarios(pos)
	if err != nil {
		return c.fail(err)
	}
	results, err := c.evaluate(ss)
	if err != nil {
		return c.fail(err)
	}
	var base *plan.Result
	if *baseline != "" {
		for _, r := range results {
			if r.Scenario.ID == *baseline {
				base = r
			}
		}
		if base == nil {
			bs, err := c.scenario(*baseline)
			if err != nil {
				return c.fail(err)
			}
			br, err := c.evaluate([]*model.Scenario{bs})
			if err != nil {
				return c.fail(err)
			}
			base = br[0]
		}
	}
	out := make([]evalJSON, len(results))
	for i, r := range results {
		e := evalJSON{ID: r.Scenario.ID, Name: r.Scenario.Name, Total: periodJSON{r.Total.Label, r.Total.Totals}}
		for _, y := range r.Years {
			e.Years = append(e.Years, yearJSON{y.FirstYear, y.Totals})
		}
		for _, p := range r.Cycles {
			e.Cycles = append(e.Cycles, periodJSON{p.Label, p.Totals})
		}
		e.Conflicts = []conflictJSON{}
		for _, k := range r.Conflicts {
			e.Conflicts = append(e.Conflicts, conflictJSON{k.Kind, k.Date, k.Message})
		}
		if base != nil {
			d, m, b := r.AverageYear()
			bd, bm, bb := base.AverageYear()
			e.VsBaseline = &baselineJSON{Baseline: base.Scenario.ID, MeetingDaysPerYear: round2(d - bd),
				MeetingsPerYear: round2(m - bm), BlocksPerYear: round2(b - bb), MaxParallel: r.Total.MaxParallel - base.Total.MaxParallel}
		}
		out[i] = e
	}
	if *asJSON {
		return c.json(map[string]any{"scenarios": out})
	}
	for i, e := range out {
		if i > 0 {
			fmt.Fprintln(c.stdout)
		}
		fmt.Fprintf(c.stdout, "%s — %s\n", e.ID, e.Name)
		t := newTable(c.stdout, "YEAR", "MEETING DAYS", "BODY-DAYS", "MEETINGS", "INTERPRETED", "IN PERSON", "HYBRID", "VIRTUAL", "MAX PARALLEL", "BLOCKS")
		for _, y := range e.Years {
			t.row(totalsRow(strconv.Itoa(y.Year), y.Totals)...)
		}
		for _, p := range e.Cycles {
			if len(e.Cycles) > 1 {
				t.row(totalsRow("cycle "+p.Label, p.Totals)...)
			}
		}
		t.row(totalsRow("total "+e.Total.Label, e.Total.Totals)...)
		t.flush()
		if e.VsBaseline != nil {
			fmt.Fprintf(c.stdout, "vs %s, per year: %+.1f meeting days, %+.1f meetings, %+.1f blocks; max parallel %+d\n",
				e.VsBaseline.Baseline, e.VsBaseline.MeetingDaysPerYear, e.VsBaseline.MeetingsPerYear, e.VsBaseline.BlocksPerYear, e.VsBaseline.MaxParallel)
		}
		for _, k := range e.Conflicts {
			fmt.Fprintf(c.stdout, "! %s: %s\n", k.Kind, k.Message)
		}
	}
	return exitOK
}

func round2(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 2, 64), 64)
	return v
}

func totalsRow(label string, t schedule.Totals) []string {
	return []string{label, strconv.Itoa(t.MeetingDays), strconv.FormatFloat(t.BodyDays, 'f', -1, 64), strconv.Itoa(t.Meetings),
		strconv.Itoa(t.InterpretedMeetings), strconv.Itoa(t.InPersonDays), strconv.Itoa(t.HybridDays), strconv.Itoa(t.VirtualDays),
		strconv.Itoa(t.MaxParallel), strconv.Itoa(t.Blocks)}
}

type meetingJSON struct {
	Body        string `json:"body"`
	BodyName    string `json:"body_name"`
	Kind        string `json:"kind"`
	Block       string `json:"block"`
	Date        string `json:"date"`
	Start       string `json:"start"`
	End         string `json:"end"`
	Venue       string `json:"venue"`
	TZ          string `json:"tz"`
	UTCStart    string `json:"utc_start"`
	Format      string `json:"format"`
	Interpreted bool   `json:"interpreted"`
	Track       int    `json:"track"`
}

func meetingRow(m *schedule.Meeting) meetingJSON {
	return meetingJSON{
		Body: m.Body, BodyName: m.BodyName, Kind: string(m.Kind), Block: m.Block,
		Date: m.Start.Format(time.DateOnly), Start: m.Start.Format("15:04"), End: m.End.Format("15:04"),
		Venue: m.Venue, TZ: m.Start.Location().String(), UTCStart: m.Start.UTC().Format(time.RFC3339),
		Format: string(m.Format), Interpreted: m.Interpreted, Track: m.Track,
	}
}

func cmdSchedule(c *cli, args []string) int {
	fs := flag.NewFlagSet("schedule", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, ok := c.flags(fs, args)
	if !ok || len(pos) != 1 {
		fmt.Fprintln(c.stderr, "usage: mechplan-cli schedule [--json] SCENARIO")
		return exitUsage
	}
	ss, err := c.scenarios(pos)
	if err != nil {
		return c.fail(err)
	}
	rs, err := c.evaluate(ss)
	if err != nil {
		return c.fail(err)
	}
	r := rs[0]
	rows := make([]meetingJSON, len(r.Schedule.Meetings))
	for i := range r.Schedule.Meetings {
		rows[i] = meetingRow(&r.Schedule.Meetings[i])
	}
	if *asJSON {
		conf := []conflictJSON{}
		for _, k := range r.Conflicts {
			conf = append(conf, conflictJSON{k.Kind, k.Date, k.Message})
		}
		return c.json(map[string]any{"scenario": r.Scenario.ID, "meetings": rows, "conflicts": conf})
	}
	fmt.Fprintf(c.stdout, "%s — %s: %d meetings\n", r.Scenario.ID, r.Scenario.Name, len(rows))
	t := newTable(c.stdout, "DATE", "DAY", "START", "END", "VENUE", "ZONE", "BODY", "FORMAT", "TRACK")
	for i, m := range rows {
		t.row(m.Date, r.Schedule.Meetings[i].Start.Format("Mon"), m.Start, m.End, m.Venue, m.TZ, m.BodyName, m.Format, strconv.Itoa(m.Track+1))
	}
	t.flush()
	for _, k := range r.Conflicts {
		fmt.Fprintf(c.stdout, "! %s: %s\n", k.Kind, k.Message)
	}
	return exitOK
}
