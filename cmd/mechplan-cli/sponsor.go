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
		fmt.Fprintln(c.stderr, c.usageLine("mechplan-cli sponsor [--json] [--eligible LIST] [--pledge USD] SCENARIO"))
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
	fmt.Fprintf(c.stdout, "%s — sponsorship fund: %d eligible states (%s), %s seat(s) each per trip, USD of %d\n",
		out.Scenario, out.EligibleStates, strings.Join(out.Policy, ", "), num(out.SeatsPerState), out.PriceYear)
	t := c.table("YEAR", "SEAT-TRIPS", "NEED (USD)", "OF WHICH PROGRAMME SUPPORT", "PLEDGES AT A COMPARABLE FUND'S SCALE", "GAP")
	for _, y := range out.Years {
		t.row(strconv.Itoa(y.Year), num(y.SeatTrips), usd(y.Cost), usd(y.ProgrammeSupport), usd(y.Pledged), usd(y.Gap))
	}
	t.row("total", num(out.Total.SeatTrips), usd(out.Total.Cost), usd(out.Total.ProgrammeSupport), usd(out.Total.Pledged), usd(out.Total.Gap))
	t.flush()
	fmt.Fprintf(c.stdout, "Need = sponsored travel + programme support cost (fund.programme_support_rate); pledges: fund.pledges_per_year. Income groups: %s\n", out.IncomeSource)
	if p := out.Pledge; p != nil {
		fmt.Fprintf(c.stdout, "A pledge of USD %s buys %d sponsored return journeys at USD %s each, %.0f%% of the need.\n",
			usd(p.Amount), p.SeatTrips, usd(p.SeatTripCost), 100*p.Share)
	}
	return exitOK
}
