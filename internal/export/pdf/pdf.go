// Package pdf writes a comparison as a report a secretariat can circulate:
// a cover, a one-page comparison table and its charts, per scenario its
// calendar, cost breakdown and time-zone burden, and an appendix of every
// assumption with its source. It embeds a UTF-8 font so every member
// state's name prints as the UN writes it, draws its charts from
// internal/chart, and takes its dates from the comparison, so the same
// input gives the same bytes.
package pdf

import (
	"bytes"
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"mechplan/internal/export/labels"
	"mechplan/internal/plan"
	"mechplan/resources"
)

// Page geometry, in millimetres: A4 landscape.
const (
	pageW, pageH = 297.0, 210.0
	margin       = 14.0
	contentW     = pageW - 2*margin
	footerY      = pageH - 9
)

// font is the family of the embedded DejaVu Sans.
const font = "dejavu"

// rgb is a colour of the report.
type rgb struct{ r, g, b int }

// The report's colours, each defined once.
var (
	colourText    = rgb{33, 33, 33}
	colourMuted   = rgb{100, 100, 100}
	colourRule    = rgb{190, 190, 190}
	colourGrid    = rgb{225, 225, 225}
	colourHeader  = rgb{31, 78, 121} // UN blue, darker
	colourBand    = rgb{242, 246, 250}
	colourBetter  = rgb{0, 110, 50}
	colourWorse   = rgb{170, 20, 20}
	colourHeatLow = rgb{255, 255, 255}
	colourHeatMid = rgb{255, 214, 102}
	colourHeatHi  = rgb{200, 40, 40}
	// series colours, in chart series order
	palette = []rgb{{0, 114, 178}, {230, 159, 0}, {0, 158, 115}, {204, 121, 167}, {86, 180, 233}, {213, 94, 0}}
	// baselineColour marks the baseline's bar.
	baselineColour = rgb{120, 120, 120}
)

// report is the document being written.
type report struct {
	pdf  *fpdf.Fpdf
	c    *plan.Comparison
	l    labels.Labels
	name string // the report's running title
}

// Options choose how a report is written.
type Options struct {
	// Labels gives the report's words (headings, column headers, chart
	// titles and legends, metric and budget names, dates) in a language;
	// nil is English.
	Labels labels.Labels
}

// Encode returns the PDF report of a comparison, in English.
func Encode(c *plan.Comparison) ([]byte, error) { return EncodeWith(c, Options{}) }

// EncodeWith returns the PDF report of a comparison written as o asks.
func EncodeWith(c *plan.Comparison, o Options) ([]byte, error) {
	l := labels.Or(o.Labels)
	p := fpdf.New("L", "mm", "A4", "")
	regular, bold := fontsFor(l.Lang())
	p.AddUTF8FontFromBytes(font, "", regular)
	p.AddUTF8FontFromBytes(font, "B", bold)
	p.SetCreationDate(c.Date)
	p.SetModificationDate(c.Date)
	p.SetCatalogSort(true)
	p.SetCompression(true)
	p.SetProducer("Mechplan", true)
	p.SetCreator("Mechplan", true)
	title := l.Text("export.pdf.title", "Logistics of the structure proposals: comparison")
	p.SetTitle(title, true)
	if l.Lang() != "en" {
		p.SetLang(l.Lang())
	}
	p.SetMargins(margin, margin, margin)
	// Every page is laid out by hand (charts, tables that break themselves);
	// an automatic break would split a chart across pages.
	p.SetAutoPageBreak(false, 0)
	p.AliasNbPages("{nb}")
	r := &report{pdf: p, c: c, l: l, name: title}
	p.SetFooterFunc(r.footer)
	r.cover()
	r.table()
	r.comparisonCharts()
	for i := range c.Results {
		r.scenario(i)
	}
	r.statement()
	r.tradeoffs()
	r.delegations()
	r.assumptions()
	r.overrides()
	if err := p.Error(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// fontsFor returns the regular and bold fonts a report in the language
// is written in: DejaVu Sans (Latin, Cyrillic, Greek), or for Chinese the
// bundled Chinese font, which also has DejaVu's Latin letters and digits
// and no bold (headings keep their size and colour). fpdf embeds only the
// glyphs used.
func fontsFor(lang string) (regular, bold []byte) {
	if lang == "zh" {
		return resources.FontChinese, resources.FontChinese
	}
	return resources.FontRegular, resources.FontBold
}

// t is a text of the report in its language.
func (r *report) t(key, english string, pairs ...any) string { return r.l.Text(key, english, pairs...) }

func (r *report) colour(c rgb)      { r.pdf.SetTextColor(c.r, c.g, c.b) }
func (r *report) fill(c rgb)        { r.pdf.SetFillColor(c.r, c.g, c.b) }
func (r *report) draw(c rgb)        { r.pdf.SetDrawColor(c.r, c.g, c.b) }
func (r *report) text(size float64) { r.pdf.SetFont(font, "", size) }
func (r *report) bold(size float64) { r.pdf.SetFont(font, "B", size) }

func (r *report) footer() {
	p := r.pdf
	if p.PageNo() == 1 {
		return
	}
	r.text(7.5)
	r.colour(colourMuted)
	p.SetXY(margin, footerY)
	p.CellFormat(contentW/2, 4, r.t("export.pdf.footer", "{{.Title}} · issued {{.Date}}", "Title", r.name, "Date", r.l.Date(r.c.Date)), "", 0, "L", false, 0, "")
	p.CellFormat(contentW/2, 4, r.t("export.pdf.page", "Page {{.Page}} of {{.Pages}}", "Page", fmt.Sprint(p.PageNo()), "Pages", "{nb}"), "", 0, "R", false, 0, "")
}

// heading starts a page with a title and an optional line under it.
func (r *report) heading(title, sub string) {
	p := r.pdf
	p.AddPage()
	r.bold(15)
	r.colour(colourHeader)
	p.SetXY(margin, margin)
	p.CellFormat(contentW, 8, r.fit(title, contentW), "", 1, "L", false, 0, "")
	if sub != "" {
		r.text(9)
		r.colour(colourMuted)
		p.SetX(margin)
		multiCell(p, contentW, 4.5, sub, "L")
	}
	r.draw(colourRule)
	p.SetLineWidth(0.3)
	y := p.GetY() + 1.5
	p.Line(margin, y, pageW-margin, y)
	p.SetY(y + 3)
	r.colour(colourText)
}

// fit shortens text to a width, ending it with an ellipsis.
func (r *report) fit(s string, w float64) string {
	if r.pdf.GetStringWidth(s) <= w {
		return s
	}
	rs := []rune(s)
	for len(rs) > 1 && r.pdf.GetStringWidth(string(rs)+"…") > w {
		rs = rs[:len(rs)-1]
	}
	return strings.TrimRight(string(rs), " ,;") + "…"
}

func (r *report) cover() {
	p := r.pdf
	c := r.c
	p.AddPage()
	r.fill(colourHeader)
	p.Rect(0, 0, pageW, 48, "F")
	r.colour(rgb{255, 255, 255})
	r.bold(22)
	p.SetXY(margin, 14)
	p.CellFormat(contentW, 10, r.t("export.pdf.cover.title", "Logistics of the structure proposals"), "", 1, "L", false, 0, "")
	r.text(13)
	p.SetX(margin)
	p.CellFormat(contentW, 8, r.t("export.pdf.cover.subtitle", "{{.Count}} scenarios compared against {{.Baseline}}",
		"Count", fmt.Sprint(len(c.Results)), "Baseline", c.Results[c.Baseline].Scenario.Name), "", 1, "L", false, 0, "")
	r.colour(colourText)
	r.text(11)
	p.SetXY(margin, 56)
	p.CellFormat(contentW, 6, r.t("export.pdf.cover.issued", "Issued {{.Date}}", "Date", r.l.Date(c.Date)), "", 1, "L", false, 0, "")
	p.Ln(3)
	r.bold(10)
	p.SetX(margin)
	p.CellFormat(contentW, 6, r.t("export.pdf.cover.scenarios", "Scenarios"), "", 1, "L", false, 0, "")
	for i, res := range c.Results {
		s := res.Scenario
		r.text(9)
		p.SetX(margin)
		line := fmt.Sprintf("%d.  %s", i+1, s.Name)
		p.CellFormat(150, 5, r.fit(line, 148), "", 0, "L", false, 0, "")
		r.colour(colourMuted)
		who := s.Proponent
		if i == c.Baseline {
			who = strings.TrimSpace(r.t("export.pdf.cover.baseline", "baseline") + " · " + who)
		}
		p.CellFormat(26, 5, res.Total.Label, "", 0, "L", false, 0, "")
		p.CellFormat(contentW-176, 5, r.fit(who, contentW-178), "", 1, "L", false, 0, "")
		r.colour(colourText)
	}
	p.Ln(4)
	r.text(8.5)
	r.colour(colourMuted)
	p.SetX(margin)
	multiCell(p, contentW, 4.2, r.t("export.pdf.cover.note", "Figures come from Mechplan's engine: the calendar each scenario lays out, the time-zone burden "+
		"on the capital-based experts of the 193 member states, and cost estimates built as quantity × rate from the assumptions "+
		"in the appendix. Rates marked as placeholders could not be confirmed from a published table; read them as orders of "+
		"magnitude and replace them with the Secretariat's own figures. Per-year figures divide a horizon's total by its years, "+
		"so that the OEWG's 2021–2025 and proposals for 2026–2030 compare."), "L")
}
