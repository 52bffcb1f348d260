package cost_test

import (
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
