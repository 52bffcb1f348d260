package plan

import (
	"fmt"
	"slices"
	"sync"

	"mechplan/internal/cost"
	"mechplan/internal/model"
	"mechplan/internal/refdata"
)

// Tradeoff sets out the hybrid trade-off of a scenario with hybrid
// meetings: its capital-based experts fly to them and sit in the room
// (delegation.travel_to_hybrid = 1) or follow them from the capital (0).
// Following remotely saves the flights and their CO₂ and imposes the
// night hours the time-zone burden counts. Every figure is over the
// horizon (Period); money is USD at PriceYear.
type Tradeoff struct {
	// HybridMeetings counts the scenario's hybrid meetings (3-hour slots).
	HybridMeetings int
	// Period is the horizon the figures cover ("2026–2030"); Years its
	// number of calendar years.
	Period    string
	Years     int
	PriceYear int
	// AsWritten is the scenario's own assumption (and the options'
	// TravelToHybrid): true when its experts fly to the hybrid meetings,
	// the "in the room" column.
	AsWritten bool
	// TravelInRoom and TravelRemote are all delegations' travel, sponsored
	// seats included (cost.Estimate.Travel.Cost), each way; CostSaved is
	// their difference, what remote participation saves.
	TravelInRoom, TravelRemote, CostSaved float64
	// CO2 of all flights, delegations' and Secretariat's, in kilograms;
	// the Secretariat flies either way, so the saving is the delegations'.
	CO2InRoomKg, CO2RemoteKg, CO2SavedKg float64
	// NightMinutesInRoom and NightMinutesRemote are the time-zone
	// burden's night minutes summed over the 193 delegations, of the
	// meetings followed from the capital in each case (capital
	// backstopping is not counted: it would follow the meetings both
	// ways); NightHoursImposed is their difference in hours, the night
	// that remote participation puts on the capitals.
	NightMinutesInRoom, NightMinutesRemote int
	NightHoursImposed                      float64
	// DelegationsWithNight counts the delegations that take more night
	// minutes when following remotely.
	DelegationsWithNight int
}

// HybridTradeoff evaluates r's scenario both ways under the same options
// (the delegation.travel_to_hybrid assumption and opt.Cost.TravelToHybrid
// replaced by each way; opt.Burden.AllMeetings left out). It returns nil
// when the scenario has no hybrid meeting. opt must be the options r was
// evaluated with. It costs one or two evaluations on r's schedule (the
// cost and the burden): a window calls it off its UI goroutine.
func HybridTradeoff(r *Result, ref *refdata.Data, opt Options) (*Tradeoff, error) {
	n := 0
	for i := range r.Schedule.Meetings {
		if r.Schedule.Meetings[i].Format == model.Hybrid {
			n++
		}
	}
	if n == 0 {
		return nil, nil
	}
	asWritten := r.Burden != nil && r.Burden.TravelToHybrid
	if r.Burden == nil {
		var err error
		if asWritten, err = cost.TravelsToHybrid(r.Scenario, ref, opt.Cost.TravelToHybrid); err != nil {
			return nil, err
		}
	}
	// r itself is the way its scenario is written when it was evaluated
	// without capital backstopping (which both ways leave out): the same
	// schedule, rates and participation give the same figures.
	reuse := !opt.Burden.AllMeetings && r.Burden != nil && r.Cost != nil
	opt.Cost.TravelToHybrid, opt.Burden.TravelToHybrid, opt.Burden.AllMeetings = false, false, false
	way := func(travel float64) (*Result, error) {
		if reuse && (travel == 1) == asWritten {
			return r, nil
		}
		s := r.Scenario.Clone()
		s.Assumptions = append(slices.DeleteFunc(s.Assumptions, func(o model.Override) bool { return o.Key == cost.TravelToHybridKey }),
			model.Override{Key: cost.TravelToHybridKey, Value: travel, Source: "hybrid trade-off"})
		// The rate override changes no meeting: the schedule is r's.
		return evaluateOn(s, r.Schedule, ref, opt)
	}
	in, err := way(1)
	if err != nil {
		return nil, err
	}
	out, err := way(0)
	if err != nil {
		return nil, err
	}
	t := &Tradeoff{HybridMeetings: n, Period: r.Total.Label, Years: len(r.Years), PriceYear: out.Cost.PriceYear, AsWritten: asWritten,
		TravelInRoom: in.Cost.Travel.Cost, TravelRemote: out.Cost.Travel.Cost,
		CO2InRoomKg: in.Cost.Total.CO2Kg, CO2RemoteKg: out.Cost.Total.CO2Kg,
		NightMinutesInRoom: in.Burden.Summary.TotalNight, NightMinutesRemote: out.Burden.Summary.TotalNight}
	t.CostSaved = t.TravelInRoom - t.TravelRemote
	t.CO2SavedKg = t.CO2InRoomKg - t.CO2RemoteKg
	t.NightHoursImposed = float64(t.NightMinutesRemote-t.NightMinutesInRoom) / 60
	for i := range out.Burden.Delegations {
		if out.Burden.Delegations[i].NightMinutes > in.Burden.Delegations[i].NightMinutes {
			t.DelegationsWithNight++
		}
	}
	return t, nil
}

// AddHybridTradeoffs fills c.Tradeoffs, for the exports, under the options
// the results were evaluated with, one scenario after another in
// parallel. The first error stops it, naming the scenario.
func (c *Comparison) AddHybridTradeoffs(opt Options) error {
	out := make([]*Tradeoff, len(c.Results))
	errs := make([]error, len(c.Results))
	var wg sync.WaitGroup
	for i, r := range c.Results {
		wg.Go(func() { out[i], errs[i] = HybridTradeoff(r, c.Ref, opt) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return fmt.Errorf("%s: hybrid trade-off: %w", c.Results[i].Scenario.Name, err)
		}
	}
	c.Tradeoffs = out
	return nil
}

// TradeoffOf returns scenario i's hybrid trade-off, nil when it has no
// hybrid meeting or AddHybridTradeoffs has not run.
func (c *Comparison) TradeoffOf(i int) *Tradeoff {
	if i < 0 || i >= len(c.Tradeoffs) {
		return nil
	}
	return c.Tradeoffs[i]
}
