package main

import (
	"flag"
	"fmt"
	"math"
	"strings"

	"mechplan/internal/burden"
	"mechplan/internal/model"
	"mechplan/internal/store"
)

type objectivesJSON struct {
	WorstOff     float64 `json:"worst_off"`
	Total        float64 `json:"total"`
	AtNight      int     `json:"delegations_at_night"`
	ExtraCostUSD float64 `json:"extra_cost_usd"`
}

func objectivesRow(o burden.Objectives) objectivesJSON {
	return objectivesJSON{round2(o.WorstOff()), round2(o.Total), o.AtNight, math.Round(o.ExtraCost)}
}

type roomJSON struct {
	NightMinutes      int     `json:"night_minutes"`
	UnsociableMinutes int     `json:"unsociable_minutes"`
	Score             float64 `json:"score"`
}

func roomRow(r burden.Room) roomJSON {
	return roomJSON{r.NightMinutes, r.UnsociableMinutes, round2(r.Score)}
}

type candidateJSON struct {
	Start        string   `json:"start"`
	Feasible     bool     `json:"feasible"`
	InWindow     bool     `json:"in_window"`
	OnFront      bool     `json:"on_front"`
	Max          float64  `json:"max"`
	Total        float64  `json:"total"`
	AtNight      int      `json:"delegations_at_night"`
	ExtraCostUSD float64  `json:"extra_cost_usd"`
	OutsideSlots int      `json:"meetings_outside_standard_slots"`
	Room         roomJSON `json:"room"`
}

type bodyChoiceJSON struct {
	Body                string          `json:"body"`
	BodyName            string          `json:"body_name"`
	AsWritten           []string        `json:"as_written"`
	AsWrittenObjectives objectivesJSON  `json:"as_written_objectives"`
	StartTimes          []string        `json:"start_times"`
	Recommended         string          `json:"recommended"`
	Window              [2]string       `json:"window"`
	WindowSource        string          `json:"window_source"`
	WindowBinds         bool            `json:"window_binds"`
	Unconstrained       string          `json:"unconstrained,omitempty"`
	Front               []string        `json:"front"`
	Rotation            []string        `json:"rotation"`
	Method              string          `json:"method"`
	BestForWorst        string          `json:"best_for_worst_off"`
	BestTotal           string          `json:"best_for_total"`
	Candidates          []candidateJSON `json:"candidates"`
}

type changeJSON struct {
	Name         string  `json:"name"`
	Delegations  int     `json:"delegations"`
	HoursBefore  float64 `json:"burdened_hours_per_year_before"`
	HoursAfter   float64 `json:"burdened_hours_per_year_after"`
	SavedPerYear float64 `json:"saved_hours_per_year"`
	NightBefore  float64 `json:"night_hours_per_year_before"`
	NightAfter   float64 `json:"night_hours_per_year_after"`
}

// ruleText states the recommendation rule where the output shows it.
const ruleText = "least worst-off (any delegation or the room), then least total, then fewest delegations at night, among the front's points the scenario as written does not dominate"

func cmdOptimize(c *cli, args []string) int {
	fs := flag.NewFlagSet("optimize", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	out := fs.String("o", "", "write the scenario with the recommendation applied to this file")
	hours := fs.String("hours", "", "allowed window HH:MM-HH:MM, venue time, replacing the venues' service windows (default 08:00-20:00; to may be 24:00)")
	in, code := c.burdenInput(fs, args, synopsis("optimize"))
	if code >= 0 {
		return code
	}
	if *hours != "" {
		a, b, _ := strings.Cut(strings.ReplaceAll(*hours, "–", "-"), "-")
		from, to, err := model.Window{From: strings.TrimSpace(a), To: strings.TrimSpace(b)}.Minutes()
		if err != nil {
			fmt.Fprintln(c.stderr, c.say("cli.err.hours", "--hours: {{.Err}}; want HH:MM-HH:MM within one day, e.g. 07:00-21:00", "Err", c.errorText(err)))
			return exitUsage
		}
		in.settings.Hours = &burden.Span{From: from, To: to}
	}
	sug, err := burden.Optimize(in.scenario, in.ref, in.settings)
	if err != nil {
		return c.fail(withFile(in.arg, err))
	}
	var rot *burden.RotationReport
	if sug.Rotated != nil {
		if rot, err = burden.CompareRotation(sug.Scenario, sug.Rotated, in.ref, in.settings); err != nil {
			return c.fail(withFile(in.arg, err))
		}
	}
	if *out != "" {
		if err := store.Save(*out, sug.Scenario); err != nil {
			return c.fail(err)
		}
	}
	bodies := make([]bodyChoiceJSON, len(sug.Bodies))
	for i, ch := range sug.Bodies {
		bodies[i] = bodyChoiceRow(ch)
	}
	venues := make([]map[string]any, len(sug.Venues))
	for i, v := range sug.Venues {
		venues[i] = map[string]any{"block": v.Block, "as_written": v.AsWritten, "suggested": v.Suggested}
	}
	years := max(1, sug.Years)
	groups, status := changeRows(sug.ByGroup, years), changeRows(sug.ByStatus, years)
	if *asJSON {
		doc := map[string]any{"scenario": in.scenario.ID, "rule": ruleText, "bodies": bodies, "venues": venues,
			"before": summaryRow(sug.Before), "after": summaryRow(sug.After),
			"room_before": roomRow(sug.RoomBefore), "room_after": roomRow(sug.RoomAfter),
			"gains_and_losses":   map[string]any{"by_group": groups, "by_status": status},
			"optimized_scenario": sug.Scenario}
		if rot != nil {
			doc["rotated_scenario"] = sug.Rotated
			doc["rotation"] = rotationRow(rot)
		}
		return c.json(doc)
	}
	w := c.stdout
	say := func(key, english string, pairs ...any) { fmt.Fprintln(w, c.say(key, english, pairs...)) }
	say("cli.msg.optimize", "{{.ID}} — {{.Name}}: start times a chair can defend", "ID", in.scenario.ID, "Name", display(in.scenario.Name))
	if len(sug.Bodies) == 0 && len(sug.Venues) == 0 {
		if sug.HybridInRoom {
			say("cli.msg.nothing_in_room", "the hybrid meetings are attended in the room (delegation.travel_to_hybrid = 1, as costed): nothing followed from the capitals to move (the burden of sessions in the room is travel)")
		} else {
			say("cli.msg.nothing_to_move", "no body meets in hybrid or virtual format: nothing to move (the burden of in-person sessions is travel)")
		}
		return exitOK
	}
	for _, v := range sug.Venues {
		say("cli.msg.block_venues", "block {{.Block}}: venues {{.From}} → {{.To}}", "Block", v.Block, "From", strings.Join(v.AsWritten, ", "), "To", strings.Join(v.Suggested, ", "))
	}
	say("cli.msg.rule", "rule: {{.Rule}}", "Rule", c.say("cli.msg.rule_text", ruleText))
	say("cli.msg.scores_note", "scores are weighted hours over the horizon; extra cost is meeting.outside_standard_hours (placeholder rate) for the body's meetings outside the standard slots")
	for i, ch := range sug.Bodies {
		b := bodies[i]
		fmt.Fprintln(w)
		say("cli.msg.allowed_window", "{{.Body}}: allowed window {{.From}}–{{.To}} venue time ({{.Source}})", "Body", display(ch.BodyName), "From", b.Window[0], "To", b.Window[1],
			"Source", c.windowSourceText(ch.WindowSource))
		t := c.table("START (VENUE TIME)", "WORST-OFF", "TOTAL", "DELEGATIONS AT NIGHT", "EXTRA COST (USD)", "ROOM NIGHT (MIN)", "")
		written := c.writtenText(ch.AsWritten)
		t.row(written, c.fixed(ch.AsWrittenObjectives.WorstOff(), 1), c.fixed(ch.AsWrittenObjectives.Total, 1),
			c.count(ch.AsWrittenObjectives.AtNight), c.fixed(ch.AsWrittenObjectives.ExtraCost, 0), c.count(ch.AsWrittenRoom.NightMinutes), c.say("cli.row.as_written", "as written"))
		for _, k := range ch.Front {
			x := ch.Candidates[k]
			note := c.say("cli.row.front", "front")
			if k == ch.Recommended {
				note = c.say("cli.row.front_recommended", "front, recommended")
			}
			t.row(burden.Clock(x.Start), c.fixed(x.WorstOff(), 1), c.fixed(x.Total, 1), c.count(x.AtNight),
				c.fixed(x.ExtraCost, 0), c.count(x.Room.NightMinutes), note)
		}
		t.flush()
		if ch.Recommended >= 0 {
			say("cli.msg.recommend_start", "recommendation: start at {{.Time}}", "Time", b.Recommended)
		} else {
			say("cli.msg.recommend_keep", "recommendation: keep {{.Times}} (the scenario as written dominates every point of the front)", "Times", written)
		}
		if ch.WindowBinds {
			u := ch.Candidates[ch.Unconstrained]
			say("cli.msg.window_binds", "the window binds: without it the rule would pick {{.Time}} (worst-off {{.Worst}}, total {{.Total}}, room night {{.Night}} min); widen it with --hours to allow that",
				"Time", burden.Clock(u.Start), "Worst", c.fixed(u.WorstOff(), 1), "Total", c.fixed(u.Total, 1), "Night", c.count(u.Room.NightMinutes))
		}
		if len(ch.Rotation) > 0 {
			say("cli.msg.rotation_cycle", "rotation over the cycle (a separate proposal, {{.Method}} search): {{.Times}}", "Method", ch.Method, "Times", strings.Join(ch.Rotation, ", "))
		}
	}
	fmt.Fprintln(w)
	t := c.table("", "WORST-OFF SCORE", "P90", "TOTAL", "AT NIGHT", "GINI", "ROOM NIGHT (MIN)")
	for _, r := range []struct {
		label string
		s     burden.Summary
		room  burden.Room
	}{{c.say("cli.row.as_written", "as written"), sug.Before, sug.RoomBefore}, {c.say("cli.row.recommended", "recommended"), sug.After, sug.RoomAfter}} {
		t.row(r.label, c.fixed(r.s.Max, 2), c.fixed(r.s.P90, 2), c.fixed(r.s.TotalScore, 1),
			c.count(r.s.HitByNight), c.fixed(r.s.Gini, 3), c.count(r.room.NightMinutes))
	}
	t.flush()
	if sug.Before.Max > 0 {
		say("cli.msg.worst_change", "worst-off score {{.Change}}", "Change", c.signedPercent(100*(sug.After.Max-sug.Before.Max)/sug.Before.Max, 1))
	}

	fmt.Fprintln(w)
	say("cli.msg.gains_title", "who gains and who loses: night and unsociable hours a year, summed over each group's delegations (horizon of {{.Years}} years)", "Years", c.count(years))
	t = c.table("GROUP", "DELEGATIONS", "HOURS BEFORE", "HOURS AFTER", "SAVED", "NIGHT BEFORE", "NIGHT AFTER")
	for _, rows := range [][]changeJSON{groups, status} {
		for _, g := range rows {
			t.row(c.groupName(g.Name), c.count(g.Delegations), c.fixed(g.HoursBefore, 1), c.fixed(g.HoursAfter, 1),
				c.signed(g.SavedPerYear, 1), c.fixed(g.NightBefore, 1), c.fixed(g.NightAfter, 1))
		}
	}
	t.flush()
	fmt.Fprintln(w, c.gainsSentence(groups))

	if rot != nil {
		fmt.Fprintln(w)
		say("cli.msg.rotation_title", "rotation of start times against the recommended fixed times")
		t = c.table("YEAR", "BODY", "VENUE", "FIXED", "ROTATED")
		for _, r := range rot.Table {
			t.row(fmt.Sprint(r.Year), display(r.BodyName), strings.Join(r.Venues, ", "), strings.Join(r.Fixed, ", "), strings.Join(r.Rotated, ", "))
		}
		t.flush()
		say("cli.msg.rotation_result", "worst-off score {{.FixedMax}} fixed, {{.RotatedMax}} rotated; total {{.FixedTotal}} fixed, {{.RotatedTotal}} rotated; delegations with night hours in every year: {{.FixedEvery}} fixed, {{.RotatedEvery}} rotated",
			"FixedMax", c.fixed(rot.FixedMax, 1), "RotatedMax", c.fixed(rot.RotatedMax, 1), "FixedTotal", c.fixed(rot.FixedTotal, 1), "RotatedTotal", c.fixed(rot.RotatedTotal, 1),
			"FixedEvery", c.count(rot.EveryYearFixed), "RotatedEvery", c.count(rot.EveryYearRotated))
	}
	return exitOK
}

func bodyChoiceRow(ch burden.BodyChoice) bodyChoiceJSON {
	cands := make([]candidateJSON, len(ch.Candidates))
	for k, x := range ch.Candidates {
		cands[k] = candidateJSON{burden.Clock(x.Start), x.Feasible, x.InWindow, x.OnFront, round2(x.Max), round2(x.Total), x.AtNight,
			math.Round(x.ExtraCost), x.OutsideSlots, roomRow(x.Room)}
	}
	written := ch.AsWritten
	if written == nil {
		written = []string{}
	}
	front := []string{}
	for _, k := range ch.Front {
		front = append(front, burden.Clock(ch.Candidates[k].Start))
	}
	b := bodyChoiceJSON{Body: ch.Body, BodyName: ch.BodyName, AsWritten: written, AsWrittenObjectives: objectivesRow(ch.AsWrittenObjectives),
		StartTimes: ch.StartTimes, Window: [2]string{burden.Clock(ch.WindowFrom), clockEnd(ch.WindowTo)}, WindowSource: ch.WindowSource,
		WindowBinds: ch.WindowBinds, Front: front, Rotation: ch.Rotation, Method: ch.Method,
		BestForWorst: burden.Clock(ch.Candidates[ch.BestWorst].Start), BestTotal: burden.Clock(ch.Candidates[ch.BestTotal].Start), Candidates: cands}
	if b.StartTimes == nil {
		b.StartTimes = []string{}
	}
	if b.Rotation == nil {
		b.Rotation = []string{}
	}
	if ch.Recommended >= 0 {
		b.Recommended = burden.Clock(ch.Candidates[ch.Recommended].Start)
	}
	if ch.WindowBinds {
		b.Unconstrained = burden.Clock(ch.Candidates[ch.Unconstrained].Start)
	}
	return b
}

func clockEnd(m int) string {
	if m == 24*60 {
		return "24:00"
	}
	return burden.Clock(m)
}

func (c *cli) writtenText(times []string) string {
	if len(times) == 0 {
		return c.say("cli.msg.venue_hours", "venue hours")
	}
	return strings.Join(times, ", ")
}

func (c *cli) windowSourceText(src string) string {
	switch src {
	case burden.WindowFromSettings:
		return "--hours"
	case burden.WindowFromScenario:
		return c.say("cli.msg.window_scenario", "the scenario's meeting_window")
	}
	return c.say("cli.msg.window_venue", "the venue's service window, an assumption; widen it with --hours")
}

func changeRows(cs []burden.Change, years int) []changeJSON {
	out := make([]changeJSON, len(cs))
	y := float64(years)
	for i, c := range cs {
		out[i] = changeJSON{c.Name, c.Delegations, round2(c.BurdenedBefore / y), round2(c.BurdenedAfter / y), round2(c.Saved() / y),
			round2(c.NightBefore / y), round2(c.NightAfter / y)}
	}
	return out
}

// gainsSentence is the line a chair reads out: who saves hours a year
// and who pays them.
func (c *cli) gainsSentence(groups []changeJSON) string {
	var gain, lose []string
	for _, g := range groups {
		hours := func(h float64) string {
			return c.say("cli.msg.group_hours", "{{.Group}} {{.Hours}} hours a year", "Group", c.groupName(g.Name), "Hours", c.fixed(h, 1))
		}
		switch {
		case g.SavedPerYear >= 0.05:
			gain = append(gain, hours(g.SavedPerYear))
		case g.SavedPerYear <= -0.05:
			lose = append(lose, hours(-g.SavedPerYear))
		}
	}
	switch {
	case len(gain) == 0 && len(lose) == 0:
		return c.say("cli.msg.gains_none", "the recommendation changes no regional group's hours.")
	case len(lose) == 0:
		return c.say("cli.msg.gains_only", "the recommendation saves {{.Gain}} and costs no group any hours.", "Gain", strings.Join(gain, ", "))
	case len(gain) == 0:
		return c.say("cli.msg.losses_only", "the recommendation saves no group any hours and costs {{.Lose}}.", "Lose", strings.Join(lose, ", "))
	}
	return c.say("cli.msg.gains_losses", "the recommendation saves {{.Gain}} and costs {{.Lose}}.", "Gain", strings.Join(gain, ", "), "Lose", strings.Join(lose, ", "))
}

func rotationRow(r *burden.RotationReport) map[string]any {
	table := make([]map[string]any, len(r.Table))
	for i, x := range r.Table {
		table[i] = map[string]any{"year": x.Year, "body": x.Body, "venues": x.Venues, "fixed": x.Fixed, "rotated": x.Rotated}
	}
	dels := make([]map[string]any, len(r.Delegations))
	for i, d := range r.Delegations {
		dels[i] = map[string]any{"iso3": d.ISO3, "fixed": round2(d.Fixed), "rotated": round2(d.Rotated),
			"night_years_fixed": d.NightYearsFixed, "night_years_rotated": d.NightYearsRotated}
	}
	return map[string]any{"years": r.Years, "table": table, "delegations": dels,
		"worst_off_fixed": round2(r.FixedMax), "worst_off_rotated": round2(r.RotatedMax),
		"total_fixed": round2(r.FixedTotal), "total_rotated": round2(r.RotatedTotal),
		"night_every_year_fixed": r.EveryYearFixed, "night_every_year_rotated": r.EveryYearRotated}
}
