package pdf

import (
	"strings"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
)

// Chinese is written without spaces and may break between any two
// characters. fpdf v0.12's SplitText and MultiCell break there too, but
// drop the character at each break as if it were a space (and its
// isChinese misses CJK punctuation), so a report in Chinese breaks its
// lines here. Text without CJK characters goes to fpdf unchanged, so the
// other languages' reports keep their bytes.

// isCJK reports whether r is a CJK character or CJK punctuation.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// noBreakBefore are the CJK punctuation marks a line may not start with.
const noBreakBefore = "，。、：；！？）》」』】〕…·％"

func hasCJK(s string) bool { return strings.IndexFunc(s, isCJK) >= 0 }

// words are the units a line breaks between: words between spaces, and
// each CJK character with the punctuation that may not start a line.
func words(s string) []string {
	if !hasCJK(s) {
		return strings.Fields(s)
	}
	var out []string
	for _, f := range strings.Fields(s) {
		var cur []rune
		flush := func() {
			if len(cur) > 0 {
				out = append(out, string(cur))
				cur = nil
			}
		}
		for _, r := range f {
			switch {
			case strings.ContainsRune(noBreakBefore, r):
				cur = append(cur, r)
			case isCJK(r):
				flush()
				cur = append(cur, r)
			default:
				// A Latin run after a CJK character starts a new unit.
				if len(cur) > 0 && isCJK(cur[len(cur)-1]) {
					flush()
				}
				cur = append(cur, r)
			}
		}
		flush()
		if len(out) > 0 {
			out[len(out)-1] += " "
		}
	}
	if len(out) > 0 {
		out[len(out)-1] = strings.TrimSuffix(out[len(out)-1], " ")
	}
	return out
}

// splitText is fpdf's SplitText, breaking Chinese where it may.
func splitText(p *fpdf.Fpdf, s string, w float64) []string {
	if !hasCJK(s) {
		return p.SplitText(s, w)
	}
	wmax := w - 2*p.GetCellMargin()
	var lines []string
	for _, para := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		line := ""
		for _, u := range words(para) {
			cand := line + u
			if line == "" || p.GetStringWidth(strings.TrimRight(cand, " ")) <= wmax {
				line = cand
				continue
			}
			lines = append(lines, strings.TrimRight(line, " "))
			line = u
		}
		lines = append(lines, strings.TrimRight(line, " "))
	}
	return lines
}

// multiCell is fpdf's MultiCell (no border, no fill), breaking Chinese
// where it may.
func multiCell(p *fpdf.Fpdf, w, h float64, s, align string) {
	if !hasCJK(s) {
		p.MultiCell(w, h, s, "", align, false)
		return
	}
	if w == 0 {
		pw, _ := p.GetPageSize()
		_, _, rm, _ := p.GetMargins()
		w = pw - rm - p.GetX()
	}
	x := p.GetX()
	for _, l := range splitText(p, s, w) {
		p.SetX(x)
		p.CellFormat(w, h, l, "", 2, align, false, 0, "")
	}
	lm, _, _, _ := p.GetMargins()
	p.SetX(lm)
}
