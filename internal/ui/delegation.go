package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/i18n"
	"mechplan/internal/settings"
)

// DelegationRow is one open scenario as the user's delegation lives it.
type DelegationRow struct {
	Scenario                                string
	Trips, DaysAway                         int
	Cost, NightHours, FlightHours, Coverage string
	Uncovered                               int
}

// TripRow is one trip of the delegation under the active scenario.
type TripRow struct {
	Venue, Depart, Back, Nights, Sessions, Cost string
}

// DelegationView is the "my delegation" view's model.
type DelegationView struct {
	State      string // name, or "" when none is chosen
	Travellers int
	Rows       []DelegationRow
	Trips      []TripRow
	Problem    string
}

// Delegation sets one delegation's trips, days away, cost and night hours
// under every open scenario side by side, and lists its trips under the
// active one.
func (w *Workspace) Delegation() DelegationView {
	iso3 := w.Settings.Delegation()
	v := DelegationView{Travellers: w.Settings.Travellers()}
	st, ok := w.Ref.State(iso3)
	if !ok {
		v.Problem = i18n.T("mine.choose")
		return v
	}
	v.State = stateName(st)
	idx := -1
	for i := range w.Ref.States {
		if w.Ref.States[i].ISO3 == iso3 {
			idx = i
		}
	}
	for _, d := range w.Docs {
		r := d.Result
		if r == nil || r.Cost == nil || r.Burden == nil {
			continue
		}
		it, err := r.Cost.Itinerary(iso3, float64(v.Travellers))
		if err != nil {
			v.Problem = err.Error()
			continue
		}
		b := r.Burden.Delegations[idx]
		v.Rows = append(v.Rows, DelegationRow{Scenario: d.Title(), Trips: len(it.Trips), DaysAway: it.DaysAway, Cost: money(it.Cost),
			NightHours: hours(b.NightMinutes), FlightHours: i18n.F().Hours(b.Travel.FlightHours),
			Coverage: i18n.F().Percent(it.Coverage.Share*100, 0), Uncovered: len(it.Coverage.Uncovered)})
		if d != w.Active {
			continue
		}
		for _, tp := range it.Trips {
			var sessions []string
			for _, si := range tp.Trip.Sessions {
				sessions = append(sessions, r.Schedule.Sessions[si].BodyName)
			}
			f := i18n.F()
			v.Trips = append(v.Trips, TripRow{Venue: tp.Trip.Venue,
				Depart: f.ShortWeekday(tp.Depart.Weekday()) + " " + f.ShortDate(tp.Depart), Back: f.ShortWeekday(tp.Back.Weekday()) + " " + f.ShortDate(tp.Back),
				Nights: count(tp.Nights), Sessions: strings.Join(sessions, "; "), Cost: money(tp.Bill.Total())})
		}
	}
	return v
}

// delegationScreen is the "my delegation" view.
type delegationScreen struct {
	w       *Window
	view    DelegationView
	state   *widget.SelectEntry
	people  *widget.Entry
	message *widget.Label
	rows    *widget.Table
	trips   *widget.Table
	content fyne.CanvasObject
	codes   map[string]string // select label → ISO3
}

func delegationHeader() []string {
	var out []string
	for _, k := range []string{"scenario", "trips", "days_away", "travel_cost", "night_hours", "flight_hours", "covered", "missed"} {
		out = append(out, i18n.T("mine.col."+k))
	}
	return out
}

func tripHeader() []string {
	var out []string
	for _, k := range []string{"venue", "leave", "return", "nights", "sessions", "cost"} {
		out = append(out, i18n.T("mine.trip."+k))
	}
	return out
}

func newDelegationScreen(w *Window) *delegationScreen {
	s := &delegationScreen{w: w, codes: map[string]string{}}
	var names []string
	current := ""
	for _, st := range w.WS.Ref.States {
		l := stateName(&st) + " (" + st.ISO3 + ")"
		names = append(names, l)
		s.codes[l] = st.ISO3
		if st.ISO3 == w.Settings.Delegation() {
			current = l
		}
	}
	// A select entry lets the user type part of a name to find a state.
	s.state = widget.NewSelectEntry(names)
	s.state.SetPlaceHolder(i18n.T("mine.state.placeholder"))
	s.state.SetText(current)
	s.state.OnChanged = func(v string) {
		if code, ok := s.codes[v]; ok {
			s.SetState(code)
			return
		}
		var found []string
		for _, n := range names {
			if v != "" && strings.Contains(strings.ToLower(n), strings.ToLower(v)) {
				found = append(found, n)
			}
		}
		if len(found) > 0 {
			s.state.SetOptions(found)
		} else {
			s.state.SetOptions(names)
		}
	}
	s.people = widget.NewEntry()
	s.people.SetText(strconv.Itoa(w.Settings.Travellers()))
	s.message = widget.NewLabel("")
	s.message.Importance = widget.DangerImportance
	s.people.OnChanged = func(v string) {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err == nil {
			err = w.Settings.SetTravellers(n)
		}
		if err != nil {
			s.message.SetText(i18n.T("mine.travellers.invalid", "Max", settings.MaxTravellers))
			return
		}
		s.message.SetText("")
		s.refresh()
	}
	s.rows = newTextTable(func() [][]string {
		out := [][]string{delegationHeader()}
		for _, r := range s.view.Rows {
			out = append(out, []string{r.Scenario, count(r.Trips), count(r.DaysAway), r.Cost, r.NightHours, r.FlightHours, r.Coverage, count(r.Uncovered)})
		}
		return out
	}, []float32{330, 60, 85, 120, 100, 100, 130, 120})
	s.trips = newTextTable(func() [][]string {
		out := [][]string{tripHeader()}
		for _, t := range s.view.Trips {
			out = append(out, []string{t.Venue, t.Depart, t.Back, t.Nights, t.Sessions, t.Cost})
		}
		return out
	}, []float32{60, 140, 140, 60, 420, 110})
	head := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(i18n.T("mine.state")), nil, s.state),
		container.NewBorder(nil, nil, widget.NewLabel(i18n.T("mine.travellers")), nil, s.people),
		s.message)
	split := container.NewVSplit(s.rows, container.NewBorder(widget.NewLabelWithStyle(i18n.T("mine.trips"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, s.trips))
	split.Offset = 0.45
	s.content = container.NewBorder(head, nil, nil, nil, split)
	s.refresh()
	return s
}

// SetState makes a member state the user's delegation.
func (s *delegationScreen) SetState(iso3 string) {
	s.w.Settings.SetDelegation(iso3)
	for label, code := range s.codes {
		if code == iso3 && s.state.Text != label {
			s.state.SetText(label)
		}
	}
	s.refresh()
}

func (s *delegationScreen) refresh() {
	s.view = s.w.WS.Delegation()
	if s.view.Problem != "" && s.message.Text == "" {
		s.message.Importance = widget.WarningImportance
		s.message.SetText(s.view.Problem)
	} else if s.view.Problem == "" && s.message.Importance == widget.WarningImportance {
		s.message.SetText("")
	}
	s.rows.Refresh()
	s.trips.Refresh()
}
