package burden

import (
	"fmt"

	"mechplan/internal/model"
	"mechplan/internal/refdata"
	"mechplan/internal/schedule"
)

// Room is the burden on the people in the room: the delegates at the
// venue, the secretariat and the interpreters, who live on venue time.
// Every meeting held in a room counts (in person and hybrid; virtual
// meetings have no room), whatever the settings count for capitals, and
// the room is scored like one delegation that attends all of them.
type Room struct {
	NightMinutes, UnsociableMinutes int
	Score                           float64
}

// RoomBurden is the room's burden over a laid-out scenario under bands.
func RoomBurden(sch *schedule.Schedule, ref *refdata.Data, bands []Band) (Room, error) {
	prof := compiled(bands)
	lo, hi := span(sch.Meetings)
	rt := newRoomTimes(ref, lo, hi)
	per := make([]int64, len(bands))
	for i := range sch.Meetings {
		m := &sch.Meetings[i]
		if !inRoom(m) {
			continue
		}
		tl, err := rt.of(m.Venue)
		if err != nil {
			return Room{}, err
		}
		prof.exposure(tl, 0, unixMinute(m.Start), unixMinute(m.End), per)
	}
	return roomOf(prof, per), nil
}

func inRoom(m *schedule.Meeting) bool { return m.Format != model.Virtual }

func roomOf(prof *profile, per []int64) Room {
	var r Room
	for b, v := range per {
		if prof.night[b] {
			r.NightMinutes += int(v)
		} else {
			r.UnsociableMinutes += int(v)
		}
	}
	r.Score = score(prof.bands, per)
	return r
}

// roomTimes holds each venue's clock over the horizon.
type roomTimes struct {
	ref    *refdata.Data
	lo, hi int64
	tls    map[string]timeline
}

func newRoomTimes(ref *refdata.Data, lo, hi int64) *roomTimes {
	return &roomTimes{ref: ref, lo: lo, hi: hi, tls: map[string]timeline{}}
}

func (r *roomTimes) of(venue string) (timeline, error) {
	if tl, ok := r.tls[venue]; ok {
		return tl, nil
	}
	v, ok := r.ref.Venue(venue)
	if !ok {
		return nil, fmt.Errorf("unknown venue %q", venue)
	}
	tl := buildTimeline(v.Location(), r.lo, r.hi)
	r.tls[venue] = tl
	return tl, nil
}

// WindowSource says where the allowed window comes from.
const (
	WindowFromSettings = "settings"       // --hours or the user's setting
	WindowFromScenario = "meeting_window" // the scenario's field
	WindowFromVenue    = "venue"          // the duty station's service window
)

// AllowedWindow is the stretch of a venue's day (minutes after midnight)
// the optimiser may propose meetings in, and where it comes from.
func AllowedWindow(s *model.Scenario, v *refdata.Venue, set Settings) (from, to int, source string) {
	if set.Hours != nil {
		return set.Hours.From, set.Hours.To, WindowFromSettings
	}
	if s != nil && !s.MeetingWindow.IsZero() {
		if f, t, err := s.MeetingWindow.Minutes(); err == nil {
			return f, t, WindowFromScenario
		}
	}
	return v.Window.From, v.Window.To, WindowFromVenue
}
