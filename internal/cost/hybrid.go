package cost

import (
	"mechplan/internal/model"
	"mechplan/internal/refdata"
)

// TravelToHybridKey is the assumption that says how capital-based experts
// take part in hybrid meetings: 1, they fly to them and sit in the room;
// 0, they follow them from the capital. The cost (who flies) and the
// time-zone burden (whose clock counts) both read it, so a scenario is
// never costed with the flights and burdened with the night hours at once.
const TravelToHybridKey = "delegation.travel_to_hybrid"

// travelsToHybrid is the one rule: a forced setting (the command line's
// --travel-to-hybrid) or the assumption's value.
func travelsToHybrid(force bool, value float64) bool { return force || value != 0 }

// TravelsToHybrid reports whether the scenario's capital-based experts fly
// to its hybrid meetings: force (the command line's --travel-to-hybrid,
// Options.TravelToHybrid), else the scenario's delegation.travel_to_hybrid
// over the reference data's default. An override of an unknown key is the
// scenario's problem, reported by NewAssumptions.
func TravelsToHybrid(s *model.Scenario, ref *refdata.Data, force bool) (bool, error) {
	if force {
		return true, nil
	}
	var over []model.Override
	if s != nil {
		over = s.Assumptions
	}
	a, err := NewAssumptions(ref, over)
	if err != nil {
		return false, err
	}
	v, ok := a.Get(TravelToHybridKey)
	return ok && travelsToHybrid(false, v.Value), nil
}
