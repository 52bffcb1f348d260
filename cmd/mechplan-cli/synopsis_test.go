package main

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestSynopsisNamesEveryFlag: each command's line of usage (printed by
// the general usage and by the command's own errors) and its line in the
// README name every flag the command takes, so that neither drifts from
// the flags when one is added. --lang, which every command takes, is
// documented once for all.
func TestSynopsisNamesEveryFlag(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	// The README's block of commands: one entry per command, possibly
	// wrapped over several lines, each starting "mechplan-cli NAME".
	block := string(readme)
	if i := strings.Index(block, "mechplan-cli list "); i >= 0 {
		block = block[i:]
	}
	if i := strings.Index(block, "```"); i >= 0 {
		block = block[:i]
	}
	entries := map[string]string{}
	name := ""
	for _, line := range strings.Split(block, "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "mechplan-cli" {
			name = f[1]
		}
		entries[name] += line + "\n"
	}
	flagLine := regexp.MustCompile(`(?m)^  -([a-z-]+)`)
	for _, cmd := range commands {
		code, _, help := runCLI(cmd.name, "-h")
		if code != exitUsage && code != exitOK {
			t.Errorf("%s -h: exit %d", cmd.name, code)
		}
		flags := flagLine.FindAllStringSubmatch(help, -1)
		if len(flags) == 0 {
			t.Errorf("%s -h lists no flags:\n%s", cmd.name, help)
		}
		for _, f := range flags {
			if f[1] == "lang" {
				continue
			}
			want := regexp.MustCompile(`(^|[\[ ])--?` + regexp.QuoteMeta(f[1]) + `([\] ]|$)`)
			if !want.MatchString(synopsis(cmd.name)) {
				t.Errorf("usage %q lacks --%s", synopsis(cmd.name), f[1])
			}
			if entry := entries[cmd.name]; !want.MatchString(strings.Join(strings.Fields(entry), " ")) {
				t.Errorf("README's line for %s lacks --%s:\n%s", cmd.name, f[1], entry)
			}
		}
	}
}

// TestListNamesEachSourceOnce: a scenario citing several statements of
// one meeting lists that meeting once.
func TestListNamesEachSourceOnce(t *testing.T) {
	code, out, errs := runCLI("list", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Scenarios []struct {
			ID     string `json:"id"`
			Source string `json:"source"`
		} `json:"scenarios"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	repeated := 0
	for _, r := range doc.Scenarios {
		seen := map[string]bool{}
		for _, p := range strings.Split(r.Source, "; ") {
			if seen[p] {
				t.Errorf("%s cites %q twice", r.ID, p)
			}
			seen[p] = true
		}
		if strings.Count(r.Source, "6 December 2024") > 0 {
			repeated++
		}
	}
	if repeated == 0 {
		t.Error("no built-in cites the meeting of 6 December 2024: the test reads nothing")
	}
}
