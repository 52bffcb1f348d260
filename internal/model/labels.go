package model

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Label is the scenario's name where space is short: its short name when
// it has one, else its name.
func (s *Scenario) Label() string {
	if t := strings.TrimSpace(s.ShortName); t != "" {
		return t
	}
	return strings.TrimSpace(s.Name)
}

// DistinctLabels gives each scenario a label of at most max characters
// (max <= 0: no limit) such that no two different scenarios read the same.
// It starts from Label, cut with an ellipsis where too long; where two
// still collide it adds the scenario's id, and where the ids collide too
// (copies of one scenario) a copy number, shortening the label to make room.
// Every face that names scenarios side by side (window, workbook, report)
// uses it, so a chart and a sheet never show two identical names.
func DistinctLabels(ss []*Scenario, max int) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = Truncate(s.Label(), max)
	}
	clash := func() map[string][]int {
		seen := map[string][]int{}
		for i, l := range out {
			seen[l] = append(seen[l], i)
		}
		for l, idx := range seen {
			if len(idx) < 2 {
				delete(seen, l)
			}
		}
		return seen
	}
	for _, idx := range clash() {
		for _, i := range idx {
			out[i] = withSuffix(ss[i].Label(), " ("+ss[i].ID+")", max)
		}
	}
	for _, idx := range clash() {
		for n, i := range idx {
			out[i] = withSuffix(ss[i].Label(), fmt.Sprintf(" (%d)", n+1), max)
		}
	}
	// A label cut to fit may still meet another scenario's label; number
	// whatever is left, which always ends the clash.
	for _, idx := range clash() {
		for n, i := range idx {
			out[i] = withSuffix(out[i], fmt.Sprintf(" #%d", n+1), max)
		}
	}
	return out
}

// withSuffix is label cut so that label+suffix fits in max characters.
func withSuffix(label, suffix string, max int) string {
	if max <= 0 {
		return label + suffix
	}
	room := max - utf8.RuneCountInString(suffix)
	if room < 1 {
		return Truncate(label+suffix, max)
	}
	return Truncate(label, room) + suffix
}

// Truncate cuts s to at most max characters, ending with "…" when cut
// (max <= 0: s unchanged).
func Truncate(s string, max int) string {
	if max <= 0 || utf8.RuneCountInString(s) <= max {
		return s
	}
	if max == 1 {
		return "…"
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:max-1]), " ") + "…"
}
