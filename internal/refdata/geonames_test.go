package refdata_test

import (
	"encoding/csv"
	"os"
	"strconv"
	"testing"

	"mechplan/internal/geo"
	"mechplan/internal/refdata"
)

// maxOffKm is how far a departure city's point may lie from GeoNames'
// point for the same city: a capital spreads over ten kilometres and
// more, and either point may sit at the centre, the old town or the
// government quarter.
const maxOffKm = 12

// TestCapitalsAgainstGeoNames checks every member state's departure city
// against an independent gazetteer, GeoNames (testdata/geonames_capitals.csv,
// CC BY 4.0, see testdata/GEONAMES-LICENSE.txt): same city name, points
// within maxOffKm.
func TestCapitalsAgainstGeoNames(t *testing.T) {
	d, err := refdata.Default()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/geonames_capitals.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range rows[1:] {
		iso3, name := r[0], r[2]
		lat, err1 := strconv.ParseFloat(r[3], 64)
		lon, err2 := strconv.ParseFloat(r[4], 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: bad fixture row %v", iso3, r)
		}
		s, ok := d.State(iso3)
		if !ok {
			t.Errorf("fixture has %s, which is not a member state", iso3)
			continue
		}
		seen[iso3] = true
		if km := geo.GreatCircleKm(s.Lat, s.Lon, lat, lon); km > maxOffKm {
			t.Errorf("%s: %s at %.2f, %.2f is %.1f km from GeoNames' %s at %.4f, %.4f", iso3, s.Capital, s.Lat, s.Lon, km, name, lat, lon)
		}
	}
	if len(seen) != len(d.States) {
		t.Errorf("the fixture covers %d of %d member states", len(seen), len(d.States))
	}
}
