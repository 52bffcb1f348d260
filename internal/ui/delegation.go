package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/chart"
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
		v.Problem = "Choose your delegation above."
		return v
	}
	v.State = st.Name
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
			NightHours: hours(b.NightMinutes), FlightHours: chart.Number(b.Travel.FlightHours, 1) + " h",
			Coverage: chart.Number(it.Coverage.Share*100, 0) + "%", Uncovered: len(it.Coverage.Uncovered)})
		if d != w.Active {
			continue
		}
		for _, tp := range it.Trips {
			var sessions []string
			for _, si := range tp.Trip.Sessions {
				sessions = append(sessions, r.Schedule.Sessions[si].BodyName)
			}
			v.Trips = append(v.Trips, TripRow{Venue: tp.Trip.Venue, Depart: tp.Depart.Format("Mon 2 Jan 2006"), Back: tp.Back.Format("Mon 2 Jan 2006"),
				Nights: strconv.Itoa(tp.Nights), Sessions: strings.Join(sessions, "; "), Cost: money(tp.Bill.Total())})
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

var delegationHeader = []string{"Scenario", "Trips", "Days away", "Travel cost", "Night hours", "Flight hours", "Meetings covered", "Sessions missed"}
var tripHeader = []string{"Venue", "Leave", "Return", "Nights", "Sessions", "Cost"}

func newDelegationScreen(w *Window) *delegationScreen {
	s := &delegationScreen{w: w, codes: map[string]string{}}
	var names []string
	current := ""
	for _, st := range w.WS.Ref.States {
		l := st.Name + " (" + st.ISO3 + ")"
		names = append(names, l)
		s.codes[l] = st.ISO3
		if st.ISO3 == w.Settings.Delegation() {
			current = l
		}
	}
	// A select entry lets the user type part of a name to find a state.
	s.state = widget.NewSelectEntry(names)
	s.state.SetPlaceHolder("type a state's name or ISO3 code")
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
			s.message.SetText(fmt.Sprintf("Travellers: a whole number from 1 to %d.", settings.MaxTravellers))
			return
		}
		s.message.SetText("")
		s.refresh()
	}
	s.rows = newTextTable(func() [][]string {
		out := [][]string{delegationHeader}
		for _, r := range s.view.Rows {
			out = append(out, []string{r.Scenario, strconv.Itoa(r.Trips), strconv.Itoa(r.DaysAway), r.Cost, r.NightHours, r.FlightHours, r.Coverage, strconv.Itoa(r.Uncovered)})
		}
		return out
	}, []float32{330, 60, 85, 120, 100, 100, 130, 120})
	s.trips = newTextTable(func() [][]string {
		out := [][]string{tripHeader}
		for _, t := range s.view.Trips {
			out = append(out, []string{t.Venue, t.Depart, t.Back, t.Nights, t.Sessions, t.Cost})
		}
		return out
	}, []float32{60, 140, 140, 60, 420, 110})
	head := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel("My delegation"), nil, s.state),
		container.NewBorder(nil, nil, widget.NewLabel("Experts flying to each session"), nil, s.people),
		s.message)
	split := container.NewVSplit(s.rows, container.NewBorder(widget.NewLabelWithStyle("Trips under the active scenario", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, s.trips))
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
