package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"mechplan/internal/i18n/locale"
)

// TestMain runs the command line's tests in English whatever the
// machine's language: the tests that read tables expect English unless
// they ask for another language.
func TestMain(m *testing.M) {
	os.Setenv("LANG", "en_US.UTF-8")
	os.Unsetenv("LC_ALL")
	os.Unsetenv("LC_MESSAGES")
	os.Exit(m.Run())
}

// TestTablesInTheChosenLanguage: --lang, else the system's language,
// writes the headings, member states and groups in that language; JSON
// is byte for byte the same in every language.
func TestTablesInTheChosenLanguage(t *testing.T) {
	cases := []struct {
		args []string
		env  string
		want []string
	}{
		{[]string{"data", "--lang", "fr", "states"}, "", []string{"NOM", "République de Corée", "États d'Afrique", "193 États Membres"}},
		{[]string{"data", "states"}, "es_AR.UTF-8", []string{"NOMBRE", "Bolivia (Estado Plurinacional de)", "193 Estados Miembros"}},
		{[]string{"data", "states"}, "ru_RU.UTF-8", []string{"НАЗВАНИЕ", "Российская Федерация", "государств-членов: 193"}},
		{[]string{"data", "--lang", "zh", "states"}, "fr_FR.UTF-8", []string{"名称", "大韩民国", "193个会员国"}},
		{[]string{"data", "states"}, "de_DE.UTF-8", []string{"NAME", "Republic of Korea", "193 member states"}},
		{[]string{"eval", "--lang", "es", "global-mechanism"}, "", []string{"DÍAS DE REUNIÓN", "AÑO"}},
		{[]string{"compare", "--lang", "ru", "oewg-2021-2025", "global-mechanism"}, "", []string{"По сравнению с oewg-2021-2025", "ДНИ/ГОД"}},
	}
	for _, c := range cases {
		if c.env != "" {
			t.Setenv("LANG", c.env)
		}
		code, out, errs := runCLI(c.args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", c.args, code, errs)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v (LANG=%s): output lacks %q", c.args, c.env, w)
			}
		}
		t.Setenv("LANG", "en_US.UTF-8")
	}
	for _, args := range [][]string{{"data", "--json", "states"}, {"eval", "--json", "global-mechanism"}, {"schedule", "--json", "global-mechanism"}} {
		_, en, _ := runCLI(args...)
		for _, l := range []string{"fr", "ru", "zh"} {
			_, other, _ := runCLI(append([]string{args[0], "--lang", l}, args[1:]...)...)
			if other != en {
				t.Errorf("%v --lang %s: JSON differs from English", args, l)
			}
		}
	}
}

// TestChineseTablesAlign: a terminal draws a Chinese character two
// columns wide, and the tables count it so: every row's third column
// starts where its heading does.
func TestChineseTablesAlign(t *testing.T) {
	_, out, _ := runCLI("data", "--lang", "zh", "states")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	col := func(line, cell string) int {
		i := strings.Index(line, cell)
		if i < 0 {
			t.Fatalf("%q not in %q", cell, line)
		}
		return displayWidth(line[:i])
	}
	want := col(lines[0], "城市")
	for _, l := range lines[1:4] {
		city := strings.Fields(l)[2]
		if got := col(l, city); got != want {
			t.Errorf("%q: the city starts at column %d, its heading at %d", l, got, want)
		}
	}
	if displayWidth("阿尔及利亚") != 10 || displayWidth("Algeria") != 7 {
		t.Error("display widths")
	}
}

// TestEvalInFrench: eval --lang fr writes its headings, rows and notes in
// French and its figures in French form: thousands grouped by a no-break
// space, a decimal comma.
func TestEvalInFrench(t *testing.T) {
	code, out, errs := runCLI("eval", "--lang", "fr", "--baseline", "s2-netherlands", "oewg-2021-2025")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// The full cost over the horizon, as the engine gives it, in both forms.
	_, js, _ := runCLI("eval", "--json", "oewg-2021-2025")
	var doc struct {
		Scenarios []struct {
			Total struct {
				Cost struct{ Total float64 } `json:"cost"`
			} `json:"total"`
		} `json:"scenarios"`
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil || len(doc.Scenarios) != 1 {
		t.Fatalf("eval --json: %v", err)
	}
	whole := int64(math.Round(doc.Scenarios[0].Total.Cost.Total))
	group := func(sep string) string {
		d := strconv.FormatInt(whole, 10)
		for i := len(d) - 3; i > 0; i -= 3 {
			d = d[:i] + sep + d[i:]
		}
		return d
	}
	fullFr, fullEn := group("\u00a0"), group(",")
	for _, w := range []string{
		"ANNÉE", "JOURS DE RÉUNION", "COÛT INTÉGRAL", "OBJET DE DÉPENSE",
		"total 2021–2025", "Coût, en dollars des États-Unis de 2026",
		"Postes ", "dont contributions du personnel",
		fullFr,
		"−5,8 jours de réunion", "100\u00a0% du total repose sur des taux provisoires",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q", w)
		}
	}
	for _, english := range []string{"Cost, USD of", fullEn, "of which staff assessment", "Full cost:", "Posts "} {
		if strings.Contains(out, english) {
			t.Errorf("English %q left", english)
		}
	}
	_, en, _ := runCLI("eval", "--baseline", "s2-netherlands", "oewg-2021-2025")
	if !strings.Contains(en, fullEn) || !strings.Contains(en, "-5.8 meeting days") {
		t.Errorf("English form changed:\n%s", en)
	}
}

// TestUsageErrorInRussian: an unknown flag and a wrong value are reported
// in Russian, followed by the command's flags with their help in Russian;
// English keeps the flag package's own words.
func TestUsageErrorInRussian(t *testing.T) {
	code, _, errs := runCLI("eval", "--lang", "ru", "--bogus", "oewg-2021-2025")
	if code != exitUsage {
		t.Errorf("exit %d", code)
	}
	for _, w := range []string{"неизвестный параметр: -bogus", "Использование eval:", "вывести JSON", "  -baseline строка"} {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs)
		}
	}
	if strings.Contains(errs, "flag provided") || strings.Contains(errs, "print JSON") {
		t.Errorf("English left:\n%s", errs)
	}
	_, _, errs = runCLI("travel", "--lang=ru", "--bridge", "x", "--delegation", "FJI", "s2-netherlands")
	if !strings.Contains(errs, `недопустимое значение "x" параметра -bridge: не удается разобрать значение`) || !strings.Contains(errs, "(по умолчанию: -1)") {
		t.Errorf("travel --bridge x:\n%s", errs)
	}
	_, _, errs = runCLI("schedule", "--lang", "ru")
	if !strings.Contains(errs, "использование: mechplan-cli schedule [--json] SCENARIO") {
		t.Errorf("schedule without a scenario:\n%s", errs)
	}
	_, _, errs = runCLI("eval", "--bogus")
	if !strings.HasPrefix(errs, "flag provided but not defined: -bogus\nUsage of eval:\n") {
		t.Errorf("English usage error changed:\n%s", errs)
	}
}

// TestHelpInEveryLanguage: the summary of the commands and every flag's
// help, in each language of the interface, are that language's, not the
// English: a help reworded in the code and not in the catalogues fails.
func TestHelpInEveryLanguage(t *testing.T) {
	_, enUsage, _ := runCLI("help")
	for _, l := range []string{"fr", "es", "ru", "zh"} {
		t.Setenv("LANG", l+".UTF-8")
		_, usage, _ := runCLI("help")
		for _, cmd := range commands {
			if !strings.Contains(enUsage, cmd.help) || strings.Contains(usage, cmd.help) {
				t.Errorf("%s: the help of %s is English", l, cmd.name)
			}
		}
		for _, cmd := range commands {
			_, _, en := runCLI(cmd.name, "--lang", "en", "--help")
			_, _, other := runCLI(cmd.name, "--lang", l, "--help")
			for _, line := range strings.Split(en, "\n") {
				if strings.HasPrefix(line, "    \t") && strings.Contains(other, line) {
					t.Errorf("%s %s: flag help %q is English", l, cmd.name, strings.TrimSpace(line))
				}
			}
		}
	}
}

// TestTableHeadingsHaveTranslations: every heading the commands give a
// table has its message, cli.col.*, in every language of the interface.
func TestTableHeadingsHaveTranslations(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	files = slices.DeleteFunc(files, func(f string) bool { return strings.HasSuffix(f, "_test.go") })
	call := regexp.MustCompile(`(?s)c\.table\((.*?)\)\n`)
	literal := regexp.MustCompile(`"([^"]*)"`)
	n := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllSubmatch(src, -1) {
			for _, h := range literal.FindAllSubmatch(m[1], -1) {
				heading := string(h[1])
				if heading == "" {
					continue
				}
				n++
				for _, l := range locale.Offered {
					msgs, err := locale.Messages(l)
					if err != nil {
						t.Fatal(err)
					}
					if msgs[headingKey(heading)] == "" {
						t.Errorf("%s: heading %q has no message %s", l, heading, headingKey(heading))
					}
				}
			}
		}
	}
	if n < 50 {
		t.Errorf("found %d headings", n)
	}
}
