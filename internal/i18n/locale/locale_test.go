package locale

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoFyne: the command-line tool writes translated exports through
// this package, so it must not link Fyne (whose localizer complains on
// stderr about a C locale, and which a command-line tool does not need).
func TestNoFyne(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "mechplan/internal/i18n/locale", "mechplan/cmd/mechplan-cli").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, "fyne.io/") {
			t.Errorf("links %s", p)
		}
	}
}

func TestMessagesOfEveryLanguage(t *testing.T) {
	for _, l := range Offered {
		m, err := Messages(l)
		if err != nil {
			t.Fatal(err)
		}
		if m["language.code"] != string(l) {
			t.Errorf("%s: language.code = %q", l, m["language.code"])
		}
	}
	fr := Export(French)
	if got := fr.Text("export.xlsx.sheet.summary", "Summary"); got != "Synthèse" {
		t.Errorf("French Summary = %q", got)
	}
	if got := fr.Number(2236, 0); got != "2\u00a0236" {
		t.Errorf("French number = %q", got)
	}
	if got := Export(Spanish).Money(6.46e6); got != "6,46\u00a0M\u00a0USD" {
		t.Errorf("Spanish money = %q", got)
	}
}

func TestPluralCategory(t *testing.T) {
	cases := []struct {
		l    Language
		n    int
		want string
	}{
		{Russian, 1, "one"}, {Russian, 21, "one"}, {Russian, 11, "many"}, {Russian, 2, "few"}, {Russian, 24, "few"},
		{Russian, 12, "many"}, {Russian, 5, "many"}, {Russian, 0, "many"}, {Russian, 101, "one"},
		{Chinese, 1, "other"}, {English, 1, "one"}, {English, 0, "other"}, {French, 0, "other"}, {Spanish, 2, "other"},
		{Arabic, 0, "zero"}, {Arabic, 2, "two"}, {Arabic, 103, "few"}, {Arabic, 11, "many"}, {Arabic, 100, "other"},
	}
	for _, c := range cases {
		if got := PluralCategory(c.l, c.n); got != c.want {
			t.Errorf("%s %d: %s, want %s", c.l, c.n, got, c.want)
		}
	}
}
