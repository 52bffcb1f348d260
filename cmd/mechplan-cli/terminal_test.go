package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestMessagesStartWithThePathGiven: whatever id a file gives itself, each
// line about it starts with its path as typed on the command line, for
// validate and for the commands that evaluate it.
func TestMessagesStartWithThePathGiven(t *testing.T) {
	base, err := os.ReadFile(filepath.Join("testdata", "invalid", "negative-days.json"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "from-a-delegation.json")
	evil := strings.Replace(string(base), `"id": "bad"`, `"id": "../../evil"`, 1)
	if err := os.WriteFile(path, []byte(evil), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"validate", path}, {"eval", path}, {"schedule", path}, {"burden", path}, {"compare", path}, {"sponsor", path}} {
		code, _, stderr := runCLI(args...)
		if code != exitInvalid || stderr == "" {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
			continue
		}
		for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
			if !strings.HasPrefix(line, path+": ") {
				t.Errorf("%v: a line that does not start with the path: %q", args, line)
			}
		}
	}
}

// TestTerminalSafety: names, keys and values holding line breaks, ANSI
// escape codes, C1 controls and bidirectional overrides never reach the
// terminal raw, in messages or in output.
func TestTerminalSafety(t *testing.T) {
	base, err := os.ReadFile(filepath.Join("testdata", "invalid", "negative-days.json"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	hostile := strings.NewReplacer(
		`"name": "Bad"`, `"name": "Bad\r\nFORGED: valid\u001b[2J\u009b31m\u202egnp.exe"`,
		`"venue": "NYC"`, `"venue": "\u001b]0;title\u0007"`,
		`"week": 3`, `"week": 3, "\u001b[31mkey": 1`,
	).Replace(string(base))
	path := filepath.Join(dir, "evil\x1b[1m\nname.json")
	if err := os.WriteFile(path, []byte(hostile), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"validate", path}, {"eval", path}, {"eval", "--json", path}} {
		_, stdout, stderr := runCLI(args...)
		for _, out := range []string{stdout, stderr} {
			for _, r := range out {
				if r != '\n' && r != '\t' && (unicode.IsControl(r) || r >= 0x202a && r <= 0x202e) {
					t.Errorf("%v: raw %U in %q", args, r, out)
					break
				}
			}
			if strings.Contains(out, "\nFORGED") {
				t.Errorf("%v: a forged line: %q", args, out)
			}
		}
		if !strings.HasPrefix(stderr, ``+strings.ReplaceAll(strings.ReplaceAll(path, "\x1b", `\x1b`), "\n", `\n`)+": ") {
			t.Errorf("%v: stderr does not start with the escaped path: %q", args, stderr)
		}
	}
}

// TestTerminalWriterKeepsCharactersWhole: a character cut between two
// writes comes out whole; controls cut likewise are escaped.
func TestTerminalWriterKeepsCharactersWhole(t *testing.T) {
	var b bytes.Buffer
	w := &terminalWriter{w: &b}
	for _, part := range [][]byte{[]byte("é"[:1]), []byte("é"[1:] + "\u009b"[:1]), []byte("\u009b"[1:] + "ok\n")} {
		w.Write(part)
	}
	if got := b.String(); got != `é\u009bok`+"\n" {
		t.Errorf("got %q", got)
	}
}
