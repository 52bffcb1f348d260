package main

import (
	"os"
	"strings"
	"testing"
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
