package burden

import (
	"mechplan/internal/cost"
	"mechplan/internal/model"
	"mechplan/internal/refdata"
	"mechplan/internal/schedule"
)

// Resolve settles how capital-based experts take part in hybrid meetings,
// by the same assumption the cost reads (cost.TravelToHybridKey): when
// they fly to them (set.TravelToHybrid, or the scenario's
// delegation.travel_to_hybrid = 1), a hybrid meeting is attended in the
// room, on venue time, like an in-person one: its clock burden counts
// only under AllMeetings (capital backstopping) and its block is a
// journey in the travel burden.
func (set Settings) Resolve(s *model.Scenario, ref *refdata.Data) (Settings, error) {
	in, err := cost.TravelsToHybrid(s, ref, set.TravelToHybrid)
	if err != nil {
		return set, err
	}
	set.TravelToHybrid = in
	return set, nil
}

// FollowedRemotely reports whether the capital-based experts follow a
// meeting from the capital: a virtual meeting always, a hybrid one unless
// they travel to it. Call it on resolved settings (Resolve).
func (set Settings) FollowedRemotely(m *schedule.Meeting) bool {
	return m.Format == model.Virtual || (m.Format == model.Hybrid && !set.TravelToHybrid)
}

// attendedInRoom reports whether the experts fly to a meeting: in-person
// meetings, and hybrid ones when they travel to them.
func (set Settings) attendedInRoom(f model.Format) bool {
	return f == model.InPerson || (f == model.Hybrid && set.TravelToHybrid)
}

// hasHybrid reports whether a schedule holds a hybrid meeting.
func hasHybrid(sch *schedule.Schedule) bool {
	for i := range sch.Meetings {
		if sch.Meetings[i].Format == model.Hybrid {
			return true
		}
	}
	return false
}
