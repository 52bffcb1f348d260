package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"mechplan/internal/settings"
)

// luminance is a colour's relative luminance (WCAG 2.x).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func TestContrastFormula(t *testing.T) {
	if got := contrast(color.White, color.Black); math.Abs(got-21) > 0.01 {
		t.Errorf("white on black = %.2f, want 21", got)
	}
	if got := contrast(color.NRGBA{0x76, 0x76, 0x76, 0xff}, color.White); got < 4.5 || got > 4.6 {
		t.Errorf("#767676 on white = %.2f, want 4.54", got)
	}
}

// TestTextContrast: every colour the window writes text in reaches 4.5:1
// (WCAG AA for body text) against the background it is written on, in
// both variants. Disabled controls are exempt, as WCAG exempts them, and
// no label uses the disabled colour for text (TestViewsAreTranslated
// checks for low-importance labels).
func TestTextContrast(t *testing.T) {
	type pair struct {
		text, on fyne.ThemeColorName
	}
	pairs := []pair{
		{theme.ColorNameForeground, theme.ColorNameBackground},
		{theme.ColorNameForeground, theme.ColorNameInputBackground},
		{theme.ColorNameForeground, theme.ColorNameMenuBackground},
		{theme.ColorNameForeground, theme.ColorNameOverlayBackground},
		{theme.ColorNameForeground, theme.ColorNameButton},
		{theme.ColorNamePlaceHolder, theme.ColorNameInputBackground},
		{theme.ColorNamePlaceHolder, theme.ColorNameBackground},
		{theme.ColorNamePrimary, theme.ColorNameBackground},
		{theme.ColorNameHyperlink, theme.ColorNameBackground},
		{theme.ColorNameError, theme.ColorNameBackground},
		{theme.ColorNameWarning, theme.ColorNameBackground},
		{theme.ColorNameSuccess, theme.ColorNameBackground},
		{theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary},
		{theme.ColorNameForegroundOnError, theme.ColorNameError},
		{theme.ColorNameForegroundOnWarning, theme.ColorNameWarning},
		{theme.ColorNameForegroundOnSuccess, theme.ColorNameSuccess},
		// Mechplan's own: conflict tags on the calendar, and the
		// time-zone table's text over its band colours.
		{colorConflict, theme.ColorNameBackground},
		{theme.ColorNameForeground, colorNight},
		{theme.ColorNameForeground, colorUnsociable},
		{theme.ColorNameForeground, colorWorking},
	}
	for _, choice := range []settings.Theme{settings.ThemeLight, settings.ThemeDark} {
		th := newTheme(choice, settings.DefaultScale)
		for _, p := range pairs {
			// The variant passed in is overridden by the forced one.
			fg, bg := th.Color(p.text, theme.VariantLight), th.Color(p.on, theme.VariantLight)
			if r := contrast(fg, bg); r < 4.5 {
				t.Errorf("%s: %s on %s is %.2f:1, want at least 4.5:1", choice, p.text, p.on, r)
			}
		}
	}
}

// TestScaleGrowsEverySize: the scale setting multiplies text, padding and
// icons alike, so nothing is clipped at 200%.
func TestScaleGrowsEverySize(t *testing.T) {
	normal, double := newTheme(settings.ThemeLight, 100), newTheme(settings.ThemeLight, 200)
	for _, n := range []fyne.ThemeSizeName{theme.SizeNameText, theme.SizeNamePadding, theme.SizeNameInlineIcon, theme.SizeNameCaptionText} {
		if got, want := double.Size(n), 2*normal.Size(n); math.Abs(float64(got-want)) > 0.001 {
			t.Errorf("%s at 200%% = %.1f, want %.1f", n, got, want)
		}
	}
	if got := newTheme(settings.ThemeLight, 90).Size(theme.SizeNameText); math.Abs(float64(got-0.9*normal.Size(theme.SizeNameText))) > 0.001 {
		t.Errorf("text at 90%% = %.2f", got)
	}
}
