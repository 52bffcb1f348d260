package refdata

import (
	"fmt"
	"strings"
)

// Problem is one defect in a reference table, located so that whoever
// edits the file can go straight to it.
type Problem struct {
	File   string // path inside the data directory, e.g. "member_states.csv"
	Row    int    // 1-based line for CSV (header is 1), 1-based entry for JSON; 0 for the whole file
	Column string // CSV column or JSON field
	Msg    string
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Row > 0 {
		fmt.Fprintf(&b, ": row %d", p.Row)
	}
	if p.Column != "" {
		fmt.Fprintf(&b, ": %s", p.Column)
	}
	b.WriteString(": ")
	b.WriteString(p.Msg)
	return b.String()
}

// ValidationError lists every problem found, not just the first, so a data
// update can be fixed in one pass.
type ValidationError struct {
	Problems []Problem
}

func (e *ValidationError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return fmt.Sprintf("reference data: %d problem(s):\n%s", len(e.Problems), strings.Join(lines, "\n"))
}

// problems collects Problems while the tables are parsed.
type problems struct {
	list []Problem
}

func (ps *problems) add(file string, row int, column, format string, args ...any) {
	ps.list = append(ps.list, Problem{File: file, Row: row, Column: column, Msg: fmt.Sprintf(format, args...)})
}

func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	return &ValidationError{Problems: ps.list}
}
