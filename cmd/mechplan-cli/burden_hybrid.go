package main

import (
	"mechplan/internal/burden"
	"mechplan/internal/model"
	"mechplan/internal/plan"
)

// hybridMeetings counts a result's hybrid meetings.
func hybridMeetings(r *plan.Result) int {
	n := 0
	for i := range r.Schedule.Meetings {
		if r.Schedule.Meetings[i].Format == model.Hybrid {
			n++
		}
	}
	return n
}

// hybridAttendanceKey names, for the JSON, how the burden took the hybrid
// meetings: "in_room" or "remote".
func hybridAttendanceKey(b *burden.Report) string {
	if b.TravelToHybrid {
		return "in_room"
	}
	return "remote"
}

// hybridAttendance says in words which participation assumption the
// burden followed, the one the cost follows too.
func (c *cli) hybridAttendance(b *burden.Report) string {
	if b.TravelToHybrid {
		return c.say("cli.msg.hybrid_in_room", "hybrid meetings: attended in the room, on venue time (delegation.travel_to_hybrid = 1, as costed: the experts fly to them); counted only with --all")
	}
	return c.say("cli.msg.hybrid_remote", "hybrid meetings: followed from the capitals (delegation.travel_to_hybrid = 0, as costed: nobody flies to them)")
}
