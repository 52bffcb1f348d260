package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"mechplan/internal/export/exporttest"
	"mechplan/internal/export/labels"
	"mechplan/internal/i18n"
)

// TestEnglishIsUnchanged: a report without a language, with the English
// labels and with the English of internal/i18n are the same bytes.
func TestEnglishIsUnchanged(t *testing.T) {
	c := exporttest.BuiltIns(t, "oewg-2021-2025", "s9-hybrid-groups")
	plain, err := Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []labels.Labels{labels.English, i18n.Export(i18n.English)} {
		got, err := EncodeWith(c, Options{Labels: l})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, plain) {
			t.Errorf("English report with %T differs from Encode's", l)
		}
	}
}

// TestFrenchAndSpanishReports extracts the text of the built-in
// comparison's report in French and Spanish.
func TestFrenchAndSpanishReports(t *testing.T) {
	bin := pdftotext(t)
	c := exporttest.BuiltIns(t)
	want := map[i18n.Language][]string{
		i18n.French: {"Comparaison en bref", "Annexe : hypothèses et sources", "Hypothèse", "Page 2 sur",
			"Publié le 2 mars 2026", "Calendrier : sessions par organe et par année", "Groupe régional", "Côte d’Ivoire",
			"M USD", "tranches nuit 00:00–06:00"},
		i18n.Spanish: {"Comparación de un vistazo", "Anexo: supuestos y fuentes", "Supuesto", "Página 2 de",
			"Publicado el 2 de marzo de 2026", "Calendario: períodos de sesiones por órgano y año", "Grupo regional",
			"M USD", "franjas noche 00:00–06:00"},
	}
	for lang, words := range want {
		data, err := EncodeWith(c, Options{Labels: i18n.Export(lang)})
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(extractText(t, bin, data)), " ")
		for _, w := range words {
			if !strings.Contains(text, w) && !strings.Contains(text, strings.ReplaceAll(w, "’", "'")) {
				t.Errorf("%s report lacks %q", lang, w)
			}
		}
		for _, en := range []string{"Comparison at a glance", "Appendix: assumptions and sources", "Page 2 of", "USD 6.46 M", "bands night"} {
			if strings.Contains(text, en) {
				t.Errorf("%s report still reads %q", lang, en)
			}
		}
		if os.Getenv("MECHPLAN_KEEP_PDF") != "" {
			_ = os.WriteFile(filepath.Join(os.Getenv("MECHPLAN_KEEP_PDF"), string(lang)+".pdf"), data, 0o644)
		}
	}
}

// TestRussianAndChineseReports: the report in Russian is in Cyrillic
// (DejaVu Sans has it) and the report in Chinese in Chinese characters,
// drawn with the bundled Chinese font, with the member states under their
// UN names; pdftotext reads them back.
func TestRussianAndChineseReports(t *testing.T) {
	bin := pdftotext(t)
	c := exporttest.BuiltIns(t)
	want := map[i18n.Language][]string{
		i18n.Russian: {"Краткое сравнение", "Приложение: допущения и источники", "Страница 2 из", "Кот-д'Ивуар",
			"Делегация", "млн $", "интервалы: ночь 00:00–06:00", "Календарь: сессии по органам и годам"},
		i18n.Chinese: {"比较一览", "附录：假设和来源", "第2页", "科特迪瓦", "区域组", "万美元", "时段夜间 00:00–06:00",
			"日程：按机构和年份分列的会议", "2026年3月2日"},
	}
	for lang, words := range want {
		data, err := EncodeWith(c, Options{Labels: i18n.Export(lang)})
		if err != nil {
			t.Fatal(err)
		}
		raw := extractText(t, bin, data)
		text := strings.Join(strings.Fields(raw), " ")
		for _, w := range words {
			if !strings.Contains(text, w) && !strings.Contains(strings.ReplaceAll(text, " ", ""), strings.ReplaceAll(w, " ", "")) {
				t.Errorf("%s report lacks %q", lang, w)
			}
		}
		for _, en := range []string{"Comparison at a glance", "Appendix: assumptions and sources", "Page 2 of", "USD 6.46 M", "bands night"} {
			if strings.Contains(text, en) {
				t.Errorf("%s report still reads %q", lang, en)
			}
		}
		script := map[i18n.Language]*unicode.RangeTable{i18n.Russian: unicode.Cyrillic, i18n.Chinese: unicode.Han}[lang]
		n := 0
		for _, r := range raw {
			if unicode.Is(script, r) {
				n++
			}
		}
		if n < 2000 {
			t.Errorf("%s report: only %d characters of its script", lang, n)
		}
		if os.Getenv("MECHPLAN_KEEP_PDF") != "" {
			_ = os.WriteFile(filepath.Join(os.Getenv("MECHPLAN_KEEP_PDF"), string(lang)+".pdf"), data, 0o644)
		}
	}
}
