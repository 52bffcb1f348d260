package geo

import (
	"math"
	"slices"
	"strings"
	"testing"

	"mechplan/internal/refdata"
)

// SmallStates are the member states Natural Earth's 1:110m map has no
// shape for: the map draws them as dots at their capitals.
var smallStates = []string{"AND", "ATG", "BHR", "BRB", "COM", "CPV", "DMA", "FSM", "GRD", "KIR", "KNA", "LCA", "LIE", "MCO",
	"MDV", "MHL", "MLT", "MUS", "NRU", "PLW", "SGP", "SMR", "STP", "SYC", "TON", "TUV", "VCT", "WSM"}

func TestWorldAccountsForEveryMember(t *testing.T) {
	ref, err := refdata.Default()
	if err != nil {
		t.Fatal(err)
	}
	atlas, err := World()
	if err != nil {
		t.Fatal(err)
	}
	var shaped, dots []string
	for _, st := range ref.States {
		ar, ok := atlas.Area(st.ISO3)
		if !ok {
			dots = append(dots, st.ISO3)
			continue
		}
		shaped = append(shaped, st.ISO3)
		// A wrong ISO numeric to alpha-3 mapping puts a capital on
		// another continent; 1:110m coastlines leave a coastal or island
		// capital (Malabo, Copenhagen) at most a degree or two away.
		if d := ar.DistanceDeg(st.Lat, st.Lon); d > 2.5 {
			t.Errorf("%s: capital %s (%.2f, %.2f) is %.1f° from its shape", st.ISO3, st.Capital, st.Lat, st.Lon, d)
		}
	}
	slices.Sort(dots)
	if len(shaped)+len(dots) != refdata.MemberCount {
		t.Errorf("%d shaped + %d dots, want %d members", len(shaped), len(dots), refdata.MemberCount)
	}
	if !slices.Equal(dots, smallStates) {
		t.Errorf("member states without a shape:\n got %s\nwant %s", strings.Join(dots, " "), strings.Join(smallStates, " "))
	}
	// Every area is a member state or one of the territories the map
	// draws in the neutral colour.
	territories := []string{"ATF", "ESH", "FLK", "GRL", "NCL", "PRI", "PSE", "TWN"}
	for _, ar := range atlas.Areas {
		if _, ok := ref.State(ar.ISO3); !ok && !slices.Contains(territories, ar.ISO3) {
			t.Errorf("area %s (%v) is neither a member state nor a known territory", ar.ISO3, ar.Sources)
		}
	}
}

func TestCapitalsInsideTheirShapes(t *testing.T) {
	atlas, err := World()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		iso3, city string
		lat, lon   float64
	}{
		{"FRA", "Paris", 48.86, 2.35}, {"DEU", "Berlin", 52.52, 13.40}, {"BRA", "Brasília", -15.79, -47.88},
		{"AUS", "Canberra", -35.28, 149.13}, {"CAN", "Ottawa", 45.42, -75.70}, {"KEN", "Nairobi", -1.29, 36.82},
		{"CHN", "Beijing", 39.90, 116.40}, {"RUS", "Moscow", 55.76, 37.62}, {"ZAF", "Pretoria", -25.75, 28.19},
		{"LSO", "Maseru", -29.31, 27.48}, {"CHE", "Bern", 46.95, 7.45}, {"MNG", "Ulaanbaatar", 47.92, 106.92},
		// Fiji and the Russian Far East cross the antimeridian.
		{"RUS", "Anadyr", 64.73, 177.51}, {"RUS", "Chukotka past the antimeridian", 65.5, -172}, {"FJI", "Labasa", -16.43, 179.37},
	} {
		ar, ok := atlas.Area(c.iso3)
		if !ok {
			t.Errorf("%s: no shape", c.iso3)
			continue
		}
		if !ar.Contains(c.lat, c.lon) {
			t.Errorf("%s's shape does not contain %s (%.2f, %.2f)", c.iso3, c.city, c.lat, c.lon)
		}
	}
	// Lesotho is a hole in South Africa, not part of it; Paris is not in
	// Germany.
	zaf, _ := atlas.Area("ZAF")
	fra, _ := atlas.Area("DEU")
	if zaf.Contains(-29.31, 27.48) || fra.Contains(48.86, 2.35) {
		t.Error("a shape contains a capital of another state")
	}
}

func TestParseAtlasErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"P 0,0 1,0 0,1\n", "before any \"C\""},
		{"C FRA 250 France\nH 0,0 1,0 0,1\n", "hole before its polygon"},
		{"C FRA 250 France\nP 0,0 1,0\n", "at least 3 points"},
		{"C FRA 250 France\nP 0,0 1,x 0,1\n", "point 2"},
		{"C FRA 250 France\nP 0,9500 1,0 0,1\n", "outside"},
		{"C FRA 250 France\n", "no polygon"},
		{"X\n", "unknown line kind"},
	} {
		_, err := ParseAtlas(strings.NewReader(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want one saying %q", c.in, err, c.want)
		}
	}
}

func TestFitMap(t *testing.T) {
	v := FitMap(1000, 1000)
	if math.Abs(v.Width/v.Height-MapAspect()) > 1e-9 || math.Abs(v.Width-1000) > 1e-9 {
		t.Errorf("view %+v: want the full width and aspect %.3f", v, MapAspect())
	}
	// The map's corners: 180° W on the equator at the left edge, the
	// northern limit at the top, the prime meridian in the middle.
	x, y := v.Pixel(-180, 0)
	if math.Abs(x-v.Left) > 1e-9 {
		t.Errorf("180° W at x %.2f, want %.2f", x, v.Left)
	}
	if _, y0 := v.Pixel(0, MapNorth); math.Abs(y0-v.Top) > 1e-9 {
		t.Errorf("the northern limit at y %.2f, want %.2f", y0, v.Top)
	}
	if _, yS := v.Pixel(0, MapSouth); math.Abs(yS-(v.Top+v.Height)) > 1e-9 {
		t.Errorf("the southern limit at y %.2f, want %.2f", yS, v.Top+v.Height)
	}
	if xm, _ := v.Pixel(0, 45); math.Abs(xm-500) > 1e-9 || y <= v.Top {
		t.Errorf("the prime meridian at x %.2f, want 500", xm)
	}
}
