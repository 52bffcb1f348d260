package cost

import (
	"fmt"
	"math"
	"strings"

	"mechplan/internal/model"
	"mechplan/internal/msg"
	"mechplan/internal/refdata"
)

// Bounds are the values an override of a rate may take: what the cost
// model computes with and a planner could mean. A year or a count is a
// whole number.
type Bounds struct {
	Lo, Hi float64
	Whole  bool
}

// maxMoney is the largest money rate an override may set: any value the
// file reader takes.
const maxMoney = model.MaxOverrideValue

// BoundsOf are the bounds of a rate, by what its unit says it is.
func BoundsOf(r *refdata.Rate) Bounds {
	u := r.Unit
	switch {
	case r.Key == "cost.price_year" || u == "year":
		return Bounds{model.MinYear, model.MaxYear, true}
	case strings.HasPrefix(u, "1 = "): // a setting: 1 or 0
		return Bounds{0, 1, true}
	case strings.HasPrefix(r.Key, refdata.FXPrefix):
		return Bounds{0.001, 1000, false}
	case r.Currency != "":
		return Bounds{0, maxMoney, false}
	case u == "fraction per year":
		return Bounds{0, 1, false}
	case u == "fraction of the fare":
		return Bounds{0, 10, false}
	case strings.HasPrefix(u, "fraction of "):
		return Bounds{0, 1, false}
	case u == "posts": // a part-time post is a fraction
		return Bounds{0, 1000, false}
	case strings.HasPrefix(u, "persons per ") || u == "seats per delegation": // an average may be a fraction
		return Bounds{0, 100, false}
	case u == "languages":
		return Bounds{0, 5, true}
	case u == "meetings per year":
		return Bounds{0, float64(model.MaxTotalMeetings), false}
	case u == "km per hour":
		return Bounds{100, 2000, false}
	case strings.HasPrefix(u, "hours"):
		return Bounds{0, 48, false}
	case u == "km":
		return Bounds{0, 20000, false}
	case strings.HasPrefix(u, "times economy"):
		return Bounds{0, 20, false}
	case strings.HasPrefix(u, "kg "):
		return Bounds{0, 100, false}
	}
	return Bounds{0, maxMoney, false}
}

// Check is the problem of a value outside the bounds, at path, naming
// the key, the bounds and the unit; nil when the value fits.
func (b Bounds) Check(path, key, unit string, v float64) *model.Problem {
	if v >= b.Lo && v <= b.Hi && (!b.Whole || v == math.Trunc(v)) {
		return nil
	}
	// The unit as the faces translate it (the exports' unit names).
	u := msg.Unit(unit)
	var m msg.Message
	if b.Whole {
		m = msg.New("problem.assumption_whole", "{{.Key}} must be a whole number from {{.Lo}} to {{.Hi}} ({{.Unit}}), got {{.Got}}",
			"Key", key, "Lo", b.Lo, "Hi", b.Hi, "Unit", u, "Got", v)
	} else {
		m = msg.New("problem.assumption_between", "{{.Key}} must be between {{.Lo}} and {{.Hi}} ({{.Unit}}), got {{.Got}}",
			"Key", key, "Lo", b.Lo, "Hi", b.Hi, "Unit", u, "Got", v)
	}
	return &model.Problem{Path: path, Message: m.English, Msg: m}
}

// OverrideBounds are the bounds of an override of key and its rate's
// unit: those of the yearly rates for every year's exchange rate
// (fx.CHF); false for a key the rates table lacks.
func OverrideBounds(ref *refdata.Data, key string) (Bounds, string, bool) {
	r, ok := ref.Rate(key)
	if !ok {
		cur, _ := refdata.FXCurrency(key)
		rs := ref.ExchangeRates(cur)
		if len(rs) == 0 {
			return Bounds{}, "", false
		}
		r = rs[0]
	}
	return BoundsOf(r), r.Unit, true
}

// checkValue holds override i to its rate's bounds.
func checkValue(ref *refdata.Data, i int, o model.Override) *model.Problem {
	b, unit, ok := OverrideBounds(ref, o.Key)
	if !ok {
		return nil
	}
	return b.Check(fmt.Sprintf("assumptions[%d].value", i), o.Key, unit, o.Value)
}
