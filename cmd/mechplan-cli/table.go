package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode"
)

// table prints aligned columns for people; --json is for scripts.
type table struct {
	out  io.Writer
	rows [][]string
}

func newTable(out io.Writer, header ...string) *table {
	t := &table{out: out}
	t.row(header...)
	return t
}

func (t *table) row(cells ...string) { t.rows = append(t.rows, cells) }

// flush writes the rows. Text/tabwriter counts every character as one
// column, but a terminal gives Chinese characters two, so a table with
// any wide character is aligned by display width instead.
func (t *table) flush() {
	wide := false
	for _, r := range t.rows {
		for _, c := range r {
			if strings.IndexFunc(c, isWide) >= 0 {
				wide = true
			}
		}
	}
	if !wide {
		w := tabwriter.NewWriter(t.out, 0, 0, 2, ' ', 0)
		for _, r := range t.rows {
			fmt.Fprintln(w, strings.Join(r, "\t"))
		}
		w.Flush()
		t.rows = nil
		return
	}
	var widths []int
	for _, r := range t.rows {
		for i, c := range r[:max(len(r)-1, 0)] {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	for _, r := range t.rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		fmt.Fprintln(t.out, b.String())
	}
	t.rows = nil
}

// isWide reports whether a terminal draws r two columns wide: the CJK
// ideographs, kana, Hangul and the full-width forms.
func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		unicode.Is(unicode.Hangul, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF01 && r <= 0xFF60) || (r >= 0xFFE0 && r <= 0xFFE6)
}

// displayWidth is the columns a terminal gives s.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case isWide(r):
			n += 2
		case unicode.Is(unicode.Mn, r):
		default:
			n++
		}
	}
	return n
}
