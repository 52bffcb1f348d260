package ui

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"mechplan/internal/i18n"
	"mechplan/internal/settings"
	"mechplan/internal/ui/chartview"
	"mechplan/resources"
)

// Colour names of Mechplan's own elements. Every colour on screen is
// defined once, in mechTheme.Color, for both variants.
const (
	colorNight      fyne.ThemeColorName = "mechplan.night"
	colorUnsociable fyne.ThemeColorName = "mechplan.unsociable"
	colorWorking    fyne.ThemeColorName = "mechplan.working"
	colorConflict   fyne.ThemeColorName = "mechplan.conflict"
	colorGrid       fyne.ThemeColorName = "mechplan.grid"
	colorLand       fyne.ThemeColorName = "mechplan.land"
	colorSea        fyne.ThemeColorName = "mechplan.sea"
	colorCoast      fyne.ThemeColorName = "mechplan.coast"
	colorBetter     fyne.ThemeColorName = "mechplan.better"
	colorWorse      fyne.ThemeColorName = "mechplan.worse"
)

// seriesLight and seriesDark colour bodies and chart series. They are
// Okabe–Ito colours, told apart with colour-blindness; every bar also
// carries its label, so no figure is told by colour alone.
var (
	seriesLight = []color.NRGBA{{0x00, 0x72, 0xB2, 0xff}, {0xD5, 0x5E, 0x00, 0xff}, {0x00, 0x9E, 0x73, 0xff},
		{0xCC, 0x79, 0xA7, 0xff}, {0x56, 0xB4, 0xE9, 0xff}, {0xE6, 0x9F, 0x00, 0xff}, {0x66, 0x66, 0x66, 0xff}}
	seriesDark = []color.NRGBA{{0x56, 0xB4, 0xE9, 0xff}, {0xE6, 0x9F, 0x00, 0xff}, {0x2E, 0xC4, 0x9A, 0xff},
		{0xE0, 0x9C, 0xC4, 0xff}, {0x80, 0xC8, 0xF0, 0xff}, {0xF0, 0xE4, 0x42, 0xff}, {0xAA, 0xAA, 0xAA, 0xff}}
)

// mechTheme is Fyne's default theme with a variant the user may force,
// a scale the user may set, and Mechplan's own colours.
type mechTheme struct {
	fyne.Theme
	force *fyne.ThemeVariant
	// scale multiplies every size (text, padding, icons): 1 is Fyne's.
	scale float32
	// chinese puts the bundled Chinese font first, in the interface's
	// language at the time the theme was made (SetLanguage makes a new one).
	chinese bool
}

// chineseFont is Droid Sans Fallback with DejaVu Sans's Latin letters
// (resources.FontChinese).
var chineseFont = fyne.NewStaticResource("MechplanSansCJK.ttf", resources.FontChinese)

// Font draws the interface in Chinese with the bundled Droid Sans
// Fallback: Fyne tries the theme's font for each character, then its own
// Noto Sans, then the system's. Other languages get the default theme's
// font, except in the browser (platformFont), which has no system fonts.
func (t *mechTheme) Font(s fyne.TextStyle) fyne.Resource {
	if t.chinese && !s.Monospace && !s.Symbol {
		return chineseFont
	}
	return platformFont(t.Theme, s)
}

// newTheme builds the theme for the user's choice of colour scheme and
// scale (in per cent, settings.Scales).
func newTheme(choice settings.Theme, scalePercent int) *mechTheme {
	t := &mechTheme{Theme: theme.DefaultTheme(), scale: float32(scalePercent) / 100, chinese: i18n.Current() == i18n.Chinese}
	if t.scale <= 0 {
		t.scale = 1
	}
	switch choice {
	case settings.ThemeLight:
		v := theme.VariantLight
		t.force = &v
	case settings.ThemeDark:
		v := theme.VariantDark
		t.force = &v
	}
	return t
}

// Size scales every size of the default theme, so text, padding and
// icons grow together and no layout clips: the user's zoom, on top of
// the system's own scale factor.
func (t *mechTheme) Size(n fyne.ThemeSizeName) float32 {
	return t.Theme.Size(n) * t.scale
}

func (t *mechTheme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	if t.force != nil {
		return *t.force
	}
	return v
}

// Color returns the colour of a name in the forced or the system variant.
func (t *mechTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.variant(v)
	dark := v == theme.VariantDark
	pick := func(light, darkC color.NRGBA) color.Color {
		if dark {
			return darkC
		}
		return light
	}
	switch n {
	// Text colours Fyne's defaults leave under 4.5:1 against the
	// background (WCAG AA): placeholders and hint text, links and primary
	// text, and the error, warning and success messages; white text on
	// the darker light-variant fills keeps 4.5:1 too (TestTextContrast).
	case theme.ColorNamePlaceHolder:
		return pick(color.NRGBA{0x6B, 0x6B, 0x6B, 0xff}, color.NRGBA{0xB2, 0xB2, 0xB2, 0xff})
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return pick(color.NRGBA{0x15, 0x65, 0xC0, 0xff}, color.NRGBA{0x5C, 0x9D, 0xFF, 0xff})
	case theme.ColorNameForegroundOnPrimary:
		return pick(color.NRGBA{0xff, 0xff, 0xff, 0xff}, color.NRGBA{0x17, 0x17, 0x18, 0xff})
	case theme.ColorNameError:
		return pick(color.NRGBA{0xC6, 0x28, 0x28, 0xff}, color.NRGBA{0xFF, 0x6B, 0x6B, 0xff})
	case theme.ColorNameWarning:
		return pick(color.NRGBA{0x8A, 0x53, 0x00, 0xff}, color.NRGBA{0xFF, 0x98, 0x00, 0xff})
	case theme.ColorNameSuccess:
		return pick(color.NRGBA{0x1B, 0x7F, 0x3B, 0xff}, color.NRGBA{0x6F, 0xD8, 0x8C, 0xff})
	// Band colours are backgrounds under text: pale in the light variant,
	// deep in the dark one, so the theme's text colour stays readable.
	case colorNight:
		return pick(color.NRGBA{0xCD, 0xD2, 0xF0, 0xff}, color.NRGBA{0x28, 0x35, 0x93, 0xff})
	case colorUnsociable:
		return pick(color.NRGBA{0xFF, 0xD5, 0x4F, 0xff}, color.NRGBA{0x8A, 0x66, 0x00, 0xff})
	case colorWorking:
		return pick(color.NRGBA{0xC8, 0xE6, 0xC9, 0xff}, color.NRGBA{0x1B, 0x5E, 0x20, 0xff})
	case colorConflict:
		return pick(color.NRGBA{0xC6, 0x28, 0x28, 0xff}, color.NRGBA{0xFF, 0x6B, 0x6B, 0xff})
	case colorGrid:
		return pick(color.NRGBA{0, 0, 0, 0x22}, color.NRGBA{0xff, 0xff, 0xff, 0x22})
	// The world map: land no colouring covers (territories, filtered-out
	// delegations) in a warm grey the band and burden colours never take,
	// a sea apart from the window's background, and coastlines and borders
	// that outline every fill, the palest included.
	case colorLand:
		return pick(color.NRGBA{0xD6, 0xD3, 0xCE, 0xff}, color.NRGBA{0x45, 0x43, 0x40, 0xff})
	case colorSea:
		return pick(color.NRGBA{0xE8, 0xF0, 0xF8, 0xff}, color.NRGBA{0x10, 0x1B, 0x2A, 0xff})
	case colorCoast:
		return pick(color.NRGBA{0x5E, 0x69, 0x76, 0xff}, color.NRGBA{0xA3, 0xAD, 0xB8, 0xff})
	case colorBetter:
		return pick(color.NRGBA{0x1B, 0x7F, 0x3B, 0xff}, color.NRGBA{0x6F, 0xD8, 0x8C, 0xff})
	case colorWorse:
		return pick(color.NRGBA{0xB3, 0x26, 0x1E, 0xff}, color.NRGBA{0xFF, 0x8A, 0x80, 0xff})
	case chartview.ColorHeatLow:
		return pick(color.NRGBA{0xF1, 0xF4, 0xF8, 0xff}, color.NRGBA{0x26, 0x2B, 0x33, 0xff})
	case chartview.ColorHeatHigh:
		return pick(color.NRGBA{0x3B, 0x3F, 0x8C, 0xff}, color.NRGBA{0x9F, 0xA8, 0xDA, 0xff})
	case chartview.ColorHighlight:
		return t.Theme.Color(theme.ColorNamePrimary, v)
	}
	if i, ok := strings.CutPrefix(string(n), "mechplan.series."); ok {
		if k, err := strconv.Atoi(i); err == nil {
			s := seriesLight
			if dark {
				s = seriesDark
			}
			return s[k%len(s)]
		}
	}
	return t.Theme.Color(n, v)
}

// uiScale is the user's scale setting as a factor (1 at 100%): fixed
// lengths of the screens (table columns, calendar lanes) grow with it, as
// the theme's sizes do.
func uiScale() float32 {
	if t, ok := fyne.CurrentApp().Settings().Theme().(*mechTheme); ok {
		return t.scale
	}
	return 1
}

// scaled is a length at the user's scale.
func scaled(v float32) float32 { return v * uiScale() }

// seriesColor is the colour of the i-th body or chart series.
func seriesColor(i int) color.Color {
	return themeColor(chartview.SeriesColor(max(i, 0)))
}

// themeColor resolves a colour name in the app's current theme.
func themeColor(n fyne.ThemeColorName) color.Color {
	a := fyne.CurrentApp()
	return a.Settings().Theme().Color(n, a.Settings().ThemeVariant())
}
