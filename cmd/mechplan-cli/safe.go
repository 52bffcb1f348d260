package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// terminalWriter passes text to a terminal with every character that
// could act on it escaped: control characters other than the line breaks
// and tabs of our own layout (ESC starts the ANSI codes that move the
// cursor or recolour, CR rewrites a line), the C1 controls some terminals
// take for ESC sequences, and the bidirectional overrides that make text
// read in another order than it is. Everything the CLI prints goes
// through one, so no file can act on the terminal through a name, a path
// or a message; JSON output never holds these characters raw (the
// encoder escapes C0 controls, and the \u escapes written here for the
// others are valid JSON).
type terminalWriter struct {
	w io.Writer
	// pending is the start of a character a write cut.
	pending []byte
}

func (t *terminalWriter) Write(p []byte) (int, error) {
	n := len(p)
	data := append(t.pending, p...)
	t.pending = nil
	var b strings.Builder
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 && !utf8.FullRune(data[i:]) {
			t.pending = append([]byte{}, data[i:]...)
			break
		}
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, data[i])
		case unsafeRune(r):
			b.WriteString(escapeRune(r))
		default:
			b.Write(data[i : i+size])
		}
		i += size
	}
	if _, err := io.WriteString(t.w, b.String()); err != nil {
		return 0, err
	}
	return n, nil
}

// unsafeRune says whether a character can act on a terminal or reorder
// the text around it.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

func escapeRune(r rune) string {
	switch r {
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	}
	if r < 0x80 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// display writes user text (a name, a path) on one line: line breaks and
// tabs escaped too, so that it cannot start a line of its own.
func display(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) {
			b.WriteString(escapeRune(r))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
