package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/cost"
	"mechplan/internal/i18n"
	"mechplan/internal/settings"
)

// DelegationRow is one open scenario as the user's delegation lives it.
// Trips, days away and cost are over the scenario's horizon (Period).
type DelegationRow struct {
	Scenario, Period                        string
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
	// Who says who is counted under the active scenario: "2 flying from
	// the capital + 1 at the mission (New York)".
	Who     string
	Rows    []DelegationRow
	Trips   []TripRow
	Problem string
}

// Delegation sets one delegation's trips, days away, cost and night hours
// under every open scenario side by side, and lists its trips under the
// active one. The mission's delegates are counted unless the user left
// them out (Workspace.MissionOut).
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
	labels := docLabels(w.Docs, 0)
	for k, d := range w.Docs {
		r := d.Result
		if r == nil || r.Cost == nil || r.Burden == nil {
			continue
		}
		it, err := r.Cost.ItineraryWith(iso3, float64(v.Travellers), !w.MissionOut)
		if err != nil {
			v.Problem = err.Error()
			continue
		}
		b := r.Burden.Delegations[idx]
		name := labels[k]
		if d.Stale() {
			name = i18n.T("mine.stale", "Name", name)
		}
		v.Rows = append(v.Rows, DelegationRow{Scenario: name, Period: i18n.T("mine.period", "Horizon", r.Total.Label),
			Trips: len(it.Trips), DaysAway: it.DaysAway, Cost: money(it.Cost),
			NightHours: hours(b.NightMinutes), FlightHours: i18n.F().Hours(b.Travel.FlightHours),
			Coverage: i18n.F().Percent(it.Coverage.Share*100, 0), Uncovered: len(it.Coverage.Uncovered)})
		if d != w.Active {
			continue
		}
		v.Who = whoIsCounted(w, it, w.MissionOut)
		// Why the night hours are what they are: the participation the
		// cost and the burden follow for hybrid meetings.
		if p := hybridParticipation(r); p != "" {
			v.Who = strings.TrimSpace(v.Who + "\n" + p)
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

// whoIsCounted says, venue by venue, how many of the delegation fly from
// the capital and how many of the permanent mission attend on the spot:
// "New York: 2 flying from the capital + 1 at the mission".
func whoIsCounted(w *Workspace, it *cost.Itinerary, missionOut bool) string {
	var parts []string
	seen := map[string]bool{}
	for _, tp := range it.Trips {
		venue := tp.Trip.Venue
		if seen[venue] {
			continue
		}
		seen[venue] = true
		city := venue
		if v, ok := w.Ref.Venue(venue); ok {
			city = cityLabel(v.City)
		}
		f := i18n.F()
		flying, local := f.Compact(tp.Flying, 1), f.Compact(tp.People-tp.Flying, 1)
		switch {
		case tp.People-tp.Flying > 0:
			parts = append(parts, i18n.T("mine.who.with_mission", "Venue", city, "Flying", flying, "Mission", local))
		case !missionOut && it.Delegation.MissionDelegates > 0:
			parts = append(parts, i18n.T("mine.who.mission_flies", "Venue", city, "Flying", flying,
				"Mission", f.Compact(it.Delegation.MissionDelegates, 1)))
		default:
			parts = append(parts, i18n.T("mine.who.capital", "Venue", city, "Flying", flying))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return i18n.T("mine.who", "Who", strings.Join(parts, "; "))
}

// delegationScreen is the "my delegation" view.
type delegationScreen struct {
	w       *Window
	view    DelegationView
	state   *statePicker
	people  *widget.Entry
	mission *widget.Check
	who     *widget.Label
	message *widget.Label
	rows    *widget.Table
	trips   *widget.Table
	content fyne.CanvasObject
}

func delegationHeader() []string {
	var out []string
	for _, k := range []string{"scenario", "period", "trips", "days_away", "travel_cost", "night_hours", "flight_hours", "covered", "missed"} {
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

// prefMissionOut keeps the user's choice to leave the mission out.
const prefMissionOut = "mine.mission_out"

func newDelegationScreen(w *Window) *delegationScreen {
	s := &delegationScreen{w: w}
	s.state = newStatePicker(w.WS.Ref.States, "", func(iso3 string) {
		if iso3 != "" {
			w.Settings.SetDelegation(iso3)
		}
		s.refresh()
	})
	s.state.Set(w.Settings.Delegation())
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
	s.mission = widget.NewCheck(i18n.T("mine.mission"), func(on bool) {
		if w.WS.MissionOut != !on {
			w.WS.MissionOut = !on
			w.App.Preferences().SetBool(prefMissionOut, !on)
			s.refresh()
		}
	})
	s.mission.SetChecked(!w.WS.MissionOut)
	s.who = widget.NewLabel("")
	s.who.Wrapping = fyne.TextWrapWord
	s.rows = newTextTable(func() [][]string {
		out := [][]string{delegationHeader()}
		for _, r := range s.view.Rows {
			out = append(out, []string{r.Scenario, r.Period, count(r.Trips), count(r.DaysAway), r.Cost, r.NightHours, r.FlightHours, r.Coverage, count(r.Uncovered)})
		}
		return out
	}, []float32{240, 150, 60, 85, 120, 100, 100, 130, 120})
	s.rows.StickyColumnCount = 1
	s.trips = newTextTable(func() [][]string {
		out := [][]string{tripHeader()}
		for _, t := range s.view.Trips {
			out = append(out, []string{t.Venue, t.Depart, t.Back, t.Nights, t.Sessions, t.Cost})
		}
		return out
	}, []float32{60, 140, 140, 60, 420, 110})
	head := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(i18n.T("mine.state")), nil, s.state.content),
		container.NewBorder(nil, nil, widget.NewLabel(i18n.T("mine.travellers")), s.mission, s.people),
		s.who,
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
	s.state.Set(iso3)
	s.refresh()
}

// View is what the screen shows, for tests.
func (s *delegationScreen) View() DelegationView { return s.view }

func (s *delegationScreen) refresh() {
	if s.state.Pending() {
		// A half-typed name shows no figures: not the last state's.
		s.view = DelegationView{Problem: i18n.T("mine.pending")}
	} else {
		s.view = s.w.WS.Delegation()
	}
	setLabel(s.who, s.view.Who, s.who.TextStyle)
	if s.view.Problem != "" && (s.message.Text == "" || s.message.Importance == widget.WarningImportance) {
		s.message.Importance = widget.WarningImportance
		setLabel(s.message, s.view.Problem, s.message.TextStyle)
	} else if s.view.Problem == "" && s.message.Importance == widget.WarningImportance {
		s.message.SetText("")
	}
	s.rows.Refresh()
	s.trips.Refresh()
}
