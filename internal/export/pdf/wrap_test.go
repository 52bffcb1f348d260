package pdf

import (
	"slices"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"mechplan/resources"
)

func wrapDoc(t *testing.T) *fpdf.Fpdf {
	t.Helper()
	p := fpdf.New("L", "mm", "A4", "")
	p.AddUTF8FontFromBytes(font, "", resources.FontChinese)
	p.SetFont(font, "", 7)
	p.AddPage()
	return p
}

// TestSplitKeepsEveryChineseCharacter: fpdf's own SplitText drops the
// character at each break of a Chinese text; ours keeps every one, fits
// every line and never starts a line with a closing mark.
func TestSplitKeepsEveryChineseCharacter(t *testing.T) {
	p := wrapDoc(t)
	s := "Δ 夜间小时，按各方案规划期的每年计算；Δ 为与OEWG 2021–2025 as held (baseline)相比的变化（绿色较好，红色较差）。"
	for _, w := range []float64{8, 10, 12, 14, 30, 60} {
		lines := splitText(p, s, w)
		if got, want := strings.ReplaceAll(strings.Join(lines, ""), " ", ""), strings.ReplaceAll(s, " ", ""); got != want {
			t.Errorf("width %g: lines %q lose characters:\n got %s\nwant %s", w, lines, got, want)
		}
		for _, l := range lines {
			if p.GetStringWidth(l) > w-2*p.GetCellMargin() && len(words(l)) > 1 {
				t.Errorf("width %g: %q is wider than the line", w, l)
			}
			if l != "" && strings.ContainsRune(noBreakBefore, []rune(l)[0]) {
				t.Errorf("width %g: %q starts with a closing mark", w, l)
			}
		}
	}
	if lost := p.SplitText("Δ 夜间小时", 12); strings.Join(lost, "") == "Δ 夜间小时" {
		t.Log("fpdf's SplitText keeps Chinese characters now; splitText may go")
	}
}

// TestSplitLeavesOtherTextToFpdf: without CJK characters the lines are
// fpdf's, so the other languages' reports keep their bytes.
func TestSplitLeavesOtherTextToFpdf(t *testing.T) {
	p := wrapDoc(t)
	for _, s := range []string{"Night hours a year, summed over the 193 delegations", "Ночные часы в год, сумма по 193 делегациям", ""} {
		if got, want := splitText(p, s, 20), p.SplitText(s, 20); !slices.Equal(got, want) {
			t.Errorf("%q: %q, fpdf %q", s, got, want)
		}
	}
	if got := words("two words"); !slices.Equal(got, []string{"two", "words"}) {
		t.Errorf("words = %q", got)
	}
	if got := words("每年会期（旅行）数"); !slices.Equal(got, []string{"每", "年", "会", "期", "（", "旅", "行）", "数"}) {
		t.Errorf("Chinese words = %q", got)
	}
}
