// Package settings holds the user's choices that outlive a session (theme,
// language, scale, burden bands, default delegation, price year, window
// size, recent files, whether the welcome was seen)
// as typed values over fyne.Preferences, so that no screen reads a raw key
// and every default is written once, here.
package settings

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"mechplan/internal/model"
	"mechplan/internal/msg"
)

// Store is the part of fyne.Preferences the settings use. Naming the
// methods, rather than taking fyne.Preferences, lets tests pass an
// in-memory map and keeps this package free of the UI toolkit.
type Store interface {
	StringWithFallback(key, fallback string) string
	SetString(key, value string)
	IntWithFallback(key string, fallback int) int
	SetInt(key string, value int)
	FloatWithFallback(key string, fallback float64) float64
	SetFloat(key string, value float64)
	StringListWithFallback(key string, fallback []string) []string
	SetStringList(key string, value []string)
}

// Theme is the colour scheme the user picked.
type Theme string

// The colour schemes on offer.
const (
	ThemeSystem Theme = "system" // follow the operating system
	ThemeLight  Theme = "light"
	ThemeDark   Theme = "dark"
)

// Themes lists the choices in the order the settings screen offers them.
var Themes = []Theme{ThemeSystem, ThemeLight, ThemeDark}

// Label is the theme's name on screen.
func (t Theme) Label() string {
	switch t {
	case ThemeLight:
		return "Light"
	case ThemeDark:
		return "Dark"
	default:
		return "Follow system"
	}
}

// Defaults written once. The window fits a 1280×800 screen with room for
// the desktop's own bars.
const (
	DefaultWidth      = 1200
	DefaultHeight     = 740
	MinWidth          = 640
	MinHeight         = 420
	DefaultDelegation = "" // none: the user picks a state on first use
	DefaultTravellers = 2  // Chile's delegation of two, the common small-mission case
	MaxTravellers     = 50
	MaxRecent         = 8
	MinPriceYear      = 2000
	MaxPriceYear      = 2100
)

// Keys in the preferences file; changing one loses the users' settings.
const (
	keyTheme      = "theme"
	keyBands      = "burden.bands"
	keyHours      = "optimiser.hours"
	keyDelegation = "delegation.iso3"
	keyTravellers = "delegation.travellers"
	keyPriceYear  = "currency.price_year"
	keyWidth      = "window.width"
	keyHeight     = "window.height"
	keyRecent     = "files.recent"
	keyLanguage   = "language"
	keyScale      = "appearance.scale_percent"
	keyWelcomed   = "welcome.seen"
)

// Settings reads and writes the user's settings.
type Settings struct {
	store Store
	// defaultPriceYear is the reference data's price year, used until the
	// user picks another.
	defaultPriceYear int
}

// New wraps a preferences store. defaultPriceYear is the price year of the
// reference rates (the figure shown until the user changes it).
func New(store Store, defaultPriceYear int) *Settings {
	return &Settings{store: store, defaultPriceYear: defaultPriceYear}
}

// Theme returns the chosen colour scheme.
func (s *Settings) Theme() Theme {
	t := Theme(s.store.StringWithFallback(keyTheme, string(ThemeSystem)))
	if !slices.Contains(Themes, t) {
		return ThemeSystem
	}
	return t
}

// SetTheme stores the colour scheme.
func (s *Settings) SetTheme(t Theme) error {
	if !slices.Contains(Themes, t) {
		return fmt.Errorf("theme %q: use system, light or dark", t)
	}
	s.store.SetString(keyTheme, string(t))
	return nil
}

// Bands returns the user's burden bands, or nil for the product's defaults
// (night 00:00–06:00, unsociable 06:00–08:00 and 20:00–24:00).
func (s *Settings) Bands() []model.Band {
	raw := s.store.StringListWithFallback(keyBands, nil)
	var out []model.Band
	for _, r := range raw {
		b, err := parseBand(r)
		if err != nil {
			// A damaged entry falls back to the defaults rather than
			// computing with half a set of bands.
			return nil
		}
		out = append(out, b)
	}
	return out
}

// SetBands stores burden bands; nil restores the defaults.
func (s *Settings) SetBands(bands []model.Band) error {
	raw := make([]string, len(bands))
	for i, b := range bands {
		if err := CheckBand(b); err != nil {
			return bandErr(i+1, err)
		}
		raw[i] = strings.Join([]string{b.Name, b.From, b.To, strconv.FormatFloat(b.Weight, 'g', -1, 64)}, "|")
	}
	if len(raw) > model.MaxBands {
		return msg.New("problem.band_count", "at most {{.Max}} bands, got {{.Got}}", "Max", model.MaxBands, "Got", len(raw)).Err()
	}
	s.store.SetStringList(keyBands, raw)
	return nil
}

// CheckBand reports what is wrong with a band, with the allowed values.
func CheckBand(b model.Band) error {
	if b.Name != model.BandNight && b.Name != model.BandUnsociable {
		return msg.New("problem.band", "{{.V}} is not a band; use {{.A}} or {{.B}}", "V", model.QuotedMsg(b.Name), "A", model.BandNight, "B", model.BandUnsociable).Err()
	}
	from, err := model.ParseClock(b.From)
	if err != nil {
		return endErr("from", err)
	}
	to, err := model.ParseClock(b.To)
	if err != nil {
		return endErr("to", err)
	}
	if from == to {
		return msg.New("problem.band_same", "from and to must differ ({{.From}})", "From", b.From).Err()
	}
	if b.Weight < 0 || b.Weight > model.MaxBandWeight || b.Weight != b.Weight {
		return msg.New("problem.band_weight", "weight must be between 0 and {{.Max}}, got {{.Got}}", "Max", model.MaxBandWeight, "Got", b.Weight).Err()
	}
	return nil
}

// bandErr is a band's problem with its number, by code (problem.settings_band).
func bandErr(n int, err error) error {
	m, ok := msg.Of(err)
	if !ok {
		return fmt.Errorf("band %d: %w", n, err)
	}
	return msg.New("problem.settings_band", "band {{.N}}: {{.Msg}}", "N", n, "Msg", m).Err()
}

// endErr is a problem with one end of a band (from, to), by code
// (problem.band_end).
func endErr(end string, err error) error {
	m, ok := msg.Of(err)
	if !ok {
		return fmt.Errorf("%s: %w", end, err)
	}
	return msg.New("problem.band_end", "{{.End}}: {{.Msg}}", "End", msg.Message{Code: "problem.band_end." + end, English: end}, "Msg", m).Err()
}

func parseBand(r string) (model.Band, error) {
	f := strings.Split(r, "|")
	if len(f) != 4 {
		return model.Band{}, fmt.Errorf("band %q: want name|from|to|weight", r)
	}
	w, err := strconv.ParseFloat(f[3], 64)
	if err != nil {
		return model.Band{}, err
	}
	b := model.Band{Name: f[0], From: f[1], To: f[2], Weight: w}
	return b, CheckBand(b)
}

// Delegation returns the ISO3 code of the user's own delegation, or "".
func (s *Settings) Delegation() string {
	return s.store.StringWithFallback(keyDelegation, DefaultDelegation)
}

// SetDelegation stores the user's delegation (an ISO3 code, or "" for none).
func (s *Settings) SetDelegation(iso3 string) {
	s.store.SetString(keyDelegation, iso3)
}

// Travellers returns how many people the user's delegation sends.
func (s *Settings) Travellers() int {
	n := s.store.IntWithFallback(keyTravellers, DefaultTravellers)
	if n < 1 || n > MaxTravellers {
		return DefaultTravellers
	}
	return n
}

// SetTravellers stores the size of the user's delegation.
func (s *Settings) SetTravellers(n int) error {
	if n < 1 || n > MaxTravellers {
		return fmt.Errorf("travellers must be between 1 and %d, got %d", MaxTravellers, n)
	}
	s.store.SetInt(keyTravellers, n)
	return nil
}

// PriceYear returns the year whose prices money figures are shown in.
func (s *Settings) PriceYear() int {
	y := s.store.IntWithFallback(keyPriceYear, s.defaultPriceYear)
	if y < MinPriceYear || y > MaxPriceYear {
		return s.defaultPriceYear
	}
	return y
}

// SetPriceYear stores the currency price year.
func (s *Settings) SetPriceYear(y int) error {
	if y < MinPriceYear || y > MaxPriceYear {
		return fmt.Errorf("price year must be between %d and %d, got %d", MinPriceYear, MaxPriceYear, y)
	}
	s.store.SetInt(keyPriceYear, y)
	return nil
}

// WindowSize returns the last window size, at least the minimum.
func (s *Settings) WindowSize() (w, h float32) {
	w = float32(s.store.FloatWithFallback(keyWidth, DefaultWidth))
	h = float32(s.store.FloatWithFallback(keyHeight, DefaultHeight))
	return max(w, MinWidth), max(h, MinHeight)
}

// SetWindowSize remembers the window size for the next start.
func (s *Settings) SetWindowSize(w, h float32) {
	s.store.SetFloat(keyWidth, float64(max(w, MinWidth)))
	s.store.SetFloat(keyHeight, float64(max(h, MinHeight)))
}

// Recent returns recently used scenario files, newest first.
func (s *Settings) Recent() []string {
	return s.store.StringListWithFallback(keyRecent, nil)
}

// AddRecent puts a file at the top of the recent list, without repeats.
func (s *Settings) AddRecent(path string) {
	list := []string{path}
	for _, p := range s.Recent() {
		if p != path && len(list) < MaxRecent {
			list = append(list, p)
		}
	}
	s.store.SetStringList(keyRecent, list)
}

// RemoveRecent drops a file from the recent list (deleted or moved away).
func (s *Settings) RemoveRecent(path string) {
	var list []string
	for _, p := range s.Recent() {
		if p != path {
			list = append(list, p)
		}
	}
	s.store.SetStringList(keyRecent, list)
}

// Languages are the interface languages a user may force, by language
// code; "" follows the system. internal/i18n offers the same list (a test
// checks it), kept here as codes so that settings need no UI package.
var Languages = []string{"", "en", "fr", "es", "ru", "zh"}

// Language returns the language code the user forced, or "" to follow
// the system.
func (s *Settings) Language() string {
	l := s.store.StringWithFallback(keyLanguage, "")
	if !slices.Contains(Languages, l) {
		return ""
	}
	return l
}

// SetLanguage stores the interface language; "" follows the system.
func (s *Settings) SetLanguage(code string) error {
	if !slices.Contains(Languages, code) {
		return fmt.Errorf("language %q: use en, fr, es, ru, zh, or none to follow the system", code)
	}
	s.store.SetString(keyLanguage, code)
	return nil
}

// Scales are the sizes the interface can be drawn at, in per cent of
// Fyne's own; the settings offer them in this order.
var Scales = []int{90, 100, 110, 125, 150, 175, 200}

// DefaultScale draws the interface at Fyne's size (itself following the
// system's scale factor).
const DefaultScale = 100

// Scale returns the interface's size in per cent.
func (s *Settings) Scale() int {
	p := s.store.IntWithFallback(keyScale, DefaultScale)
	if !slices.Contains(Scales, p) {
		return DefaultScale
	}
	return p
}

// SetScale stores the interface's size, one of Scales.
func (s *Settings) SetScale(percent int) error {
	if !slices.Contains(Scales, percent) {
		return fmt.Errorf("scale %d%%: use one of %v", percent, Scales)
	}
	s.store.SetInt(keyScale, percent)
	return nil
}

// Welcomed reports whether the user has seen the welcome, which the app
// shows on its first start.
func (s *Settings) Welcomed() bool { return s.store.IntWithFallback(keyWelcomed, 0) == 1 }

// SetWelcomed records that the welcome was seen.
func (s *Settings) SetWelcomed() { s.store.SetInt(keyWelcomed, 1) }

// Hours returns the stretch of the venue's day the optimiser may use,
// "HH:MM-HH:MM" in venue time, or the zero window for the venues' own
// service windows.
func (s *Settings) Hours() model.Window {
	raw := s.store.StringWithFallback(keyHours, "")
	a, b, ok := strings.Cut(raw, "-")
	w := model.Window{From: a, To: b}
	if !ok {
		return model.Window{}
	}
	if _, _, err := w.Minutes(); err != nil {
		return model.Window{}
	}
	return w
}

// SetHours stores the optimiser's window; the zero window restores the
// venues' own.
func (s *Settings) SetHours(w model.Window) error {
	if w.IsZero() {
		s.store.SetString(keyHours, "")
		return nil
	}
	if _, _, err := w.Minutes(); err != nil {
		return err
	}
	s.store.SetString(keyHours, w.From+"-"+w.To)
	return nil
}
