package geo

import (
	"math"
	"testing"
)

func TestGreatCircleKm(t *testing.T) {
	cases := []struct {
		name                   string
		lat1, lon1, lat2, lon2 float64
		want                   float64 // km, from the haversine on a 6,371 km sphere
	}{
		{"same place", 40.75, -73.97, 40.75, -73.97, 0},
		{"a quarter of the equator", 0, 0, 0, 90, EarthRadiusKm * math.Pi / 2},
		{"pole to pole", 90, 0, -90, 0, EarthRadiusKm * math.Pi},
		{"across the date line", 0, 179, 0, -179, EarthRadiusKm * 2 * math.Pi / 180},
		// UN Headquarters to the Palais des Nations: about 6,200 km.
		{"New York to Geneva", 40.749, -73.968, 46.227, 6.140, 6200},
	}
	for _, c := range cases {
		got := GreatCircleKm(c.lat1, c.lon1, c.lat2, c.lon2)
		tol := 1e-6
		if c.name == "New York to Geneva" {
			tol = 50
		}
		if math.Abs(got-c.want) > tol {
			t.Errorf("%s: %.3f km, want %.3f", c.name, got, c.want)
		}
	}
}

func TestFlightHours(t *testing.T) {
	m := FlightModel{SpeedKmh: 800, OverheadHours: 0.5}
	if h := m.Hours(0); h != 0 {
		t.Errorf("no distance, %v hours", h)
	}
	if h := m.Hours(8000); h != 10.5 {
		t.Errorf("8,000 km: %v hours, want 10.5", h)
	}
}
