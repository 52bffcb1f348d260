package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/burden"
	"mechplan/internal/model"
	"mechplan/internal/settings"
)

// settingsScreen edits the user's settings; each change is stored at once
// and every open scenario is recomputed with it.
type settingsScreen struct {
	w       *Window
	theme   *widget.RadioGroup
	bands   *widget.Entry
	bandMsg *widget.Label
	state   *widget.Select
	travel  *widget.Entry
	year    *widget.Entry
	message *widget.Label
	content fyne.CanvasObject
	states  []string // ISO3 codes in the select's order
}

func newSettingsScreen(w *Window) *settingsScreen {
	s := &settingsScreen{w: w}
	set := w.Settings
	var labels []string
	for _, t := range settings.Themes {
		labels = append(labels, t.Label())
	}
	s.theme = widget.NewRadioGroup(labels, func(v string) {
		for _, t := range settings.Themes {
			if t.Label() == v && t != set.Theme() {
				set.SetTheme(t)
				w.App.Settings().SetTheme(newTheme(t))
			}
		}
	})
	s.theme.Horizontal = true
	s.theme.SetSelected(set.Theme().Label())

	s.bands = widget.NewMultiLineEntry()
	s.bands.SetMinRowsVisible(4)
	s.bands.SetText(formatBands(set.Bands()))
	s.bandMsg = widget.NewLabel("")
	s.bandMsg.Wrapping = fyne.TextWrapWord
	apply := widget.NewButton("Apply bands", func() { s.ApplyBands(s.bands.Text) })
	reset := widget.NewButton("Restore defaults", func() {
		s.bands.SetText("")
		s.ApplyBands("")
	})

	var names []string
	names = append(names, "— none —")
	s.states = append(s.states, "")
	for _, st := range w.WS.Ref.States {
		names = append(names, st.Name+" ("+st.ISO3+")")
		s.states = append(s.states, st.ISO3)
	}
	s.state = widget.NewSelect(names, func(string) {
		i := s.state.SelectedIndex()
		if i >= 0 && s.states[i] != set.Delegation() {
			set.SetDelegation(s.states[i])
			w.WS.changed()
		}
	})
	for i, c := range s.states {
		if c == set.Delegation() {
			s.state.SetSelectedIndex(i)
		}
	}
	s.message = widget.NewLabel("")
	s.message.Importance = widget.DangerImportance
	s.message.Wrapping = fyne.TextWrapWord
	s.travel = widget.NewEntry()
	s.travel.SetText(strconv.Itoa(set.Travellers()))
	s.travel.OnChanged = func(v string) {
		s.setInt(v, fmt.Sprintf("travellers: a whole number from 1 to %d", settings.MaxTravellers), set.SetTravellers)
	}
	s.year = widget.NewEntry()
	s.year.SetText(strconv.Itoa(set.PriceYear()))
	s.year.OnChanged = func(v string) {
		s.setInt(v, fmt.Sprintf("price year: from %d to %d", settings.MinPriceYear, settings.MaxPriceYear), set.SetPriceYear)
	}

	form := widget.NewForm(
		widget.NewFormItem("Appearance", s.theme),
		widget.NewFormItem("Burden bands", container.NewVBox(
			widget.NewLabel("One band a line: name from to weight, e.g. “night 00:00 06:00 3”. Names: night, unsociable. Blank: the defaults below."),
			s.bands, container.NewHBox(apply, reset), s.bandMsg)),
		widget.NewFormItem("My delegation", s.state),
		widget.NewFormItem("Travellers", s.travel),
		widget.NewFormItem("Currency price year", container.NewVBox(s.year,
			widget.NewLabel("The year whose prices the rates are in; later years are escalated from it. A scenario's own price year wins."))),
	)
	s.content = container.NewVScroll(container.NewVBox(form, s.message))
	s.showBands()
	return s
}

// refresh shows settings changed elsewhere (the delegation picked on the
// "my delegation" view).
func (s *settingsScreen) refresh() {
	for i, c := range s.states {
		if c == s.w.Settings.Delegation() && s.state.SelectedIndex() != i {
			s.state.SetSelectedIndex(i)
		}
	}
}

func (s *settingsScreen) setInt(v, allowed string, store func(int) error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err == nil {
		err = store(n)
	}
	if err != nil {
		s.message.SetText("Not saved: " + allowed + ".")
		return
	}
	s.message.SetText("")
	s.w.WS.Recompute()
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
		s.bandMsg.SetText(err.Error())
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
		parts = append(parts, b.String())
	}
	s.bandMsg.Importance = widget.MediumImportance
	s.bandMsg.SetText("In force: " + strings.Join(parts, "; ") + ". A scenario's own bands replace these.")
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
			return nil, fmt.Errorf("line %d: want name from to weight, e.g. night 00:00 06:00 3", i+1)
		}
		w, err := strconv.ParseFloat(f[3], 64)
		if err != nil {
			return nil, fmt.Errorf("line %d: weight %q is not a number (0 to %d)", i+1, f[3], model.MaxBandWeight)
		}
		out = append(out, model.Band{Name: f[0], From: f[1], To: f[2], Weight: w})
	}
	return out, nil
}
