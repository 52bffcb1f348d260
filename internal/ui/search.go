package ui

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/norm"

	"mechplan/internal/i18n"
	"mechplan/internal/refdata"
)

// foldAccents removes the marks letters carry (Côte → Cote, Türkiye →
// Turkiye) so that a search typed without them still finds the name.
func foldAccents(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'ß':
			b.WriteString("ss")
			continue
		case 'ø', 'Ø':
			r = 'o'
		case '’', '‘':
			r = '\''
		}
		b.WriteRune(r)
	}
	return b.String()
}

// searchKey is how a name is compared with what the user types: without
// accents, in lower case, with single spaces.
func searchKey(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(foldAccents(s))), " ")
}

// stateLabel is how every delegation picker names a member state, in the
// user's language.
func stateLabel(st *refdata.MemberState) string { return stateName(st) + " (" + st.ISO3 + ")" }

// FindStates lists the member states that match what the user typed, best
// first: the ISO3 code itself, then names that start with the text, then
// names with a word that starts with it, then names that contain it. The
// match ignores case and accents ("cote" finds Côte d'Ivoire, "nzl" New
// Zealand). An empty query matches nothing.
func FindStates(states []refdata.MemberState, query string) []*refdata.MemberState {
	q := searchKey(query)
	// A label picked from the list ("New Zealand (NZL)") finds its state.
	if i := strings.LastIndex(q, " ("); i > 0 && strings.HasSuffix(q, ")") {
		if code := q[i+2 : len(q)-1]; len(code) == 3 {
			q = code
		}
	}
	if q == "" {
		return nil
	}
	var ranks [4][]*refdata.MemberState
	for i := range states {
		st := &states[i]
		// The name in the user's language, or the English one.
		name := searchKey(stateName(st))
		if en := searchKey(st.Name); en != name && !strings.HasPrefix(name, q) && strings.HasPrefix(en, q) {
			name = en
		}
		switch {
		case strings.ToLower(st.ISO3) == q:
			ranks[0] = append(ranks[0], st)
		case strings.HasPrefix(name, q):
			ranks[1] = append(ranks[1], st)
		case strings.Contains(" "+name, " "+q) || strings.Contains(name, "("+q):
			ranks[2] = append(ranks[2], st)
		case len(q) >= 3 && strings.Contains(name, q):
			ranks[3] = append(ranks[3], st)
		}
	}
	var out []*refdata.MemberState
	for _, r := range ranks {
		out = append(out, r...)
	}
	return out
}

// statePicker is the one way every view picks a member state: the user
// types an ISO3 code or the start of a name, the list offers the matches
// and Enter takes the first. Until a state is taken the picker is
// pending, and the view shows no figures rather than an earlier state's.
type statePicker struct {
	entry  *widget.SelectEntry
	hint   *widget.Label
	states []refdata.MemberState
	// Matches are the states matching the text as typed, best first.
	Matches []*refdata.MemberState
	// Chosen is the state taken, "" while none is (or the text was
	// changed since).
	Chosen string
	// noneLabel, when set, is an entry in the list meaning "no state".
	noneLabel string
	labels    []string
	content   fyne.CanvasObject
	onChange  func(iso3 string)
	// onTyped is called after every change of the text that takes no
	// state (the time-zone table filters on it).
	onTyped func()
	quiet   bool
}

// maxMatches is how many matches the picker's list offers.
const maxMatches = 12

// newStatePicker builds a picker on the member states; changed is called
// with the ISO3 code when a state is taken, and with "" when the text no
// longer names one.
func newStatePicker(states []refdata.MemberState, noneLabel string, changed func(iso3 string)) *statePicker {
	p := &statePicker{states: states, noneLabel: noneLabel, onChange: changed}
	if noneLabel != "" {
		p.labels = append(p.labels, noneLabel)
	}
	for i := range states {
		p.labels = append(p.labels, stateLabel(&states[i]))
	}
	p.entry = widget.NewSelectEntry(p.labels)
	p.entry.SetPlaceHolder(i18n.T("mine.state.placeholder"))
	p.hint = widget.NewLabel("")
	p.hint.Truncation = fyne.TextTruncateEllipsis
	p.entry.OnChanged = p.typed
	p.entry.OnSubmitted = func(string) { p.Submit() }
	p.content = container.NewVBox(p.entry, p.hint)
	p.hint.Hide()
	return p
}

// Set shows a state as taken without calling back ("" shows none).
func (p *statePicker) Set(iso3 string) {
	p.quiet = true
	defer func() { p.quiet = false }()
	text := p.noneLabel
	for i := range p.states {
		if p.states[i].ISO3 == iso3 {
			text = stateLabel(&p.states[i])
		}
	}
	if p.entry.Text != text {
		p.entry.SetText(text)
	}
	p.Chosen = iso3
	p.Matches = nil
	p.entry.SetOptions(p.labels)
	p.hint.Hide()
}

// Pending says the text names no state yet: figures must not show.
func (p *statePicker) Pending() bool {
	return p.Chosen == "" && !(p.noneLabel != "" && p.entry.Text == p.noneLabel)
}

func (p *statePicker) typed(text string) {
	if p.quiet {
		return
	}
	if p.noneLabel != "" && text == p.noneLabel {
		p.take("")
		return
	}
	p.Matches = FindStates(p.states, text)
	// A full label (picked from the list) is taken at once.
	if len(p.Matches) > 0 && stateLabel(p.Matches[0]) == text {
		p.take(p.Matches[0].ISO3)
		return
	}
	was := p.Chosen
	p.Chosen = ""
	var opts []string
	for _, st := range p.Matches[:min(len(p.Matches), maxMatches)] {
		opts = append(opts, stateLabel(st))
	}
	switch {
	case strings.TrimSpace(text) == "":
		p.entry.SetOptions(p.labels)
		p.hint.SetText(i18n.T("search.type"))
	case len(opts) == 0:
		p.entry.SetOptions(p.labels)
		p.hint.SetText(i18n.T("search.no_match", "Text", strings.TrimSpace(text)))
	default:
		p.entry.SetOptions(opts)
		p.hint.SetText(i18n.N("search.enter", len(p.Matches), "State", opts[0]))
	}
	p.hint.Show()
	if was != "" && p.onChange != nil {
		p.onChange("")
	}
	if p.onTyped != nil {
		p.onTyped()
	}
}

// Submit takes the best match, as Enter does.
func (p *statePicker) Submit() {
	if p.Chosen != "" || len(p.Matches) == 0 {
		return
	}
	st := p.Matches[0]
	p.Set(st.ISO3)
	p.take(st.ISO3)
}

func (p *statePicker) take(iso3 string) {
	p.Chosen = iso3
	p.Matches = nil
	p.hint.Hide()
	p.entry.SetOptions(p.labels)
	if p.onChange != nil {
		p.onChange(iso3)
	}
}
