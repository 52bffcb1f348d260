package burden

import (
	"math"
	"sort"

	"mechplan/internal/refdata"
)

// Summary sets the delegations side by side.
type Summary struct {
	Delegations int
	// HitByNight counts delegations with any night minute.
	HitByNight int
	// WorstOff lists the delegations sharing the highest score (none when
	// nobody has any burden).
	WorstOff []string
	// P50, P90 and Max are nearest-rank percentiles of the scores.
	P50, P90, Max float64
	TotalScore    float64
	TotalNight    int // night minutes summed over delegations
	// Gini is the Gini coefficient of the scores: 0 when every delegation
	// carries the same burden, towards 1 when a few carry all of it.
	Gini     float64
	ByGroup  []GroupTotal // in refdata.Groups order
	ByStatus []GroupTotal // LDC, LLDC, SIDS, then states with none of these
	// Ranking holds delegation indexes, worst off first (ties by ISO3).
	Ranking []int
}

// GroupTotal is the burden of a set of delegations: a regional group or
// a status list.
type GroupTotal struct {
	Name              string
	Delegations       int
	HitByNight        int
	NightMinutes      int
	UnsociableMinutes int
	Score             float64
	MeanScore         float64
	MaxScore          float64
}

func (g *GroupTotal) add(d *Delegation) {
	g.Delegations++
	if d.NightMinutes > 0 {
		g.HitByNight++
	}
	g.NightMinutes += d.NightMinutes
	g.UnsociableMinutes += d.UnsociableMinutes
	g.Score += d.Score
	g.MaxScore = math.Max(g.MaxScore, d.Score)
}

// Status names used in Summary.ByStatus.
const (
	StatusLDC   = "LDC"
	StatusLLDC  = "LLDC"
	StatusSIDS  = "SIDS"
	StatusOther = "none of these"
)

func summarise(ds []Delegation) Summary {
	s := Summary{Delegations: len(ds), Ranking: make([]int, len(ds))}
	scores := make([]float64, len(ds))
	groups := make([]GroupTotal, len(refdata.Groups))
	for i, g := range refdata.Groups {
		groups[i].Name = g
	}
	status := []GroupTotal{{Name: StatusLDC}, {Name: StatusLLDC}, {Name: StatusSIDS}, {Name: StatusOther}}
	for i := range ds {
		d := &ds[i]
		s.Ranking[i] = i
		scores[i] = d.Score
		s.TotalScore += d.Score
		s.TotalNight += d.NightMinutes
		if d.NightMinutes > 0 {
			s.HitByNight++
		}
		for g := range groups {
			if groups[g].Name == d.Group {
				groups[g].add(d)
			}
		}
		if d.LDC {
			status[0].add(d)
		}
		if d.LLDC {
			status[1].add(d)
		}
		if d.SIDS {
			status[2].add(d)
		}
		if !d.LDC && !d.LLDC && !d.SIDS {
			status[3].add(d)
		}
	}
	for _, gs := range [][]GroupTotal{groups, status} {
		for g := range gs {
			if gs[g].Delegations > 0 {
				gs[g].MeanScore = gs[g].Score / float64(gs[g].Delegations)
			}
		}
	}
	s.ByGroup, s.ByStatus = groups, status
	sort.SliceStable(s.Ranking, func(a, b int) bool {
		da, db := &ds[s.Ranking[a]], &ds[s.Ranking[b]]
		if da.Score != db.Score {
			return da.Score > db.Score
		}
		return da.ISO3 < db.ISO3
	})
	sort.Float64s(scores)
	s.P50, s.P90, s.Max = Percentile(scores, 50), Percentile(scores, 90), Percentile(scores, 100)
	if s.Max > 0 {
		for _, i := range s.Ranking {
			if ds[i].Score != s.Max {
				break
			}
			s.WorstOff = append(s.WorstOff, ds[i].ISO3)
		}
	}
	s.Gini = Gini(scores)
	return s
}

// Percentile is the nearest-rank percentile of sorted values: the
// smallest value with at least p% of the values at or below it. It is
// always one of the delegations' own figures, never an interpolation.
func Percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	k := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[min(max(k, 1), len(sorted))-1]
}

// Gini is the Gini coefficient of non-negative sorted values:
// Σ(2i − n − 1)·xᵢ / (n·Σx), i from 1. Zero when all are equal (nobody
// burdened counts as equal); (n−1)/n when one carries everything.
func Gini(sorted []float64) float64 {
	n := float64(len(sorted))
	sum, weighted := 0.0, 0.0
	for i, x := range sorted {
		sum += x
		weighted += (2*float64(i+1) - n - 1) * x
	}
	if sum <= 0 {
		return 0
	}
	return weighted / (n * sum)
}
