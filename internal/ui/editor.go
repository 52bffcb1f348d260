package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/cost"
	"mechplan/internal/i18n"
	"mechplan/internal/model"
	"mechplan/internal/refdata"
)

// Labels of the model's enumerations, in the users' words and language:
// the messages "kind.<kind>" and "format.<format>".
func kindLabel(k model.BodyKind) string { return i18n.T("kind." + string(k)) }

func formatLabel(f model.Format) string { return i18n.T("format." + string(f)) }

// weekLabels name the week of the month a block meets in (1–4, 5 the last).
func weekLabels() []string {
	var out []string
	for w := 1; w <= 5; w++ {
		out = append(out, i18n.T(fmt.Sprintf("editor.week.%d", w)))
	}
	return out
}

func labelsOf[T ~string](all []T, name func(T) string) (values, labels []string) {
	for _, v := range all {
		values = append(values, string(v))
		labels = append(labels, name(v))
	}
	return values, labels
}

// section is one tab of the editor: rebuilt when its shape changes (a body
// added, another selected), otherwise only reloaded so that typing keeps
// its focus.
type section struct {
	name    string
	key     func(d *Document) string
	build   func(fs *fieldSet) fyne.CanvasObject
	holder  *fyne.Container
	fields  *fieldSet
	lastKey string
}

// editorScreen edits the active document with forms.
type editorScreen struct {
	ws      *Workspace
	loading bool
	banner  *fyne.Container
	// bannerFor is what the banner was built for.
	bannerFor string
	sections  []*section
	tabs      *container.AppTabs
	content   fyne.CanvasObject

	body, block int // selected body and block
	bodyList    *widget.List
	blockList   *widget.List
	onDuplicate func()
}

func newEditorScreen(ws *Workspace, onDuplicate func()) *editorScreen {
	ed := &editorScreen{ws: ws, onDuplicate: onDuplicate}
	ed.sections = []*section{
		{name: i18n.T("editor.tab.scenario"), key: func(d *Document) string { return "" }, build: ed.buildScenario},
		{name: i18n.T("editor.tab.bodies"), key: func(d *Document) string {
			return fmt.Sprint(len(d.Scenario.Bodies), ed.body)
		}, build: ed.buildBodies},
		{name: i18n.T("editor.tab.blocks"), key: func(d *Document) string {
			s := d.Scenario
			n := -1
			if ed.block < len(s.Blocks) {
				n = len(s.Blocks[ed.block].Sessions)
			}
			values, labels := bodyChoices(s)
			return fmt.Sprint(len(s.Blocks), ed.block, n, values, labels)
		}, build: ed.buildBlocks},
		{name: i18n.T("editor.tab.rotations"), key: func(d *Document) string { return strconv.Itoa(len(d.Scenario.Rotations)) }, build: ed.buildRotations},
		{name: i18n.T("editor.tab.assumptions"), key: func(d *Document) string {
			// Rebuilt when a key changes: its value's allowed range follows.
			keys := make([]string, len(d.Scenario.Assumptions))
			for i, o := range d.Scenario.Assumptions {
				keys[i] = o.Key
			}
			return strings.Join(keys, "\n")
		}, build: ed.buildAssumptions},
	}
	ed.tabs = container.NewAppTabs()
	for _, s := range ed.sections {
		s.holder = container.NewStack()
		ed.tabs.Append(container.NewTabItem(s.name, s.holder))
	}
	ed.banner = container.NewVBox()
	ed.content = container.NewBorder(ed.banner, nil, nil, nil, ed.tabs)
	ed.refresh()
	return ed
}

// refresh brings the forms in step with the active document.
func (ed *editorScreen) refresh() {
	d := ed.ws.Active
	// The banner is built again only when what it says changes: a rebuilt
	// banner lays the whole editor out again.
	banner := "none"
	if d != nil {
		banner = fmt.Sprint(d.ReadOnly())
	}
	if banner != ed.bannerFor {
		ed.bannerFor = banner
		ed.banner.RemoveAll()
		switch {
		case d == nil:
			ed.banner.Add(widget.NewLabel(i18n.T("editor.none_open")))
		case d.ReadOnly():
			ed.banner.Add(container.NewBorder(nil, nil, nil,
				widget.NewButtonWithIcon(i18n.T("editor.duplicate_to_edit"), theme.ContentCopyIcon(), ed.onDuplicate),
				widget.NewLabel(i18n.T("editor.read_only"))))
		}
		// The banner's height changed; the border must lay out again.
		ed.content.Refresh()
	}
	if d == nil {
		for _, s := range ed.sections {
			s.holder.RemoveAll()
			s.lastKey = ""
		}
		return
	}
	ed.body = min(ed.body, max(len(d.Scenario.Bodies)-1, 0))
	ed.block = min(ed.block, max(len(d.Scenario.Blocks)-1, 0))
	ed.loading = true
	defer func() { ed.loading = false }()
	for _, s := range ed.sections {
		key := fmt.Sprintf("%p %v %s", d, d.ReadOnly(), s.key(d))
		if key != s.lastKey || s.fields == nil {
			s.lastKey = key
			s.fields = newFieldSet(ed)
			s.holder.RemoveAll()
			s.holder.Add(s.build(s.fields))
		}
		s.fields.load(d.Scenario)
		s.fields.setReadOnly(d.ReadOnly())
	}
	if ed.bodyList != nil {
		ed.bodyList.Refresh()
	}
	if ed.blockList != nil {
		ed.blockList.Refresh()
	}
	ed.showProblems()
}

// showProblems writes every problem next to its field.
func (ed *editorScreen) showProblems() {
	d := ed.ws.Active
	if d == nil {
		return
	}
	for _, s := range ed.sections {
		if s.fields != nil {
			s.fields.showProblems(d)
		}
	}
}

// Messages returns every field message on the editor, by model path.
func (ed *editorScreen) Messages() map[string]string {
	out := map[string]string{}
	for _, s := range ed.sections {
		if s.fields != nil {
			for k, v := range s.fields.messages() {
				out[k] = v
			}
		}
	}
	return out
}

// Entry returns the entry editing a model path, for tests and focus.
func (ed *editorScreen) Entry(path string) *widget.Entry {
	for _, s := range ed.sections {
		if s.fields != nil {
			if e, ok := s.fields.entries[path]; ok {
				return e
			}
		}
	}
	return nil
}

func (ed *editorScreen) buildScenario(fs *fieldSet) fyne.CanvasObject {
	form := container.NewVBox(
		fs.text(i18n.T("field.name"), "name", false, func(s *model.Scenario) string { return s.Name }, func(s *model.Scenario, v string) { s.Name = v }),
		fs.text(i18n.T("field.scenario_id"), "id", false, func(s *model.Scenario) string { return s.ID }, func(s *model.Scenario, v string) { s.ID = v }),
		fs.text(i18n.T("field.proponent"), "proponent", false, func(s *model.Scenario) string { return s.Proponent }, func(s *model.Scenario, v string) { s.Proponent = v }),
		fs.text(i18n.T("field.description"), "description", true, func(s *model.Scenario) string { return s.Description }, func(s *model.Scenario, v string) { s.Description = v }),
		fs.text(i18n.T("field.horizon_start"), "horizon.start", false, func(s *model.Scenario) string { return s.Horizon.Start }, func(s *model.Scenario, v string) { s.Horizon.Start = v }),
		fs.integer(i18n.T("field.horizon_years"), "horizon.years", i18n.T("field.horizon_years.allowed", "Max", model.MaxHorizonYears),
			func(s *model.Scenario) int { return s.Horizon.Years }, func(s *model.Scenario, v int) { s.Horizon.Years = v }, nil),
		fs.integer(i18n.T("field.cycle_years"), "cycle_years", i18n.T("field.cycle_years.allowed", "Max", model.MaxCycleYears),
			func(s *model.Scenario) int { return s.CycleYears }, func(s *model.Scenario, v int) { s.CycleYears = v }, nil),
	)
	return fs.scroll(form)
}

// bodyAt returns the selected body of a scenario, or a throwaway one when
// an undo removed it, so a form never indexes out of range.
func (ed *editorScreen) bodyAt(s *model.Scenario) *model.Body {
	if ed.body < len(s.Bodies) {
		return &s.Bodies[ed.body]
	}
	return &model.Body{}
}

func (ed *editorScreen) blockAt(s *model.Scenario) *model.Block {
	if ed.block < len(s.Blocks) {
		return &s.Blocks[ed.block]
	}
	return &model.Block{}
}

// listPane is a selectable list with add, remove and move buttons.
func (ed *editorScreen) listPane(fs *fieldSet, names func() []string, selected *int, onAdd, onRemove func(), onMove func(delta int)) (*widget.List, fyne.CanvasObject) {
	l := widget.NewList(func() int { return len(names()) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			n := names()
			if i < len(n) {
				o.(*widget.Label).SetText(n[i])
			}
		})
	l.OnSelected = func(i widget.ListItemID) {
		if i != *selected {
			*selected = i
			ed.refresh()
		}
	}
	if *selected < len(names()) {
		l.Select(*selected)
	}
	buttons := container.NewGridWithColumns(4,
		fs.button("", theme.ContentAddIcon(), onAdd),
		fs.button("", theme.ContentRemoveIcon(), onRemove),
		fs.button("", theme.MoveUpIcon(), func() { onMove(-1) }),
		fs.button("", theme.MoveDownIcon(), func() { onMove(1) }))
	return l, container.NewBorder(nil, buttons, nil, nil, l)
}

func (ed *editorScreen) buildBodies(fs *fieldSet) fyne.CanvasObject {
	s := ed.ws.Active.Scenario
	i := ed.body
	p := fmt.Sprintf("bodies[%d]", i)
	var list fyne.CanvasObject
	ed.bodyList, list = ed.listPane(fs, func() []string {
		var n []string
		for j, b := range ed.ws.Active.Scenario.Bodies {
			label := b.Name
			if msg := ed.ws.Active.ProblemAt(fmt.Sprintf("bodies[%d]", j)); msg != "" {
				label = "⚠ " + label
			}
			n = append(n, label)
		}
		return n
	}, &ed.body, ed.AddBody, ed.RemoveBody, ed.MoveBody)
	if len(s.Bodies) == 0 {
		return container.NewHSplit(list, widget.NewLabel(i18n.T("editor.no_bodies")))
	}
	kinds, kindNames := labelsOf(model.BodyKinds, kindLabel)
	formats, formatNames := labelsOf(model.Formats, formatLabel)
	body := func(s *model.Scenario) *model.Body { return ed.bodyAt(s) }
	form := container.NewVBox(
		fs.text(i18n.T("field.name"), p+".name", false, func(s *model.Scenario) string { return body(s).Name }, func(s *model.Scenario, v string) { body(s).Name = v }),
		fs.text(i18n.T("field.id"), p+".id", false, func(s *model.Scenario) string { return body(s).ID }, func(s *model.Scenario, v string) { renameBody(s, body(s).ID, v) }),
		fs.choice(i18n.T("field.kind"), p+".kind", kinds, kindNames, func(s *model.Scenario) string { return string(body(s).Kind) }, func(s *model.Scenario, v string) { body(s).Kind = model.BodyKind(v) }),
		fs.text(i18n.T("field.topic"), p+".topic", false, func(s *model.Scenario) string { return body(s).Topic }, func(s *model.Scenario, v string) { body(s).Topic = v }),
		fs.integer(i18n.T("field.meetings_per_session"), p+".meetings", i18n.T("field.meetings_per_session.allowed", "Max", model.MaxMeetings),
			func(s *model.Scenario) int { return body(s).Meetings }, func(s *model.Scenario, v int) { body(s).Meetings = v }, func(s *model.Scenario) string { return sessionDays(body(s)) }),
		fs.choice(i18n.T("field.meetings_per_day"), p+".meetings_per_day", []string{"2", "1"}, []string{i18n.T("field.meetings_per_day.two"), i18n.T("field.meetings_per_day.one")},
			func(s *model.Scenario) string { return strconv.Itoa(body(s).PerDay()) },
			func(s *model.Scenario, v string) { body(s).MeetingsPerDay, _ = strconv.Atoi(v) }),
		fs.choice(i18n.T("field.format"), p+".format", formats, formatNames, func(s *model.Scenario) string { return string(body(s).Format) }, func(s *model.Scenario, v string) { body(s).Format = model.Format(v) }),
		fs.check(i18n.T("field.interpretation"), p+".interpretation", func(s *model.Scenario) bool { return body(s).Interpretation }, func(s *model.Scenario, v bool) { body(s).Interpretation = v }),
		fs.check(i18n.T("field.webcast"), p+".webcast", func(s *model.Scenario) bool { return body(s).Webcast }, func(s *model.Scenario, v bool) { body(s).Webcast = v }),
		fs.check(i18n.T("field.informal"), p+".informal", func(s *model.Scenario) bool { return body(s).Informal }, func(s *model.Scenario, v bool) { body(s).Informal = v }),
		fs.check(i18n.T("field.ad_hoc"), p+".ad_hoc", func(s *model.Scenario) bool { return body(s).AdHoc }, func(s *model.Scenario, v bool) { body(s).AdHoc = v }),
		fs.list(i18n.T("field.start_times"), p+".start_times", i18n.T("field.start_times.placeholder"),
			func(s *model.Scenario) []string { return body(s).StartTimes }, func(s *model.Scenario, v []string) { body(s).StartTimes = v }),
	)
	split := container.NewHSplit(list, fs.scroll(form))
	split.Offset = 0.3
	return split
}

// sessionDays says how many days a session lasts, the figure delegations
// think in: a meeting is half a day when the body meets twice a day.
func sessionDays(b *model.Body) string {
	if b.Meetings <= 0 {
		return ""
	}
	days := float64(b.Meetings) / float64(b.PerDay())
	// A day and a half is "days" too.
	n := int(days)
	if float64(n) != days {
		n = 2
	}
	return i18n.T("editor.session_days", "Days", i18n.F().Compact(days, 2), "Unit", i18n.N("unit.days", n))
}

// renameBody changes a body's id and every reference to it.
func renameBody(s *model.Scenario, from, to string) {
	for i := range s.Bodies {
		if s.Bodies[i].ID == from {
			s.Bodies[i].ID = to
		}
	}
	for i := range s.Blocks {
		for j := range s.Blocks[i].Sessions {
			if s.Blocks[i].Sessions[j].Body == from {
				s.Blocks[i].Sessions[j].Body = to
			}
		}
	}
	for i := range s.Rotations {
		for j := range s.Rotations[i].Bodies {
			if s.Rotations[i].Bodies[j] == from {
				s.Rotations[i].Bodies[j] = to
			}
		}
	}
}

// AddBody adds a thematic group after the selected body.
func (ed *editorScreen) AddBody() {
	ed.ws.Edit("", func(s *model.Scenario) {
		id := uniqueID("group", func(id string) bool { _, ok := s.Body(id); return ok })
		b := model.Body{ID: id, Name: i18n.T("editor.new_group"), Kind: model.ThematicGroup, Meetings: 6, Format: model.InPerson, Interpretation: true}
		at := min(ed.body+1, len(s.Bodies))
		s.Bodies = slices.Insert(s.Bodies, at, b)
		ed.body = at
	})
}

// RemoveBody removes the selected body and the sessions that held it; undo
// brings both back.
func (ed *editorScreen) RemoveBody() {
	ed.ws.Edit("", func(s *model.Scenario) {
		if ed.body >= len(s.Bodies) {
			return
		}
		id := s.Bodies[ed.body].ID
		s.Bodies = slices.Delete(s.Bodies, ed.body, ed.body+1)
		for i := range s.Blocks {
			s.Blocks[i].Sessions = slices.DeleteFunc(s.Blocks[i].Sessions, func(ss model.Session) bool { return ss.Body == id })
		}
		for i := range s.Rotations {
			s.Rotations[i].Bodies = slices.DeleteFunc(s.Rotations[i].Bodies, func(b string) bool { return b == id })
		}
	})
}

// MoveBody moves the selected body up or down the list.
func (ed *editorScreen) MoveBody(delta int) {
	ed.ws.Edit("", func(s *model.Scenario) {
		j := ed.body + delta
		if ed.body >= len(s.Bodies) || j < 0 || j >= len(s.Bodies) {
			return
		}
		s.Bodies[ed.body], s.Bodies[j] = s.Bodies[j], s.Bodies[ed.body]
		ed.body = j
	})
}

// bodyChoices lists what a session can hold: bodies, then rotations.
func bodyChoices(s *model.Scenario) (values, labels []string) {
	for _, b := range s.Bodies {
		values = append(values, "body:"+b.ID)
		labels = append(labels, b.Name)
	}
	for _, r := range s.Rotations {
		values = append(values, "rotation:"+r.ID)
		labels = append(labels, i18n.T("editor.rotation_choice", "ID", r.ID, "Bodies", strings.Join(r.Bodies, ", ")))
	}
	return values, labels
}

func (ed *editorScreen) buildBlocks(fs *fieldSet) fyne.CanvasObject {
	s := ed.ws.Active.Scenario
	var list fyne.CanvasObject
	ed.blockList, list = ed.listPane(fs, func() []string {
		var n []string
		for j, b := range ed.ws.Active.Scenario.Blocks {
			label := b.Name
			if label == "" {
				label = b.ID
			}
			if msg := ed.ws.Active.ProblemAt(fmt.Sprintf("blocks[%d]", j)); msg != "" {
				label = "⚠ " + label
			}
			n = append(n, label)
		}
		return n
	}, &ed.block, ed.AddBlock, ed.RemoveBlock, ed.MoveBlock)
	if len(s.Blocks) == 0 {
		return container.NewHSplit(list, widget.NewLabel(i18n.T("editor.no_blocks")))
	}
	p := fmt.Sprintf("blocks[%d]", ed.block)
	blk := func(s *model.Scenario) *model.Block { return ed.blockAt(s) }
	venues := ed.ws.Ref.VenueCodes()
	var venueLabels []string
	for _, c := range venues {
		v, _ := ed.ws.Ref.Venue(c)
		venueLabels = append(venueLabels, cityLabel(v.City)+" ("+c+")")
	}
	months := []string{"0"}
	monthLabels := []string{i18n.T("editor.month.none")}
	for m := time.January; m <= time.December; m++ {
		months = append(months, strconv.Itoa(int(m)))
		monthLabels = append(monthLabels, i18n.F().MonthTitle(m))
	}
	weeks := []string{"1", "2", "3", "4", "5"}
	form := container.NewVBox(
		fs.text(i18n.T("field.name"), p+".name", false, func(s *model.Scenario) string { return blk(s).Name }, func(s *model.Scenario, v string) { blk(s).Name = v }),
		fs.text(i18n.T("field.id"), p+".id", false, func(s *model.Scenario) string { return blk(s).ID }, func(s *model.Scenario, v string) { blk(s).ID = v }),
		fs.choice(i18n.T("field.venue"), p+".venue", venues, venueLabels, func(s *model.Scenario) string { return blk(s).Venue }, func(s *model.Scenario, v string) { blk(s).Venue = v; blk(s).Venues = nil }),
		fs.list(i18n.T("field.venues"), p+".venues", i18n.T("field.venues.placeholder"),
			func(s *model.Scenario) []string { return blk(s).Venues }, func(s *model.Scenario, v []string) {
				blk(s).Venues = v
				if len(v) > 0 {
					blk(s).Venue = ""
				}
			}),
		fs.choice(i18n.T("field.month"), p+".month", months, monthLabels, func(s *model.Scenario) string { return strconv.Itoa(blk(s).Month) },
			func(s *model.Scenario, v string) { blk(s).Month, _ = strconv.Atoi(v) }),
		fs.choice(i18n.T("field.week"), p+".week", weeks, weekLabels(), func(s *model.Scenario) string { return strconv.Itoa(blk(s).Week) },
			func(s *model.Scenario, v string) { blk(s).Week, _ = strconv.Atoi(v) }),
		fs.list(i18n.T("field.dates"), p+".dates", i18n.T("field.dates.placeholder"),
			func(s *model.Scenario) []string { return blk(s).Dates }, func(s *model.Scenario, v []string) { blk(s).Dates = v }),
		fs.intList(i18n.T("field.years"), p+".years", i18n.T("field.years.placeholder"),
			func(s *model.Scenario) []int { return blk(s).Years }, func(s *model.Scenario, v []int) { blk(s).Years = v }),
		fs.integer(i18n.T("field.every_years"), p+".every_years", i18n.T("field.every_years.allowed", "Max", model.MaxHorizonYears),
			func(s *model.Scenario) int { return blk(s).EveryYears }, func(s *model.Scenario, v int) { blk(s).EveryYears = v }, nil),
		fs.integer(i18n.T("field.from_year"), p+".from_year", i18n.T("field.from_year.allowed", "Min", model.MinYear, "Max", model.MaxYear),
			func(s *model.Scenario) int { return blk(s).FromYear }, func(s *model.Scenario, v int) { blk(s).FromYear = v }, nil),
		fs.choice(i18n.T("field.arrangement"), p+".arrangement", []string{string(model.Consecutive), string(model.Parallel)},
			[]string{i18n.T("field.arrangement.consecutive"), i18n.T("field.arrangement.parallel")},
			func(s *model.Scenario) string { return string(blk(s).Arrangement) }, func(s *model.Scenario, v string) { blk(s).Arrangement = model.Arrangement(v) }),
		widget.NewLabelWithStyle(i18n.T("editor.sessions_heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
	)
	form.Add(ed.buildSessions(fs, p))
	split := container.NewHSplit(list, fs.scroll(form))
	split.Offset = 0.3
	return split
}

// buildSessions lays out the sessions of the selected block, one row each.
func (ed *editorScreen) buildSessions(fs *fieldSet, p string) fyne.CanvasObject {
	s := ed.ws.Active.Scenario
	blk := ed.blockAt(s)
	values, labels := bodyChoices(s)
	formats := []string{""}
	formatNames := []string{i18n.T("field.session_format.as_body")}
	for _, f := range model.Formats {
		formats = append(formats, string(f))
		formatNames = append(formatNames, formatLabel(f))
	}
	box := container.NewVBox()
	for j := range blk.Sessions {
		q := fmt.Sprintf("%s.sessions[%d]", p, j)
		ss := func(s *model.Scenario) *model.Session {
			b := ed.blockAt(s)
			if j < len(b.Sessions) {
				return &b.Sessions[j]
			}
			return &model.Session{}
		}
		what := fs.choice(fmt.Sprintf("%d.", j+1), q, values, labels, func(s *model.Scenario) string {
			if ss(s).Rotation != "" {
				return "rotation:" + ss(s).Rotation
			}
			return "body:" + ss(s).Body
		}, func(s *model.Scenario, v string) {
			e := ss(s)
			kind, id, _ := strings.Cut(v, ":")
			e.Body, e.Rotation = "", ""
			if kind == "rotation" {
				e.Rotation = id
			} else {
				e.Body, e.Take = id, 0
			}
		})
		meetings := fs.integer(i18n.T("field.session_meetings"), q+".meetings", i18n.T("field.session_meetings.allowed", "Max", model.MaxMeetings),
			func(s *model.Scenario) int { return ss(s).Meetings }, func(s *model.Scenario, v int) { ss(s).Meetings = v }, nil)
		format := fs.choice(i18n.T("field.format"), q+".format", formats, formatNames, func(s *model.Scenario) string { return string(ss(s).Format) },
			func(s *model.Scenario, v string) { ss(s).Format = model.Format(v) })
		take := fs.integer(i18n.T("field.take"), q+".take", i18n.T("field.take.allowed"),
			func(s *model.Scenario) int { return ss(s).Take }, func(s *model.Scenario, v int) { ss(s).Take = v }, nil)
		remove := fs.button(i18n.T("editor.remove"), theme.DeleteIcon(), func() { ed.RemoveSession(j) })
		box.Add(container.NewVBox(what, container.NewGridWithColumns(3, meetings, format, take), container.NewHBox(remove), widget.NewSeparator()))
	}
	box.Add(container.NewHBox(fs.button(i18n.T("editor.add_session"), theme.ContentAddIcon(), ed.AddSession)))
	return box
}

// AddBlock adds a block after the selected one, holding the first body.
func (ed *editorScreen) AddBlock() {
	ed.ws.Edit("", func(s *model.Scenario) {
		id := uniqueID("block", func(id string) bool {
			return slices.ContainsFunc(s.Blocks, func(b model.Block) bool { return b.ID == id })
		})
		b := model.Block{ID: id, Name: i18n.T("editor.new_block"), Venue: "NYC", Month: 10, Week: 2, Arrangement: model.Consecutive}
		if len(s.Bodies) > 0 {
			b.Sessions = []model.Session{{Body: s.Bodies[0].ID}}
		}
		at := min(ed.block+1, len(s.Blocks))
		s.Blocks = slices.Insert(s.Blocks, at, b)
		ed.block = at
	})
}

// RemoveBlock removes the selected block.
func (ed *editorScreen) RemoveBlock() {
	ed.ws.Edit("", func(s *model.Scenario) {
		if ed.block < len(s.Blocks) {
			s.Blocks = slices.Delete(s.Blocks, ed.block, ed.block+1)
		}
	})
}

// MoveBlock moves the selected block up or down the list.
func (ed *editorScreen) MoveBlock(delta int) {
	ed.ws.Edit("", func(s *model.Scenario) {
		j := ed.block + delta
		if ed.block >= len(s.Blocks) || j < 0 || j >= len(s.Blocks) {
			return
		}
		s.Blocks[ed.block], s.Blocks[j] = s.Blocks[j], s.Blocks[ed.block]
		ed.block = j
	})
}

// AddSession adds the first body to the selected block.
func (ed *editorScreen) AddSession() {
	ed.ws.Edit("", func(s *model.Scenario) {
		if ed.block < len(s.Blocks) && len(s.Bodies) > 0 {
			b := &s.Blocks[ed.block]
			b.Sessions = append(b.Sessions, model.Session{Body: s.Bodies[0].ID})
		}
	})
}

// RemoveSession removes a session of the selected block.
func (ed *editorScreen) RemoveSession(j int) {
	ed.ws.Edit("", func(s *model.Scenario) {
		if ed.block < len(s.Blocks) && j < len(s.Blocks[ed.block].Sessions) {
			b := &s.Blocks[ed.block]
			b.Sessions = slices.Delete(b.Sessions, j, j+1)
		}
	})
}

func (ed *editorScreen) buildRotations(fs *fieldSet) fyne.CanvasObject {
	s := ed.ws.Active.Scenario
	intro := widget.NewLabel(i18n.T("editor.rotations_intro"))
	intro.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(intro)
	for i := range s.Rotations {
		p := fmt.Sprintf("rotations[%d]", i)
		rot := func(s *model.Scenario) *model.Rotation {
			if i < len(s.Rotations) {
				return &s.Rotations[i]
			}
			return &model.Rotation{}
		}
		box.Add(fs.text(i18n.T("field.id"), p+".id", false, func(s *model.Scenario) string { return rot(s).ID }, func(s *model.Scenario, v string) { rot(s).ID = v }))
		box.Add(fs.list(i18n.T("field.rotation_bodies"), p+".bodies", i18n.T("field.rotation_bodies.placeholder"),
			func(s *model.Scenario) []string { return rot(s).Bodies }, func(s *model.Scenario, v []string) { rot(s).Bodies = v }))
		box.Add(container.NewHBox(fs.button(i18n.T("editor.remove_rotation"), theme.DeleteIcon(), func() {
			ed.ws.Edit("", func(s *model.Scenario) {
				if i < len(s.Rotations) {
					s.Rotations = slices.Delete(s.Rotations, i, i+1)
				}
			})
		})))
		box.Add(widget.NewSeparator())
	}
	box.Add(container.NewHBox(fs.button(i18n.T("editor.add_rotation"), theme.ContentAddIcon(), func() {
		ed.ws.Edit("", func(s *model.Scenario) {
			id := uniqueID("rotation", func(id string) bool { _, ok := s.Rotation(id); return ok })
			var ids []string
			for _, b := range s.Bodies {
				if b.Kind == model.ThematicGroup {
					ids = append(ids, b.ID)
				}
			}
			if len(ids) == 0 && len(s.Bodies) > 0 {
				ids = []string{s.Bodies[0].ID}
			}
			s.Rotations = append(s.Rotations, model.Rotation{ID: id, Bodies: ids})
		})
	})))
	return fs.scroll(box)
}

func (ed *editorScreen) buildAssumptions(fs *fieldSet) fyne.CanvasObject {
	s := ed.ws.Active.Scenario
	ref := ed.ws.Ref
	var keys, keyLabels []string
	every := map[string]bool{}
	for _, r := range ref.Rates {
		// Before a currency's yearly exchange rates, the key that
		// overrides them all.
		if cur, _, ok := refdata.FXYearKey(r.Key); ok && !every[cur] {
			every[cur] = true
			k := refdata.FXKey(cur)
			keys = append(keys, k)
			keyLabels = append(keyLabels, rateLabel(k, r.Label)+" ("+k+")")
		}
		keys = append(keys, r.Key)
		keyLabels = append(keyLabels, rateLabel(r.Key, r.Label)+" ("+r.Key+")")
	}
	intro := widget.NewLabel(i18n.T("editor.assumptions_intro"))
	intro.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(intro)
	for i := range s.Assumptions {
		p := fmt.Sprintf("assumptions[%d]", i)
		ov := func(s *model.Scenario) *model.Override {
			if i < len(s.Assumptions) {
				return &s.Assumptions[i]
			}
			return &model.Override{}
		}
		def := widget.NewLabel(defaultRate(ed, s.Assumptions[i].Key))
		def.Wrapping = fyne.TextWrapWord
		box.Add(fs.choice(i18n.T("field.rate"), p+".key", keys, keyLabels, func(s *model.Scenario) string { return ov(s).Key }, func(s *model.Scenario, v string) { ov(s).Key = v }))
		box.Add(def)
		box.Add(fs.number(i18n.T("field.value"), p+".value", allowedValue(ref, s.Assumptions[i].Key), func(s *model.Scenario) float64 { return ov(s).Value }, func(s *model.Scenario, v float64) { ov(s).Value = v }))
		box.Add(fs.text(i18n.T("field.source"), p+".source", false, func(s *model.Scenario) string { return ov(s).Source }, func(s *model.Scenario, v string) { ov(s).Source = v }))
		box.Add(fs.text(i18n.T("field.as_of"), p+".as_of", false, func(s *model.Scenario) string { return ov(s).AsOf }, func(s *model.Scenario, v string) { ov(s).AsOf = v }))
		box.Add(container.NewHBox(fs.button(i18n.T("editor.remove"), theme.DeleteIcon(), func() {
			ed.ws.Edit("", func(s *model.Scenario) {
				if i < len(s.Assumptions) {
					s.Assumptions = slices.Delete(s.Assumptions, i, i+1)
				}
			})
		})))
		box.Add(widget.NewSeparator())
	}
	box.Add(container.NewHBox(fs.button(i18n.T("editor.override_rate"), theme.ContentAddIcon(), func() {
		ed.ws.Edit("", func(s *model.Scenario) {
			if len(ref.Rates) > 0 {
				r := ref.Rates[0]
				s.Assumptions = append(s.Assumptions, model.Override{Key: r.Key, Value: r.Value})
			}
		})
	})))
	return fs.scroll(box)
}

// defaultRate describes the default a scenario's override replaces.
// allowedValue is what an override of key may be set to, in its unit:
// the engine's bounds (cost.OverrideBounds).
func allowedValue(ref *refdata.Data, key string) string {
	b, unit, ok := cost.OverrideBounds(ref, key)
	if !ok {
		return i18n.T("field.value.allowed")
	}
	if b.Whole { // years and settings, written without grouping
		return i18n.T("field.value.allowed_whole", "Lo", strconv.Itoa(int(b.Lo)), "Hi", strconv.Itoa(int(b.Hi)), "Unit", unitLabel(unit))
	}
	f := i18n.F()
	return i18n.T("field.value.allowed_range", "Lo", f.Compact(b.Lo, 6), "Hi", f.Compact(b.Hi, 6), "Unit", unitLabel(unit))
}

func defaultRate(ed *editorScreen, key string) string {
	r, ok := ed.ws.Ref.Rate(key)
	if cur, fx := refdata.FXCurrency(key); !ok && fx {
		// Every year's exchange rate: the default of the scenario's
		// price year.
		a, _ := cost.NewAssumptions(ed.ws.Ref, ed.ws.Active.Scenario.Assumptions)
		r, ok = ed.ws.Ref.Rate(a.ExchangeKey(cur))
	}
	if !ok {
		return i18n.T("editor.rate.unknown")
	}
	value := i18n.F().Compact(r.Value, 6)
	if cost.BoundsOf(r).Whole { // a year or a setting, not grouped
		value = strconv.FormatFloat(r.Value, 'f', -1, 64)
	}
	text := i18n.T("editor.rate.default", "Value", value, "Unit", unitLabel(r.Unit), "Source", r.Source, "AsOf", r.AsOf)
	if r.Placeholder {
		text += " " + i18n.T("editor.rate.placeholder")
	}
	return text
}
