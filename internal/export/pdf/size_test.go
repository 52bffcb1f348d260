package pdf

import (
	"regexp"
	"strconv"
	"testing"

	"mechplan/internal/export/exporttest"
	"mechplan/internal/i18n"
)

var wordBox = regexp.MustCompile(`<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`)

// TestNothingBelowSixPoints reads every word's box with pdftotext -bbox:
// DejaVu Sans boxes are 1.163 times the font size, so no word of the
// report, in any language, is set below 6 pt.
func TestNothingBelowSixPoints(t *testing.T) {
	bin := pdftotext(t)
	c := exporttest.BuiltIns(t)
	for _, lang := range []i18n.Language{i18n.English, i18n.French, i18n.Spanish} {
		data, err := EncodeWith(c, Options{Labels: i18n.Export(lang)})
		if err != nil {
			t.Fatal(err)
		}
		smallest, word, n := 100.0, "", 0
		for _, m := range wordBox.FindAllStringSubmatch(extractText(t, bin, data, "-bbox"), -1) {
			y0, _ := strconv.ParseFloat(m[1], 64)
			y1, _ := strconv.ParseFloat(m[2], 64)
			if pt := (y1 - y0) / 1.163; pt < smallest {
				smallest, word = pt, m[3]
			}
			n++
		}
		if n == 0 {
			t.Fatalf("%s: no words read", lang)
		}
		if smallest < minPt-0.05 {
			t.Errorf("%s: %q is set at %.2f pt, below %d pt", lang, word, smallest, minPt)
		}
		t.Logf("%s: %d words, the smallest at %.2f pt", lang, n, smallest)
	}
}
