// Package ui holds Mechplan's screens. Each screen is built from a view
// model computed by the engine (internal/plan); the UI only presents it.
package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/plan"
	"mechplan/internal/refdata"
	"mechplan/internal/store"
)

// Library is the view model of the built-in library: every scenario with
// its evaluated result, or the error that kept it from evaluating.
type Library struct {
	Results []*plan.Result
	Errors  []string
}

// LoadLibrary evaluates every built-in scenario.
func LoadLibrary() (*Library, error) {
	ref, err := refdata.Default()
	if err != nil {
		return nil, err
	}
	all, err := store.BuiltIns()
	if err != nil {
		return nil, err
	}
	lib := &Library{}
	for _, b := range all {
		r, err := plan.Evaluate(b.Scenario, ref, plan.Options{})
		if err != nil {
			lib.Errors = append(lib.Errors, fmt.Sprintf("%s: %v", b.File, err))
			continue
		}
		lib.Results = append(lib.Results, r)
	}
	return lib, nil
}

// NewMainWindow builds the main window on the built-in library.
func NewMainWindow(a fyne.App) fyne.Window {
	w := a.NewWindow("Mechplan")
	lib, err := LoadLibrary()
	if err != nil {
		w.SetContent(widget.NewLabel("Mechplan could not load its built-in data: " + err.Error()))
		return w
	}
	w.SetContent(NewLibraryView(lib))
	w.Resize(fyne.NewSize(1100, 700))
	return w
}

// LibraryRow is one line of the library table: a scenario's horizon totals.
type LibraryRow struct {
	Name, Years                                string
	MeetingDays, Meetings, Blocks, MaxParallel int
	DaysPerYear                                float64
}

// Rows returns the library table's rows.
func (l *Library) Rows() []LibraryRow {
	rows := make([]LibraryRow, len(l.Results))
	for i, r := range l.Results {
		d, _, _ := r.AverageYear()
		t := r.Total.Totals
		rows[i] = LibraryRow{Name: r.Scenario.Name, Years: r.Total.Label, MeetingDays: t.MeetingDays, Meetings: t.Meetings,
			Blocks: t.Blocks, MaxParallel: t.MaxParallel, DaysPerYear: d}
	}
	return rows
}

var libraryHeader = []string{"Scenario", "Horizon", "Meeting days", "Days a year", "Meetings", "Blocks", "Max parallel"}

// NewLibraryView shows the scenarios side by side.
func NewLibraryView(lib *Library) fyne.CanvasObject {
	rows := lib.Rows()
	cell := func(r, c int) string {
		if r == 0 {
			return libraryHeader[c]
		}
		row := rows[r-1]
		switch c {
		case 0:
			return row.Name
		case 1:
			return row.Years
		case 2:
			return strconv.Itoa(row.MeetingDays)
		case 3:
			return strconv.FormatFloat(row.DaysPerYear, 'f', 1, 64)
		case 4:
			return strconv.Itoa(row.Meetings)
		case 5:
			return strconv.Itoa(row.Blocks)
		default:
			return strconv.Itoa(row.MaxParallel)
		}
	}
	table := widget.NewTable(
		func() (int, int) { return len(rows) + 1, len(libraryHeader) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.SetText(cell(id.Row, id.Col))
			l.TextStyle = fyne.TextStyle{Bold: id.Row == 0}
		},
	)
	table.SetColumnWidth(0, 460)
	table.SetColumnWidth(1, 100)
	for c := 2; c < len(libraryHeader); c++ {
		table.SetColumnWidth(c, 105)
	}
	title := widget.NewLabelWithStyle("Built-in structure proposals: meeting-day totals over each horizon", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(title, nil, nil, nil, table)
}
