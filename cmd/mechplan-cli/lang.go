package main

import (
	"os"
	"regexp"
	"strings"

	"mechplan/internal/export/labels"
	"mechplan/internal/i18n/locale"
)

// The command line writes its tables' headings, the names of member
// states and regional groups, and its own summary lines in a language:
// --lang if given, else the system's (LC_ALL, LC_MESSAGES, LANG, as POSIX
// orders them), English when that is not one of the interface's languages.
// JSON output never changes with the language: its keys and values are
// the contract scripts rely on.

// systemLanguage reads the language from the environment: "fr_CA.UTF-8"
// is French; "C", "POSIX" and languages not offered are English.
func systemLanguage() locale.Language {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		s := os.Getenv(v)
		if s == "" {
			continue
		}
		code, _, _ := strings.Cut(strings.ToLower(s), "_")
		code, _, _ = strings.Cut(code, ".")
		if l := locale.Language(code); l.Offered() {
			return l
		}
		return locale.English
	}
	return locale.English
}

// setLanguage chooses the language of the tables from --lang (a code, or
// "" for the system's). A language the window does not speak, such as
// Arabic (offered for the workbook only), writes the tables in English.
func (c *cli) setLanguage(code string) {
	l := locale.Language(code)
	if code == "" {
		l = systemLanguage()
	}
	if !l.Offered() {
		l = locale.English
	}
	c.lang = l
	c.words = locale.Export(l)
}

// say is a message of the command line in its language.
func (c *cli) say(key, english string, pairs ...any) string {
	return labels.Or(c.words).Text(key, english, pairs...)
}

var colKey = regexp.MustCompile(`[^a-z0-9]+`)

// table starts a table whose headings are in the command line's language
// (message cli.col.*; a heading without a translation stays as written).
func (c *cli) table(header ...string) *table {
	out := make([]string, len(header))
	for i, h := range header {
		if h != "" {
			out[i] = c.say(headingKey(h), h)
		}
	}
	return newTable(c.stdout, out...)
}

// headingKey is the message of a table's heading: "Δ COST" → cli.col.delta_cost.
func headingKey(h string) string {
	return "cli.col." + strings.Trim(colKey.ReplaceAllString(strings.ToLower(strings.ReplaceAll(h, "Δ", "delta ")), "_"), "_")
}

// stateName is a member state's UN name in the command line's language.
func (c *cli) stateName(iso3, english string) string {
	return labels.Or(c.words).Text(labels.StatePrefix+iso3, english)
}

// groupName is a regional group's name in the command line's language.
func (c *cli) groupName(g string) string {
	return labels.Or(c.words).Text("group."+labels.KeyOf(g), g)
}
