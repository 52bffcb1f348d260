package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"mechplan/internal/burden"
	"mechplan/internal/model"
	"mechplan/internal/plan"
	"mechplan/internal/refdata"
)

// worstShown is how many delegations the readable burden table lists.
const worstShown = 20

type delegationJSON struct {
	ISO3              string  `json:"iso3"`
	Name              string  `json:"name"`
	TZ                string  `json:"tz"`
	Group             string  `json:"group"`
	LDC               bool    `json:"ldc"`
	LLDC              bool    `json:"lldc"`
	SIDS              bool    `json:"sids"`
	NightMinutes      int     `json:"night_minutes"`
	UnsociableMinutes int     `json:"unsociable_minutes"`
	Score             float64 `json:"score"`
	MeetingsTouched   int     `json:"meetings_touched"`
	NightMeetings     int     `json:"night_meetings"`
	Trips             int     `json:"trips"`
	FlightHours       float64 `json:"flight_hours"`
	ZonesCrossed      float64 `json:"zones_crossed"`
	MaxZonesCrossed   float64 `json:"max_zones_crossed"`
}

type groupJSON struct {
	Name              string  `json:"name"`
	Delegations       int     `json:"delegations"`
	HitByNight        int     `json:"hit_by_night"`
	NightMinutes      int     `json:"night_minutes"`
	UnsociableMinutes int     `json:"unsociable_minutes"`
	Score             float64 `json:"score"`
	MeanScore         float64 `json:"mean_score"`
	MaxScore          float64 `json:"max_score"`
}

type summaryJSON struct {
	Delegations int         `json:"delegations"`
	HitByNight  int         `json:"hit_by_night"`
	WorstOff    []string    `json:"worst_off"`
	P50         float64     `json:"p50"`
	P90         float64     `json:"p90"`
	Max         float64     `json:"max"`
	TotalScore  float64     `json:"total_score"`
	Gini        float64     `json:"gini"`
	ByGroup     []groupJSON `json:"by_group"`
	ByStatus    []groupJSON `json:"by_status"`
}

type bandJSON struct {
	Name   string  `json:"name"`
	From   string  `json:"from"`
	To     string  `json:"to"`
	Weight float64 `json:"weight"`
}

func summaryRow(s burden.Summary) summaryJSON {
	groups := func(gs []burden.GroupTotal) []groupJSON {
		out := make([]groupJSON, len(gs))
		for i, g := range gs {
			out[i] = groupJSON{g.Name, g.Delegations, g.HitByNight, g.NightMinutes, g.UnsociableMinutes, round2(g.Score), round2(g.MeanScore), round2(g.MaxScore)}
		}
		return out
	}
	worst := s.WorstOff
	if worst == nil {
		worst = []string{}
	}
	return summaryJSON{s.Delegations, s.HitByNight, worst, round2(s.P50), round2(s.P90), round2(s.Max), round2(s.TotalScore),
		round3(s.Gini), groups(s.ByGroup), groups(s.ByStatus)}
}

func round3(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 3, 64), 64)
	return v
}

// burdenOptions reads the flags shared by burden and optimize.
// burdenInput is what the burden and optimize commands share: the flags
// --night and --all, one SCENARIO, and the reference data.
type burdenInput struct {
	arg      string
	scenario *model.Scenario
	ref      *refdata.Data
	settings burden.Settings
}

// burdenInput parses the common flags (after the caller has added its own
// to fs) and loads the scenario; a code of -1 means go on.
func (c *cli) burdenInput(fs *flag.FlagSet, args []string, usage string) (burdenInput, int) {
	night, all := burdenOptions(fs)
	pos, ok := c.flags(fs, args)
	if !ok || len(pos) != 1 {
		fmt.Fprintln(c.stderr, c.usageLine(usage))
		return burdenInput{}, exitUsage
	}
	set, ok := c.burdenSettings(*night, *all)
	if !ok {
		return burdenInput{}, exitUsage
	}
	s, err := c.scenario(pos[0])
	if err != nil {
		return burdenInput{}, c.fail(err)
	}
	ref, err := c.refdata()
	if err != nil {
		return burdenInput{}, c.fail(err)
	}
	return burdenInput{arg: pos[0], scenario: s, ref: ref, settings: set}, -1
}

func burdenOptions(fs *flag.FlagSet) (night *string, all *bool) {
	night = fs.String("night", "", "night band HH:MM-HH:MM on the capital's clock (default 00:00-06:00; may wrap midnight)")
	all = fs.Bool("all", false, "count every meeting (capital backstopping), not only hybrid and virtual ones")
	return night, all
}

func (c *cli) burdenSettings(night string, all bool) (burden.Settings, bool) {
	set := burden.Settings{AllMeetings: all}
	if night != "" {
		sp, err := burden.ParseSpan(night)
		if err != nil {
			fmt.Fprintln(c.stderr, "--night: "+c.errorText(err))
			return set, false
		}
		set.Night = &sp
	}
	return set, true
}

func cmdBurden(c *cli, args []string) int {
	fs := flag.NewFlagSet("burden", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	hybrid := travelToHybridFlag(fs)
	in, code := c.burdenInput(fs, args, synopsis("burden"))
	if code >= 0 {
		return code
	}
	in.settings.TravelToHybrid = *hybrid
	r, err := plan.Evaluate(in.scenario, in.ref, plan.Options{Burden: in.settings})
	if err != nil {
		return c.fail(withFile(in.arg, err))
	}
	b := r.Burden
	meetings := make([]meetingJSON, len(b.Counted))
	for i, k := range b.Counted {
		meetings[i] = meetingRow(&r.Schedule.Meetings[k])
	}
	dels := make([]delegationJSON, len(b.Delegations))
	for i, d := range b.Delegations {
		dels[i] = delegationJSON{d.ISO3, d.Name, d.TZ, d.Group, d.LDC, d.LLDC, d.SIDS, d.NightMinutes, d.UnsociableMinutes, round2(d.Score),
			d.MeetingsTouched, d.NightMeetings, d.Travel.Trips, round2(d.Travel.FlightHours), d.Travel.ZonesCrossed, d.Travel.MaxZonesCrossed}
	}
	nightSpan := []string{}
	if sp, ok := burden.NightSpan(b.Bands); ok {
		nightSpan = []string{burden.Clock(sp.From), burden.Clock(sp.To)}
	}
	bands := make([]bandJSON, len(b.Bands))
	for i, x := range b.Bands {
		bands[i] = bandJSON{x.Name, burden.Clock(x.From), burden.Clock(x.To), x.Weight}
	}
	if *asJSON {
		return c.json(map[string]any{
			"scenario": in.scenario.ID, "night": nightSpan, "bands": bands, "all_meetings": b.AllMeetings,
			"travel_to_hybrid": b.TravelToHybrid, "hybrid_attendance": hybridAttendanceKey(b),
			"meetings": meetings, "delegations": dels, "summary": summaryRow(b.Summary),
			"fairness_index": "gini", "flight_model": flightJSON(b),
		})
	}
	counted := c.say("cli.msg.counted_remote", "meetings open to remote participation (hybrid, virtual)")
	switch {
	case b.AllMeetings:
		counted = c.say("cli.msg.counted_all", "every meeting (capital backstopping)")
	case b.TravelToHybrid:
		counted = c.say("cli.msg.counted_followed", "meetings followed from the capitals (virtual)")
	}
	inRoom := b.TravelToHybrid && hybridMeetings(r) > 0
	fmt.Fprintln(c.stdout, c.say("cli.msg.burden", "{{.ID}} — {{.Name}}: time-zone burden", "ID", in.scenario.ID, "Name", display(in.scenario.Name)))
	fmt.Fprintln(c.stdout, c.say("cli.msg.counted", "counted: {{.N}} {{.What}}", "N", c.count(len(b.Counted)), "What", counted))
	if hybridMeetings(r) > 0 {
		fmt.Fprintln(c.stdout, c.hybridAttendance(b))
	}
	names := make([]string, len(b.Bands))
	for i, x := range b.Bands {
		names[i] = x.String()
	}
	fmt.Fprintln(c.stdout, c.say("cli.msg.bands", "bands: {{.Bands}}; score = weighted hours", "Bands", strings.Join(names, ", "))+"\n")
	if len(b.Counted) == 0 {
		if inRoom {
			fmt.Fprintln(c.stdout, c.say("cli.msg.none_counted_room", "no meeting counted: every session is attended in the room (see the travel burden below, or use --all for capital backstopping)"))
		} else {
			fmt.Fprintln(c.stdout, c.say("cli.msg.none_counted", "no meeting counted: every session is in person (see the travel burden below, or use --all for capital backstopping)"))
		}
	}
	if len(b.Counted) > 0 {
		t := c.table("RANK", "DELEGATION", "ZONE", "GROUP", "NIGHT H", "UNSOCIABLE H", "SCORE", "MEETINGS TOUCHED")
		for n, i := range b.Summary.Ranking {
			d := b.Delegations[i]
			if n == worstShown || d.Score == 0 {
				break
			}
			t.row(c.count(n+1), d.ISO3+" "+c.stateName(d.ISO3, d.Name), d.TZ, c.groupName(d.Group), c.hours(d.NightMinutes), c.hours(d.UnsociableMinutes),
				c.fixed(d.Score, 2), c.count(d.MeetingsTouched))
		}
		t.flush()
		sm := b.Summary
		fmt.Fprintln(c.stdout, "\n"+c.say("cli.msg.night_hit", "{{.Hit}} of {{.N}} delegations have night hours; worst off: {{.Worst}} (score {{.Max}})",
			"Hit", c.count(sm.HitByNight), "N", c.count(sm.Delegations), "Worst", strings.Join(sm.WorstOff, ", "), "Max", c.fixed(sm.Max, 2)))
		fmt.Fprintln(c.stdout, c.say("cli.msg.score_spread", "score p50 {{.P50}}, p90 {{.P90}}, max {{.Max}}; total {{.Total}}; Gini {{.Gini}} (0 = shared equally)",
			"P50", c.fixed(sm.P50, 2), "P90", c.fixed(sm.P90, 2), "Max", c.fixed(sm.Max, 2), "Total", c.fixed(sm.TotalScore, 1), "Gini", c.fixed(sm.Gini, 3))+"\n")
		t = c.table("GROUP / STATUS", "DELEGATIONS", "AT NIGHT", "NIGHT H", "UNSOCIABLE H", "MEAN SCORE", "MAX SCORE")
		for _, g := range append(append([]burden.GroupTotal(nil), sm.ByGroup...), sm.ByStatus...) {
			t.row(c.groupName(g.Name), c.count(g.Delegations), c.count(g.HitByNight), c.hours(g.NightMinutes), c.hours(g.UnsociableMinutes),
				c.fixed(g.MeanScore, 2), c.fixed(g.MaxScore, 2))
		}
		t.flush()
	}
	travelSummary(c, b)
	return exitOK
}

// hours writes minutes as hours with one decimal.
func (c *cli) hours(minutes int) string { return c.fixed(float64(minutes)/60, 1) }

func flightJSON(b *burden.Report) map[string]any {
	missing := b.Flight.Missing
	if missing == nil {
		missing = []string{}
	}
	return map[string]any{"speed_kmh": b.Flight.SpeedKmh, "overhead_hours": b.Flight.OverheadHours, "missing_rates": missing}
}

// travelSummary prints the in-person travel burden: the longest journeys.
func travelSummary(c *cli, b *burden.Report) {
	trips := 0
	for _, d := range b.Delegations {
		trips = max(trips, d.Travel.Trips)
	}
	if trips == 0 {
		return
	}
	line := c.say("cli.msg.in_person_trips", "In-person sessions: {{.Trips}} trips per delegation; flight time = km / {{.Speed}} km/h + {{.Overhead}} h",
		"Trips", c.count(trips), "Speed", c.decimal(b.Flight.SpeedKmh), "Overhead", c.decimal(b.Flight.OverheadHours))
	if b.TravelToHybrid {
		line = c.say("cli.msg.room_trips", "Sessions attended in the room (in person, and hybrid ones the experts fly to): {{.Trips}} trips per delegation; flight time = km / {{.Speed}} km/h + {{.Overhead}} h",
			"Trips", c.count(trips), "Speed", c.decimal(b.Flight.SpeedKmh), "Overhead", c.decimal(b.Flight.OverheadHours))
	}
	if len(b.Flight.Missing) > 0 {
		line += " " + c.say("cli.msg.rates_missing", "(rates {{.Keys}} missing: fallback values)", "Keys", strings.Join(b.Flight.Missing, ", "))
	}
	fmt.Fprintln(c.stdout, "\n"+line)
	idx := make([]int, len(b.Delegations))
	for i := range idx {
		idx[i] = i
	}
	sortByDesc(idx, func(i int) float64 { return b.Delegations[i].Travel.FlightHours })
	t := c.table("DELEGATION", "TRIPS", "FLIGHT H (RETURN)", "ZONES CROSSED", "MAX ZONES")
	for _, i := range idx[:min(10, len(idx))] {
		d := b.Delegations[i]
		t.row(d.ISO3+" "+c.stateName(d.ISO3, d.Name), c.count(d.Travel.Trips), c.fixed(d.Travel.FlightHours, 1),
			c.fixed(d.Travel.ZonesCrossed, 2), c.fixed(d.Travel.MaxZonesCrossed, 2))
	}
	t.flush()
}

func sortByDesc(idx []int, key func(int) float64) {
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0 && key(idx[j]) > key(idx[j-1]); j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
}
