package ics

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"mechplan/internal/export/exporttest"
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
	s.Name = "Côte d'Ivoire; Türkiye, São Tomé\\Príncipe\nproposal " + strings.Repeat("é", 60)
	r2 := *r
	r2.Scenario = s
	c := exporttest.Compare(t, &r2)
	lines := unfold(t, Encode(c))
	found := false
	for _, l := range lines {
		if strings.HasPrefix(l, "SUMMARY:") {
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
