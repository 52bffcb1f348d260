package model

import (
	"math"
	"strings"
	"testing"
)

func TestValidateBurdenBands(t *testing.T) {
	cases := []struct {
		name string
		band Band
		path string
		want string // "" when the band is valid
	}{
		{"default night", Band{Name: BandNight, From: "00:00", To: "06:00", Weight: 3}, "", ""},
		{"wraps midnight", Band{Name: BandNight, From: "22:00", To: "06:00", Weight: 3}, "", ""},
		{"ends at midnight", Band{Name: BandUnsociable, From: "20:00", To: "00:00", Weight: 1}, "", ""},
		{"unknown name", Band{Name: "evening", From: "20:00", To: "22:00", Weight: 1}, "burden_bands[0].name", `"evening" is not a band; use night or unsociable`},
		{"bad from", Band{Name: BandNight, From: "24:00", To: "06:00", Weight: 1}, "burden_bands[0].from", "HH:MM"},
		{"bad to", Band{Name: BandNight, From: "00:00", To: "6", Weight: 1}, "burden_bands[0].to", "HH:MM"},
		{"empty band", Band{Name: BandNight, From: "06:00", To: "06:00", Weight: 1}, "burden_bands[0].to", "must differ from from (06:00)"},
		{"negative weight", Band{Name: BandNight, From: "00:00", To: "06:00", Weight: -1}, "burden_bands[0].weight", "must be between 0 and 100"},
		{"NaN weight", Band{Name: BandNight, From: "00:00", To: "06:00", Weight: math.NaN()}, "burden_bands[0].weight", "must be between 0 and 100"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := valid()
			s.BurdenBands = []Band{c.band}
			ps := s.Validate(venues)
			if c.want == "" {
				if len(ps) > 0 {
					t.Fatal(ps)
				}
				return
			}
			for _, p := range ps {
				if p.Path == c.path && strings.Contains(p.Message, c.want) {
					return
				}
			}
			t.Fatalf("want %s: ...%s...; got:\n%v", c.path, c.want, ps)
		})
	}
	s := valid()
	s.BurdenBands = make([]Band, MaxBands+1)
	for i := range s.BurdenBands {
		s.BurdenBands[i] = Band{Name: BandNight, From: "00:00", To: "01:00", Weight: 1}
	}
	if ps := s.Validate(venues); len(ps) != 1 || ps[0].Path != "burden_bands" {
		t.Fatalf("want one problem at burden_bands, got %v", ps)
	}
	c := s.Clone()
	c.BurdenBands[0].Weight = 9
	if s.BurdenBands[0].Weight != 1 {
		t.Fatal("Clone shares burden_bands")
	}
}

func TestValidateMeetingWindow(t *testing.T) {
	for _, c := range []struct {
		w    Window
		want string
	}{
		{Window{From: "07:00", To: "21:00"}, ""},
		{Window{From: "06:00", To: "24:00"}, ""},
		{Window{From: "20:00", To: "08:00"}, "the window must end after it starts"},
		{Window{From: "7am", To: "21:00"}, "is not a time of day HH:MM"},
	} {
		s := valid()
		s.MeetingWindow = c.w
		ps := s.Validate(venues)
		if c.want == "" && len(ps) > 0 || c.want != "" && (len(ps) != 1 || ps[0].Path != "meeting_window" || !strings.Contains(ps[0].Message, c.want)) {
			t.Errorf("%+v: problems %v, want %q", c.w, ps, c.want)
		}
	}
}
