package ui

import (
	"errors"
	"strings"

	"mechplan/internal/i18n"
	"mechplan/internal/model"
	"mechplan/internal/msg"
)

// problemText writes one of the engine's problems in the user's
// language by its code (model.Problem.Msg); a problem without a code is
// shown as the engine wrote it.
func problemText(p model.Problem) string {
	if p.Msg.Code == "" {
		return p.Message
	}
	return message(p.Msg)
}

// errText writes an error of the engine's (the settings' checks of the
// user's bands and hours, the problems of a file that does not open) in
// the user's language by its code, or as the engine wrote it when it has
// none.
func errText(err error) string {
	var ps model.Problems
	if errors.As(err, &ps) {
		lines := make([]string, len(ps))
		for i, p := range ps {
			lines[i] = i18n.Label("problem.at", "{{.Place}}: {{.Problem}}", "Place", message(p.Place()), "Problem", problemText(p))
		}
		return strings.Join(lines, "\n")
	}
	if m, ok := msg.Of(err); ok {
		return message(m)
	}
	return err.Error()
}

// conflictKind names a calendar conflict's kind in the user's language.
func conflictKind(kind string) string { return i18n.Label("conflict."+keyOf(kind), kind) }

// message writes one of the engine's messages in the user's language by
// its code; a value that is itself a message (a cost item's city, who
// travels, what is paid) is written so first. A code no catalogue has
// shows the engine's English, which a test forbids for the engine's codes.
func message(m msg.Message) string {
	if i18n.Current() == i18n.English {
		return m.English
	}
	return msg.In(m, i18n.Label)
}

// cityLabel is a duty station's city as the user's language writes it:
// Genève, Ginebra.
func cityLabel(city string) string { return i18n.Label("city."+keyOf(city), city) }
