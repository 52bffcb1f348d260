package cost_test

import (
	"strings"
	"testing"

	"mechplan/internal/cost"
	"mechplan/internal/model"
)

// TestExchangeRateOfThePriceYear: a franc figure is converted at the
// average of the estimate's price year, else of the latest year before
// it, else of the first year the table has; an override of every year
// (fx.CHF) replaces them all, and one of a single year only that year.
func TestExchangeRateOfThePriceYear(t *testing.T) {
	d := ref(t)
	series := d.ExchangeRates("CHF")
	if len(series) < 10 {
		t.Fatalf("%d yearly franc rates", len(series))
	}
	first, last := series[0], series[len(series)-1]
	at := func(py float64, extra ...model.Override) (float64, string) {
		a, err := cost.NewAssumptions(d, append([]model.Override{{Key: "cost.price_year", Value: py}}, extra...))
		if err != nil {
			t.Fatal(err)
		}
		v, ok := a.Get("fx.CHF")
		if !ok {
			t.Fatal("fx.CHF not resolved")
		}
		return v.Value, cost.FXKey(d, "CHF", int(py))
	}
	y2020, _ := d.Rate("fx.CHF.2020")
	if v, k := at(2020); v != y2020.Value || k != "fx.CHF.2020" {
		t.Errorf("2020: %v under %s, want the 2020 average %v", v, k, y2020.Value)
	}
	if v, k := at(float64(last.PriceYear + 5)); v != last.Value || k != last.Key {
		t.Errorf("after the table: %v under %s, want the latest %v (%s)", v, k, last.Value, last.Key)
	}
	if v, k := at(float64(first.PriceYear - 3)); v != first.Value || k != first.Key {
		t.Errorf("before the table: %v under %s, want the first %v (%s)", v, k, first.Value, first.Key)
	}
	if v, _ := at(2020, model.Override{Key: "fx.CHF", Value: 1.25}); v != 1.25 {
		t.Errorf("override of every year: %v", v)
	}
	if v, _ := at(2020, model.Override{Key: "fx.CHF.2019", Value: 1.25}); v != y2020.Value {
		t.Errorf("an override of 2019 moved the 2020 rate to %v", v)
	}
	if _, err := cost.NewAssumptions(d, []model.Override{{Key: "fx.XYZ", Value: 1}}); err == nil {
		t.Error("an exchange rate of a currency without a table was accepted")
	}
}

// TestRecostingIndexOfARate: each money rate moves with the prices it is
// paid in: fares with the fares index, a duty station's rates with its
// inflation, a franc figure of no duty station with Geneva's.
func TestRecostingIndexOfARate(t *testing.T) {
	d := ref(t)
	for key, want := range map[string]string{
		"fare.base":                    cost.FaresInflation,
		"dsa.GVA":                      "recost.inflation.GVA",
		"dsa.VIE":                      "recost.inflation.VIE",
		"sponsorship.per_delegate.VIE": "recost.inflation.VIE",
		"fund.pledges_per_year":        "recost.inflation.GVA",
		"staff.standard_cost.P-4":      "recost.inflation.NYC",
		"terminal.expenses":            "recost.inflation.NYC",
	} {
		if got := cost.InflationKey(d, key); got != want {
			t.Errorf("%s recosts by %s, want %s", key, got, want)
		}
	}
}

// TestOverrideOutsideItsBounds: an override a cost cannot be computed
// with, or no planner could mean, is refused at its field, naming the key,
// the allowed range and the unit; one inside the bounds is taken.
func TestOverrideOutsideItsBounds(t *testing.T) {
	d := ref(t)
	for _, tt := range []struct {
		key   string
		value float64
		want  string // "" when the value is allowed
	}{
		{"cost.price_year", 1e12, "cost.price_year must be a whole number from 1990 to 2200 (year)"},
		{"cost.price_year", 2020.5, "whole number from 1990 to 2200"},
		{"cost.price_year", 2030, ""},
		{"delegation.business_class", 2, "delegation.business_class must be a whole number from 0 to 1"},
		{"recost.inflation.GVA", 5, "recost.inflation.GVA must be between 0 and 1 (fraction per year)"},
		{"cost.escalation_per_year", 0.03, ""},
		{"fx.CHF", 0, "fx.CHF must be between 0.001 and 1000 (USD per CHF)"},
		{"fx.EUR.2024", 1.1, ""},
		{"flight.speed_kmh", 0, "flight.speed_kmh must be between 100 and 2000 (km per hour)"},
		{"delegation.travellers.plenary", 1.5, ""},
		{"delegation.travellers.plenary", 500, "between 0 and 100 (persons per delegation)"},
		{"dsa.NYC", 450, ""},
	} {
		_, err := cost.NewAssumptions(d, []model.Override{{Key: "fare.base", Value: 60}, {Key: tt.key, Value: tt.value}})
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s = %v refused: %v", tt.key, tt.value, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), "assumptions[1].value") || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s = %v: %v, want assumptions[1].value and %q", tt.key, tt.value, err, tt.want)
		}
	}
}
