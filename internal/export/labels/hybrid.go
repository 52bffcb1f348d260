package labels

import (
	"mechplan/internal/model"
	"mechplan/internal/plan"
)

// HybridAttendance is the sentence an export appends, after a space, to
// its note on the time-zone burden: how the hybrid meetings were counted,
// by the participation assumption the cost follows too
// (delegation.travel_to_hybrid, burden.Report.TravelToHybrid). It is ""
// for a result without hybrid meetings or burden.
func HybridAttendance(l Labels, r *plan.Result) string {
	if r == nil || r.Burden == nil || r.Schedule == nil {
		return ""
	}
	hybrid := false
	for i := range r.Schedule.Meetings {
		hybrid = hybrid || r.Schedule.Meetings[i].Format == model.Hybrid
	}
	switch {
	case !hybrid:
		return ""
	case r.Burden.TravelToHybrid:
		return " " + Or(l).Text("export.burden.hybrid.in_room", "Hybrid meetings are attended in the room, as costed (delegation.travel_to_hybrid = 1): the experts fly to them, so only capital backstopping would count them.")
	}
	return " " + Or(l).Text("export.burden.hybrid.remote", "Hybrid meetings are followed from the capitals, as costed (delegation.travel_to_hybrid = 0).")
}
