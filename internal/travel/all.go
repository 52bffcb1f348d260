package travel

import (
	"sort"

	"mechplan/internal/refdata"
)

// Sponsorship says whose seats a voluntary fund pays: Seats travellers of
// each eligible state (by index in the table's States) on every trip,
// never more than the state actually flies. Sponsored seats fly economy
// whatever the distance, as sponsorship programmes pay (the ATT and CCW
// programmes Argentina cited in the OEWG on 6 December 2024 fund economy tickets); the
// business-class rule is the UN's rule for its own staff.
type Sponsorship struct {
	Eligible []bool
	Seats    float64
}

// StateTravel is one member state's travel over the horizon.
type StateTravel struct {
	State    *refdata.MemberState
	DaysAway int     // per traveller, all trips
	Cost     float64 // all its travellers, sponsored seats included
	// Sponsored is the part of Cost a sponsorship fund pays.
	Sponsored float64
	// SeatTrips is how many of its return journeys the fund pays.
	SeatTrips float64
	// CO2Kg is the CO₂ of all its travellers' flights.
	CO2Kg float64
}

// GroupTravel sums a regional group's travel.
type GroupTravel struct {
	Group  string
	States int
	Cost   float64
	// PerState is the group's mean cost per member state.
	PerState float64
}

// AllStates is the travel of all 193 delegations.
type AllStates struct {
	States []StateTravel // in the table's order
	// Paid and Sponsored are, per trip (index into the trips given), what
	// member states pay and what the sponsorship fund pays.
	Paid, Sponsored []Bill
	// Cost is the total over all states, sponsored seats included.
	Cost, SponsoredCost float64
	CO2Kg               float64
}

// All prices the trips for every member state sending the same
// delegation d (its State is ignored). The work is one pass over states ×
// trips with the flights precomputed in the table.
func (t *Table) All(trips []Trip, d Delegation, sp Sponsorship) *AllStates {
	out := &AllStates{
		States:    make([]StateTravel, len(t.States)),
		Paid:      make([]Bill, len(trips)),
		Sponsored: make([]Bill, len(trips)),
	}
	nv := len(t.venues)
	venue := make([]int, len(trips))
	nights := make([]int, len(trips)) // from the day before to the day after
	for k := range trips {
		venue[k] = t.index[trips[k].Venue]
		nights[k] = int(trips[k].Last.Sub(trips[k].First).Hours()/24) + 2
	}
	for i := range t.States {
		st := &out.States[i]
		st.State = &t.States[i]
		eligible := i < len(sp.Eligible) && sp.Eligible[i]
		for k := range trips {
			tr := &trips[k]
			j := venue[k]
			fl := t.flights[i*nv+j]
			if fl.Km == 0 {
				continue
			}
			flying := d.flying(tr.kinds, t.mission[i*nv+j])
			if flying <= 0 {
				continue
			}
			n := nights[k]
			if t.long[i*nv+j] {
				n++ // see Departure
			}
			st.DaysAway += n + 1
			seats := 0.0
			if eligible {
				seats = min(sp.Seats, flying)
			}
			paid := t.Price(flying-seats, fl, n, t.dsa[j])
			out.Paid[k].Add(&paid)
			st.Cost += paid.Total()
			st.CO2Kg += paid.CO2Kg
			if seats > 0 {
				fund := t.Price(seats, t.Rules.Fare.economy(fl), n, t.dsa[j])
				out.Sponsored[k].Add(&fund)
				st.Cost += fund.Total()
				st.CO2Kg += fund.CO2Kg
				st.Sponsored += fund.Total()
				st.SeatTrips += seats
			}
		}
		out.Cost += st.Cost
		out.SponsoredCost += st.Sponsored
		out.CO2Kg += st.CO2Kg
	}
	return out
}

// ByGroup sums the travel of each regional group, in refdata.Groups order.
func (a *AllStates) ByGroup() []GroupTravel {
	out := make([]GroupTravel, len(refdata.Groups))
	for g, name := range refdata.Groups {
		out[g].Group = name
	}
	for i := range a.States {
		for g := range out {
			if out[g].Group == a.States[i].State.Group {
				out[g].States++
				out[g].Cost += a.States[i].Cost
			}
		}
	}
	for g := range out {
		if out[g].States > 0 {
			out[g].PerState = out[g].Cost / float64(out[g].States)
		}
	}
	return out
}

// MostBurdened returns the n states with the highest travel cost, ties
// broken by days away and then by ISO3 code so the list is stable.
func (a *AllStates) MostBurdened(n int) []StateTravel {
	s := append([]StateTravel(nil), a.States...)
	sort.Slice(s, func(i, j int) bool {
		if s[i].Cost != s[j].Cost {
			return s[i].Cost > s[j].Cost
		}
		if s[i].DaysAway != s[j].DaysAway {
			return s[i].DaysAway > s[j].DaysAway
		}
		return s[i].State.ISO3 < s[j].State.ISO3
	})
	return s[:min(n, len(s))]
}
