// Package geo holds the great-circle arithmetic shared by the time-zone
// burden (travel burden of in-person sessions) and delegation travel (fares
// and business-class rules), so that both read one distance and one flight
// time for the same capital and venue.
package geo

import (
	"math"

	"mechplan/internal/refdata"
)

// EarthRadiusKm is the mean Earth radius (IUGG), the usual choice for
// haversine distances; the error against the ellipsoid stays under 0.5%.
const EarthRadiusKm = 6371.0088

// GreatCircleKm is the haversine distance in km between two points given
// in decimal degrees.
func GreatCircleKm(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	dLat := (lat2 - lat1) * rad
	dLon := (lon2 - lon1) * rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * EarthRadiusKm * math.Asin(math.Min(1, math.Sqrt(a)))
}

// Rate keys of the flight-time model in the rates table.
const (
	SpeedKey    = "flight.speed_kmh"
	OverheadKey = "flight.overhead_hours"
)

// Fallbacks used when the rates table lacks the keys; FlightModel.Missing
// says when they were used, so a report can say so.
const (
	FallbackSpeedKmh      = 800.0
	FallbackOverheadHours = 0.5
)

// FlightModel turns a great-circle distance into a one-way journey time.
type FlightModel struct {
	SpeedKmh      float64
	OverheadHours float64
	// Missing lists the rate keys that were absent (or not positive) and
	// replaced by the fallbacks.
	Missing []string
}

// NewFlightModel reads the flight-time rates from the reference data.
func NewFlightModel(ref *refdata.Data) FlightModel {
	m := FlightModel{SpeedKmh: FallbackSpeedKmh, OverheadHours: FallbackOverheadHours}
	if r, ok := ref.Rate(SpeedKey); ok && r.Value > 0 {
		m.SpeedKmh = r.Value
	} else {
		m.Missing = append(m.Missing, SpeedKey)
	}
	if r, ok := ref.Rate(OverheadKey); ok && r.Value >= 0 {
		m.OverheadHours = r.Value
	} else {
		m.Missing = append(m.Missing, OverheadKey)
	}
	return m
}

// Hours is the one-way journey time for a distance: km / speed + overhead.
// A zero distance (the capital is the venue city) needs no flight.
func (m FlightModel) Hours(km float64) float64 {
	if km <= 0 {
		return 0
	}
	return km/m.SpeedKmh + m.OverheadHours
}

// FlightHours is the one-way journey time between two points under the
// model: the one estimate the burden and the travel figures share.
func (m FlightModel) FlightHours(lat1, lon1, lat2, lon2 float64) (km, hours float64) {
	km = GreatCircleKm(lat1, lon1, lat2, lon2)
	return km, m.Hours(km)
}
