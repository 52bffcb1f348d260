package ui

import (
	"regexp"
	"strings"

	"mechplan/internal/i18n"
	"mechplan/internal/msg"
)

// problemPattern recognises one of the engine's validation messages
// (model.Validate), which it writes in English, and names the
// message that says it in the user's language; the pattern's named groups
// are the message's values.
type problemPattern struct {
	re  *regexp.Regexp
	key string
}

// problemPatterns follow the engine's wording; a test validates broken
// scenarios and fails on any message no pattern recognises.
var problemPatterns = func() []problemPattern {
	q := `(?P<V>".*")`
	n := func(name string) string { return `(?P<` + name + `>-?[0-9.e+]+)` }
	list := []struct{ re, key string }{
		{`^must be between 0 and 1e12, got ` + n("Got") + `$`, "problem.value"},
		{`^must be between ` + n("Lo") + ` and ` + n("Hi") + `(?P<What>.*), got ` + n("Got") + `$`, "problem.between"},
		{`^year must be between ` + n("Lo") + ` and ` + n("Hi") + `, got ` + n("Got") + `$`, "problem.year"},
		{`^is required$`, "problem.required"},
		{`^is required \(lower-case letters, digits, '-', '_' or '\.'\)$`, "problem.required_id"},
		{`^is required \(the key of a default rate\)$`, "problem.required_rate"},
		{`^is required: a duty station, one of (?P<List>.+)$`, "problem.required_venue"},
		{`^is required: the id of a body, or give a rotation$`, "problem.required_body"},
		{`^must be at most ` + n("Max") + ` bytes long, got ` + n("Got") + `$`, "problem.too_long"},
		{`^must be one line without control characters; found (?P<C>'.+') at byte ` + n("At") + `$`, "problem.control_line"},
		{`^must not contain control characters other than line breaks and tabs; found (?P<C>'.+') at byte ` + n("At") + `$`, "problem.control_text"},
		{`^must be at most ` + n("Max") + ` characters, got ` + n("Got") + `$`, "problem.id_too_long"},
		{`^` + q + `: use lower-case letters, digits, '-', '_' or '\.', starting with a letter or digit$`, "problem.id_chars"},
		{`^` + q + ` is not a date YYYY-MM-DD$`, "problem.date"},
		{`^` + q + ` is not a time of day HH:MM \(00:00 to 23:59\)$`, "problem.clock"},
		{`^(?P<From>\d\d:\d\d)-(?P<To>\d\d:\d\d): the window must end after it starts \(to may be 24:00\)$`, "problem.window_order"},
		{`^` + q + ` is not a band; use (?P<A>\S+) or (?P<B>\S+)$`, "problem.band"},
		{`^` + q + ` is not a format; use one of: (?P<List>.+)$`, "problem.format"},
		{`^` + q + ` is not a kind of body; use one of: (?P<List>.+)$`, "problem.kind"},
		{`^` + q + ` is not an arrangement; use consecutive or parallel$`, "problem.arrangement"},
		{`^` + q + ` is used by another block$`, "problem.duplicate_block"},
		{`^` + q + ` is used by another body$`, "problem.duplicate_body"},
		{`^` + q + ` is used by another rotation$`, "problem.duplicate_rotation"},
		{`^format version must be ` + n("Want") + `, got ` + n("Got") + `$`, "problem.version"},
		{`^must not exceed horizon\.years \(` + n("Max") + `\), got ` + n("Got") + `$`, "problem.cycle"},
		{`^must (?:hold|list) between 1 and ` + n("Max") + ` (?P<What>bodies|blocks|sessions), got ` + n("Got") + `$`, "problem.count_between"},
		{`^must hold at most ` + n("Max") + ` (?P<What>bands|dates|times|venues|rotations|sources|assumed values|rate overrides|cycle years), got ` + n("Got") + `$`, "problem.count_max"},
		{`^must differ from from \((?P<From>[^)]*)\): a band covers part of the day, not none or all of it$`, "problem.band_empty"},
		{`^give either venue or venues \(a rotation\), not both$`, "problem.venue_or_venues"},
		{`^give either body or rotation, not both$`, "problem.body_or_rotation"},
		{`^applies only to a rotation entry$`, "problem.take"},
		{`^unknown venue ` + q + `; use one of: (?P<List>.+)$`, "problem.unknown_venue"},
		{`^unknown body ` + q + `; bodies are: (?P<List>.+)$`, "problem.unknown_body"},
		{`^unknown rotation ` + q + `$`, "problem.unknown_rotation"},
		{`^(?P<D>\S+) lies outside the horizon (?P<From>\S+) to (?P<To>\S+)$`, "problem.outside_horizon"},
		{`^(?P<Time>\S+): the day's meetings would end after midnight at the venue; with ` + n("N") + ` meetings a day, start by (?P<By>\S+)$`, "problem.midnight"},
		{`^the scenario implies ` + n("N") + ` meetings over its horizon; the limit is ` + n("Max") + `$`, "problem.too_many_meetings"},
		// The closing messages of a report cut short (model.Report).
		{`^and ` + n("N") + ` more problems in this list \(the first ` + n("Max") + ` are shown\)$`, "problem.more_in_list"},
		{`^and ` + n("N") + ` more problems \(the first ` + n("Max") + ` are shown\)$`, "problem.more"},
		// The settings' checks of the user's burden bands.
		{`^band (?P<N>\d+): (?P<Msg>.+)$`, "problem.settings_band"},
		{`^(?P<End>from|to): (?P<Msg>.+)$`, "problem.band_end"},
		{`^from and to must differ \((?P<From>[^)]*)\)$`, "problem.band_same"},
		{`^weight must be between 0 and ` + n("Max") + `, got ` + n("Got") + `$`, "problem.band_weight"},
		{`^at most ` + n("Max") + ` bands, got ` + n("Got") + `$`, "problem.band_count"},
	}
	out := make([]problemPattern, len(list))
	for i, p := range list {
		out[i] = problemPattern{regexp.MustCompile(p.re), p.key}
	}
	return out
}()

// listMore is the end of a list model.Listed cut.
var listMore = regexp.MustCompile(`^(.*) and ([0-9]+) more$`)

// problemText writes one of the engine's messages in the user's language;
// a message no pattern knows is shown as the engine wrote it.
func problemText(msg string) string {
	if i18n.Current() == i18n.English {
		return msg
	}
	for _, p := range problemPatterns {
		m := p.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		var pairs []any
		for i, name := range p.re.SubexpNames() {
			if name == "" {
				continue
			}
			v := m[i]
			switch name {
			case "Msg":
				// A message inside a message: "band 2: weight must…".
				v = problemText(v)
			case "List":
				// A list cut by model.Listed: "a, b and 12 more".
				if m := listMore.FindStringSubmatch(v); m != nil {
					v = i18n.T("problem.list_more", "List", m[1], "More", m[2])
				}
			case "End":
				v = i18n.T("problem.band_end." + v)
			case "What":
				// A unit or an aside of the engine's: " years",
				// " (or give dates)", "bodies".
				v = i18n.Label("problem.what."+keyOf(strings.TrimSpace(v)), v)
			case "V":
				// The value the user typed, between the language's
				// quotation marks: « x » (no-break spaces), «x».
				v = "«\u00a0" + strings.Trim(v, `"`) + "\u00a0»"
				if i18n.Current() == i18n.Spanish {
					v = "«" + strings.Trim(m[i], `"`) + "»"
				}
			}
			pairs = append(pairs, name, v)
		}
		return i18n.T(p.key, pairs...)
	}
	return msg
}

// conflictKind names a calendar conflict's kind in the user's language.
func conflictKind(kind string) string { return i18n.Label("conflict."+keyOf(kind), kind) }

// message writes one of the engine's messages in the user's language by
// its code; a value that is itself a message (a cost item's city, who
// travels, what is paid) is written so first. A code no catalogue has
// shows the engine's English, which a test forbids for the engine's codes.
func message(m msg.Message) string {
	if m.Code == "" || i18n.Current() == i18n.English {
		return m.English
	}
	pairs := make([]any, 0, 2*len(m.Args))
	for _, a := range m.Args {
		v := a.Value
		if sub, ok := v.(msg.Message); ok {
			v = message(sub)
		}
		pairs = append(pairs, a.Name, v)
	}
	return i18n.Label(m.Code, m.English, pairs...)
}

// cityLabel is a duty station's city as the user's language writes it:
// Genève, Ginebra.
func cityLabel(city string) string { return i18n.Label("city."+keyOf(city), city) }
