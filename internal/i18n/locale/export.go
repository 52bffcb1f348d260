package locale

import (
	"strings"
	"sync"
	"time"

	"mechplan/internal/export/labels"
	"mechplan/internal/refdata"
)

// Export returns the words of the exports (the workbook, the report) in
// l, whatever language the interface is in. English is the exports' own
// words, unchanged, and so is a language not offered; a key the catalogue
// of l lacks is written in the export's own English. It reads the
// message files itself, without Fyne's localizer, so a command-line tool
// can use it without touching the interface's language.
func Export(l Language) labels.Labels {
	if l == English || !l.Known() {
		return labels.English
	}
	msgs := exportMessages()[l]
	if msgs == nil {
		return labels.English
	}
	return exportLabels{f: For(l), msgs: msgs}
}

var exportMessages = sync.OnceValue(func() map[Language]map[string]string {
	out := map[Language]map[string]string{}
	for _, l := range WorkbookLanguages {
		if m, err := Messages(l); err == nil {
			out[l] = m
		}
	}
	return out
})

type exportLabels struct {
	f    Format
	msgs map[string]string
}

func (e exportLabels) Text(key, english string, pairs ...any) string {
	if iso3, ok := strings.CutPrefix(key, labels.StatePrefix); ok {
		// Member states are named from the reference data's UN names,
		// not from the catalogues.
		if ref, err := refdata.Default(); err == nil {
			if st, ok := ref.State(iso3); ok {
				return st.NameIn(string(e.f.Lang))
			}
		}
		return english
	}
	s, ok := e.msgs[key]
	if !ok || s == "" {
		s = english
	}
	return labels.Render(s, pairs...)
}

func (e exportLabels) Date(t time.Time) string { return e.f.Date(t) }

func (e exportLabels) ShortMonth(m time.Month) string { return e.f.ShortMonth(m) }

func (e exportLabels) ShortWeekday(d time.Weekday) string { return e.f.ShortWeekday(d) }

func (e exportLabels) Number(v float64, decimals int) string { return e.f.Number(v, decimals) }

func (e exportLabels) Money(v float64) string { return e.f.MoneyShort(v) }

func (e exportLabels) Lang() string { return string(e.f.Lang) }
