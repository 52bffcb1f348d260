package refdata

import (
	"sort"
	"testing"
	"time"
)

// capitalsWithNightMinutes counts the delegations whose capital clock
// shows at least one minute in [00:00, 06:00) during a day of two New York
// meetings, 10:00-13:00 and 15:00-18:00, on the given date.
func capitalsWithNightMinutes(t *testing.T, d *Data, day string) (int, []string) {
	t.Helper()
	venue, _ := d.Venue("NYC")
	var hit []string
	for _, s := range d.States {
		night := false
		for _, slot := range venue.Slots {
			start, err := time.ParseInLocation("2006-01-02 15:04", day+" "+slot.Start, venue.Location())
			if err != nil {
				t.Fatal(err)
			}
			end, _ := time.ParseInLocation("2006-01-02 15:04", day+" "+slot.End, venue.Location())
			for m := start; m.Before(end); m = m.Add(time.Minute) {
				if m.In(s.Location()).Hour() < 6 {
					night = true
					break
				}
			}
		}
		if night {
			hit = append(hit, s.ISO3)
		}
	}
	sort.Strings(hit)
	return len(hit), hit
}

// The product brief's cross-check: about 84 capitals on 21 July 2026 and
// about 98 on 8 December 2026, when New York is on standard time and the
// afternoon meeting ends at 23:00 UTC. The exact figures, and why they
// differ from the brief, are in docs/data-sources.md.
func TestNightHoursCrossCheck(t *testing.T) {
	d := mustDefault(t)
	tests := []struct {
		day   string
		about int
	}{
		{"2026-07-21", 84},
		{"2026-12-08", 98},
	}
	for _, tt := range tests {
		n, hit := capitalsWithNightMinutes(t, d, tt.day)
		t.Logf("%s: %d capitals with night minutes: %v", tt.day, n, hit)
		if n < tt.about-6 || n > tt.about+6 {
			t.Errorf("%s: %d capitals with night minutes, want %d ± 6", tt.day, n, tt.about)
		}
	}
}
