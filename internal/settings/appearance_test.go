package settings

import "testing"

func TestLanguage(t *testing.T) {
	s := New(newMemory(), 2025)
	if s.Language() != "" {
		t.Errorf("language = %q, want \"\" (follow the system)", s.Language())
	}
	for _, l := range []string{"fr", "es", "en", ""} {
		if err := s.SetLanguage(l); err != nil {
			t.Fatalf("SetLanguage(%q): %v", l, err)
		}
		if s.Language() != l {
			t.Errorf("language = %q after setting %q", s.Language(), l)
		}
	}
	if err := s.SetLanguage("ar"); err == nil {
		t.Error("SetLanguage(ar) accepted a language not offered")
	}
	m := newMemory()
	m.strings[keyLanguage] = "klingon"
	if got := New(m, 2025).Language(); got != "" {
		t.Errorf("a damaged language reads as %q, want the system's", got)
	}
}

func TestScale(t *testing.T) {
	s := New(newMemory(), 2025)
	if s.Scale() != 100 {
		t.Errorf("scale = %d, want 100", s.Scale())
	}
	if Scales[0] != 90 || Scales[len(Scales)-1] != 200 {
		t.Errorf("scales %v: want 90%% to 200%%", Scales)
	}
	if err := s.SetScale(150); err != nil || s.Scale() != 150 {
		t.Errorf("SetScale(150): %v, scale %d", err, s.Scale())
	}
	for _, bad := range []int{0, 80, 133, 250} {
		if err := s.SetScale(bad); err == nil {
			t.Errorf("SetScale(%d) accepted", bad)
		}
	}
	m := newMemory()
	m.ints[keyScale] = 5000
	if got := New(m, 2025).Scale(); got != 100 {
		t.Errorf("a damaged scale reads as %d, want 100", got)
	}
}

func TestWelcomed(t *testing.T) {
	s := New(newMemory(), 2025)
	if s.Welcomed() {
		t.Error("a new user has seen the welcome")
	}
	s.SetWelcomed()
	if !s.Welcomed() {
		t.Error("the welcome, once seen, is not remembered")
	}
}
