package main

import (
	"flag"
	"fmt"
	"math"
	"strings"
	"time"

	"mechplan/internal/cost"
	"mechplan/internal/plan"
	"mechplan/internal/schedule"
	"mechplan/internal/travel"
)

type tripSessionJSON struct {
	Body     string `json:"body"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Block    string `json:"block"`
	Date     string `json:"date"` // first meeting, venue time
	Meetings int    `json:"meetings"`
}

type tripJSON struct {
	Venue       string            `json:"venue"`
	Year        int               `json:"year"`
	Depart      string            `json:"depart"`
	Return      string            `json:"return"`
	Nights      int               `json:"nights"`
	DaysAway    int               `json:"days_away"`
	Sessions    []tripSessionJSON `json:"sessions"`
	People      float64           `json:"people"`
	Flying      float64           `json:"flying"`
	Sponsored   float64           `json:"sponsored_seats"`
	CO2Tonnes   float64           `json:"co2_tonnes"`
	FlightKm    float64           `json:"flight_km"`
	FlightHours float64           `json:"flight_hours"`
	Business    bool              `json:"business_class"`
	Fares       float64           `json:"fares"`
	Subsistence float64           `json:"subsistence"`
	Terminal    float64           `json:"terminal"`
	Cost        float64           `json:"cost"`
}

type uncoveredJSON struct {
	Body     string `json:"body"`
	Name     string `json:"name"`
	Block    string `json:"block"`
	Venue    string `json:"venue"`
	Date     string `json:"date"`
	Missed   int    `json:"missed_meetings"`
	Meetings int    `json:"meetings"`
}

type coverageJSON struct {
	People    int             `json:"people"`
	Meetings  int             `json:"meetings"`
	Covered   int             `json:"covered"`
	Share     float64         `json:"share"`
	Uncovered []uncoveredJSON `json:"uncovered"`
}

type travelJSON struct {
	Scenario   string     `json:"scenario"`
	Delegation string     `json:"delegation"`
	Name       string     `json:"name"`
	Trips      []tripJSON `json:"trips"`
	DaysAway   int        `json:"days_away"`
	// Cost is the whole delegation's travel, sponsored seats included:
	// the figure eval lists under delegation_travel.states.
	Cost      float64      `json:"cost"`
	Sponsored float64      `json:"sponsored"`
	CO2Tonnes float64      `json:"co2_tonnes"`
	Coverage  coverageJSON `json:"coverage"`
}

func cmdTravel(c *cli, args []string) int {
	fs := flag.NewFlagSet("travel", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	iso3 := fs.String("delegation", "", "ISO3 code of the member state")
	travellers := fs.Int("travellers", -1, "capital experts flying to every session (default: per body kind, from the rates)")
	bridge := fs.Int("bridge", 0, fmt.Sprintf("days without meetings a traveller waits through rather than flying home (default %d)", travel.DefaultBridgeDays))
	hybrid := travelToHybridFlag(fs)
	pos, ok := c.flags(fs, args)
	if !ok || len(pos) != 1 || *iso3 == "" || *travellers < -1 || *bridge < 0 {
		fmt.Fprintln(c.stderr, c.usageLine(synopsis("travel")))
		return exitUsage
	}
	ss, err := c.scenarios(pos)
	if err != nil {
		return c.fail(err)
	}
	rs, err := c.evaluateWith(ss, plan.Options{Cost: cost.Options{BridgeDays: *bridge, TravelToHybrid: *hybrid}})
	if err != nil {
		return c.fail(err)
	}
	r := rs[0]
	it, err := r.Cost.Itinerary(strings.ToUpper(*iso3), float64(*travellers))
	if err != nil {
		fmt.Fprintln(c.stderr, "mechplan-cli travel:", err)
		return exitInvalid
	}
	out := travelJSON{Scenario: r.Scenario.ID, Delegation: it.Delegation.State.ISO3, Name: it.Delegation.State.Name,
		Trips: []tripJSON{}, DaysAway: it.DaysAway, Cost: round2(it.Cost), Sponsored: round2(it.Sponsored), CO2Tonnes: round2(it.Bill.CO2Kg / 1000)}
	for _, p := range it.Trips {
		tj := tripJSON{Venue: p.Trip.Venue, Year: p.Trip.Year, Depart: p.Depart.Format(time.DateOnly), Return: p.Back.Format(time.DateOnly),
			Nights: p.Nights, DaysAway: p.DaysAway, People: p.People, Flying: p.Flying, Sponsored: p.Sponsored, CO2Tonnes: round2(p.Bill.CO2Kg / 1000),
			FlightKm:    math.Round(p.Flight.Km),
			FlightHours: round2(p.Flight.Hours), Business: p.Flight.Business, Fares: round2(p.Bill.Fares),
			Subsistence: round2(p.Bill.Subsistence), Terminal: round2(p.Bill.Terminal), Cost: round2(p.Bill.Total())}
		for _, si := range p.Trip.Sessions {
			tj.Sessions = append(tj.Sessions, sessionRow(r.Schedule, si))
		}
		out.Trips = append(out.Trips, tj)
	}
	cv := it.Coverage
	out.Coverage = coverageJSON{People: cv.People, Meetings: cv.Meetings, Covered: cv.Covered, Share: round2(cv.Share), Uncovered: []uncoveredJSON{}}
	for _, u := range cv.Uncovered {
		out.Coverage.Uncovered = append(out.Coverage.Uncovered, uncoveredJSON{u.Body, u.BodyName, u.Block, u.Venue, u.Date, u.Missed, u.Meetings})
	}
	if *asJSON {
		return c.json(out)
	}
	fmt.Fprintln(c.stdout, c.say("cli.msg.travel", "{{.ID}} — travel of {{.Name}} ({{.ISO3}}): {{.Trips}} trips, {{.Days}} days away, USD {{.Cost}} (of which the sponsorship fund USD {{.Sponsored}}), {{.CO2}} t CO2",
		"ID", out.Scenario, "Name", c.stateName(out.Delegation, out.Name), "ISO3", out.Delegation, "Trips", c.count(len(out.Trips)), "Days", c.count(out.DaysAway),
		"Cost", c.usd(out.Cost), "Sponsored", c.usd(out.Sponsored), "CO2", c.fixed(out.CO2Tonnes, 1)))
	t := c.table("DEPART", "RETURN", "VENUE", "NIGHTS", "FLYING", "IN ROOM", "FLIGHT", "FARES", "SUBSISTENCE", "TERMINAL", "COST", "SESSIONS")
	for _, tj := range out.Trips {
		class := c.say("cli.word.economy", "economy")
		if tj.Business {
			class = c.say("cli.word.business", "business")
		}
		names := make([]string, len(tj.Sessions))
		for i, s := range tj.Sessions {
			names[i] = s.Name
		}
		flying := c.decimal(tj.Flying)
		if tj.Sponsored > 0 {
			flying += " " + c.say("cli.msg.sponsored_economy", "({{.N}} sponsored, economy)", "N", c.decimal(tj.Sponsored))
		}
		t.row(c.date(tj.Depart), c.date(tj.Return), tj.Venue, c.count(tj.Nights), flying, c.decimal(tj.People),
			c.say("cli.msg.flight", "{{.Km}} km, {{.Hours}} h, {{.Class}}", "Km", c.usd(tj.FlightKm), "Hours", c.fixed(tj.FlightHours, 1), "Class", class),
			c.usd(tj.Fares), c.usd(tj.Subsistence), c.usd(tj.Terminal), c.usd(tj.Cost), strings.Join(names, "; "))
	}
	t.flush()
	fmt.Fprintln(c.stdout, c.say("cli.msg.coverage", "With {{.People}} people in the room, {{.Covered}} of {{.Meetings}} meetings covered ({{.Share}} of meeting hours).",
		"People", c.count(cv.People), "Covered", c.count(cv.Covered), "Meetings", c.count(cv.Meetings), "Share", c.percent(100*cv.Share, 0)))
	for _, u := range out.Coverage.Uncovered {
		fmt.Fprintln(c.stdout, "  "+c.say("cli.msg.uncovered", "uncovered: {{.Body}}, {{.Date}} at {{.Venue}}: {{.Missed}} of {{.Meetings}} meetings",
			"Body", display(u.Name), "Date", c.date(u.Date), "Venue", u.Venue, "Missed", c.count(u.Missed), "Meetings", c.count(u.Meetings)))
	}
	return exitOK
}

func sessionRow(sch *schedule.Schedule, i int) tripSessionJSON {
	sr := &sch.Sessions[i]
	return tripSessionJSON{Body: sr.Body, Name: sr.BodyName, Kind: string(sr.Kind), Block: sr.Block,
		Date: sch.Meetings[sr.First].Start.Format(time.DateOnly), Meetings: sr.Count}
}
