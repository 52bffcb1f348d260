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
