package cost

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"mechplan/internal/model"
	"mechplan/internal/travel"
)

// Itinerary is one delegation's trips and what its people can cover.
type Itinerary struct {
	travel.Itinerary
	Coverage travel.Coverage
}

// Itinerary plans the trips of one member state. travellers < 0 keeps the
// default experts per body kind; otherwise that many experts fly to every
// session. Coverage counts everyone in the room: the experts and the
// mission's delegates.
func (e *Estimate) Itinerary(iso3 string, travellers float64) (*Itinerary, error) {
	return e.ItineraryWith(iso3, travellers, true)
}

// ItineraryWith is Itinerary with a choice about the permanent mission:
// withMission false leaves its delegates out, so that only the experts
// from the capital travel, are paid for and cover sessions.
func (e *Estimate) ItineraryWith(iso3 string, travellers float64, withMission bool) (*Itinerary, error) {
	st, ok := e.ref.State(iso3)
	if !ok {
		return nil, fmt.Errorf("%q is not the ISO3 code of a member state (see mechplan-cli data states)", iso3)
	}
	d := e.Delegation
	d.State = st
	if !withMission {
		d.MissionDelegates = 0
	}
	if travellers >= 0 {
		d.SetTravellers(travellers)
	}
	people := 0.0
	for i, k := range d.Travellers {
		if e.usesKind(i) {
			people = math.Max(people, k)
		}
	}
	// The state's sponsored seats fly economy on the fund, as in the
	// estimate (travel.Table.All), so both give one figure.
	seats := 0.0
	for i := range e.ref.States {
		if e.ref.States[i].ISO3 == st.ISO3 && i < len(e.Eligible) && e.Eligible[i] {
			seats = e.seats()
		}
	}
	it := &Itinerary{Itinerary: e.Table.Plan(e.Trips, d, e.ref, seats)}
	it.Coverage = travel.Cover(e.sch, int(math.Floor(people+d.MissionDelegates)))
	return it, nil
}

// usesKind reports whether any session of the schedule is of the i-th
// body kind.
func (e *Estimate) usesKind(i int) bool {
	for k := range e.sch.Sessions {
		if e.sch.Sessions[k].Kind == model.BodyKinds[i] {
			return true
		}
	}
	return false
}

// FundYear is a sponsorship fund's need in one year.
type FundYear struct {
	Year      int
	SeatTrips float64 // sponsored return journeys
	// Cost is the need: sponsored travel plus programme support cost, USD.
	Cost float64
	// ProgrammeSupport is the part of Cost that is programme support cost.
	ProgrammeSupport float64
	// Pledged is what pledges of the size a comparable fund raises
	// (fund.pledges_per_year) bring in; Gap = Cost − Pledged.
	Pledged, Gap float64
}

// Fund is what a sponsorship programme needs to keep Seats seats of every
// eligible state on every trip.
type Fund struct {
	Eligible int     // states
	Seats    float64 // per eligible state and trip
	Years    []FundYear
	Total    FundYear
}

// Fund sums the sponsored seats per year.
func (e *Estimate) Fund() Fund {
	f := Fund{Seats: e.seats()}
	for _, ok := range e.Eligible {
		if ok {
			f.Eligible++
		}
	}
	f.Years = make([]FundYear, len(e.Years))
	for i := range f.Years {
		f.Years[i].Year = e.Years[i].FirstYear
	}
	for k := range e.Trips {
		b := &e.Travel.Sponsored[k]
		if i := e.Trips[k].Year - e.sch.FirstYear; i >= 0 && i < len(f.Years) {
			f.Years[i].SeatTrips += b.TravellerTrips
		}
		f.Total.SeatTrips += b.TravellerTrips
	}
	// The cost per year is the sponsorship lines' total, escalation and
	// programme support cost included.
	pledge := e.pledgesPerYear()
	for i := range f.Years {
		y := &f.Years[i]
		y.Cost = e.Years[i].Sponsorship
		y.ProgrammeSupport = e.Years[i].ByObject.ProgrammeSupportCosts
		y.Pledged = pledge
		y.Gap = y.Cost - y.Pledged
		f.Total.Pledged += pledge
	}
	f.Total.Cost = e.Total.Sponsorship
	f.Total.ProgrammeSupport = e.Total.ByObject.ProgrammeSupportCosts
	f.Total.Gap = f.Total.Cost - f.Total.Pledged
	return f
}

// pledgesPerYear is fund.pledges_per_year in USD of the price year.
func (e *Estimate) pledgesPerYear() float64 {
	r := &reader{a: e.Assumptions, priceYear: e.PriceYear, ref: e.ref}
	v, _ := r.usd("fund.pledges_per_year")
	if r.err() != nil {
		return 0
	}
	return v
}

func (e *Estimate) seats() float64 {
	v, _ := e.Assumptions.Get("sponsorship.seats_per_state")
	return v.Value
}

// Pledge is what a pledge to the sponsorship fund buys.
type Pledge struct {
	Amount float64
	// SeatTripCost is the fund's mean cost of one sponsored return
	// journey over the horizon.
	SeatTripCost float64
	SeatTrips    int // whole journeys the pledge pays for
	// Share is the part of the horizon's need the pledge covers.
	Share float64
}

// Buys says how many sponsored return journeys a pledge pays for at the
// fund's mean cost per journey.
func (e *Estimate) Buys(amount float64) Pledge {
	f := e.Fund()
	p := Pledge{Amount: amount}
	if f.Total.SeatTrips == 0 || f.Total.Cost == 0 {
		return p
	}
	p.SeatTripCost = f.Total.Cost / f.Total.SeatTrips
	p.SeatTrips = int(math.Floor(amount / p.SeatTripCost))
	p.Share = math.Min(1, amount/f.Total.Cost)
	return p
}

// Swing is how much the horizon total moves when one assumption moves.
type Swing struct {
	Key         string
	Label       string
	Value       float64 // in force
	Low, High   float64 // horizon totals with the value lowered and raised
	Swing       float64 // |High − Low|
	Placeholder bool
}

// Sensitivity moves each assumption the lines use by ±delta (0.2 for
// ±20%) and returns the horizon totals, largest swing first: the bars of
// a tornado chart. The price year is a date, not an amount, and is left out.
func (e *Estimate) Sensitivity(delta float64) ([]Swing, error) {
	return e.SensitivityUntil(delta, nil)
}

// ErrStopped is SensitivityUntil's error when it was told to stop.
var ErrStopped = errors.New("sensitivity stopped")

// SensitivityUntil is Sensitivity that gives up with ErrStopped as soon
// as stop (if not nil) returns true, checked before each re-estimate: a
// window stops the run of a scenario that has changed since.
func (e *Estimate) SensitivityUntil(delta float64, stop func() bool) ([]Swing, error) {
	var keys []string
	seen := map[string]bool{"cost.price_year": true}
	for i := range e.Lines {
		for _, k := range e.Lines[i].Uses {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	out := make([]Swing, 0, len(keys))
	for _, k := range keys {
		v, _ := e.Assumptions.Get(k)
		s := Swing{Key: k, Label: v.Label, Value: v.Value, Placeholder: v.Placeholder && !v.Overridden}
		for _, side := range []struct {
			f   float64
			dst *float64
		}{{1 - delta, &s.Low}, {1 + delta, &s.High}} {
			if stop != nil && stop() {
				return nil, ErrStopped
			}
			r, err := computeWith(e.Assumptions.With(k, v.Value*side.f), e.sch, e.ref, e.opt, e.facts)
			if err != nil {
				return nil, err
			}
			*side.dst = r.Total.Total
		}
		s.Swing = math.Abs(s.High - s.Low)
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Swing != out[j].Swing {
			return out[i].Swing > out[j].Swing
		}
		return out[i].Key < out[j].Key
	})
	return out, nil
}
