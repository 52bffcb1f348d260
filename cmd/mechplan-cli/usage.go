package main

import (
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"

	"mechplan/internal/i18n/locale"
	"mechplan/internal/msg"
)

// The command line's own words in its language: the usage, each
// command's help, the help of each flag and the errors of the flag
// package. English is the flag package's own output, unchanged.

// usage prints the summary of the commands.
func (c *cli) usage(w io.Writer) {
	fmt.Fprintln(w, c.say("cli.usage.title", "Mechplan: plan the logistics of intergovernmental mechanisms."))
	fmt.Fprintln(w, "\n"+c.say("cli.usage.synopsis", "Usage: mechplan-cli COMMAND [flags] [arguments]"))
	fmt.Fprintln(w, "\n"+c.say("cli.usage.scenario", "SCENARIO is a scenario file or the id of a built-in scenario (see list)."))
	fmt.Fprintln(w, "\n"+c.say("cli.usage.commands", "Commands:"))
	for _, cmd := range commands {
		fmt.Fprintf(w, "  %-9s %s\n            %s\n", cmd.name, cmd.args, c.sayAsWritten("cli.help."+cmd.name, cmd.help))
	}
	fmt.Fprintln(w, "\n"+c.say("cli.usage.exit", "Exit status: 0 success, 1 invalid input, 2 usage error."))
}

// sayAsWritten is a text of the command line's (a command's or a flag's
// help) in its language, but only while en.json's English of the key is
// the text as the code writes it: a help reworded in the code and not yet
// in the catalogues stays English rather than show a stale translation.
func (c *cli) sayAsWritten(key, english string) string {
	if englishMessages()[key] != english {
		return english
	}
	return c.say(key, english)
}

var englishMessages = sync.OnceValue(func() map[string]string {
	m, _ := locale.Messages(locale.English)
	return m
})

// usageLine is a command's usage, written when its arguments are wrong.
// synopsis is a command's line of usage, from the table of commands
// that the general usage prints too.
func synopsis(name string) string {
	for _, cmd := range commands {
		if cmd.name == name {
			return "mechplan-cli " + cmd.name + " " + cmd.args
		}
	}
	return "mechplan-cli " + name
}

func (c *cli) usageLine(line string) string {
	return c.say("cli.usage.line", "usage: {{.Line}}", "Line", line)
}

// langArg is the value of --lang among a command's arguments, read
// before the flags are parsed so that the flags' own errors are written
// in it; "" when none is given.
func langArg(args []string) string {
	for i, a := range args {
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if hasValue {
			return value
		}
		if i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

// flagKey is the message of a flag's help: cli.flag.COMMAND.NAME when a
// command gives the flag a help of its own, else cli.flag.NAME.
func (c *cli) flagKey(fs *flag.FlagSet, f *flag.Flag) string {
	own := "cli.flag." + msg.Key(fs.Name()) + "." + msg.Key(f.Name)
	if _, ok := englishMessages()[own]; ok {
		return own
	}
	return "cli.flag." + msg.Key(f.Name)
}

// translateFlags puts the help of fs's flags in the command line's
// language and makes fs write its usage and errors in it; in English fs
// is left as the flag package made it.
func (c *cli) translateFlags(fs *flag.FlagSet) {
	if c.english() {
		fs.SetOutput(c.stderr)
		return
	}
	fs.VisitAll(func(f *flag.Flag) { f.Usage = c.sayAsWritten(c.flagKey(fs, f), f.Usage) })
	// The flag package prints its error, then the usage; both are
	// printed here instead, in the language (parseFlags).
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
}

// parseFlags parses args, writing a flag error and the usage in the
// command line's language.
func (c *cli) parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if err == nil || c.english() {
		return err
	}
	if err != flag.ErrHelp {
		fmt.Fprintln(c.stderr, c.flagError(err))
	}
	c.printFlags(fs)
	return err
}

// printFlags is the flag package's usage of a command, in the language.
func (c *cli) printFlags(fs *flag.FlagSet) {
	var b strings.Builder
	b.WriteString(c.say("cli.flag.usage_of", "Usage of {{.Cmd}}:", "Cmd", fs.Name()) + "\n")
	fs.VisitAll(func(f *flag.Flag) {
		name, help := flag.UnquoteUsage(f)
		b.WriteString("  -" + f.Name)
		if name != "" {
			b.WriteString(" " + c.say("cli.flag.type."+msg.Key(name), name))
		}
		b.WriteString("\n    \t" + strings.ReplaceAll(help, "\n", "\n    \t"))
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			b.WriteString(" " + c.say("cli.flag.default", "(default {{.V}})", "V", f.DefValue))
		}
		b.WriteString("\n")
	})
	fmt.Fprint(c.stderr, b.String())
}

// flagErrors are the flag package's errors, by the code of each; the set
// is fixed by the package, and an error outside it is written as the
// package wrote it.
var flagErrors = []struct {
	re            *regexp.Regexp
	code, english string
}{
	{regexp.MustCompile(`^flag provided but not defined: -(.*)$`), "cli.flagerr.undefined", "flag provided but not defined: -{{.Name}}"},
	{regexp.MustCompile(`^flag needs an argument: -(.*)$`), "cli.flagerr.needs_argument", "flag needs an argument: -{{.Name}}"},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), "cli.flagerr.syntax", "bad flag syntax: {{.Name}}"},
	{regexp.MustCompile(`^invalid value ("(?:[^"\\]|\\.)*") for flag -([^:]*): (.*)$`), "cli.flagerr.invalid_value", "invalid value {{.Value}} for flag -{{.Name}}: {{.Why}}"},
	{regexp.MustCompile(`^invalid boolean value ("(?:[^"\\]|\\.)*") for -([^:]*): (.*)$`), "cli.flagerr.invalid_bool", "invalid boolean value {{.Value}} for -{{.Name}}: {{.Why}}"},
}

// flagError is an error of the flag package in the command line's language.
func (c *cli) flagError(err error) string {
	s := err.Error()
	for _, e := range flagErrors {
		m := e.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		if len(m) == 2 {
			return c.say(e.code, e.english, "Name", m[1])
		}
		why := m[3]
		switch why {
		case "parse error":
			why = c.say("cli.flagerr.parse", why)
		case "value out of range":
			why = c.say("cli.flagerr.range", why)
		}
		return c.say(e.code, e.english, "Value", m[1], "Name", m[2], "Why", why)
	}
	return s
}
