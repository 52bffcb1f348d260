package schedule

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"mechplan/internal/model"
	"mechplan/internal/refdata"
	"mechplan/internal/store"
)

func ref(t testing.TB) *refdata.Data {
	t.Helper()
	d, err := refdata.Default()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func body(id string, meetings int, f model.Format) model.Body {
	return model.Body{ID: id, Name: id, Kind: model.ThematicGroup, Meetings: meetings, Format: f, Interpretation: true}
}

func scenario(years, cycle int, bodies []model.Body, blocks ...model.Block) *model.Scenario {
	return &model.Scenario{Version: model.FormatVersion, ID: "t", Name: "T", Horizon: model.Horizon{Start: "2026-01-01", Years: years},
		CycleYears: cycle, Bodies: bodies, Blocks: blocks}
}

func sessions(ids ...string) []model.Session {
	out := make([]model.Session, len(ids))
	for i, id := range ids {
		out[i] = model.Session{Body: id}
	}
	return out
}

// slots renders each meeting as "body date HH:MM venue".
func slots(s *Schedule) []string {
	out := make([]string, len(s.Meetings))
	for i, m := range s.Meetings {
		out[i] = fmt.Sprintf("%s %s %s %s", m.Body, m.Start.Format("2006-01-02 Mon 15:04"), m.End.Format("15:04"), m.Venue)
	}
	return out
}

func build(t *testing.T, s *model.Scenario) *Schedule {
	t.Helper()
	sch, err := Build(s, ref(t))
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func expect(t *testing.T, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestConsecutiveAndParallelBlocks(t *testing.T) {
	bodies := []model.Body{body("a", 3, model.InPerson), body("b", 3, model.InPerson)}
	// The second week of March 2026 starts on Monday 9 March.
	blk := model.Block{ID: "x", Venue: "NYC", Month: 3, Week: 2, Years: nil, Arrangement: model.Consecutive, Sessions: sessions("a", "b")}
	cons := build(t, scenario(1, 1, bodies, blk))
	expect(t, slots(cons),
		"a 2026-03-09 Mon 10:00 13:00 NYC",
		"a 2026-03-09 Mon 15:00 18:00 NYC",
		"a 2026-03-10 Tue 10:00 13:00 NYC",
		"b 2026-03-10 Tue 15:00 18:00 NYC", // a half day shared with a
		"b 2026-03-11 Wed 10:00 13:00 NYC",
		"b 2026-03-11 Wed 15:00 18:00 NYC")
	tot := cons.HorizonTotals().Totals
	if tot.MeetingDays != 3 || tot.BodyDays != 3 || tot.MaxParallel != 1 || tot.Meetings != 6 || tot.Blocks != 1 {
		t.Fatalf("consecutive totals %+v", tot)
	}

	blk.Arrangement = model.Parallel
	par := build(t, scenario(1, 1, bodies, blk))
	expect(t, slots(par),
		"a 2026-03-09 Mon 10:00 13:00 NYC",
		"a 2026-03-09 Mon 15:00 18:00 NYC",
		"a 2026-03-10 Tue 10:00 13:00 NYC",
		"b 2026-03-09 Mon 10:00 13:00 NYC",
		"b 2026-03-09 Mon 15:00 18:00 NYC",
		"b 2026-03-10 Tue 10:00 13:00 NYC")
	tot = par.HorizonTotals().Totals
	if tot.MeetingDays != 2 || tot.BodyDays != 3 || tot.MaxParallel != 2 || tot.Meetings != 6 {
		t.Fatalf("parallel totals %+v", tot)
	}
	if par.Meetings[3].Track != 1 || cons.Meetings[3].Track != 0 {
		t.Fatal("tracks: parallel sessions get their own room")
	}
}

func TestBlockSpanningAWeekendAndAHoliday(t *testing.T) {
	bodies := []model.Body{body("p", 10, model.InPerson)}
	// Wednesday 1 April 2026: Good Friday (3 April) closes Headquarters,
	// then the weekend; the five days are Wed, Thu, Mon, Tue, Wed.
	sch := build(t, scenario(1, 1, bodies, model.Block{ID: "x", Venue: "NYC", Dates: []string{"2026-04-01"}, Arrangement: model.Consecutive, Sessions: sessions("p")}))
	var days []string
	for _, m := range sch.Meetings {
		if d := m.Start.Format("Mon 02"); len(days) == 0 || days[len(days)-1] != d {
			days = append(days, d)
		}
	}
	expect(t, days, "Wed 01", "Thu 02", "Mon 06", "Tue 07", "Wed 08")
	if n := sch.HorizonTotals().MeetingDays; n != 5 {
		t.Fatalf("meeting days %d", n)
	}
	// A block asked to start on the holiday starts on the next working day.
	sch = build(t, scenario(1, 1, bodies, model.Block{ID: "x", Venue: "NYC", Dates: []string{"2026-04-03"}, Arrangement: model.Consecutive, Sessions: sessions("p")}))
	if got := sch.Meetings[0].Start.Format(time.DateOnly); got != "2026-04-06" {
		t.Fatalf("first meeting on %s", got)
	}
	if len(sch.Conflicts) != 1 || sch.Conflicts[0].Kind != "moved" || !strings.Contains(sch.Conflicts[0].Message, "Good Friday") {
		t.Fatalf("conflicts %+v", sch.Conflicts)
	}
}

func TestVenueAndAgendaRotation(t *testing.T) {
	var bodies []model.Body
	for i := 1; i <= 5; i++ {
		bodies = append(bodies, body(fmt.Sprint("tg", i), 2, model.InPerson))
	}
	s := scenario(3, 1, bodies, model.Block{ID: "x", Venues: []string{"GVA", "NBO", "VIE"}, Month: 5, Week: 2, Arrangement: model.Consecutive,
		Sessions: []model.Session{{Rotation: "r", Take: 3}}})
	s.Rotations = []model.Rotation{{ID: "r", Bodies: []string{"tg1", "tg2", "tg3", "tg4", "tg5"}}}
	sch := build(t, s)
	var got []string
	for _, b := range sch.Blocks {
		var ids []string
		for _, si := range b.Sessions {
			ids = append(ids, sch.Sessions[si].Body)
		}
		got = append(got, fmt.Sprintf("%d %s %s", b.Start.Year(), b.Venue, strings.Join(ids, ",")))
	}
	expect(t, got, "2026 GVA tg1,tg2,tg3", "2027 NBO tg4,tg5,tg1", "2028 VIE tg2,tg3,tg4")
	if z := sch.Meetings[0].Start.Location().String(); z != "Europe/Zurich" {
		t.Fatalf("Geneva meeting in zone %s", z)
	}
}

func TestCycleWithReviewConference(t *testing.T) {
	bodies := []model.Body{body("p", 10, model.InPerson), {ID: "rc", Name: "RevCon", Kind: model.ReviewConference, Meetings: 10, Format: model.InPerson}}
	s := scenario(10, 5, bodies,
		model.Block{ID: "plenary", Venue: "NYC", Years: []int{1, 2, 3, 4}, Month: 6, Week: 2, Arrangement: model.Consecutive, Sessions: sessions("p")},
		model.Block{ID: "review", Venue: "NYC", Years: []int{5}, Month: 6, Week: 2, Arrangement: model.Consecutive, Sessions: sessions("rc")})
	sch := build(t, s)
	var got []string
	for _, b := range sch.Blocks {
		got = append(got, fmt.Sprintf("%d %s", b.Start.Year(), b.Block))
	}
	expect(t, got, "2026 plenary", "2027 plenary", "2028 plenary", "2029 plenary", "2030 review",
		"2031 plenary", "2032 plenary", "2033 plenary", "2034 plenary", "2035 review")
	cycles := sch.CycleTotals()
	if len(cycles) != 2 || cycles[0].Label != "2026–2030" || cycles[0].MeetingDays != 25 || cycles[1].Blocks != 5 {
		t.Fatalf("cycles %+v", cycles)
	}
}

func TestHalfDaySessionsAndStartTimeRotation(t *testing.T) {
	v := body("v", 3, model.Virtual)
	v.StartTimes = []string{"07:00", "13:00"}
	s := scenario(1, 1, []model.Body{v}, model.Block{ID: "x", Venue: "NYC", Dates: []string{"2026-02-02", "2026-03-02"}, Arrangement: model.Consecutive, Sessions: sessions("v")})
	sch := build(t, s)
	expect(t, slots(sch),
		"v 2026-02-02 Mon 07:00 10:00 NYC",
		"v 2026-02-02 Mon 12:00 15:00 NYC",
		"v 2026-02-03 Tue 07:00 10:00 NYC",
		"v 2026-03-02 Mon 13:00 16:00 NYC",
		"v 2026-03-02 Mon 18:00 21:00 NYC",
		"v 2026-03-03 Tue 13:00 16:00 NYC")
	tot := sch.HorizonTotals().Totals
	if tot.BodyDays != 3 || tot.MeetingDays != 4 || tot.VirtualDays != 4 || tot.InPersonDays != 0 {
		t.Fatalf("totals %+v", tot)
	}
}

func TestOneMeetingADay(t *testing.T) {
	v := body("v", 3, model.Virtual)
	v.MeetingsPerDay = 1
	sch := build(t, scenario(1, 1, []model.Body{v}, model.Block{ID: "x", Venue: "GVA", Dates: []string{"2026-02-05"}, Arrangement: model.Consecutive, Sessions: sessions("v")}))
	expect(t, slots(sch),
		"v 2026-02-05 Thu 10:00 13:00 GVA",
		"v 2026-02-06 Fri 10:00 13:00 GVA",
		"v 2026-02-09 Mon 10:00 13:00 GVA")
	if bd := sch.HorizonTotals().BodyDays; bd != 3 {
		t.Fatalf("body-days %v", bd)
	}
}

func TestConflicts(t *testing.T) {
	bodies := []model.Body{body("p", 10, model.InPerson)}
	s := scenario(1, 1, bodies,
		model.Block{ID: "a", Venue: "NYC", Dates: []string{"2026-09-21"}, Arrangement: model.Consecutive, Sessions: sessions("p")},
		model.Block{ID: "b", Venue: "GVA", Dates: []string{"2026-09-24"}, Arrangement: model.Consecutive, Sessions: sessions("p")})
	sch := build(t, s)
	var kinds []string
	for _, c := range sch.Conflicts {
		kinds = append(kinds, c.Kind)
	}
	// Both blocks touch 2026's high-level week (21 to 25 September) and overlap each other.
	expect(t, kinds, "overlap", "high-level week", "high-level week")
	// Geneva's 15:00–18:00 (13:00–16:00 UTC in September) overlaps New
	// York's 10:00–13:00 (14:00–17:00 UTC): a delegation needs two people.
	if n := sch.HorizonTotals().MaxParallel; n != 2 {
		t.Fatalf("max parallel %d, want 2", n)
	}
}

func TestHighLevelWeek(t *testing.T) {
	for year, want := range map[int]string{2023: "2023-09-18", 2024: "2024-09-23", 2025: "2025-09-22", 2026: "2026-09-21"} {
		mon, fri := HighLevelWeek(year)
		if got := mon.Format(time.DateOnly); got != want || fri.Sub(mon) != 4*24*time.Hour {
			t.Errorf("%d: high-level week starts %s, want %s", year, got, want)
		}
	}
}

func TestPlacement(t *testing.T) {
	cases := []struct {
		y, m, w int
		want    string
	}{{2026, 3, 1, "2026-03-02"}, {2026, 3, 2, "2026-03-09"}, {2026, 6, 1, "2026-06-01"}, {2026, 9, 5, "2026-09-28"}, {2026, 11, 5, "2026-11-30"}, {2029, 9, 5, "2029-09-24"}}
	for _, c := range cases {
		if got := placement(c.y, time.Month(c.m), c.w).Format(time.DateOnly); got != c.want {
			t.Errorf("%d-%02d week %d: %s, want %s", c.y, c.m, c.w, got, c.want)
		}
	}
}

// No meeting of any built-in falls on a weekend or a holiday of its venue,
// and every meeting lasts three hours.
func TestBuiltInsMeetOnWorkingDays(t *testing.T) {
	all, err := store.BuiltIns()
	if err != nil {
		t.Fatal(err)
	}
	r := ref(t)
	for _, b := range all {
		sch, err := Build(b.Scenario, r)
		if err != nil {
			t.Fatalf("%s: %v", b.File, err)
		}
		for _, m := range sch.Meetings {
			v, _ := r.Venue(m.Venue)
			d := m.Start.Format(time.DateOnly)
			if wd := m.Start.Weekday(); wd == time.Saturday || wd == time.Sunday {
				t.Errorf("%s: meeting on %s (%s)", b.Scenario.ID, d, wd)
			}
			if name, closed := v.HolidayOn(d); closed {
				t.Errorf("%s: meeting on %s, %s at %s", b.Scenario.ID, d, name, m.Venue)
			}
			if m.End.Sub(m.Start) != 3*time.Hour || m.Start.Location() != v.Location() {
				t.Errorf("%s: meeting %s to %s", b.Scenario.ID, m.Start, m.End)
			}
		}
	}
}

func BenchmarkBuildLibrary(b *testing.B) {
	all, err := store.BuiltIns()
	if err != nil {
		b.Fatal(err)
	}
	r := ref(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range all {
			if _, err := Build(s.Scenario, r); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestFirstCommitteePeriod places a New York block in the First
// Committee's main session of 2026 (5 October to 6 November, projected)
// and a Geneva block in the same week: only New York's is a conflict, it
// names the period, and the nearest free start is two weeks earlier
// (28 September: the week before is in the session, the one before that
// the high-level week's successor, which is free and nearer than
// 9 November).
func TestFirstCommitteePeriod(t *testing.T) {
	bodies := []model.Body{body("p", 10, model.InPerson)}
	s := scenario(1, 1, bodies,
		model.Block{ID: "ny", Venue: "NYC", Dates: []string{"2026-10-12"}, Arrangement: model.Consecutive, Sessions: sessions("p")},
		model.Block{ID: "gva", Venue: "GVA", Dates: []string{"2026-06-08"}, Arrangement: model.Consecutive, Sessions: sessions("p")},
		model.Block{ID: "gva2", Venue: "GVA", Dates: []string{"2026-10-19"}, Arrangement: model.Consecutive, Sessions: sessions("p")})
	sch := build(t, s)
	var got []string
	for _, c := range sch.Conflicts {
		if c.Kind == "calendar period" {
			got = append(got, c.Message)
		}
	}
	want := "block ny (NYC, 2026-10-12 to 2026-10-16) falls in the First Committee's main session (2026-10-05 to 2026-11-06); the nearest free start is 2026-09-28"
	if len(got) != 1 || got[0] != want {
		t.Fatalf("calendar conflicts %q, want exactly %q", got, want)
	}
}

// TestBuiltInsClearOfTheFirstCommittee: every built-in New York block
// that touches the First Committee's main session is reported as a
// calendar conflict naming it, and since the October blocks were moved
// to November no built-in has one.
func TestBuiltInsClearOfTheFirstCommittee(t *testing.T) {
	bis, err := store.BuiltIns()
	if err != nil {
		t.Fatal(err)
	}
	r := ref(t)
	for _, bi := range bis {
		sch, err := Build(bi.Scenario, r)
		if err != nil {
			t.Fatal(err)
		}
		for _, br := range sch.Blocks {
			first, last := civil(br.Start), civil(br.End)
			for _, p := range r.BlackoutsAt(br.Venue, first, last) {
				if p.Kind != "first_committee" {
					continue
				}
				prefix := fmt.Sprintf("block %s (%s, %s to ", br.Block, br.Venue, first.Format(time.DateOnly))
				found := false
				for _, c := range sch.Conflicts {
					found = found || (c.Kind == "calendar period" && strings.HasPrefix(c.Message, prefix) && strings.Contains(c.Message, p.Name))
				}
				if !found {
					t.Errorf("%s: block %s meets in the First Committee's session without a conflict", bi.Scenario.ID, br.Block)
				}
				t.Errorf("%s: block %s (%s) still meets in the First Committee's main session", bi.Scenario.ID, br.Block, first.Format(time.DateOnly))
			}
		}
	}
}

// TestConflictsAreCapped: 60 blocks on the same day overlap in 1,770
// pairs; the first MaxConflicts are listed, the rest counted exactly.
func TestConflictsAreCapped(t *testing.T) {
	var s Schedule
	day := time.Date(2027, 3, 2, 10, 0, 0, 0, time.UTC)
	for i := 0; i < 60; i++ {
		s.Blocks = append(s.Blocks, BlockRun{Block: fmt.Sprintf("b%d", i), Venue: "NYC", Start: day, End: day.Add(time.Hour)})
	}
	s.findConflicts(ref(t))
	if len(s.Conflicts) != MaxConflicts || s.ConflictCount() != 60*59/2 {
		t.Errorf("listed %d, counted %d; want %d and %d", len(s.Conflicts), s.ConflictCount(), MaxConflicts, 60*59/2)
	}
}
