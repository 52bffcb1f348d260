package burden

import (
	"slices"
	"testing"

	"mechplan/internal/model"
	"mechplan/internal/schedule"
	"mechplan/internal/store"
)

// The burden follows the cost's participation assumption: where the
// delegations fly to the hybrid meetings (S3, its three-block variant and
// S7 set delegation.travel_to_hybrid = 1), those meetings are attended in
// the room, counted only under AllMeetings, and their blocks are journeys;
// set to 0, the same meetings are followed from the capitals.
func TestHybridMeetingsFollowTheTravelAssumption(t *testing.T) {
	ref := defaultRef(t)
	for _, id := range []string{"s3-france-germany", "s3-three-blocks", "s7-rotating-venues"} {
		s, ok, err := store.FindBuiltIn(id)
		if err != nil || !ok {
			t.Fatalf("%s: %v", id, err)
		}
		sch, err := schedule.Build(s, ref)
		if err != nil {
			t.Fatal(err)
		}
		hybrid, inPerson := 0, 0
		for i := range sch.Meetings {
			switch sch.Meetings[i].Format {
			case model.Hybrid:
				hybrid++
			case model.InPerson:
				inPerson++
			}
		}
		if hybrid == 0 {
			t.Fatalf("%s has no hybrid meeting", id)
		}
		room, err := Compute(s, sch, ref, Settings{})
		if err != nil {
			t.Fatal(err)
		}
		if !room.TravelToHybrid || len(room.Counted) != 0 || room.Summary.TotalNight != 0 {
			t.Errorf("%s as written: in the room %v, %d meetings counted, %d night minutes; want true, 0, 0",
				id, room.TravelToHybrid, len(room.Counted), room.Summary.TotalNight)
		}
		all, err := Compute(s, sch, ref, Settings{AllMeetings: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(all.Counted) != len(sch.Meetings) {
			t.Errorf("%s backstopping: %d counted of %d", id, len(all.Counted), len(sch.Meetings))
		}

		remote := s.Clone()
		remote.Assumptions = append(slices.DeleteFunc(remote.Assumptions, func(o model.Override) bool { return o.Key == "delegation.travel_to_hybrid" }),
			model.Override{Key: "delegation.travel_to_hybrid", Value: 0})
		away, err := Compute(remote, sch, ref, Settings{})
		if err != nil {
			t.Fatal(err)
		}
		if away.TravelToHybrid || len(away.Counted) != hybrid || away.Summary.TotalNight == 0 {
			t.Errorf("%s followed remotely: in the room %v, %d counted (want %d hybrid), %d night minutes",
				id, away.TravelToHybrid, len(away.Counted), hybrid, away.Summary.TotalNight)
		}
		// The forced setting (--travel-to-hybrid) wins over the file's 0.
		forced, err := Compute(remote, sch, ref, Settings{TravelToHybrid: true})
		if err != nil {
			t.Fatal(err)
		}
		if !forced.TravelToHybrid || len(forced.Counted) != 0 {
			t.Errorf("%s forced: in the room %v, %d counted", id, forced.TravelToHybrid, len(forced.Counted))
		}
		// The optimiser has nothing followed remotely to move, and says why.
		sug, err := Optimize(s, ref, Settings{})
		if err != nil {
			t.Fatal(err)
		}
		if !sug.HybridInRoom || len(sug.Bodies) != 0 {
			t.Errorf("%s optimiser: in the room %v, %d bodies moved", id, sug.HybridInRoom, len(sug.Bodies))
		}
		// Flying to the hybrid blocks adds journeys: more trips in the room
		// than with the plenary's in-person blocks alone.
		if a, b := room.Delegations[0].Travel.Trips, away.Delegations[0].Travel.Trips; a <= b {
			t.Errorf("%s: %d trips in the room, %d remote; want more in the room", id, a, b)
		}
	}
}
