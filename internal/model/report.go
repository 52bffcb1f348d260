package model

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"mechplan/internal/msg"
)

// Bounds on what a report of problems holds, so that a hostile file's
// messages stay short whatever it contains: a file of 200,000 broken
// bodies gets a screenful of messages, not 150 MB of them.
const (
	// MaxListed is how many items of a list a message quotes (the known
	// bodies, the venues) before "and N more".
	MaxListed = 10
	// MaxProblemsPerList is how many problems are reported for the
	// elements of one top-level list (bodies, blocks…); the rest are
	// counted in one closing message for the list.
	MaxProblemsPerList = 10
	// MaxProblems is how many problems a report holds in all, closing
	// messages aside; the rest are counted in a last message.
	MaxProblems = 100
	// MaxQuoted is how many characters of a value the user typed a
	// message quotes before "…".
	MaxQuoted = 64
)

// Report collects problems within the bounds above. Problems beyond them
// are counted, never formatted, so that reporting costs little however
// many there are.
type Report struct {
	ps Problems
	// lists are the top-level lists that had problems, in the order
	// found, and how many of their problems were left out.
	lists  []string
	hidden map[string]int
	shown  map[string]int
	// overflow counts the problems left out by MaxProblems.
	overflow int
}

// Add records a problem at a field path; format and args make the message,
// which has no code (the window shows it in English).
func (r *Report) Add(path, format string, args ...any) {
	r.put(path, func() Problem { return Problem{Path: path, Message: fmt.Sprintf(format, args...)} })
}

// Say records a problem at a field path by its message code.
func (r *Report) Say(path string, m msg.Message) {
	r.put(path, func() Problem { return Problem{Path: path, Message: m.English, Msg: m} })
}

// SayLater is Say for a message that costs something to make (a place
// in the file found by counting its lines): mk runs only if the problem
// is reported, not for one left out by the bounds.
func (r *Report) SayLater(path string, mk func() msg.Message) {
	r.put(path, func() Problem { return problem(path, mk()) })
}

// AddProblem records a problem made elsewhere (model.CountProblem).
func (r *Report) AddProblem(p Problem) {
	r.put(p.Path, func() Problem { return p })
}

// put records the problem mk gives, within the bounds; a problem beyond
// them is counted, never made.
func (r *Report) put(path string, mk func() Problem) {
	list := listOf(path)
	if list != "" {
		if r.shown == nil {
			r.shown, r.hidden = map[string]int{}, map[string]int{}
		}
		if _, seen := r.shown[list]; !seen {
			r.lists = append(r.lists, list)
		}
		if r.shown[list] >= MaxProblemsPerList {
			r.hidden[list]++
			return
		}
	}
	if len(r.ps) >= MaxProblems {
		r.overflow++
		return
	}
	if list != "" {
		r.shown[list]++
	}
	r.ps = append(r.ps, mk())
}

// Len is how many problems were found, reported or not.
func (r *Report) Len() int {
	n := len(r.ps) + r.overflow
	for _, h := range r.hidden {
		n += h
	}
	return n
}

// Problems returns the problems reported, followed by one message for
// each list that had more than MaxProblemsPerList and one for those left
// out by MaxProblems.
func (r *Report) Problems() Problems {
	out := r.ps
	for _, l := range r.lists {
		if n := r.hidden[l]; n > 0 {
			out = append(out, problem(l, msg.New("problem.more_in_list", "and {{.N}} more problems in this list (the first {{.Max}} are shown)", "N", n, "Max", MaxProblemsPerList)))
		}
	}
	if r.overflow > 0 {
		out = append(out, problem(FilePath, msg.New("problem.more", "and {{.N}} more problems (the first {{.Max}} are shown)", "N", r.overflow, "Max", MaxProblems)))
	}
	return out
}

// problem is a problem by code, its Message the code's English.
func problem(path string, m msg.Message) Problem {
	return Problem{Path: path, Message: m.English, Msg: m}
}

// listOf is the top-level list a field path lies in ("bodies" for
// "bodies[3].start_times[1]"), or "" for a field outside any list.
func listOf(path string) string {
	i := strings.IndexByte(path, '[')
	if i <= 0 {
		return ""
	}
	return path[:i]
}

// Listed writes items as a comma-separated list of at most MaxListed,
// then "and N more".
func Listed(items []string) string {
	if len(items) <= MaxListed {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:MaxListed], ", ") + fmt.Sprintf(" and %d more", len(items)-MaxListed)
}

// ListedMsg is Listed as a message: the list as it is, or, cut, by the
// code problem.list_more, so that a face writes "and N more" in its
// language.
func ListedMsg(items []string) msg.Message {
	if len(items) <= MaxListed {
		return msg.Message{English: strings.Join(items, ", ")}
	}
	return msg.New("problem.list_more", "{{.List}} and {{.More}} more", "List", strings.Join(items[:MaxListed], ", "), "More", len(items)-MaxListed)
}

// QuotedMsg is Quoted as a message (problem.quoted), so that a face puts
// the value between its language's quotation marks.
func QuotedMsg(v string) msg.Message {
	q := Quoted(v)
	return msg.New("problem.quoted", `"{{.V}}"`, "V", q[1:len(q)-1])
}

// What is an aside or a unit of a message (" years", "bodies") by its
// code problem.what.*; "" is no value.
func What(english string) any {
	if english == "" {
		return ""
	}
	return msg.Message{Code: "problem.what." + msg.Key(strings.TrimSpace(english)), English: english}
}

// Quoted writes a value the user typed between double quotes, escaped as
// Go does (control characters become \n, \x1b…), cut to MaxQuoted
// characters with "…".
func Quoted(v string) string {
	return strconv.Quote(Clip(v, MaxQuoted))
}

// Clip cuts s to at most n characters, marking the cut with "…".
func Clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, count := 0, 0
	for i = range s {
		if count == n-1 {
			break
		}
		count++
	}
	return s[:i] + "…"
}

// listLimit is the number of elements a list may hold, and what they are
// called in messages.
type listLimit struct {
	lo, hi int
	what   string
}

// listLimits are the limits on every list of the format, by the list's
// field path with its indexes left out ("blocks.sessions").
var listLimits = map[string]listLimit{
	"sources":            {0, MaxSources, "sources"},
	"assumed":            {0, MaxAssumed, "assumed values"},
	"bodies":             {1, MaxBodies, "bodies"},
	"bodies.start_times": {0, MaxStartTimes, "times"},
	"rotations":          {0, MaxRotations, "rotations"},
	"rotations.bodies":   {1, MaxBodies, "bodies"},
	"blocks":             {1, MaxBlocks, "blocks"},
	"blocks.venues":      {0, MaxBlocks, "venues"},
	"blocks.years":       {0, MaxCycleYears, "cycle years"},
	"blocks.dates":       {0, MaxDates, "dates"},
	"blocks.sessions":    {1, MaxSessionsInBlock, "sessions"},
	"assumptions":        {0, MaxAssumptions, "rate overrides"},
	"burden_bands":       {0, MaxBands, "bands"},
}

// MaxListLen is the longest list a reader keeps: twice the longest limit
// (MaxDates), so that a scenario saved over its limits (the window saves
// invalid work too) still opens with its problems shown, while a longer
// list, never valid whatever field it is, is refused without its
// elements being kept.
const MaxListLen = 2 * MaxDates

// CountProblem checks the length n of the list at a field path
// ("blocks[3].sessions") against its limit. ok is false when the list is
// too short or too long; too long is then true, and the list's elements
// need not be checked (nor kept) one by one.
func CountProblem(path string, n int) (p Problem, ok, tooLong bool) {
	l, known := listLimits[withoutIndexes(path)]
	if !known || (n >= l.lo && n <= l.hi) {
		return Problem{}, true, false
	}
	if l.lo == 0 {
		return problem(path, msg.New("problem.count_max", "must hold at most {{.Max}} {{.What}}, got {{.Got}}", "Max", l.hi, "What", What(l.what), "Got", n)), false, true
	}
	return problem(path, msg.New("problem.count_between", "must hold between 1 and {{.Max}} {{.What}}, got {{.Got}}", "Max", l.hi, "What", What(l.what), "Got", n)), false, n > l.hi
}

// withoutIndexes drops the list indexes of a field path.
func withoutIndexes(path string) string {
	if !strings.Contains(path, "[") {
		return path
	}
	var b strings.Builder
	skip := false
	for _, r := range path {
		switch {
		case r == '[':
			skip = true
		case r == ']':
			skip = false
		case !skip:
			b.WriteRune(r)
		}
	}
	return b.String()
}
