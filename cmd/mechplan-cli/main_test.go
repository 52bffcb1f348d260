package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mechplan/internal/store"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestListShowsTheLibrary(t *testing.T) {
	code, out, _ := runCLI("list", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var v struct {
		Scenarios []struct{ ID, Name, Source string }
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Scenarios) < 12 {
		t.Fatalf("%d built-ins", len(v.Scenarios))
	}
	for _, s := range v.Scenarios {
		if s.ID == "" || s.Name == "" || s.Source == "" {
			t.Errorf("incomplete row %+v", s)
		}
	}
}

func evalYears(t *testing.T, id string) map[int]int {
	t.Helper()
	code, out, errs := runCLI("eval", "--json", id)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var v struct {
		Scenarios []struct {
			Years []struct {
				Year        int `json:"year"`
				MeetingDays int `json:"meeting_days"`
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	days := map[int]int{}
	for _, y := range v.Scenarios[0].Years {
		days[y.Year] = y.MeetingDays
	}
	return days
}

func TestEvalReferenceFigures(t *testing.T) {
	oewg := evalYears(t, "oewg-2021-2025")
	for year, want := range map[int]int{2022: 10, 2023: 15, 2024: 15, 2025: 10} {
		if oewg[year] != want {
			t.Errorf("OEWG %d: %d meeting days, want %d", year, oewg[year], want)
		}
	}
	if gm := evalYears(t, "global-mechanism"); gm[2026] != 12 {
		t.Errorf("Global Mechanism 2026: %d meeting days, want 12", gm[2026])
	}
}

func TestScheduleJSONContract(t *testing.T) {
	code, out, _ := runCLI("schedule", "--json", "s7-rotating-venues")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var v struct {
		Scenario string
		Meetings []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.Scenario != "s7-rotating-venues" || len(v.Meetings) == 0 {
		t.Fatalf("%+v", v)
	}
	for _, k := range []string{"body", "kind", "date", "start", "end", "venue", "tz", "format"} {
		if _, ok := v.Meetings[0][k]; !ok {
			t.Errorf("meeting lacks %q", k)
		}
	}
	if v.Meetings[0]["tz"] != "Europe/Zurich" || v.Meetings[0]["start"] != "10:00" {
		t.Errorf("first meeting %v", v.Meetings[0])
	}
}

func TestValidateInvalidFiles(t *testing.T) {
	cases := map[string][]string{
		"negative-days.json":    {"bodies[0].meetings: must be between 1 and 60"},
		"unknown-venue.json":    {"blocks[0].venue: unknown venue \"PAR\"; use one of: NYC"},
		"unknown-field.json":    {"bodies[0].colour: unknown field; allowed here:"},
		"500-year-horizon.json": {"horizon.years: must be between 1 and 50 years, got 500"},
		"wrong-types.json":      {"bodies[0].meetings: must be a whole number", "cycle_years: must be a whole number, got a list"},
		"broken-syntax.json":    {"line 4, column 3: broken JSON syntax: invalid character"},
	}
	for file, wants := range cases {
		path := filepath.Join("testdata", "invalid", file)
		code, out, errs := runCLI("validate", path)
		if code != exitInvalid || out != "" {
			t.Errorf("%s: exit %d, stdout %q", file, code, out)
		}
		for _, w := range wants {
			if !strings.Contains(errs, path+": "+w) {
				t.Errorf("%s: stderr lacks %q:\n%s", file, w, errs)
			}
		}
	}
}

func TestValidateBuiltInFilesAndUsage(t *testing.T) {
	files, _ := filepath.Glob("../../resources/scenarios/*.json")
	code, out, errs := runCLI(append([]string{"validate"}, files...)...)
	if code != 0 || strings.Count(out, ": valid") != len(files) {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	if code, _, _ := runCLI("validate"); code != exitUsage {
		t.Errorf("validate with no file: exit %d", code)
	}
	if code, _, _ := runCLI("frobnicate"); code != exitUsage {
		t.Errorf("unknown command: exit %d", code)
	}
	if code, _, errs := runCLI("eval", "no-such-scenario"); code != exitInvalid || !strings.Contains(errs, "not a scenario file and not a built-in id") {
		t.Errorf("unknown scenario: exit %d: %s", code, errs)
	}
	if code, _, _ := runCLI("eval", "--bogus"); code != exitUsage {
		t.Errorf("unknown flag: exit %d", code)
	}
}

// Golden files pin every built-in's calendar and meeting-day totals. After
// an intended change, rewrite them with:
//
//	go test ./cmd/mechplan-cli -run Golden -update
func TestGoldenBuiltIns(t *testing.T) {
	all, err := store.BuiltIns()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range all {
		id := b.Scenario.ID
		t.Run(id, func(t *testing.T) {
			_, sched, _ := runCLI("schedule", id)
			code, evalOut, errs := runCLI("eval", "--json", id)
			if code != 0 {
				t.Fatalf("eval: %s", errs)
			}
			got := sched + "\n" + meetingDayTotals(t, evalOut)
			path := filepath.Join("testdata", "golden", id+".txt")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (create it with -update)", err)
			}
			if string(want) != got {
				t.Fatalf("%s differs from the engine's output; if the change is intended, run go test ./cmd/mechplan-cli -run Golden -update and review the diff", path)
			}
		})
	}
}

// meetingDayTotals keeps only the meeting-day figures of eval's JSON, so the
// golden files do not change when other stages add fields.
func meetingDayTotals(t *testing.T, evalJSON string) string {
	var v struct {
		Scenarios []struct {
			Years []map[string]any `json:"years"`
			Total map[string]any   `json:"total"`
		}
	}
	if err := json.Unmarshal([]byte(evalJSON), &v); err != nil {
		t.Fatal(err)
	}
	keys := []string{"meeting_days", "body_days", "meetings", "interpreted_meetings", "in_person_days", "hybrid_days", "virtual_days", "max_parallel", "blocks"}
	var b strings.Builder
	row := func(label string, m map[string]any) {
		b.WriteString(label)
		for _, k := range keys {
			b.WriteString(" " + k + "=")
			raw, _ := json.Marshal(m[k])
			b.Write(raw)
		}
		b.WriteString("\n")
	}
	for _, y := range v.Scenarios[0].Years {
		raw, _ := json.Marshal(y["year"])
		row(string(raw), y)
	}
	row("total", v.Scenarios[0].Total)
	return b.String()
}

// Under S9 a Korean delegation flies only to the in-person plenary (one
// trip a year) and follows the hybrid groups from Seoul, unless told to
// fly to hybrid meetings too (three trips a year).
func TestTravelToHybrid(t *testing.T) {
	trips := func(args ...string) int {
		code, out, errs := runCLI(append([]string{"travel", "--json", "--delegation", "KOR"}, args...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var v struct{ Trips []json.RawMessage }
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatal(err)
		}
		return len(v.Trips)
	}
	if n := trips("s9-hybrid-groups"); n != 5 {
		t.Errorf("%d trips over 2026–2030, want 5 (the plenaries)", n)
	}
	if n := trips("--travel-to-hybrid", "s9-hybrid-groups"); n != 15 {
		t.Errorf("%d trips with --travel-to-hybrid, want 15", n)
	}
}

// TestValidateSpeaksTheLanguage: with --lang, each problem keeps its file
// and field path and reads in the chosen language, from the engine's
// message code; English stays the engine's own wording.
func TestValidateSpeaksTheLanguage(t *testing.T) {
	file := filepath.Join("testdata", "invalid", "negative-days.json")
	prefix := file + ": bodies[0].meetings: "
	for lang, want := range map[string]string{
		"en": "must be between 1 and 60",
		"fr": "doit être compris entre 1 et 60",
		"es": "debe estar entre 1 y 60",
		"ru": "должно быть от 1 до 60",
		"zh": "必须在 1 至 60",
	} {
		code, _, stderr := runCLI("validate", "--lang", lang, file)
		if code != exitInvalid || !strings.Contains(stderr, prefix+want) {
			t.Errorf("--lang %s: exit %d, %q; want a line starting %q", lang, code, stderr, prefix+want)
		}
		if lang != "en" && strings.Contains(stderr, "must be between") {
			t.Errorf("--lang %s: English left: %q", lang, stderr)
		}
	}
}

// TestFormErrorsSpeakTheLanguage: the problems of a file's form (broken
// JSON, wrong types) are written in the chosen language too, their place
// in the file included; English stays as the golden files have it.
func TestFormErrorsSpeakTheLanguage(t *testing.T) {
	syntax := filepath.Join("testdata", "invalid", "broken-syntax.json")
	types := filepath.Join("testdata", "invalid", "wrong-types.json")
	for _, c := range []struct{ lang, file, want string }{
		{"en", syntax, syntax + `: line 4, column 3: broken JSON syntax: invalid character '"' after object key:value pair`},
		{"fr", syntax, syntax + `: ligne 4, colonne 3: syntaxe JSON incorrecte : caractère '"' non valide après une paire clé:valeur`},
		{"es", types, types + ": cycle_years: debe ser un número entero; valor encontrado: una lista"},
		{"ru", types, types + ": bodies[0].meetings: должно быть целым числом, указано: текст «ten»"},
		{"zh", syntax, syntax + `: 第 4 行第 3 列: JSON 语法错误：键值对之后出现无效字符 '"'`},
	} {
		code, _, stderr := runCLI("validate", "--lang", c.lang, c.file)
		if code != exitInvalid || !strings.Contains(stderr, c.want) {
			t.Errorf("--lang %s: exit %d, %q; want a line %q", c.lang, code, stderr, c.want)
		}
	}
}

// TestDataRatesNamesTheKeyOfEveryYear: the rates table lists each year's
// exchange rate and says which key overrides them all, and each
// placeholder is marked once.
func TestDataRatesNamesTheKeyOfEveryYear(t *testing.T) {
	code, out, errs := runCLI("data", "rates")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"fx.CHF.2025 ", "fx.EUR.2008 ", "a scenario sets fx.CHF, fx.EUR;"} {
		if !strings.Contains(out, want) {
			t.Errorf("data rates lacks %q", want)
		}
	}
	if strings.Contains(out, "PLACEHOLDER: Placeholder") || !strings.Contains(out, "PLACEHOLDER: Assumption: one report") {
		t.Error("a placeholder is marked twice")
	}
}
