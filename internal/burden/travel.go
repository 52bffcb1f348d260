package burden

import (
	"math"

	"mechplan/internal/geo"
	"mechplan/internal/refdata"
	"mechplan/internal/schedule"
)

// Travel is the burden of in-person sessions on a delegation's capital
// experts: one return journey per block occurrence holding in-person
// meetings (or hybrid ones they travel to, Settings.Resolve), whether or
// not the state keeps a mission at the venue.
type Travel struct {
	Trips int
	// FlightHours sums the return journeys: 2 × (km / speed + overhead).
	FlightHours float64
	// LongestFlightHours is the longest one-way journey.
	LongestFlightHours float64
	// ZonesCrossed sums, per trip, the hours between the capital's clock
	// and the venue's on the first meeting day (one way), the shorter way
	// round the globe as the body feels it: Kathmandu to New York in July
	// is 9.75; Wellington to New York is 7 (not 17: the flight crosses the
	// date line).
	ZonesCrossed    float64
	MaxZonesCrossed float64
}

// travel fills each delegation's Travel from the schedule's block
// occurrences the experts fly to: in-person meetings, and hybrid ones
// when they travel to them (Settings.Resolve).
func travel(r *Report, sch *schedule.Schedule, ref *refdata.Data, zones *zoneClasses, set Settings) {
	type leg struct{ hours []float64 } // one-way hours per state, per venue
	legs := map[string]leg{}
	for bi := range sch.Blocks {
		run := &sch.Blocks[bi]
		first := -1
		for _, si := range run.Sessions {
			ss := &sch.Sessions[si]
			for k := ss.First; k < ss.First+ss.Count; k++ {
				if set.attendedInRoom(sch.Meetings[k].Format) && (first < 0 || sch.Meetings[k].Start.Before(sch.Meetings[first].Start)) {
					first = k
				}
			}
		}
		if first < 0 {
			continue
		}
		v, ok := ref.Venue(run.Venue)
		if !ok {
			continue
		}
		l, ok := legs[v.Code]
		if !ok {
			l.hours = make([]float64, len(ref.States))
			for i := range ref.States {
				st := &ref.States[i]
				_, l.hours[i] = r.Flight.FlightHours(st.Lat, st.Lon, v.Lat, v.Lon)
			}
			legs[v.Code] = l
		}
		m := &sch.Meetings[first]
		t := unixMinute(m.Start)
		_, venueOff := m.Start.Zone()
		for i := range r.Delegations {
			tr := &r.Delegations[i].Travel
			tr.Trips++
			tr.FlightHours += 2 * l.hours[i]
			tr.LongestFlightHours = math.Max(tr.LongestFlightHours, l.hours[i])
			zc := ZonesCrossed(zones.timelines[zones.ofState[i]].offsetAt(t), int64(venueOff/60))
			tr.ZonesCrossed += zc
			tr.MaxZonesCrossed = math.Max(tr.MaxZonesCrossed, zc)
		}
	}
}

// FlightHours is the one-way journey time from a member state's capital to
// a venue under the reference data's flight model.
func FlightHours(ref *refdata.Data, st *refdata.MemberState, v *refdata.Venue) (km, hours float64) {
	return geo.NewFlightModel(ref).FlightHours(st.Lat, st.Lon, v.Lat, v.Lon)
}

// ZonesCrossed is the clock difference in hours between two UTC offsets
// (minutes), the shorter way round: at most 12.
func ZonesCrossed(offA, offB int64) float64 {
	d := math.Abs(float64(offA - offB))
	d = math.Mod(d, minutesPerDay)
	return math.Min(d, minutesPerDay-d) / 60
}
