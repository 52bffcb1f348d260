package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"mechplan/internal/cost"
	"mechplan/internal/plan"
)

type sponsoredStateJSON struct {
	ISO3      string  `json:"iso3"`
	Name      string  `json:"name"`
	SeatTrips float64 `json:"seat_trips"`
	Cost      float64 `json:"cost"`
}

type pledgeJSON struct {
	Amount       float64 `json:"amount"`
	SeatTripCost float64 `json:"seat_trip_cost"`
	SeatTrips    int     `json:"seat_trips"`
	Share        float64 `json:"share_of_need"`
}

type sponsorJSON struct {
	Scenario  string `json:"scenario"`
	PriceYear int    `json:"price_year"`
	fundJSON
	States []sponsoredStateJSON `json:"states"`
	Pledge *pledgeJSON          `json:"pledge,omitempty"`
}

func cmdSponsor(c *cli, args []string) int {
	fs := flag.NewFlagSet("sponsor", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	eligible := fs.String("eligible", "", "who the fund serves: LDC, LLDC, SIDS, DEVELOPING and/or ISO3 codes, comma-separated (default LDC,LLDC,SIDS, high-income states left out)")
	rich := fs.Bool("include-high-income", false, "let the lists include states the World Bank classes as high income")
	pledge := fs.Float64("pledge", -1, "a pledge in USD: how many sponsored return journeys it buys")
	hybrid := travelToHybridFlag(fs)
	pos, ok := c.flags(fs, args)
	if !ok || len(pos) != 1 || (*pledge < 0 && *pledge != -1) {
		fmt.Fprintln(c.stderr, c.usageLine(synopsis("sponsor")))
		return exitUsage
	}
	ss, err := c.scenarios(pos)
	if err != nil {
		return c.fail(err)
	}
	rs, err := c.evaluateWith(ss, plan.Options{Cost: cost.Options{Eligible: splitList(*eligible), IncludeHighIncome: *rich, TravelToHybrid: *hybrid}})
	if err != nil {
		return c.fail(err)
	}
	r := rs[0]
	est := r.Cost
	out := sponsorJSON{Scenario: r.Scenario.ID, PriceYear: est.PriceYear, fundJSON: fund(est), States: []sponsoredStateJSON{}}
	for _, s := range est.Travel.States {
		if s.SeatTrips > 0 {
			out.States = append(out.States, sponsoredStateJSON{s.State.ISO3, s.State.Name, s.SeatTrips, round2(s.Sponsored)})
		}
	}
	if *pledge >= 0 {
		p := est.Buys(*pledge)
		out.Pledge = &pledgeJSON{p.Amount, round2(p.SeatTripCost), p.SeatTrips, round2(p.Share)}
	}
	if *asJSON {
		return c.json(out)
	}
	fmt.Fprintln(c.stdout, c.say("cli.msg.sponsor", "{{.ID}} — sponsorship fund: {{.N}} eligible states ({{.Policy}}), {{.Seats}} seat(s) each per trip, USD of {{.Year}}",
		"ID", out.Scenario, "N", c.count(out.EligibleStates), "Policy", strings.Join(out.Policy, ", "), "Seats", c.decimal(out.SeatsPerState), "Year", out.PriceYear))
	t := c.table("YEAR", "SEAT-TRIPS", "NEED (USD)", "OF WHICH PROGRAMME SUPPORT", "PLEDGES AT A COMPARABLE FUND'S SCALE", "GAP")
	for _, y := range out.Years {
		t.row(strconv.Itoa(y.Year), c.decimal(y.SeatTrips), c.usd(y.Cost), c.usd(y.ProgrammeSupport), c.usd(y.Pledged), c.usd(y.Gap))
	}
	t.row(c.say("cli.row.total_all", "total"), c.decimal(out.Total.SeatTrips), c.usd(out.Total.Cost), c.usd(out.Total.ProgrammeSupport), c.usd(out.Total.Pledged), c.usd(out.Total.Gap))
	t.flush()
	fmt.Fprintln(c.stdout, c.say("cli.msg.sponsor_note", "Need = sponsored travel + programme support cost (fund.programme_support_rate); pledges: fund.pledges_per_year. Income groups: {{.Source}}", "Source", out.IncomeSource))
	if p := out.Pledge; p != nil {
		fmt.Fprintln(c.stdout, c.say("cli.msg.pledge", "A pledge of USD {{.Amount}} buys {{.N}} sponsored return journeys at USD {{.Each}} each, {{.Share}} of the need.",
			"Amount", c.usd(p.Amount), "N", c.count(p.SeatTrips), "Each", c.usd(p.SeatTripCost), "Share", c.percent(100*p.Share, 0)))
	}
	return exitOK
}
