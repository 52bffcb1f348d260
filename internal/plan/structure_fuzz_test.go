package plan

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"mechplan/internal/model"
	"mechplan/internal/refdata"
	"mechplan/internal/store"
)

// gen draws the parts of a scenario from the fuzzer's bytes, so that the
// fuzzer mutates scenarios (bodies, blocks, rotations, dates, bands)
// rather than JSON punctuation. Past the end of the bytes every draw is 0.
type gen struct {
	b []byte
	i int
}

func (g *gen) byte() int {
	if g.i >= len(g.b) {
		return 0
	}
	g.i++
	return int(g.b[g.i-1])
}

// n draws 0 ≤ v < k.
func (g *gen) n(k int) int {
	if k <= 1 {
		return 0
	}
	return (g.byte()<<8 | g.byte()) % k
}

func (g *gen) yes() bool { return g.byte()&1 == 1 }

func pick[T any](g *gen, xs []T) T { return xs[g.n(len(xs))] }

// count draws a list's length: mostly small, sometimes at or past its
// limit.
func (g *gen) count(small, limit int) int {
	switch g.byte() {
	case 255:
		return limit + 1
	case 254:
		return limit
	}
	return g.n(small + 1)
}

var (
	fuzzStarts = []string{"2026-01-01", "2024-02-29", "2027-09-14", "2037-10-31", "1990-01-01", "2199-12-31", "2026-13-01", ""}
	fuzzClocks = []string{"00:00", "06:59", "07:00", "09:15", "13:00", "18:30", "20:59", "21:00", "23:59", "24:00", "7:00", ""}
	fuzzBands  = []string{model.BandNight, model.BandUnsociable, "day"}
	fuzzKinds  = append(append([]model.BodyKind{}, model.BodyKinds...), "council")
	fuzzForms  = append(append([]model.Format{}, model.Formats...), "radio")
	fuzzTexts  = []string{"", "Plenary", "=HYPERLINK(\"x\")", "line\r\nbreak \x1b[31m", "É\u00a0ü—日本", "  "}
)

// fuzzScenario builds a whole scenario from the fuzzer's bytes.
func fuzzScenario(data []byte, venues []string) *model.Scenario {
	g := &gen{b: data}
	s := &model.Scenario{Version: model.FormatVersion, ID: pick(g, []string{"fuzz", "", "Bad ID"}), Name: pick(g, fuzzTexts)}
	s.Horizon = model.Horizon{Start: pick(g, fuzzStarts), Years: g.n(53)}
	s.CycleYears = g.n(12)
	start, _ := model.ParseDate(s.Horizon.Start)
	venues = append(append([]string{}, venues...), "XXX", "")
	ids := func(prefix string, k int) string { return fmt.Sprintf("%s%d", prefix, g.n(k)) }

	for i, n := 0, g.count(6, model.MaxBodies); i < n; i++ {
		b := model.Body{ID: ids("b", n+1), Name: pick(g, fuzzTexts), Kind: pick(g, fuzzKinds), Format: pick(g, fuzzForms),
			Meetings: g.n(62), MeetingsPerDay: g.n(4), Interpretation: g.yes(), Webcast: g.yes(), Informal: g.yes(), AdHoc: g.yes()}
		for j, m := 0, g.count(3, model.MaxStartTimes); j < m; j++ {
			b.StartTimes = append(b.StartTimes, pick(g, fuzzClocks))
		}
		s.Bodies = append(s.Bodies, b)
	}
	for i, n := 0, g.count(2, model.MaxRotations); i < n; i++ {
		r := model.Rotation{ID: ids("r", n+1)}
		for j, m := 0, g.count(4, model.MaxBodies); j < m; j++ {
			r.Bodies = append(r.Bodies, ids("b", len(s.Bodies)+1))
		}
		s.Rotations = append(s.Rotations, r)
	}
	for i, n := 0, g.count(6, model.MaxBlocks); i < n; i++ {
		b := model.Block{ID: ids("k", n+1), Arrangement: pick(g, []model.Arrangement{model.Consecutive, model.Parallel, "stacked"})}
		if g.yes() {
			b.Venue = pick(g, venues)
		} else {
			for j, m := 0, g.count(3, model.MaxBlocks); j < m; j++ {
				b.Venues = append(b.Venues, pick(g, venues))
			}
		}
		if g.yes() {
			b.Month, b.Week = g.n(14), g.n(7)
		}
		// Dates cluster near one another, so blocks overlap.
		for j, m := 0, g.count(4, model.MaxDates); j < m; j++ {
			b.Dates = append(b.Dates, start.AddDate(0, 0, g.n(60)*g.n(3)+365*g.n(s.Horizon.Years+2)-g.n(2)).Format(time.DateOnly))
		}
		for j, m := 0, g.count(2, model.MaxCycleYears); j < m; j++ {
			b.Years = append(b.Years, g.n(12))
		}
		if g.yes() {
			b.EveryYears = g.n(5)
		}
		if g.yes() {
			b.FromYear = start.Year() + g.n(8) - 2
		}
		for j, m := 0, g.count(4, model.MaxSessionsInBlock); j < m; j++ {
			ss := model.Session{}
			if g.yes() {
				ss.Body = ids("b", len(s.Bodies)+1)
			}
			if g.yes() {
				ss.Rotation = ids("r", len(s.Rotations)+1)
				ss.Take = g.n(4)
			}
			if g.yes() {
				ss.Meetings = g.n(62)
			}
			if g.yes() {
				ss.Format = pick(g, fuzzForms)
			}
			b.Sessions = append(b.Sessions, ss)
		}
		s.Blocks = append(s.Blocks, b)
	}
	for i, n := 0, g.count(3, model.MaxBands); i < n; i++ {
		s.BurdenBands = append(s.BurdenBands, model.Band{Name: pick(g, fuzzBands), From: pick(g, fuzzClocks), To: pick(g, fuzzClocks), Weight: float64(g.n(12)) - 1})
	}
	for i, n := 0, g.count(2, model.MaxAssumptions); i < n; i++ {
		s.Assumptions = append(s.Assumptions, model.Override{Key: pick(g, []string{"", "dsa.NYC", "no.such.rate"}), Value: float64(g.n(2000)) - 1})
	}
	return s
}

// FuzzScenarioStructure builds whole scenarios from the fuzzer's bytes and
// checks that: the file written for one reads back the same; validation's
// report stays within its bounds; a scenario that validates evaluates
// within the meeting limit, and one that does not is refused.
//
//	go test ./internal/plan -run '^$' -fuzz FuzzScenarioStructure -fuzztime 10m -parallel 1
func FuzzScenarioStructure(f *testing.F) {
	ref, err := refdata.Default()
	if err != nil {
		f.Fatal(err)
	}
	venues := ref.VenueCodes()
	f.Add([]byte{})
	f.Add(bytes.Repeat([]byte{1}, 64))
	f.Add(bytes.Repeat([]byte{3, 7, 200, 1, 0, 9}, 80))
	f.Add(bytes.Repeat([]byte{254, 1, 2}, 100))
	files, _ := filepath.Glob("testdata/fuzz-seeds/*.bin")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s := fuzzScenario(data, venues)
		enc, err := store.Encode(s)
		if err != nil {
			t.Fatalf("a built scenario does not encode: %v", err)
		}
		back, err := store.Decode(enc)
		if err != nil {
			t.Fatalf("a written scenario does not read back: %v\n%.2000s", err, enc)
		}
		if again, _ := store.Encode(back); !bytes.Equal(enc, again) {
			t.Fatalf("the file changed on the way back:\n%.2000s\n%.2000s", enc, again)
		}
		ps := back.Validate(venues)
		if len(ps) > model.MaxProblems+20 {
			t.Fatalf("%d problems reported", len(ps))
		}
		for _, p := range ps {
			if len(p.String()) > 4000 {
				t.Fatalf("a message of %d bytes: %.300s", len(p.String()), p)
			}
		}
		r, err := Evaluate(back, ref, Options{})
		if len(ps) > 0 {
			if err == nil {
				t.Fatalf("an invalid scenario evaluated: %v", ps)
			}
			return
		}
		if err != nil {
			t.Fatalf("a valid scenario failed to evaluate: %v\n%.2000s", err, enc)
		}
		if n := len(r.Schedule.Meetings); n > model.MaxTotalMeetings {
			t.Fatalf("%d meetings, over the limit %d", n, model.MaxTotalMeetings)
		}
	})
}
