package refdata

import (
	"fmt"
	"testing"
)

// TestParseClockAgreesWithThePattern: the hand parser accepts exactly what
// the load's clock pattern accepts (plus 24:00, a window's end), with the
// same minutes.
func TestParseClockAgreesWithThePattern(t *testing.T) {
	var inputs []string
	for h := 0; h < 100; h++ {
		for m := 0; m < 100; m++ {
			inputs = append(inputs, fmt.Sprintf("%02d:%02d", h, m))
		}
	}
	inputs = append(inputs, "", "9:00", "09:0", "09-00", "0a:00", "09:00 ", "+9:00", "24:00", "１０:00")
	for _, s := range inputs {
		got, ok := parseClock(s)
		want := clockPattern.MatchString(s) || s == "24:00"
		if ok != want {
			t.Errorf("parseClock(%q) ok = %v, want %v", s, ok, want)
			continue
		}
		if ok {
			var h, m int
			fmt.Sscanf(s, "%d:%d", &h, &m)
			if got != h*60+m {
				t.Errorf("parseClock(%q) = %d, want %d", s, got, h*60+m)
			}
		}
	}
}
