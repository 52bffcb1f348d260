package burden

// paretoFront returns the candidates among idx that no other candidate
// among idx dominates on the four objectives, in start order. Candidates
// with equal objectives are all kept.
func paretoFront(cs []Candidate, idx []int) []int {
	var out []int
	for _, i := range idx {
		dominated := false
		for _, j := range idx {
			if j != i && cs[j].Objectives.Dominates(cs[i].Objectives) {
				dominated = true
				break
			}
		}
		if !dominated {
			out = append(out, i)
		}
	}
	return out
}

// recommend applies the rule: among the front's points that the scenario
// as written does not dominate on the worst-off, the total and the
// delegations at night, the first by Objectives.Before (the earliest
// start on a tie). It returns -1 when the scenario as written dominates
// every point.
func recommend(cs []Candidate, front []int, asWritten Objectives) int {
	best := -1
	for _, i := range front {
		if asWritten.DominatesOnBurden(cs[i].Objectives) {
			continue
		}
		if best < 0 || cs[i].Objectives.Before(cs[best].Objectives) {
			best = i
		}
	}
	return best
}

// Change is a regional group's or a status list's burden before and
// after the recommendation, over the horizon.
type Change struct {
	Name        string
	Delegations int
	// Night and Burdened hours: night minutes, and night plus unsociable
	// minutes, summed over the group's delegations, in hours.
	NightBefore, NightAfter       float64
	BurdenedBefore, BurdenedAfter float64
}

// Saved is the hours of night plus unsociable time the change saves the
// group (negative: the hours it costs).
func (c Change) Saved() float64 { return c.BurdenedBefore - c.BurdenedAfter }

func changes(before, after []GroupTotal) []Change {
	out := make([]Change, len(before))
	for i := range before {
		b, a := before[i], after[i]
		out[i] = Change{Name: b.Name, Delegations: b.Delegations,
			NightBefore: float64(b.NightMinutes) / 60, NightAfter: float64(a.NightMinutes) / 60,
			BurdenedBefore: float64(b.NightMinutes+b.UnsociableMinutes) / 60,
			BurdenedAfter:  float64(a.NightMinutes+a.UnsociableMinutes) / 60}
	}
	return out
}
