package burden

import (
	"fmt"
	"math"

	"mechplan/internal/model"
	"mechplan/internal/refdata"
	"mechplan/internal/schedule"
)

// RotationYear is the start times (venue time) one body's sessions take
// in one year, at fixed times and under the rotation, and the venues they
// meet at that year (the same in both: where the scenario rotates a block's
// venues, Optimize has already chosen their order; see VenueChoice).
type RotationYear struct {
	Year           int
	Body, BodyName string
	Fixed, Rotated []string
	Venues         []string
}

// RotationDelegation is one delegation's burden accumulated over the
// horizon at fixed times and under the rotation, and the number of years
// in which it has any night minute.
type RotationDelegation struct {
	ISO3, Name, Group                  string
	Fixed, Rotated                     float64 // scores
	NightYearsFixed, NightYearsRotated int
}

// RotationReport sets a rotation of start times against fixed times:
// the table by year, each delegation's accumulated burden, and how many
// delegations carry the night in every year of the horizon.
type RotationReport struct {
	Years       []int
	Table       []RotationYear
	Delegations []RotationDelegation // in reference-data order
	// FixedMax and RotatedMax are the worst-off scores; the totals sum
	// every delegation's.
	FixedMax, RotatedMax     float64
	FixedTotal, RotatedTotal float64
	// EveryYearFixed and EveryYearRotated count the delegations with
	// night minutes in every year of the horizon.
	EveryYearFixed, EveryYearRotated int
}

// CompareRotation lays out both scenarios (the same calendar with
// different start_times) and compares them year by year.
func CompareRotation(fixed, rotated *model.Scenario, ref *refdata.Data, set Settings) (*RotationReport, error) {
	bands, err := set.BandsFor(fixed)
	if err != nil {
		return nil, err
	}
	if set, err = set.Resolve(fixed, ref); err != nil {
		return nil, err
	}
	prof := compiled(bands)
	schF, err := schedule.Build(fixed, ref)
	if err != nil {
		return nil, err
	}
	schR, err := schedule.Build(rotated, ref)
	if err != nil {
		return nil, err
	}
	first := horizonStart(fixed).Year()
	years := fixed.Horizon.Years
	out := &RotationReport{}
	for y := 0; y < years; y++ {
		out.Years = append(out.Years, first+y)
	}
	moved := map[string]bool{}
	for i := range fixed.Bodies {
		if i < len(rotated.Bodies) && fmt.Sprint(fixed.Bodies[i].StartTimes) != fmt.Sprint(rotated.Bodies[i].StartTimes) {
			moved[fixed.Bodies[i].ID] = true
		}
	}
	out.Table = rotationTable(schF, schR, first, years, moved)

	lo, hi := span(append(append([]schedule.Meeting(nil), schF.Meetings...), schR.Meetings...))
	zones := classesFor(ref.States, lo, hi)
	perYear := func(sch *schedule.Schedule) (scores [][]float64, night [][]bool) {
		pairs := make([][]int64, years)
		for i := range sch.Meetings {
			m := &sch.Meetings[i]
			y := m.Start.Year() - first
			if y < 0 || y >= years || !set.Counts(m) {
				continue
			}
			pairs[y] = append(pairs[y], unixMinute(m.Start), unixMinute(m.End))
		}
		scores, night = make([][]float64, years), make([][]bool, years)
		for y := range pairs {
			sortPairs(pairs[y])
			tot := prof.classTotals(zones.timelines, pairs[y])
			scores[y], night[y] = make([]float64, len(tot)), make([]bool, len(tot))
			for c, t := range tot {
				scores[y][c] = score(prof.bands, t.minutes)
				for b, v := range t.minutes {
					night[y][c] = night[y][c] || (prof.night[b] && v > 0)
				}
			}
		}
		return scores, night
	}
	sF, nF := perYear(schF)
	sR, nR := perYear(schR)
	out.Delegations = make([]RotationDelegation, len(ref.States))
	for i := range ref.States {
		st := &ref.States[i]
		c := zones.ofState[i]
		d := RotationDelegation{ISO3: st.ISO3, Name: st.Name, Group: st.Group}
		for y := 0; y < years; y++ {
			d.Fixed += sF[y][c]
			d.Rotated += sR[y][c]
			if nF[y][c] {
				d.NightYearsFixed++
			}
			if nR[y][c] {
				d.NightYearsRotated++
			}
		}
		out.FixedMax, out.RotatedMax = math.Max(out.FixedMax, d.Fixed), math.Max(out.RotatedMax, d.Rotated)
		out.FixedTotal += d.Fixed
		out.RotatedTotal += d.Rotated
		if years > 0 && d.NightYearsFixed == years {
			out.EveryYearFixed++
		}
		if years > 0 && d.NightYearsRotated == years {
			out.EveryYearRotated++
		}
		out.Delegations[i] = d
	}
	return out, nil
}

// rotationTable lists, per year and body whose start times the rotation
// changes, the distinct start times of
// the body's sessions in both layouts (bodies in order of appearance).
func rotationTable(f, r *schedule.Schedule, first, years int, moved map[string]bool) []RotationYear {
	type key struct {
		year int
		body string
	}
	rows := map[key]*RotationYear{}
	var order []key
	add := func(list *[]string, t string) {
		for _, x := range *list {
			if x == t {
				return
			}
		}
		*list = append(*list, t)
	}
	for pass, sch := range []*schedule.Schedule{f, r} {
		for _, sr := range sch.Sessions {
			m := &sch.Meetings[sr.First]
			y := m.Start.Year()
			if y < first || y >= first+years || !moved[sr.Body] {
				continue
			}
			k := key{y, sr.Body}
			row, ok := rows[k]
			if !ok {
				row = &RotationYear{Year: y, Body: sr.Body, BodyName: sr.BodyName}
				rows[k] = row
				order = append(order, k)
			}
			t := Clock(m.Start.Hour()*60 + m.Start.Minute())
			if pass == 0 {
				add(&row.Fixed, t)
			} else {
				add(&row.Rotated, t)
				add(&row.Venues, sr.Venue)
			}
		}
	}
	out := make([]RotationYear, 0, len(order))
	for _, k := range order {
		out = append(out, *rows[k])
	}
	return out
}
