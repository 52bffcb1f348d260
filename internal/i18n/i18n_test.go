package i18n

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
)

// restore puts the interface back into English after a test.
func restore(t *testing.T) {
	t.Cleanup(func() {
		if err := Setup(English); err != nil {
			t.Fatal(err)
		}
	})
}

func TestForcedLanguageWinsOverTheSystem(t *testing.T) {
	restore(t)
	// The system says German, a language Fyne ships and we do not.
	t.Setenv("LANGUAGE", "de")
	t.Setenv("LANG", "de_DE.UTF-8")
	for _, l := range Offered {
		if err := Setup(l); err != nil {
			t.Fatal(err)
		}
		if Current() != l {
			t.Errorf("forced %s: Current() = %s", l, Current())
		}
		if got := T("language.code"); got != string(l) {
			t.Errorf("forced %s: language.code = %q", l, got)
		}
	}
	// Fyne's own strings follow too: a French dialog's Cancel.
	if err := Setup(French); err != nil {
		t.Fatal(err)
	}
	if got := lang.L("Cancel"); got != "Annuler" {
		t.Errorf("Fyne's Cancel in forced French = %q", got)
	}
	if err := Setup(Spanish); err != nil {
		t.Fatal(err)
	}
	if got := lang.L("Yes"); got != "Sí" {
		t.Errorf("Fyne's Yes in forced Spanish = %q", got)
	}
	for l, cancel := range map[Language]string{Russian: "Отмена", Chinese: "取消"} {
		if err := Setup(l); err != nil {
			t.Fatal(err)
		}
		if got := lang.L("Cancel"); got != cancel {
			t.Errorf("Fyne's Cancel in forced %s = %q, want %q", l, got, cancel)
		}
	}
}

func TestSystemLanguageIsFollowed(t *testing.T) {
	restore(t)
	cases := []struct {
		env  string
		want Language
	}{
		{"fr_CA.UTF-8", French},
		{"es_AR.UTF-8", Spanish},
		{"ru_RU.UTF-8", Russian},
		{"zh_CN.UTF-8", Chinese}, // Fyne's localizer says zh-Hans
		{"en_GB.UTF-8", English},
		{"de_DE.UTF-8", English}, // not offered: English
		{"ja_JP.UTF-8", English},
	}
	for _, c := range cases {
		t.Setenv("LANGUAGE", "")
		t.Setenv("LC_ALL", "")
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANG", c.env)
		if err := Setup(System); err != nil {
			t.Fatal(err)
		}
		if Current() != c.want {
			t.Errorf("system %s: Current() = %s, want %s", c.env, Current(), c.want)
		}
		if got, want := T("language.code"), string(c.want); got != want {
			t.Errorf("system %s: messages in %q, want %q", c.env, got, want)
		}
	}
}

func TestSetupRefusesAnUnofferedLanguage(t *testing.T) {
	restore(t)
	err := Setup(Language("ar"))
	if err == nil || !strings.Contains(err.Error(), "en, fr, es, ru, zh") {
		t.Fatalf("Setup(ar) = %v, want an error listing en, fr, es, ru, zh", err)
	}
}

func TestTemplatesAndPlurals(t *testing.T) {
	restore(t)
	if err := Setup(French); err != nil {
		t.Fatal(err)
	}
	// A key missing everywhere shows itself, so a test walking the
	// screens can see it.
	if got := T("no.such.key"); got != "no.such.key" {
		t.Errorf("missing key = %q", got)
	}
	if got := Label("no.such.metric", "Meeting days"); got != "Meeting days" {
		t.Errorf("Label of an unknown key = %q, want the engine's words", got)
	}
	if got := Label("language.system", "Follow"); got != "Suivre le système" {
		t.Errorf("Label of a known key = %q", got)
	}
	// Russian has four plural forms: 1, 21 (one); 3 (few); 5, 11 (many).
	if err := Setup(Russian); err != nil {
		t.Fatal(err)
	}
	for n, want := range map[int]string{1: "Восстановлен 1 несохраненный сценарий", 21: "Восстановлен 21 несохраненный сценарий",
		3: "Восстановлено 3 несохраненных сценария", 5: "Восстановлено 5 несохраненных сценариев", 11: "Восстановлено 11 несохраненных сценариев"} {
		if got := N("notice.recovered", n); !strings.HasPrefix(got, want) {
			t.Errorf("Russian notice.recovered(%d) = %q, want %q…", n, got, want)
		}
	}
	if got := data([]any{"Name", "x", "Count", 3}); got["Name"] != "x" || got["Count"] != 3 {
		t.Errorf("data pairs = %v", got)
	}
}

var templateVar = regexp.MustCompile(`{{\s*\.(\w+)`)

func vars(s string) []string {
	var out []string
	for _, m := range templateVar.FindAllStringSubmatch(s, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	sort.Strings(out)
	return out
}

// TestCataloguesAreComplete: every English message has a translation in
// every other language offered, using the same template values, and no
// translation carries a key English does not have.
func TestCataloguesAreComplete(t *testing.T) {
	restore(t)
	if err := Setup(English); err != nil {
		t.Fatal(err)
	}
	en := Messages(English)
	if len(en) < 2 {
		t.Fatalf("English catalogue has %d messages", len(en))
	}
	for _, l := range Offered[1:] {
		tr := Messages(l)
		for k, v := range en {
			got, ok := tr[k]
			if !ok || strings.TrimSpace(got) == "" {
				t.Errorf("%s: %q has no translation (English: %q)", l, k, v)
				continue
			}
			if a, b := vars(v), vars(got); !slices.Equal(a, b) {
				t.Errorf("%s: %q uses %v, English uses %v", l, k, b, a)
			}
		}
		for k := range tr {
			if _, ok := en[k]; !ok {
				t.Errorf("%s: %q is not an English key", l, k)
			}
		}
		if tr["language.code"] != string(l) {
			t.Errorf("%s: language.code = %q", l, tr["language.code"])
		}
	}
}

// TestFyneTagsMatchFyne: a forced language must be registered under
// every language Fyne's localizer may settle on, which are the files
// Fyne ships.
func TestFyneTagsMatchFyne(t *testing.T) {
	// The module in use, wherever the build found it.
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "lang", "translations")
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var shipped []string
	for _, f := range files {
		tag := strings.TrimSuffix(strings.TrimPrefix(f.Name(), "base."), ".json")
		shipped = append(shipped, strings.ReplaceAll(tag, "_", "-"))
	}
	sort.Strings(shipped)
	want := slices.Sorted(slices.Values(fyneTags))
	if !slices.Equal(shipped, want) {
		t.Errorf("Fyne ships %v; fyneTags lists %v", shipped, want)
	}
}

func TestLanguageNames(t *testing.T) {
	want := map[Language]string{English: "English", French: "Français", Spanish: "Español", Russian: "Русский", Chinese: "中文"}
	for _, l := range Offered {
		if l.Name() != want[l] {
			t.Errorf("%s.Name() = %q", l, l.Name())
		}
	}
	if System.Offered() || Language("ar").Offered() {
		t.Error("System and Arabic must not count as offered")
	}
}

// TestUsableBeforeSetup runs in its own process so that no Setup ran: a
// screen's model built alone must get texts, not keys.
func TestUsableBeforeSetup(t *testing.T) {
	if os.Getenv("MECHPLAN_I18N_CHILD") == "1" {
		if got := T("language.system"); got != "Follow the system" {
			t.Fatalf("before Setup, T = %q", got)
		}
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestUsableBeforeSetup$")
	cmd.Env = append(os.Environ(), "MECHPLAN_I18N_CHILD=1", "LANG=en_US.UTF-8", "LANGUAGE=", "LC_ALL=", "LC_MESSAGES=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
}

// TestExportLabels: the exports' words come from the catalogue of the
// language asked for, whatever the interface's language; English is the
// exports' own words.
func TestExportLabels(t *testing.T) {
	fr := Export(French)
	if got := fr.Text("export.xlsx.sheet.assumptions", "Assumptions"); got != "Hypothèses" {
		t.Errorf("French Assumptions = %q", got)
	}
	if got := Export(Spanish).Text("export.pdf.page", "Page {{.Page}} of {{.Pages}}", "Page", "2", "Pages", "9"); got != "Página 2 de 9" {
		t.Errorf("Spanish page = %q", got)
	}
	if got := fr.Text("no.such.key", "Total, {{.Horizon}}", "Horizon", "2026–2030"); got != "Total, 2026–2030" {
		t.Errorf("missing key = %q", got)
	}
	if got := Export(English).Text("section.2", "Section 2, engine words"); got != "Section 2, engine words" {
		t.Errorf("English = %q, want the export's own words", got)
	}
	d := time.Date(2027, time.March, 1, 0, 0, 0, 0, time.UTC)
	if fr.Date(d) != "1er mars 2027" || Export(Spanish).Date(d) != "1 de marzo de 2027" || Export(English).Date(d) != "1 March 2027" {
		t.Errorf("dates %q %q %q", fr.Date(d), Export(Spanish).Date(d), Export(English).Date(d))
	}
	if fr.Lang() != "fr" || Export(Language("de")).Lang() != "en" {
		t.Error("languages")
	}
}
