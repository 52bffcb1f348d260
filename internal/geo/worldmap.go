package geo

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"mechplan/resources"
)

// WorldFile is the embedded file of country shapes, under resources/data:
// Natural Earth's 1:110m Admin 0 countries, converted once by
// scripts/worldmap/convert.mjs (see docs/data-sources.md).
const WorldFile = "data/world-110m.txt"

// Point is a place in decimal degrees. Lon may pass 180 where a ring
// crosses the antimeridian (Fiji, Chukotka).
type Point struct{ Lon, Lat float64 }

// Ring is a closed line of points; the last point joins the first.
type Ring []Point

// Polygon is one piece of land: its outline and the holes in it
// (South Africa around Lesotho).
type Polygon struct {
	Outer Ring
	Holes []Ring
}

// Area is what the map fills with one colour: a member state's land, or a
// territory that belongs to no delegation.
type Area struct {
	// ISO3 is the ISO 3166-1 alpha-3 code, the key of member_states.csv.
	ISO3 string
	// Sources names the Natural Earth shapes merged into the area (Cyprus
	// and Northern Cyprus are both drawn as Cyprus).
	Sources  []string
	Polygons []Polygon
	// MinLon... bound every point of the area.
	MinLon, MinLat, MaxLon, MaxLat float64
}

// Atlas is the world map's set of areas.
type Atlas struct {
	Areas []Area
	byISO map[string]int
}

var (
	worldOnce sync.Once
	world     *Atlas
	worldErr  error
)

// World returns the embedded atlas, parsed once per process; every caller
// shares the same read-only value.
func World() (*Atlas, error) {
	worldOnce.Do(func() {
		f, err := resources.Data.Open(WorldFile)
		if err != nil {
			worldErr = fmt.Errorf("world map: %w", err)
			return
		}
		defer f.Close()
		world, worldErr = ParseAtlas(f)
	})
	return world, worldErr
}

// Area returns the area of an ISO3 code, if the map has a shape for it.
func (a *Atlas) Area(iso3 string) (*Area, bool) {
	i, ok := a.byISO[iso3]
	if !ok {
		return nil, false
	}
	return &a.Areas[i], true
}

// ParseAtlas reads the format scripts/worldmap/convert.mjs writes (its
// header describes it). Lines with the same ISO3 code make one area.
func ParseAtlas(r io.Reader) (*Atlas, error) {
	a := &Atlas{byISO: map[string]int{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var cur *Area
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		kind, rest, _ := strings.Cut(line, " ")
		switch kind {
		case "C":
			f := strings.SplitN(rest, " ", 3)
			if len(f) != 3 || len(f[0]) != 3 || strings.ToUpper(f[0]) != f[0] {
				return nil, fmt.Errorf("%s: line %d: want \"C <ISO3> <numeric or -> <name>\"", WorldFile, n)
			}
			i, ok := a.byISO[f[0]]
			if !ok {
				i = len(a.Areas)
				a.byISO[f[0]] = i
				a.Areas = append(a.Areas, Area{ISO3: f[0], MinLon: math.Inf(1), MinLat: math.Inf(1), MaxLon: math.Inf(-1), MaxLat: math.Inf(-1)})
			}
			cur = &a.Areas[i]
			cur.Sources = append(cur.Sources, f[2])
		case "P", "H":
			if cur == nil {
				return nil, fmt.Errorf("%s: line %d: a ring before any \"C\" line", WorldFile, n)
			}
			ring, err := parseRing(rest)
			if err != nil {
				return nil, fmt.Errorf("%s: line %d: %w", WorldFile, n, err)
			}
			if kind == "P" {
				cur.Polygons = append(cur.Polygons, Polygon{Outer: ring})
			} else {
				if len(cur.Polygons) == 0 {
					return nil, fmt.Errorf("%s: line %d: a hole before its polygon", WorldFile, n)
				}
				p := &cur.Polygons[len(cur.Polygons)-1]
				p.Holes = append(p.Holes, ring)
			}
			for _, q := range ring {
				cur.MinLon, cur.MaxLon = min(cur.MinLon, q.Lon), max(cur.MaxLon, q.Lon)
				cur.MinLat, cur.MaxLat = min(cur.MinLat, q.Lat), max(cur.MaxLat, q.Lat)
			}
		default:
			return nil, fmt.Errorf("%s: line %d: unknown line kind %q (want C, P or H)", WorldFile, n, kind)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", WorldFile, err)
	}
	for _, ar := range a.Areas {
		if len(ar.Polygons) == 0 {
			return nil, fmt.Errorf("%s: %s has no polygon", WorldFile, ar.ISO3)
		}
	}
	return a, nil
}

// parseRing reads "lon,lat dlon,dlat ..." in hundredths of a degree.
func parseRing(s string) (Ring, error) {
	fields := strings.Fields(s)
	if len(fields) < 3 {
		return nil, fmt.Errorf("a ring needs at least 3 points, has %d", len(fields))
	}
	ring := make(Ring, 0, len(fields))
	var x, y int
	for i, f := range fields {
		xs, ys, ok := strings.Cut(f, ",")
		dx, err1 := strconv.Atoi(xs)
		dy, err2 := strconv.Atoi(ys)
		if !ok || err1 != nil || err2 != nil {
			return nil, fmt.Errorf("point %d: %q is not \"lon,lat\" in hundredths of a degree", i+1, f)
		}
		x, y = x+dx, y+dy
		p := Point{Lon: float64(x) / 100, Lat: float64(y) / 100}
		if p.Lon < -180 || p.Lon > 360 || p.Lat < -90 || p.Lat > 90 {
			return nil, fmt.Errorf("point %d: %.2f,%.2f is outside lon -180..360, lat -90..90", i+1, p.Lon, p.Lat)
		}
		ring = append(ring, p)
	}
	return ring, nil
}

// Contains says whether a place (decimal degrees, lon in -180..180) is on
// the area's land: inside an outline and outside its holes.
func (ar *Area) Contains(lat, lon float64) bool {
	for _, l := range []float64{lon, lon + 360} {
		for _, p := range ar.Polygons {
			if p.Outer.contains(l, lat) && !holed(p.Holes, l, lat) {
				return true
			}
		}
	}
	return false
}

func holed(holes []Ring, lon, lat float64) bool {
	for _, h := range holes {
		if h.contains(lon, lat) {
			return true
		}
	}
	return false
}

// contains is the even-odd ray test in plane degrees, which is how the
// map draws the ring.
func (r Ring) contains(lon, lat float64) bool {
	in := false
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		a, b := r[i], r[j]
		if (a.Lat > lat) != (b.Lat > lat) && lon < (b.Lon-a.Lon)*(lat-a.Lat)/(b.Lat-a.Lat)+a.Lon {
			in = !in
		}
	}
	return in
}

// DistanceDeg is how far a place lies from the area's land, in degrees of
// latitude measured in the plane (0 inside); enough to tell a coastal
// capital just off a 1:110m coastline from a shape on the wrong continent.
func (ar *Area) DistanceDeg(lat, lon float64) float64 {
	if ar.Contains(lat, lon) {
		return 0
	}
	best := math.Inf(1)
	k := math.Cos(lat * math.Pi / 180)
	for _, l := range []float64{lon, lon + 360} {
		for _, p := range ar.Polygons {
			for _, r := range append([]Ring{p.Outer}, p.Holes...) {
				for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
					best = min(best, segmentDistance(l, lat, r[j], r[i], k))
				}
			}
		}
	}
	return best
}

// segmentDistance is the distance from (x, y) to the segment ab, with
// longitudes shrunk by k (the cosine of the latitude).
func segmentDistance(x, y float64, a, b Point, k float64) float64 {
	ax, ay, bx, by := (a.Lon-x)*k, a.Lat-y, (b.Lon-x)*k, b.Lat-y
	dx, dy := bx-ax, by-ay
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = math.Max(0, math.Min(1, -(ax*dx+ay*dy)/l))
	}
	px, py := ax+t*dx, ay+t*dy
	return math.Hypot(px, py)
}

// The map shows latitudes from MapSouth to MapNorth: Tierra del Fuego and
// the southern islands to the north of Greenland; Antarctica is left out.
const (
	MapSouth = -58.0
	MapNorth = 84.0
)

// NaturalEarth is the Natural Earth projection (Šavrič, Patterson, Jenny
// and others, 2011, the polynomial of Cartography and Geographic
// Information Science 38(4)): a compromise that shows the world as people
// recognise it, with less stretching near the poles than a plain grid of
// degrees. x is in -2.74..2.74, y in -1.42..1.42 (north up, positive).
func NaturalEarth(lon, lat float64) (x, y float64) {
	l, p := lon*math.Pi/180, lat*math.Pi/180
	p2 := p * p
	p4 := p2 * p2
	x = l * (0.8707 - 0.131979*p2 + p4*(-0.013791+p4*(0.003971*p2-0.001529*p4)))
	y = p * (1.007226 + p2*(0.015085+p4*(-0.044475+0.028874*p2-0.005916*p4)))
	return x, y
}

// MapView places the projected world, from MapSouth to MapNorth, in a box
// of pixels, centred and with its proportions kept.
type MapView struct {
	// Left, Top, Width, Height are the map's box inside the requested
	// one, in pixels.
	Left, Top, Width, Height float64
	scale, yNorth            float64
}

// mapExtent is the projected world's width and height.
func mapExtent() (w, h, yNorth float64) {
	xMax, _ := NaturalEarth(180, 0)
	_, yN := NaturalEarth(0, MapNorth)
	_, yS := NaturalEarth(0, MapSouth)
	return 2 * xMax, yN - yS, yN
}

// MapAspect is the map's width over its height.
func MapAspect() float64 {
	w, h, _ := mapExtent()
	return w / h
}

// FitMap is the largest view of the map that fits in w × h pixels.
func FitMap(w, h float64) MapView {
	ew, eh, yN := mapExtent()
	s := math.Min(w/ew, h/eh)
	v := MapView{Width: ew * s, Height: eh * s, scale: s, yNorth: yN}
	v.Left, v.Top = (w-v.Width)/2, (h-v.Height)/2
	return v
}

// Pixel is where a place falls in the view, in pixels from the box's top
// left corner.
func (v MapView) Pixel(lon, lat float64) (x, y float64) {
	px, py := NaturalEarth(lon, lat)
	return v.Left + v.Width/2 + px*v.scale, v.Top + (v.yNorth-py)*v.scale
}
