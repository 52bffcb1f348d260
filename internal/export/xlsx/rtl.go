package xlsx

import (
	"github.com/xuri/excelize/v2"

	"mechplan/internal/export/labels"
)

// rightToLeft makes every sheet read right to left when the workbook is in
// a language written so (Arabic): Excel and LibreOffice then put column A
// on the right, and the cells' text, tables and charts follow.
func (w *workbook) rightToLeft() error {
	if !labels.RightToLeft(w.l.Lang()) {
		return nil
	}
	on := true
	for _, name := range w.f.GetSheetList() {
		if err := w.f.SetSheetView(name, 0, &excelize.ViewOptions{RightToLeft: &on}); err != nil {
			return err
		}
	}
	return nil
}
