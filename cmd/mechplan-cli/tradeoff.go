package main

import (
	"fmt"

	"mechplan/internal/plan"
)

// tradeoffJSON is the engine's hybrid trade-off (plan.HybridTradeoff) of a
// scenario with hybrid meetings: the capitals' experts follow them
// remotely (0 in delegation.travel_to_hybrid) or fly to them (1). Figures
// are over the horizon (period), money in USD at price_year.
type tradeoffJSON struct {
	HybridMeetings    int     `json:"hybrid_meetings"`
	Period            string  `json:"period"`
	PriceYear         int     `json:"price_year"`
	TravelInPerson    float64 `json:"travel_cost_in_person"`
	TravelRemote      float64 `json:"travel_cost_remote"`
	CostSaved         float64 `json:"cost_saved"`
	CO2InPersonTonnes float64 `json:"co2_tonnes_in_person"`
	CO2RemoteTonnes   float64 `json:"co2_tonnes_remote"`
	CO2SavedTonnes    float64 `json:"co2_saved_tonnes"`
	// NightHoursImposed is the time-zone burden's night hours, summed
	// over the 193 delegations, that following the hybrid meetings
	// remotely adds.
	NightHoursImposed    float64 `json:"night_hours_imposed"`
	DelegationsWithNight int     `json:"delegations_with_night_hours"`
}

// tradeoff asks the engine for the trade-off; nil when the scenario has
// no hybrid meeting.
func (c *cli) tradeoff(r *plan.Result, opt plan.Options) (*tradeoffJSON, error) {
	ref, err := c.refdata()
	if err != nil {
		return nil, err
	}
	t, err := plan.HybridTradeoff(r, ref, opt)
	if err != nil || t == nil {
		return nil, err
	}
	return &tradeoffJSON{HybridMeetings: t.HybridMeetings, Period: t.Period, PriceYear: t.PriceYear,
		TravelInPerson: round2(t.TravelInRoom), TravelRemote: round2(t.TravelRemote), CostSaved: round2(t.CostSaved),
		CO2InPersonTonnes: round2(t.CO2InRoomKg / 1000), CO2RemoteTonnes: round2(t.CO2RemoteKg / 1000), CO2SavedTonnes: round2(t.CO2SavedKg / 1000),
		NightHoursImposed: round2(t.NightHoursImposed), DelegationsWithNight: t.DelegationsWithNight}, nil
}

func (c *cli) printTradeoff(t *tradeoffJSON) {
	if t == nil {
		return
	}
	fmt.Fprintln(c.stdout, "\n"+c.say("cli.msg.tradeoff", "Hybrid trade-off ({{.N}} hybrid meetings), capitals' experts in the room vs following remotely", "N", c.count(t.HybridMeetings)))
	fmt.Fprintln(c.stdout, c.say("cli.msg.tradeoff_period", "{{.Period}} total; USD at {{.Year}} prices", "Period", t.Period, "Year", t.PriceYear))
	tb := c.table("", "IN PERSON", "REMOTE", "SAVED BY REMOTE")
	tb.row(c.say("cli.row.delegation_travel", "delegation travel (USD)"), c.usd(t.TravelInPerson), c.usd(t.TravelRemote), c.usd(t.CostSaved))
	tb.row(c.say("cli.row.co2_flights", "CO2 of all flights (t)"), c.usd(t.CO2InPersonTonnes), c.usd(t.CO2RemoteTonnes), c.usd(t.CO2SavedTonnes))
	tb.row(c.say("cli.row.night_remote", "night hours of meetings followed remotely (all delegations)"), "-", c.fixed(t.NightHoursImposed, 0),
		c.say("cli.msg.imposed", "{{.N}} imposed", "N", c.fixed(t.NightHoursImposed, 0)))
	tb.flush()
}
