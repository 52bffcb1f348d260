package ics

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"mechplan/internal/export/exporttest"
	"mechplan/internal/i18n"
)

// unfold undoes RFC 5545 line folding and splits the content lines.
func unfold(t *testing.T, data []byte) []string {
	t.Helper()
	s := string(data)
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatal("calendar does not end with CRLF")
	}
	raw := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	var out []string
	for _, l := range raw {
		if strings.Contains(l, "\n") {
			t.Fatalf("bare LF inside line %q", l)
		}
		if len(l) > maxOctets {
			t.Fatalf("line of %d octets: %q", len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Fatalf("line splits a UTF-8 sequence: %q", l)
		}
		if strings.HasPrefix(l, " ") {
			out[len(out)-1] += l[1:]
			continue
		}
		out = append(out, l)
	}
	return out
}

func TestEveryMeetingIsAnEventInItsVenueZone(t *testing.T) {
	c := exporttest.BuiltIns(t, "oewg-2021-2025", "s7-rotating-venues")
	lines := unfold(t, Encode(c))
	var starts []string
	uids := map[string]bool{}
	events := 0
	for _, l := range lines {
		switch {
		case l == "BEGIN:VEVENT":
			events++
		case strings.HasPrefix(l, "UID:"):
			if uids[l] {
				t.Errorf("duplicate %s", l)
			}
			uids[l] = true
		case strings.HasPrefix(l, "DTSTART;"):
			starts = append(starts, l)
		}
	}
	var want []string
	for _, r := range c.Results {
		for _, m := range r.Schedule.Meetings {
			want = append(want, "DTSTART;TZID="+m.Start.Location().String()+":"+m.Start.Format("20060102T150405"))
		}
	}
	if events != len(want) || len(starts) != len(want) {
		t.Fatalf("%d events, %d starts, want %d meetings", events, len(starts), len(want))
	}
	for i := range want {
		if starts[i] != want[i] {
			t.Fatalf("event %d starts %q, want %q", i, starts[i], want[i])
		}
	}
	if !strings.Contains(strings.Join(starts, "\n"), "DTSTART;TZID=Europe/Zurich") &&
		!strings.Contains(strings.Join(starts, "\n"), "DTSTART;TZID=Africa/Nairobi") {
		t.Error("rotating venues scenario shows no meeting outside New York")
	}
	// Each zone an event names has its VTIMEZONE.
	text := strings.Join(lines, "\n")
	for _, s := range starts {
		tz := strings.SplitN(strings.TrimPrefix(s, "DTSTART;TZID="), ":", 2)[0]
		if !strings.Contains(text, "TZID:"+tz+"\n") {
			t.Errorf("no VTIMEZONE for %s", tz)
		}
	}
}

func TestNewYorkZoneHasTheDaylightSavingChanges(t *testing.T) {
	c := exporttest.BuiltIns(t, "global-mechanism")
	text := strings.Join(unfold(t, Encode(c)), "\n")
	// US daylight saving time began on 8 March 2026 at 02:00 EST and ends
	// on 1 November 2026 at 02:00 EDT.
	for _, want := range []string{
		"BEGIN:DAYLIGHT\nDTSTART:20260308T020000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0400\nTZNAME:EDT\nEND:DAYLIGHT",
		"BEGIN:STANDARD\nDTSTART:20261101T020000\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nTZNAME:EST\nEND:STANDARD",
		"DTSTART;TZID=America/New_York:20260720T100000",
		"DTSTAMP:20260302T000000Z",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("calendar lacks\n%s", want)
		}
	}
}

func TestTextIsEscapedAndLongLinesFolded(t *testing.T) {
	r := exporttest.BuiltIn(t, "global-mechanism")
	s := r.Scenario.Clone()
	s.Name, s.ShortName = "Côte d'Ivoire; Türkiye, São Tomé\\Príncipe\nproposal "+strings.Repeat("é", 60), ""
	r2 := *r
	r2.Scenario = s
	c := exporttest.Compare(t, &r2)
	lines := unfold(t, Encode(c))
	found := false
	for _, l := range lines {
		if strings.HasPrefix(l, "DESCRIPTION:") {
			found = true
			if !strings.Contains(l, `Côte d'Ivoire\; Türkiye\, São Tomé\\Príncipe\nproposal éé`) {
				t.Fatalf("summary not escaped: %q", l)
			}
			break
		}
	}
	if !found {
		t.Fatal("no SUMMARY")
	}
}

func TestSameInputSameBytes(t *testing.T) {
	c := exporttest.BuiltIns(t, "oewg-2021-2025", "s9-hybrid-groups")
	a, b := Encode(c), Encode(c)
	if !bytes.Equal(a, b) {
		t.Error("two encodings differ")
	}
	c2 := *c
	c2.Date = c.Date.Add(24 * time.Hour)
	if bytes.Equal(a, Encode(&c2)) {
		t.Error("DTSTAMP does not follow the comparison's date")
	}
}

func TestOffsetFormat(t *testing.T) {
	for sec, want := range map[int]string{-18000: "-0500", 19800: "+0530", 0: "+0000", 20700: "+0545", -2670: "-004430"} {
		if got := offset(sec); got != want {
			t.Errorf("offset(%d) = %s, want %s", sec, got, want)
		}
	}
}

// TestOneCalendarPerScenario: a scenario's own file holds its meetings
// only, the baseline's past meetings left out unless asked for, a short
// calendar name, the short label in the categories, and the event text in
// the language asked.
func TestOneCalendarPerScenario(t *testing.T) {
	c := exporttest.BuiltIns(t, "oewg-2021-2025", "s9-hybrid-groups")
	for i, r := range c.Results {
		lines := unfold(t, EncodeScenario(c, i, Options{}))
		events, past := 0, 0
		for _, l := range lines {
			switch {
			case l == "BEGIN:VEVENT":
				events++
			case strings.HasPrefix(l, "X-WR-CALNAME:"):
				if n := len([]rune(l)) - len("X-WR-CALNAME:"); n > maxCalName || !strings.Contains(l, r.Scenario.Label()) {
					t.Errorf("%s: calendar name %q (%d characters)", r.Scenario.ID, l, n)
				}
			case strings.HasPrefix(l, "CATEGORIES:"):
				if !strings.HasPrefix(l, "CATEGORIES:"+escape(r.Scenario.Label())+",") {
					t.Errorf("%s: %q lacks the scenario's short label", r.Scenario.ID, l)
				}
			case strings.HasPrefix(l, "UID:") && !strings.HasPrefix(l, "UID:"+r.Scenario.ID+"/"):
				t.Errorf("%s: another scenario's meeting %q", r.Scenario.ID, l)
			}
		}
		for _, m := range r.Schedule.Meetings {
			if m.Start.Before(c.Date) {
				past++
			}
		}
		want := len(r.Schedule.Meetings)
		if i == c.Baseline {
			want -= past
			if past == 0 {
				t.Error("the baseline has no past meetings: a weak test")
			}
			all := 0
			for _, l := range unfold(t, EncodeScenario(c, i, Options{Past: true})) {
				if l == "BEGIN:VEVENT" {
					all++
				}
			}
			if all != len(r.Schedule.Meetings) {
				t.Errorf("with Past: %d events, want %d", all, len(r.Schedule.Meetings))
			}
		}
		if events != want {
			t.Errorf("%s: %d events, want %d", r.Scenario.ID, events, want)
		}
	}
	if n := FileNames(c); n[0] != "oewg-2021-2025.ics" || n[1] != "s9-hybrid-groups.ics" {
		t.Errorf("file names %v", n)
	}
}

// TestCalendarInFrench writes the event text with the French words.
func TestCalendarInFrench(t *testing.T) {
	c := exporttest.BuiltIns(t, "oewg-2021-2025", "s9-hybrid-groups")
	text := strings.Join(unfold(t, EncodeScenario(c, 1, Options{Labels: i18n.Export(i18n.French)})), "\n")
	for _, want := range []string{"Scénario :", "Format : Hybride", "Heure locale"} {
		if !strings.Contains(text, want) {
			t.Errorf("French calendar lacks %q", want)
		}
	}
	for _, en := range []string{"Scenario:", "Format: ", "Interpretation into"} {
		if strings.Contains(text, en) {
			t.Errorf("French calendar still reads %q", en)
		}
	}
}
