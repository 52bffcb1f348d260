package ui

import "mechplan/internal/chart"

// money writes US dollars in full, for tables; charts use chart.Money's
// short form. Both format through the chart package, one set of rules.
func money(v float64) string { return "USD " + chart.Number(v, 0) }

// hours writes minutes as hours with one decimal.
func hours(minutes int) string { return chart.Number(float64(minutes)/60, 1) + " h" }
