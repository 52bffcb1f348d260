package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// drawing is a widget that lays out canvas objects for its current size:
// the calendar timeline and the world picture are drawn this way, since
// their shapes depend on the space they get.
type drawing struct {
	widget.BaseWidget
	draw func(size fyne.Size) []fyne.CanvasObject
	min  fyne.Size
}

func newDrawing(min fyne.Size, draw func(size fyne.Size) []fyne.CanvasObject) *drawing {
	d := &drawing{draw: draw, min: min}
	d.ExtendBaseWidget(d)
	return d
}

func (d *drawing) CreateRenderer() fyne.WidgetRenderer { return &drawingRenderer{d: d} }

type drawingRenderer struct {
	d       *drawing
	objects []fyne.CanvasObject
	size    fyne.Size
}

func (r *drawingRenderer) Layout(s fyne.Size) {
	r.size = s
	r.objects = r.d.draw(s)
}
func (r *drawingRenderer) MinSize() fyne.Size           { return r.d.min }
func (r *drawingRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *drawingRenderer) Destroy()                     {}
func (r *drawingRenderer) Refresh() {
	if r.size.IsZero() {
		r.size = r.d.Size()
	}
	r.objects = r.d.draw(r.size)
	canvas.Refresh(r.d)
}

// Helpers that place shapes, so drawing code reads as geometry.

func rect(c color.Color, x, y, w, h float32) *canvas.Rectangle {
	r := canvas.NewRectangle(c)
	r.Move(fyne.NewPos(x, y))
	r.Resize(fyne.NewSize(w, h))
	return r
}

func text(s string, c color.Color, size float32, bold bool, x, y float32) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize = size
	t.TextStyle = fyne.TextStyle{Bold: bold}
	t.Move(fyne.NewPos(x, y))
	t.Resize(t.MinSize())
	return t
}

func line(c color.Color, x1, y1, x2, y2, width float32) *canvas.Line {
	l := canvas.NewLine(c)
	l.StrokeWidth = width
	l.Position1 = fyne.NewPos(x1, y1)
	l.Position2 = fyne.NewPos(x2, y2)
	return l
}

// textWidth measures a label in the theme's font.
func textWidth(s string, size float32, bold bool) float32 {
	return fyne.MeasureText(s, size, fyne.TextStyle{Bold: bold}).Width
}

// smallText and captionText are the sizes drawings use, from the theme.
func smallText() float32   { return theme.CaptionTextSize() }
func captionText() float32 { return theme.TextSize() }
