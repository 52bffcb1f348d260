package cost

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"mechplan/internal/model"
	"mechplan/internal/msg"
	"mechplan/internal/refdata"
)

// Assumption is a rate in force for one evaluation: the default from the
// rates table, or the scenario's override of it with the override's own
// source and date.
type Assumption struct {
	refdata.Rate
	// Default is the value in the rates table; Rate.Value is the one used.
	Default    float64
	Overridden bool
	// Source, AsOf and Note of the override; the default's stay in Rate.
	OverrideSource, OverrideAsOf, OverrideNote string
}

// Assumptions resolves rate keys: a scenario's override replaces the
// default for exactly its key and nothing else.
type Assumptions struct {
	ref  *refdata.Data
	over map[string]model.Override
}

// NewAssumptions combines the default rates with a scenario's overrides.
// An override of a key the rates table does not have is an error at the
// override's field path, so a typo cannot silently change nothing; so is
// a value outside its rate's bounds (BoundsOf).
func NewAssumptions(ref *refdata.Data, overrides []model.Override) (*Assumptions, error) {
	a := &Assumptions{ref: ref, over: make(map[string]model.Override, len(overrides))}
	var ps model.Problems
	for i, o := range overrides {
		if _, ok := ref.Rate(o.Key); !ok && !isFXAlias(ref, o.Key) {
			m := msg.New("problem.unknown_assumption", "unknown assumption {{.V}}; see mechplan-cli data rates for the keys", "V", model.QuotedMsg(o.Key))
			ps = append(ps, model.Problem{Path: fmt.Sprintf("assumptions[%d].key", i), Message: m.English, Msg: m})
			continue
		}
		if p := checkValue(ref, i, o); p != nil {
			ps = append(ps, *p)
			continue
		}
		a.over[o.Key] = o
	}
	return a, ps.Err()
}

// isFXAlias reports whether key names every yearly exchange rate of a
// currency (fx.CHF), as an override may.
func isFXAlias(ref *refdata.Data, key string) bool {
	cur, ok := refdata.FXCurrency(key)
	return ok && len(ref.ExchangeRates(cur)) > 0
}

// Get returns the assumption in force for a key. A yearly exchange rate
// (fx.CHF.2023) is the scenario's override of that year, else its
// override of every year (fx.CHF), else the published average; the key
// of every year (fx.CHF) gives the rate of the estimate's price year.
func (a *Assumptions) Get(key string) (Assumption, bool) {
	if isFXAlias(a.ref, key) {
		return a.fxInForce(key)
	}
	r, ok := a.ref.Rate(key)
	if !ok {
		return Assumption{}, false
	}
	out := Assumption{Rate: *r, Default: r.Value}
	o, ok := a.over[key]
	if cur, _, fx := refdata.FXYearKey(key); !ok && fx {
		o, ok = a.over[refdata.FXKey(cur)]
	}
	if ok {
		out.Value = o.Value
		out.Overridden = true
		out.OverrideSource, out.OverrideAsOf, out.OverrideNote = o.Source, o.AsOf, o.Note
	}
	return out, true
}

// fxInForce is the exchange rate of a currency (key fx.CHF) in force for
// the estimate's price year, under the key of every year.
func (a *Assumptions) fxInForce(key string) (Assumption, bool) {
	cur, _ := refdata.FXCurrency(key)
	py, _ := a.Get("cost.price_year")
	yr, ok := a.ref.ExchangeRate(cur, int(py.Value))
	if !ok {
		return Assumption{}, false
	}
	out, _ := a.Get(yr.Key)
	out.Key = key
	out.Label = strings.TrimSuffix(yr.Label, fmt.Sprintf(", %d average", yr.PriceYear)) + ", every year"
	return out, true
}

// FXKey is the key of the yearly exchange rate of a currency in force
// for a price year (fx.CHF.2023), or "" for a currency without a table.
func FXKey(ref *refdata.Data, currency string, priceYear int) string {
	if ref == nil {
		return ""
	}
	if r, ok := ref.ExchangeRate(currency, priceYear); ok {
		return r.Key
	}
	return ""
}

// ExchangeKey is the key of the exchange rate an estimate under these
// assumptions converts a currency with: the yearly rate of its price year
// (FXKey), else, for a currency without yearly rates, the key of every
// year.
func (a *Assumptions) ExchangeKey(currency string) string {
	py, _ := a.Get("cost.price_year")
	if k := FXKey(a.ref, currency, int(py.Value)); k != "" {
		return k
	}
	return refdata.FXKey(currency)
}

// With returns a copy with one key set to a value, as a sensitivity run
// needs. The value keeps the price year of the one it replaces: a
// default of 2008 moved by 20 % is still a 2008 figure, recosted to the
// estimate's year like the default (an override keeps its own date).
func (a *Assumptions) With(key string, value float64) *Assumptions {
	c := &Assumptions{ref: a.ref, over: make(map[string]model.Override, len(a.over)+1)}
	for k, o := range a.over {
		c.over[k] = o
	}
	o, overridden := c.over[key]
	if r, ok := a.ref.Rate(key); ok && !overridden && r.PriceYear > 0 {
		o.AsOf = fmt.Sprintf("%04d", r.PriceYear)
	}
	o.Key, o.Value = key, value
	c.over[key] = o
	return c
}

// Overridden lists the keys the scenario overrides, sorted.
func (a *Assumptions) Overridden() []string { return slices.Sorted(maps.Keys(a.over)) }

// reader reads values and remembers the keys the rates table lacks, so
// that an evaluation reports all of them at once.
type reader struct {
	a       *Assumptions
	missing []string
	// priceYear is the estimate's; money rates of earlier price years
	// are recosted to it.
	priceYear int
	ref       *refdata.Data
}

func (r *reader) value(key string) float64 {
	v, ok := r.a.Get(key)
	if !ok {
		r.missing = append(r.missing, key)
		return 0
	}
	return v.Value
}

// usd returns a money rate in US dollars and the keys it took: the rate
// and, for francs or euros, the exchange rate.
func (r *reader) usd(key string) (float64, []string) {
	v, ok := r.a.Get(key)
	if !ok {
		r.missing = append(r.missing, key)
		return 0, []string{key}
	}
	val, keys := v.Value, []string{key}
	if py := PriceYearOf(v, r.priceYear); v.Currency != "" && py > 0 && py < r.priceYear {
		ik := InflationKey(r.ref, key)
		val *= Recost(1, r.value(ik), py, r.priceYear)
		keys = append(keys, ik)
	}
	switch v.Currency {
	case "", "USD":
		return val, keys
	default:
		fx := r.a.ExchangeKey(v.Currency)
		return val * r.value(fx), append(keys, fx)
	}
}

// Recost revalues an amount of one price year to a later one at a
// yearly inflation rate, compounded: amount × (1 + inflation)^(to − from).
func Recost(amount, inflation float64, from, to int) float64 {
	if to <= from {
		return amount
	}
	return amount * math.Pow(1+inflation, float64(to-from))
}

// FaresInflation is the recosting index of air fares (fare.*), when the
// rates table has it.
const FaresInflation = "recost.inflation.fares"

// InflationKey is the recosting assumption of a rate: the air-fare index
// for fares, the inflation at the duty station its key ends with, that of
// the duty station of its currency for a franc or euro figure of none,
// New York's for the others (staff costs, terminal expenses are USD
// figures).
func InflationKey(ref *refdata.Data, key string) string {
	if ref == nil {
		return "recost.inflation." + Base
	}
	if strings.HasPrefix(key, "fare.") {
		if _, ok := ref.Rate(FaresInflation); ok {
			return FaresInflation
		}
	}
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		if _, ok := ref.Venue(key[i+1:]); ok {
			return "recost.inflation." + key[i+1:]
		}
	}
	// A franc or euro figure of no duty station (a fund's pledges) moves
	// with prices in its currency: those of the duty station whose
	// subsistence allowance is paid in it.
	if r, ok := ref.Rate(key); ok && r.Currency != "" && r.Currency != "USD" {
		for _, v := range ref.VenueCodes() {
			if d, ok := ref.Rate("dsa." + v); ok && d.Currency == r.Currency {
				if _, ok := ref.Rate("recost.inflation." + v); ok {
					return "recost.inflation." + v
				}
			}
		}
	}
	return "recost.inflation." + Base
}

// PriceYearOf is the price year of the value in force: the table's for a
// default, the override's own date for an override (an override without
// a readable year is taken as current).
func PriceYearOf(v Assumption, current int) int {
	if !v.Overridden {
		return v.PriceYear
	}
	if len(v.OverrideAsOf) >= 4 {
		if y, err := strconv.Atoi(v.OverrideAsOf[:4]); err == nil {
			return y
		}
	}
	return current
}

func (r *reader) err() error {
	if len(r.missing) == 0 {
		return nil
	}
	return fmt.Errorf("rates table lacks %v: add them to resources/data/rates.json", r.missing)
}
