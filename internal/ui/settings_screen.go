package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/burden"
	"mechplan/internal/i18n"
	"mechplan/internal/model"
	"mechplan/internal/settings"
)

// settingsScreen edits the user's settings; each change is stored at once
// and every open scenario is recomputed with it.
type settingsScreen struct {
	w        *Window
	theme    *widget.RadioGroup
	language *widget.Select
	scale    *widget.Select
	bands    *widget.Entry
	hours    *widget.Entry // the optimiser's window, venue time
	hoursMsg *widget.Label
	bandMsg  *widget.Label
	state    *statePicker
	travel   *widget.Entry
	year     *widget.Entry
	message  *widget.Label
	content  fyne.CanvasObject
}

func newSettingsScreen(w *Window) *settingsScreen {
	s := &settingsScreen{w: w}
	set := w.Settings
	var labels []string
	for _, t := range settings.Themes {
		labels = append(labels, themeLabel(t))
	}
	s.theme = widget.NewRadioGroup(labels, func(v string) {
		for _, t := range settings.Themes {
			if themeLabel(t) == v && t != set.Theme() {
				set.SetTheme(t)
				w.App.Settings().SetTheme(newTheme(t, set.Scale()))
			}
		}
	})
	s.theme.Horizontal = true
	s.theme.SetSelected(themeLabel(set.Theme()))

	// Each language is named in itself, so a user lost in a foreign
	// interface still finds their own.
	langs := []i18n.Language{i18n.System}
	langNames := []string{i18n.T("language.system")}
	for _, l := range i18n.Offered {
		langs = append(langs, l)
		langNames = append(langNames, l.Name())
	}
	s.language = newSelect(langNames, nil)
	s.language.SetSelectedIndex(max(slices.Index(langs, i18n.Language(set.Language())), 0))
	s.language.OnChanged = func(string) {
		if i := s.language.SelectedIndex(); i >= 0 && string(langs[i]) != set.Language() {
			// The screens are built again in the new language; this
			// screen goes with them, so the switch runs after this
			// callback returns.
			fyne.Do(func() {
				if err := w.SetLanguage(langs[i]); err != nil {
					w.showError(err)
				}
			})
		}
	}
	var scaleNames []string
	for _, p := range settings.Scales {
		scaleNames = append(scaleNames, i18n.F().Percent(float64(p), 0))
	}
	s.scale = newSelect(scaleNames, nil)
	s.scale.SetSelectedIndex(max(slices.Index(settings.Scales, set.Scale()), 0))
	s.scale.OnChanged = func(string) {
		if i := s.scale.SelectedIndex(); i >= 0 && settings.Scales[i] != set.Scale() {
			// Like the language, the screens are built again.
			fyne.Do(func() {
				if err := w.SetScale(settings.Scales[i]); err != nil {
					w.showError(err)
				}
			})
		}
	}

	s.bands = widget.NewMultiLineEntry()
	s.bands.SetMinRowsVisible(4)
	s.bands.SetText(formatBands(set.Bands()))
	s.bandMsg = widget.NewLabel("")
	s.bandMsg.Wrapping = fyne.TextWrapWord
	apply := widget.NewButton(i18n.T("settings.bands.apply"), func() { s.ApplyBands(s.bands.Text) })
	reset := widget.NewButton(i18n.T("settings.bands.reset"), func() {
		s.bands.SetText("")
		s.ApplyBands("")
	})

	s.hours = widget.NewEntry()
	if h := set.Hours(); !h.IsZero() {
		s.hours.SetText(h.From + "-" + h.To)
	}
	s.hours.SetPlaceHolder("08:00-20:00")
	s.hoursMsg = widget.NewLabel("")
	s.hoursMsg.Wrapping = fyne.TextWrapWord
	s.hours.OnSubmitted = func(v string) { s.ApplyHours(v) }
	applyHours := widget.NewButton(i18n.T("settings.hours.apply"), func() { s.ApplyHours(s.hours.Text) })

	s.state = newStatePicker(w.WS.Ref.States, i18n.T("settings.delegation.none"), func(iso3 string) {
		if iso3 != set.Delegation() {
			set.SetDelegation(iso3)
			w.WS.changed()
		}
	})
	s.state.Set(set.Delegation())
	s.message = widget.NewLabel("")
	s.message.Importance = widget.DangerImportance
	s.message.Wrapping = fyne.TextWrapWord
	s.travel = widget.NewEntry()
	s.travel.SetText(strconv.Itoa(set.Travellers()))
	s.travel.OnChanged = func(v string) {
		s.setInt(v, i18n.T("settings.travellers.allowed", "Max", settings.MaxTravellers), set.SetTravellers)
	}
	s.year = widget.NewEntry()
	s.year.SetText(strconv.Itoa(set.PriceYear()))
	s.year.OnChanged = func(v string) {
		s.setInt(v, i18n.T("settings.price_year.allowed", "Min", settings.MinPriceYear, "Max", settings.MaxPriceYear), set.SetPriceYear)
	}

	item := func(label string, w fyne.CanvasObject, hint string) *widget.FormItem {
		it := widget.NewFormItem(label, w)
		it.HintText = hint
		return it
	}
	bandsHelp := widget.NewLabel(i18n.T("settings.bands.help"))
	bandsHelp.Wrapping = fyne.TextWrapWord
	yearHelp := widget.NewLabel(i18n.T("settings.price_year.hint"))
	yearHelp.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		item(i18n.T("settings.language"), s.language, i18n.T("settings.language.hint")),
		item(i18n.T("settings.appearance"), s.theme, i18n.T("settings.appearance.hint")),
		item(i18n.T("settings.scale"), s.scale, i18n.T("settings.scale.hint")),
		item(i18n.T("settings.bands"), container.NewVBox(bandsHelp, s.bands, container.NewHBox(apply, reset), s.bandMsg), ""),
		item(i18n.T("settings.hours"), container.NewVBox(container.NewBorder(nil, nil, nil, applyHours, s.hours), s.hoursMsg), i18n.T("settings.hours.hint")),
		item(i18n.T("settings.delegation"), s.state.content, i18n.T("settings.delegation.hint")),
		item(i18n.T("settings.travellers"), s.travel, i18n.T("settings.travellers.hint")),
		// A hint of a form item does not wrap; this one is long.
		item(i18n.T("settings.price_year"), container.NewVBox(s.year, yearHelp), ""),
	)
	s.content = container.NewVScroll(container.NewVBox(form, s.message))
	s.showBands()
	return s
}

// refresh shows settings changed elsewhere (the delegation picked on the
// "my delegation" view).
func (s *settingsScreen) refresh() {
	if d := s.w.Settings.Delegation(); !s.state.Pending() && s.state.Chosen != d {
		s.state.Set(d)
	}
}

func (s *settingsScreen) setInt(v, allowed string, store func(int) error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err == nil {
		err = store(n)
	}
	if err != nil {
		s.message.SetText(i18n.T("settings.not_saved", "Allowed", allowed))
		return
	}
	s.message.SetText("")
	s.w.WS.Recompute()
}

// ApplyHours stores the optimiser's window typed in the box ("" for the
// venues' own) and recomputes; a mistake is shown and nothing changes.
func (s *settingsScreen) ApplyHours(text string) error {
	a, b, _ := strings.Cut(strings.ReplaceAll(strings.TrimSpace(text), "–", "-"), "-")
	win := model.Window{From: strings.TrimSpace(a), To: strings.TrimSpace(b)}
	err := s.w.Settings.SetHours(win)
	if err != nil {
		s.hoursMsg.Importance = widget.DangerImportance
		s.hoursMsg.SetText(errText(err))
		return err
	}
	s.hoursMsg.Importance = widget.MediumImportance
	s.hoursMsg.SetText("")
	s.w.WS.Recompute()
	return nil
}

// ApplyBands stores the bands typed in the box and recomputes every
// scenario; a mistake is shown and nothing changes.
func (s *settingsScreen) ApplyBands(text string) error {
	bands, err := parseBands(text)
	if err == nil {
		err = s.w.Settings.SetBands(bands)
	}
	if err != nil {
		s.bandMsg.Importance = widget.DangerImportance
		s.bandMsg.SetText(errText(err))
		return err
	}
	s.w.WS.Recompute()
	s.showBands()
	return nil
}

// showBands states the bands in force, the engine's defaults included.
func (s *settingsScreen) showBands() {
	bands := burden.DefaultBands()
	if user := s.w.Settings.Bands(); user != nil {
		if b, err := burden.FromModel(user); err == nil {
			bands = b
		}
	}
	var parts []string
	for _, b := range bands {
		parts = append(parts, bandText(b))
	}
	s.bandMsg.Importance = widget.MediumImportance
	s.bandMsg.SetText(i18n.T("settings.bands.in_force", "Bands", strings.Join(parts, "; ")))
}

func formatBands(bands []model.Band) string {
	var lines []string
	for _, b := range bands {
		lines = append(lines, fmt.Sprintf("%s %s %s %g", b.Name, b.From, b.To, b.Weight))
	}
	return strings.Join(lines, "\n")
}

func parseBands(text string) ([]model.Band, error) {
	var out []model.Band
	for i, l := range strings.Split(text, "\n") {
		f := strings.Fields(l)
		if len(f) == 0 {
			continue
		}
		if len(f) != 4 {
			return nil, errors.New(i18n.T("settings.bands.error.fields", "Line", i+1))
		}
		w, err := strconv.ParseFloat(f[3], 64)
		if err != nil {
			return nil, errors.New(i18n.T("settings.bands.error.weight", "Line", i+1, "Weight", f[3], "Max", model.MaxBandWeight))
		}
		out = append(out, model.Band{Name: f[0], From: f[1], To: f[2], Weight: w})
	}
	return out, nil
}

// themeLabel is a colour scheme's name on screen.
func themeLabel(t settings.Theme) string { return i18n.T("settings.theme." + string(t)) }
