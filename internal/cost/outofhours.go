package cost

import (
	"fmt"

	"mechplan/internal/model"
	"mechplan/internal/refdata"
)

// outsideHoursItem is the English of the line's item (message item.outside_hours).
const outsideHoursItem = "Meetings outside the standard meeting hours, {{.City}}"

// outsideHours adds, per year and venue, the meetings whose three hours
// do not lie inside one of the venue's standard slots (New York:
// 10:00–13:00 and 15:00–18:00): interpreters and conference staff work
// overtime for them.
func (b *builder) outsideHours() {
	venues := b.f.venues
	n := b.f.outside
	rate, uses := b.r.usd(refdata.OutsideHoursKey)
	for y := 0; y < b.sch.Years; y++ {
		for j, v := range venues {
			b.add(Line{Year: b.sch.FirstYear + y, Category: Servicing, Section: ConferenceManagement, Payer: RegularBudget, Venue: v,
				ItemMsg: itemMsg("item.outside_hours", outsideHoursItem, "City", b.city(v)), Quantity: float64(n[y*len(venues)+j]), Unit: "meetings", Rate: rate, Uses: uses})
		}
	}
}

// OutsideStandardHours reports whether a meeting starting at the venue
// clock's minute start and lasting minutes is outside the venue's
// standard slots (a meeting's Start is already in the venue's zone).
func OutsideStandardHours(venue string, start, minutes int, ref *refdata.Data) bool {
	v, ok := ref.Venue(venue)
	return ok && !v.InStandardSlots(start, start+minutes)
}

// OutsideHoursRate returns the USD rate of one meeting outside the
// standard slots in a given year, under the scenario's assumptions and
// escalated as the cost lines are: the figure the optimiser weighs.
func OutsideHoursRate(s *model.Scenario, ref *refdata.Data) (func(year int) float64, error) {
	a, err := NewAssumptions(ref, s.Assumptions)
	if err != nil {
		return nil, err
	}
	r := &reader{a: a}
	e := &Estimate{Assumptions: a}
	e.PriceYear = int(r.value("cost.price_year"))
	e.Escalation = r.value("cost.escalation_per_year")
	rate, uses := r.usd(refdata.OutsideHoursKey)
	if err := r.err(); err != nil {
		return nil, fmt.Errorf("out-of-hours rate: %w", err)
	}
	b := &builder{e: e, a: a, placeholder: map[string]bool{}}
	return func(year int) float64 {
		b.e.Lines = b.e.Lines[:0]
		b.add(Line{Year: year, Quantity: 1, Rate: rate, Uses: append([]string(nil), uses...)})
		return b.e.Lines[0].Rate
	}, nil
}
