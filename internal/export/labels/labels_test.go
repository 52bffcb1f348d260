package labels

import (
	"testing"
	"time"
)

func TestEnglishIsTheExportsOwnWords(t *testing.T) {
	if got := English.Text("any.key", "Page {{.Page}} of {{.Pages}}", "Page", 2, "Pages", "{nb}"); got != "Page 2 of {nb}" {
		t.Errorf("Text = %q", got)
	}
	if got := English.Text("any.key", "100% {not a template}"); got != "100% {not a template}" {
		t.Errorf("plain text = %q", got)
	}
	d := time.Date(2026, time.March, 2, 0, 0, 0, 0, time.UTC)
	if English.Date(d) != "2 March 2026" || English.ShortMonth(time.September) != "Sep" || English.ShortWeekday(d.Weekday()) != "Mon" {
		t.Errorf("dates %q %q %q", English.Date(d), English.ShortMonth(time.September), English.ShortWeekday(d.Weekday()))
	}
	if English.Number(-1234.56, 1) != "−1,234.6" || English.Money(6.46e6) != "USD 6.46 M" || English.Money(-664100) != "−USD 664.1 k" {
		t.Errorf("figures %q %q %q", English.Number(-1234.56, 1), English.Money(6.46e6), English.Money(-664100))
	}
	if Or(nil) != English || KeyOf("Asia-Pacific") != "asia_pacific" {
		t.Error("Or or KeyOf")
	}
}
