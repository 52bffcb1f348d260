package settings

import (
	"slices"
	"testing"

	"mechplan/internal/model"
)

// memory is an in-memory Store, the fake the package is tested with.
type memory struct {
	strings map[string]string
	ints    map[string]int
	floats  map[string]float64
	lists   map[string][]string
}

func newMemory() *memory {
	return &memory{strings: map[string]string{}, ints: map[string]int{}, floats: map[string]float64{}, lists: map[string][]string{}}
}

func (m *memory) StringWithFallback(k, f string) string {
	if v, ok := m.strings[k]; ok {
		return v
	}
	return f
}
func (m *memory) SetString(k, v string) { m.strings[k] = v }
func (m *memory) IntWithFallback(k string, f int) int {
	if v, ok := m.ints[k]; ok {
		return v
	}
	return f
}
func (m *memory) SetInt(k string, v int) { m.ints[k] = v }
func (m *memory) FloatWithFallback(k string, f float64) float64 {
	if v, ok := m.floats[k]; ok {
		return v
	}
	return f
}
func (m *memory) SetFloat(k string, v float64) { m.floats[k] = v }
func (m *memory) StringListWithFallback(k string, f []string) []string {
	if v, ok := m.lists[k]; ok {
		return v
	}
	return f
}
func (m *memory) SetStringList(k string, v []string) { m.lists[k] = v }

func TestDefaults(t *testing.T) {
	s := New(newMemory(), 2025)
	if s.Theme() != ThemeSystem {
		t.Errorf("theme = %q, want system", s.Theme())
	}
	if s.Bands() != nil {
		t.Errorf("bands = %v, want nil (the product's defaults)", s.Bands())
	}
	if s.PriceYear() != 2025 {
		t.Errorf("price year = %d, want the reference data's 2025", s.PriceYear())
	}
	if w, h := s.WindowSize(); w != DefaultWidth || h != DefaultHeight {
		t.Errorf("window = %v×%v", w, h)
	}
	if s.Travellers() != DefaultTravellers || s.Delegation() != "" {
		t.Errorf("delegation = %q with %d travellers", s.Delegation(), s.Travellers())
	}
}

func TestRoundTripAndRefusals(t *testing.T) {
	mem := newMemory()
	s := New(mem, 2025)
	if err := s.SetTheme(ThemeDark); err != nil {
		t.Fatal(err)
	}
	if err := s.SetTheme("purple"); err == nil {
		t.Error("theme purple accepted")
	}
	bands := []model.Band{{Name: "night", From: "23:00", To: "07:00", Weight: 3}, {Name: "unsociable", From: "07:00", To: "09:00", Weight: 1}}
	if err := s.SetBands(bands); err != nil {
		t.Fatal(err)
	}
	if err := s.SetBands([]model.Band{{Name: "night", From: "25:00", To: "06:00", Weight: 1}}); err == nil {
		t.Error("band from 25:00 accepted")
	}
	if err := s.SetBands([]model.Band{{Name: "night", From: "00:00", To: "06:00", Weight: 101}}); err == nil {
		t.Error("weight 101 accepted")
	}
	if err := s.SetPriceYear(1999); err == nil {
		t.Error("price year 1999 accepted")
	}
	if err := s.SetTravellers(0); err == nil {
		t.Error("0 travellers accepted")
	}
	s.SetDelegation("CHL")
	if err := s.SetTravellers(3); err != nil {
		t.Fatal(err)
	}
	s.SetWindowSize(100, 100)

	// A second Settings over the same store sees what the first wrote:
	// that is what survives a restart.
	again := New(mem, 2025)
	if again.Theme() != ThemeDark {
		t.Errorf("theme = %q", again.Theme())
	}
	if got := again.Bands(); !slices.Equal(got, bands) {
		t.Errorf("bands = %v, want %v", got, bands)
	}
	if again.Delegation() != "CHL" || again.Travellers() != 3 {
		t.Errorf("delegation = %q ×%d", again.Delegation(), again.Travellers())
	}
	if w, h := again.WindowSize(); w != MinWidth || h != MinHeight {
		t.Errorf("a tiny window was not raised to the minimum: %v×%v", w, h)
	}
}

func TestDamagedValuesFallBack(t *testing.T) {
	mem := newMemory()
	mem.strings[keyTheme] = "sepia"
	mem.lists[keyBands] = []string{"night|00:00|06:00|3", "garbage"}
	mem.ints[keyPriceYear] = 12
	s := New(mem, 2024)
	if s.Theme() != ThemeSystem || s.Bands() != nil || s.PriceYear() != 2024 {
		t.Errorf("damaged preferences were used: %q %v %d", s.Theme(), s.Bands(), s.PriceYear())
	}
}

func TestRecentFiles(t *testing.T) {
	s := New(newMemory(), 2025)
	for i := range MaxRecent + 3 {
		s.AddRecent(string(rune('a' + i)))
	}
	s.AddRecent("c")
	got := s.Recent()
	if len(got) != MaxRecent || got[0] != "c" || slices.Index(got[1:], "c") >= 0 {
		t.Errorf("recent = %v", got)
	}
	s.RemoveRecent("c")
	if slices.Contains(s.Recent(), "c") {
		t.Errorf("removed file still listed: %v", s.Recent())
	}
}

func TestOptimiserHours(t *testing.T) {
	s := New(newMemory(), 2026)
	if !s.Hours().IsZero() {
		t.Fatalf("default hours %+v, want the venues' own", s.Hours())
	}
	if err := s.SetHours(model.Window{From: "07:00", To: "24:00"}); err != nil {
		t.Fatal(err)
	}
	if got := s.Hours(); got.From != "07:00" || got.To != "24:00" {
		t.Errorf("hours %+v", got)
	}
	if err := s.SetHours(model.Window{From: "20:00", To: "08:00"}); err == nil {
		t.Error("a window ending before it starts was stored")
	}
	if got := s.Hours(); got.From != "07:00" {
		t.Errorf("a refused window changed the setting: %+v", got)
	}
	if err := s.SetHours(model.Window{}); err != nil || !s.Hours().IsZero() {
		t.Errorf("reset: %v %+v", err, s.Hours())
	}
}
