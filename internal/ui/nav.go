package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// viewTabs is the main window's choice of view: a bar of buttons, across
// the top or down the side at large sizes, over the views stacked with
// only the chosen one shown. Fyne's AppTabs refreshes every tab's content
// on each switch (its renderer's applyTheme), which with seven views was
// most of the cost of a switch; here a switch hides one view and shows
// another.
type viewTabs struct {
	Items      []*container.TabItem
	OnSelected func(*container.TabItem)
	buttons    []*widget.Button
	selected   int
	content    fyne.CanvasObject
}

// newViewTabs lays the views out with their buttons; side puts the bar
// down the leading edge.
func newViewTabs(side bool, items ...*container.TabItem) *viewTabs {
	t := &viewTabs{Items: items}
	var stack []fyne.CanvasObject
	var bar []fyne.CanvasObject
	for i, it := range items {
		i := i
		b := widget.NewButtonWithIcon(it.Text, it.Icon, func() { t.SelectIndex(i) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		t.buttons = append(t.buttons, b)
		bar = append(bar, b)
		stack = append(stack, it.Content)
		if i > 0 {
			it.Content.Hide()
		}
	}
	t.buttons[0].Importance = widget.HighImportance
	views := container.NewStack(stack...)
	if side {
		t.content = container.NewBorder(nil, nil, container.NewHBox(container.NewVScroll(container.NewVBox(bar...)), widget.NewSeparator()), nil, views)
	} else {
		t.content = container.NewBorder(container.NewVBox(container.NewHBox(bar...), widget.NewSeparator()), nil, nil, nil, views)
	}
	return t
}

// SelectIndex shows the i-th view.
func (t *viewTabs) SelectIndex(i int) {
	if i < 0 || i >= len(t.Items) || i == t.selected {
		return
	}
	old := t.selected
	t.selected = i
	t.buttons[old].Importance = widget.LowImportance
	t.buttons[old].Refresh()
	t.buttons[i].Importance = widget.HighImportance
	t.buttons[i].Refresh()
	t.Items[old].Content.Hide()
	t.Items[i].Content.Show()
	if t.OnSelected != nil {
		t.OnSelected(t.Items[i])
	}
}

// SelectedIndex is the index of the view on screen.
func (t *viewTabs) SelectedIndex() int { return t.selected }

// Selected is the view on screen.
func (t *viewTabs) Selected() *container.TabItem { return t.Items[t.selected] }
