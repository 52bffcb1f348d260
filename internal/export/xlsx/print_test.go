package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var anchorPattern = regexp.MustCompile(`<xdr:from><xdr:col>(\d+)</xdr:col><xdr:colOff>-?\d+</xdr:colOff><xdr:row>(\d+)</xdr:row>.*?<xdr:to><xdr:col>(\d+)</xdr:col><xdr:colOff>-?\d+</xdr:colOff><xdr:row>(\d+)</xdr:row>`)

// TestChartsDoNotOverlapAndReadDark: with every built-in (the tallest
// charts), no two drawings share a row even if rows are drawn 17 pixels
// high; axis and legend text is dark; each series has one colour.
func TestChartsDoNotOverlapAndReadDark(t *testing.T) {
	lib := builtIns(t)
	c, data := lib.c, lib.data
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	read := func(prefix string) []string {
		var out []string
		for _, file := range z.File {
			if strings.HasPrefix(file.Name, prefix) {
				rc, _ := file.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				out = append(out, string(b))
			}
		}
		return out
	}
	drawings := read("xl/drawings/drawing")
	if len(drawings) == 0 {
		t.Fatal("no drawing")
	}
	for _, d := range drawings {
		type span struct{ from, to int }
		var spans []span
		for _, m := range anchorPattern.FindAllStringSubmatch(d, -1) {
			from, _ := strconv.Atoi(m[2])
			to, _ := strconv.Atoi(m[4])
			spans = append(spans, span{from, to})
		}
		if len(spans) != 3 {
			t.Fatalf("%d anchored charts, want 3", len(spans))
		}
		for i := range spans {
			for j := i + 1; j < len(spans); j++ {
				a, b := spans[i], spans[j]
				if a.from <= b.to && b.from <= a.to {
					t.Errorf("charts %d (rows %d–%d) and %d (rows %d–%d) overlap", i, a.from, a.to, j, b.from, b.to)
				}
			}
			// Drawn from the "from" row with its pixel height, at 17 px a row.
			height := 200 + 26*len(c.Results)
			if i+1 < len(spans) && spans[i].from+height/17 >= spans[i+1].from {
				t.Errorf("chart %d would reach chart %d where rows are 17 px", i, i+1)
			}
		}
	}
	for _, ch := range read("xl/charts/chart") {
		if strings.Contains(ch, "D9D9D9") {
			t.Error("a chart still writes pale grey text (D9D9D9)")
		}
		if !strings.Contains(ch, `<a:srgbClr val="`+chartText+`"`) {
			t.Error("a chart's text is not dark")
		}
		if !strings.Contains(ch, `varyColors val="0"`) {
			t.Error("a chart varies its colours bar by bar")
		}
	}
	wb := read("xl/workbook.xml")[0]
	for _, sh := range []string{tn().Summary, tn().Assumptions, SheetStemsWith(c, tl)[0] + tn().Calendar, SheetStemsWith(c, tl)[0] + tn().Costs} {
		if !strings.Contains(wb, "_xlnm.Print_Titles") || !strings.Contains(strings.ReplaceAll(wb, "&#39;", "'"), quote(sh)+"!$") {
			t.Errorf("%s: no repeated header row when printed", sh)
		}
	}
	if !strings.Contains(wb, "_xlnm.Print_Area") {
		t.Error("the Summary has no print area")
	}
}
