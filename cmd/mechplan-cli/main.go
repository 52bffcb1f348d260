// Command mechplan-cli is Mechplan's headless command line: it lists,
// validates and evaluates structure proposals and prints their calendar, as
// readable tables or as JSON for scripts. It is pure Go (CGO_ENABLED=0).
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"

	"mechplan/internal/export/labels"
	"mechplan/internal/i18n/locale"
	"mechplan/internal/model"
	"mechplan/internal/msg"
	"mechplan/internal/refdata"
	"mechplan/internal/store"
)

// Exit codes of the command-line contract.
const (
	exitOK      = 0
	exitInvalid = 1 // invalid input: a file, field or value
	exitUsage   = 2 // the command line itself is wrong
)

type command struct {
	name, args, help string
	run              func(c *cli, args []string) int
}

var commands []command

func init() {
	commands = []command{
		{"list", "[--json]", "built-in scenarios: id, short name, name, source", cmdList},
		{"validate", "FILE...", "check scenario files; exit 1 with one line per problem: FILE: field.path: message", cmdValidate},
		{"eval", "[--json] [--baseline ID] [--eligible LIST] [--include-high-income] [--sensitivity] [--travel-to-hybrid] SCENARIO...", "meeting-day totals and cost per scenario and year (all built-ins when none is named)", cmdEval},
		{"schedule", "[--json] SCENARIO", "the concrete meetings, in venue time", cmdSchedule},
		{"data", "[--json] states|venues|rates", "the reference data: member states, duty stations, default rates", cmdData},
		{"travel", "[--json] --delegation ISO3 [--travellers N] [--bridge DAYS] [--travel-to-hybrid] SCENARIO", "one delegation's trips, days away, cost and the sessions it cannot cover", cmdTravel},
		{"sponsor", "[--json] [--eligible LIST] [--include-high-income] [--pledge USD] [--travel-to-hybrid] SCENARIO", "the sponsorship fund a scenario needs each year, or what a pledge buys", cmdSponsor},
		{"burden", "[--json] [--night HH:MM-HH:MM] [--all] [--travel-to-hybrid] SCENARIO", "night and unsociable hours per delegation; travel for in-person sessions", cmdBurden},
		{"optimize", "[--json] [--night HH:MM-HH:MM] [--hours HH:MM-HH:MM] [--all] [-o FILE] SCENARIO", "start times inside the venue's hours: the front, the recommendation, who gains and loses, a rotation", cmdOptimize},
		{"compare", "[--baseline ID] [--xlsx F] [--pdf F] [--ics F] [--ics-dir DIR] [--ics-past] [--lang en|fr|es|ru|zh|ar] [--json] [--date YYYY-MM-DD] [--travel-to-hybrid] SCENARIO...", "scenarios side by side against a baseline (default oewg-2021-2025); writes Excel, PDF and calendar files", cmdCompare},
	}
}

// cli carries the streams, so tests can run commands in-process.
type cli struct {
	stdout, stderr io.Writer
	ref            *refdata.Data
	// origins are the command-line arguments the scenarios came from: a
	// file's path as given, or a built-in's id. Messages start with it,
	// never with the id a file gives itself (the author's choice).
	origins map[*model.Scenario]string
	// lang and words are the language of the tables and messages (see
	// lang.go), set when the flags are parsed.
	lang  locale.Language
	words labels.Labels
}

// origin is what a scenario's messages start with.
func (c *cli) origin(s *model.Scenario) string {
	if o, ok := c.origins[s]; ok {
		return o
	}
	return s.ID
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	stdout, stderr = &terminalWriter{w: stdout}, &terminalWriter{w: stderr}
	c := &cli{stdout: stdout, stderr: stderr, origins: map[*model.Scenario]string{}}
	c.setLanguage(langArg(args))
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		c.usage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, cmd := range commands {
		if cmd.name == args[0] {
			return cmd.run(c, args[1:])
		}
	}
	fmt.Fprintln(stderr, c.say("cli.err.unknown_command", "mechplan-cli: unknown command {{.Name}}", "Name", fmt.Sprintf("%q", args[0])))
	c.usage(stderr)
	return exitUsage
}

// flags parses flags that may stand before, between or after positional
// arguments, and returns the positional ones.
func (c *cli) flags(fs *flag.FlagSet, args []string) ([]string, bool) {
	if fs.Lookup("lang") == nil {
		fs.String("lang", "", "language of the tables and messages: en, fr, es, ru or zh (default: the system's, else English); JSON is the same in every language")
	}
	c.translateFlags(fs)
	var pos []string
	for {
		if err := c.parseFlags(fs, args); err != nil {
			return nil, false
		}
		args = fs.Args()
		if len(args) == 0 {
			c.setLanguage(fs.Lookup("lang").Value.String())
			return pos, true
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func (c *cli) refdata() (*refdata.Data, error) {
	if c.ref == nil {
		ref, err := refdata.Default()
		if err != nil {
			return nil, fmt.Errorf("reference data: %w", err)
		}
		c.ref = ref
	}
	return c.ref, nil
}

// scenario resolves a SCENARIO argument: a built-in id, else a file.
func (c *cli) scenario(arg string) (*model.Scenario, error) {
	if s, ok, err := store.FindBuiltIn(arg); err != nil {
		return nil, err
	} else if ok {
		c.origins[s] = arg
		return s, nil
	}
	if _, err := os.Stat(arg); err != nil {
		return nil, errors.New(c.say("cli.err.not_scenario", "{{.Arg}}: not a scenario file and not a built-in id (see mechplan-cli list)", "Arg", display(arg)))
	}
	s, err := store.Load(arg)
	if err != nil {
		return nil, withFile(arg, err)
	}
	c.origins[s] = arg
	return s, nil
}

// scenarios resolves every argument, or the whole library when none is given.
func (c *cli) scenarios(args []string) ([]*model.Scenario, error) {
	if len(args) == 0 {
		all, err := store.BuiltIns()
		if err != nil {
			return nil, err
		}
		out := make([]*model.Scenario, len(all))
		for i := range all {
			out[i] = all[i].Scenario
			c.origins[out[i]] = out[i].ID
		}
		return out, nil
	}
	var out []*model.Scenario
	for _, a := range args {
		s, err := c.scenario(a)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// fileError prefixes each problem with the file it was found in: its
// path as given on the command line, on one line.
type fileError struct {
	file string
	err  error
}

func (e fileError) Error() string {
	var ps model.Problems
	if errors.As(e.err, &ps) {
		lines := make([]string, len(ps))
		for i, p := range ps {
			lines[i] = display(e.file) + ": " + display(p.String())
		}
		return strings.Join(lines, "\n")
	}
	return display(e.file) + ": " + display(e.err.Error())
}

func withFile(file string, err error) error { return fileError{file, err} }

// fail prints an error and returns the exit code for invalid input.
func (c *cli) fail(err error) int {
	fmt.Fprintln(c.stderr, c.errorText(err))
	return exitInvalid
}

// errorText writes an error in the command line's language: each problem
// of a file on its own line, "FILE: field.path: message", its message and
// its place in the file ("line 3, column 5") rendered from the engine's
// codes (English, or a message without a code, as the engine wrote it).
func (c *cli) errorText(err error) string {
	var fe fileError
	if !errors.As(err, &fe) {
		if m, ok := msg.Of(err); ok {
			return c.message(m)
		}
		return err.Error()
	}
	var ps model.Problems
	if errors.As(fe.err, &ps) {
		lines := make([]string, len(ps))
		for i, p := range ps {
			text := p.Message
			if p.Msg.Code != "" {
				text = c.message(p.Msg)
			}
			lines[i] = display(fe.file) + ": " + display(c.message(p.Place())+": "+text)
		}
		return strings.Join(lines, "\n")
	}
	if m, ok := msg.Of(fe.err); ok {
		return display(fe.file) + ": " + display(c.message(m))
	}
	return fe.Error()
}

// message renders one of the engine's messages in the command line's
// language by its code; a value that is itself a message is rendered
// first.
func (c *cli) message(m msg.Message) string {
	if c.english() {
		return m.English
	}
	return labels.Message(c.words, m)
}

func (c *cli) json(v any) int {
	enc := json.NewEncoder(c.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return c.fail(err)
	}
	return exitOK
}

func cmdList(c *cli, args []string) int {
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, ok := c.flags(fs, args)
	if !ok || len(pos) > 0 {
		return exitUsage
	}
	all, err := store.BuiltIns()
	if err != nil {
		return c.fail(err)
	}
	type row struct {
		ID        string `json:"id"`
		Name      string `json:"name"`
		ShortName string `json:"short_name"`
		Proponent string `json:"proponent"`
		Source    string `json:"source"`
		File      string `json:"file"`
	}
	rows := make([]row, len(all))
	for i, b := range all {
		s := b.Scenario
		rows[i] = row{ID: s.ID, Name: s.Name, ShortName: s.Label(), Proponent: s.Proponent, Source: sourceLine(s), File: b.File}
	}
	if *asJSON {
		return c.json(map[string]any{"scenarios": rows})
	}
	t := c.table("ID", "SHORT NAME", "NAME", "SOURCE")
	for _, r := range rows {
		t.row(r.ID, display(r.ShortName), display(r.Name), display(r.Source))
	}
	t.flush()
	return exitOK
}

// sourceLine names each document a scenario cites once, in the order it
// first cites it (several statements at one meeting are one document).
func sourceLine(s *model.Scenario) string {
	parts := make([]string, 0, len(s.Sources))
	for _, src := range s.Sources {
		p := src.Document
		if src.Lines != "" {
			p += " " + src.Lines
		}
		if !slices.Contains(parts, p) {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "; ")
}

func cmdValidate(c *cli, args []string) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	files, ok := c.flags(fs, args)
	if !ok {
		return exitUsage
	}
	if len(files) == 0 {
		fmt.Fprintln(c.stderr, c.say("cli.err.validate_none", "mechplan-cli validate: name at least one scenario file"))
		return exitUsage
	}
	ref, err := c.refdata()
	if err != nil {
		return c.fail(err)
	}
	code := exitOK
	for _, f := range files {
		s, err := store.Load(f)
		if err == nil {
			if ps := s.Validate(ref.VenueCodes()); len(ps) > 0 {
				err = ps
			}
		}
		if err != nil {
			fmt.Fprintln(c.stderr, c.errorText(withFile(f, err)))
			code = exitInvalid
			continue
		}
		fmt.Fprintln(c.stdout, c.say("cli.msg.valid", "{{.File}}: valid ({{.Name}})", "File", display(f), "Name", display(s.Name)))
	}
	return code
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
