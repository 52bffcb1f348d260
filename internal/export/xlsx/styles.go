package xlsx

import "github.com/xuri/excelize/v2"

// Number formats, each written once here.
const (
	fmtInteger = "#,##0"
	fmtOne     = "#,##0.0"
	fmtTwo     = "#,##0.00"
	fmtMoney   = "#,##0"
	fmtRate    = "#,##0.00####"
	fmtDelta   = "+#,##0.0;-#,##0.0;0.0"
	fmtDeltaM  = "+#,##0;-#,##0;0"
	fmtDelta2  = "+#,##0.00;-#,##0.00;0.00"
	fmtDate    = "yyyy-mm-dd"
	fmtTime    = "hh:mm"
	fmtStamp   = "yyyy-mm-dd hh:mm"
)

// Colours of the workbook.
const (
	colourHeader      = "1F4E79" // UN blue, darker
	colourHeaderText  = "FFFFFF"
	colourGroup       = "DDEBF7"
	colourPlaceholder = "FFF2CC"
	colourEngineOnly  = "D9D9D9"
	colourBetter      = "C6EFCE"
	colourBetterText  = "006100"
	colourWorse       = "FFC7CE"
	colourWorseText   = "9C0006"
	colourScaleLow    = "FFFFFF"
	colourScaleMid    = "FFEB84"
	colourScaleHigh   = "F8696B"
)

// styles holds every style of the workbook, each created once.
type styles struct {
	title, note, header, group, label, wrap                     int
	integer, one, two, money, rate, delta, deltaTwo, deltaMoney int
	engineOnly                                                  int
	// whole is a year or a setting (2026, 1): no grouping, no decimals.
	whole                            int
	date, time, stamp                int
	placeholderText, placeholderRate int
	totalLabel, totalMoney           int
	better, worse                    int // conditional formats
}

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	add := func(dst *int, st *excelize.Style) {
		if err != nil {
			return
		}
		*dst, err = f.NewStyle(st)
	}
	cond := func(dst *int, st *excelize.Style) {
		if err != nil {
			return
		}
		*dst, err = f.NewConditionalStyle(st)
	}
	num := func(format string) *excelize.Style { return &excelize.Style{CustomNumFmt: &format} }
	fill := func(colour string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}
	}
	thin := []excelize.Border{{Type: "top", Color: "000000", Style: 1}}
	add(&s.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	add(&s.note, &excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959"}})
	add(&s.header, &excelize.Style{Font: &excelize.Font{Bold: true, Color: colourHeaderText}, Fill: fill(colourHeader),
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	add(&s.group, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill(colourGroup)})
	add(&s.label, &excelize.Style{Alignment: &excelize.Alignment{Indent: 1}})
	add(&s.wrap, &excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	add(&s.integer, num(fmtInteger))
	add(&s.one, num(fmtOne))
	add(&s.two, num(fmtTwo))
	add(&s.money, num(fmtMoney))
	add(&s.rate, num(fmtRate))
	add(&s.whole, num("0"))
	add(&s.delta, num(fmtDelta))
	add(&s.deltaMoney, num(fmtDeltaM))
	add(&s.deltaTwo, num(fmtDelta2))
	add(&s.engineOnly, &excelize.Style{Font: &excelize.Font{Italic: true, Color: "404040"}, Fill: fill(colourEngineOnly)})
	add(&s.date, num(fmtDate))
	add(&s.time, num(fmtTime))
	add(&s.stamp, num(fmtStamp))
	add(&s.placeholderText, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "7F6000"}, Fill: fill(colourPlaceholder)})
	rate := fmtRate
	add(&s.placeholderRate, &excelize.Style{CustomNumFmt: &rate, Fill: fill(colourPlaceholder)})
	add(&s.totalLabel, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: thin})
	money := fmtMoney
	add(&s.totalMoney, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: thin, CustomNumFmt: &money})
	cond(&s.better, &excelize.Style{Font: &excelize.Font{Color: colourBetterText}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colourBetter}}})
	cond(&s.worse, &excelize.Style{Font: &excelize.Font{Color: colourWorseText}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colourWorse}}})
	return s, err
}

// figureStyle picks the number format of a metric's figures.
func (s *styles) figure(decimals int, money bool) int {
	switch {
	case money:
		return s.money
	case decimals == 0:
		return s.integer
	case decimals == 1:
		return s.one
	}
	return s.two
}

// change picks the signed format of a change, at the precision of the
// metric's figures.
func (s *styles) change(decimals int, money bool) int {
	switch {
	case money || decimals == 0:
		return s.deltaMoney
	case decimals == 1:
		return s.delta
	}
	return s.deltaTwo
}
