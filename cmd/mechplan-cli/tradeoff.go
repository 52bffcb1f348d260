package main

import (
	"fmt"
	"slices"

	"mechplan/internal/model"
	"mechplan/internal/plan"
)

// tradeoffJSON sets out the hybrid trade-off of a scenario with hybrid
// meetings: the capitals' experts follow them remotely (0 in
// delegation.travel_to_hybrid) or fly to them (1). Remote participation
// saves the flights and their CO₂ and imposes the night hours the
// time-zone burden counts.
type tradeoffJSON struct {
	HybridMeetings    int     `json:"hybrid_meetings"`
	TravelInPerson    float64 `json:"travel_cost_in_person"`
	TravelRemote      float64 `json:"travel_cost_remote"`
	CostSaved         float64 `json:"cost_saved"`
	CO2InPersonTonnes float64 `json:"co2_tonnes_in_person"`
	CO2RemoteTonnes   float64 `json:"co2_tonnes_remote"`
	CO2SavedTonnes    float64 `json:"co2_saved_tonnes"`
	// NightHoursImposed is the time-zone burden's night hours, summed
	// over the 193 delegations, of the meetings open to remote
	// participation (hybrid and any virtual ones).
	NightHoursImposed    float64 `json:"night_hours_imposed"`
	DelegationsWithNight int     `json:"delegations_with_night_hours"`
}

// tradeoff evaluates the scenario both ways; nil when it has no hybrid
// meeting.
func (c *cli) tradeoff(r *plan.Result, opt plan.Options) (*tradeoffJSON, error) {
	n := 0
	for i := range r.Schedule.Meetings {
		if r.Schedule.Meetings[i].Format == model.Hybrid {
			n++
		}
	}
	if n == 0 {
		return nil, nil
	}
	opt.Cost.TravelToHybrid = false
	way := func(travel float64) (*plan.Result, error) {
		s := r.Scenario.Clone()
		s.Assumptions = append(slices.DeleteFunc(s.Assumptions, func(o model.Override) bool { return o.Key == "delegation.travel_to_hybrid" }),
			model.Override{Key: "delegation.travel_to_hybrid", Value: travel, Source: "hybrid trade-off"})
		rs, err := c.evaluateWith([]*model.Scenario{s}, opt)
		if err != nil {
			return nil, err
		}
		return rs[0], nil
	}
	in, err := way(1)
	if err != nil {
		return nil, err
	}
	out, err := way(0)
	if err != nil {
		return nil, err
	}
	// Delegations' and Secretariat flights: the Secretariat flies in
	// both cases, so the difference is the delegations'.
	t := &tradeoffJSON{HybridMeetings: n,
		TravelInPerson: round2(in.Cost.Travel.Cost), TravelRemote: round2(out.Cost.Travel.Cost),
		CO2InPersonTonnes: round2(in.Cost.Total.CO2Kg / 1000), CO2RemoteTonnes: round2(out.Cost.Total.CO2Kg / 1000)}
	t.CostSaved = round2(in.Cost.Travel.Cost - out.Cost.Travel.Cost)
	t.CO2SavedTonnes = round2((in.Cost.Total.CO2Kg - out.Cost.Total.CO2Kg) / 1000)
	if b := out.Burden; b != nil {
		t.NightHoursImposed = round2(float64(b.Summary.TotalNight) / 60)
		t.DelegationsWithNight = b.Summary.HitByNight
	}
	return t, nil
}

func (c *cli) printTradeoff(t *tradeoffJSON) {
	if t == nil {
		return
	}
	fmt.Fprintln(c.stdout, "\n"+c.say("cli.msg.tradeoff", "Hybrid trade-off ({{.N}} hybrid meetings), capitals' experts in the room vs following remotely", "N", c.count(t.HybridMeetings)))
	tb := c.table("", "IN PERSON", "REMOTE", "SAVED BY REMOTE")
	tb.row(c.say("cli.row.delegation_travel", "delegation travel (USD)"), c.usd(t.TravelInPerson), c.usd(t.TravelRemote), c.usd(t.CostSaved))
	tb.row(c.say("cli.row.co2_flights", "CO2 of all flights (t)"), c.usd(t.CO2InPersonTonnes), c.usd(t.CO2RemoteTonnes), c.usd(t.CO2SavedTonnes))
	tb.row(c.say("cli.row.night_remote", "night hours of meetings followed remotely (all delegations)"), "-", c.fixed(t.NightHoursImposed, 0),
		c.say("cli.msg.imposed", "{{.N}} imposed", "N", c.fixed(t.NightHoursImposed, 0)))
	tb.flush()
}
