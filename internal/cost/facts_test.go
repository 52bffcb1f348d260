package cost

import (
	"math/rand"
	"testing"
	"time"
)

// TestWallClockReadsAsTheZone: the venue's clock read from the table of
// stretches is what time.Time reads, for every zone a venue uses and
// some with odd rules, over a century, around clock changes too.
func TestWallClockReadsAsTheZone(t *testing.T) {
	var c wallClock
	rnd := rand.New(rand.NewSource(1))
	for _, name := range []string{"America/New_York", "Europe/Zurich", "Europe/Vienna", "Africa/Nairobi", "Asia/Bangkok",
		"America/Santiago", "Australia/Lord_Howe", "Asia/Tehran", "America/Havana", "Pacific/Chatham", "UTC"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		var times []time.Time
		for y := 1990; y <= 2090; y++ {
			for k := 0; k < 40; k++ {
				times = append(times, time.Date(y, time.Month(1+rnd.Intn(12)), 1+rnd.Intn(28), rnd.Intn(24), rnd.Intn(60), rnd.Intn(60), 0, loc))
			}
			// Every hour of the days clocks change in the north and
			// the south, and on the last day of the year.
			for _, d := range []time.Time{time.Date(y, 3, 8, 0, 0, 0, 0, loc), time.Date(y, 10, 25, 0, 0, 0, 0, loc), time.Date(y, 4, 1, 0, 0, 0, 0, loc), time.Date(y, 12, 31, 0, 0, 0, 0, loc)} {
				for h := 0; h < 24*8; h++ {
					times = append(times, d.Add(time.Duration(h)*30*time.Minute))
				}
			}
		}
		rnd.Shuffle(len(times), func(i, j int) { times[i], times[j] = times[j], times[i] })
		for _, tm := range times {
			w := c.of(tm)
			y, m, d := tm.Date()
			wy, wm, wd := w.Date()
			if y != wy || m != wm || d != wd || tm.Hour() != w.Hour() || tm.Minute() != w.Minute() || tm.Second() != w.Second() || w.Year() != tm.Year() {
				t.Fatalf("%s %v: read as %v", name, tm, w)
			}
			if !civil(w).Equal(civil(tm)) {
				t.Fatalf("%s %v: day %v, want %v", name, tm, civil(w), civil(tm))
			}
		}
	}
}
