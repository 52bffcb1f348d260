package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mechplan/internal/model"
)

// Labels of the model's enumerations, in the users' words.
var (
	kindLabels = map[model.BodyKind]string{
		model.Plenary: "Plenary", model.ThematicGroup: "Thematic group", model.Intersessional: "Intersessional meeting",
		model.Organizational: "Organizational session", model.ReviewConference: "Review conference", model.Informal: "Informal session (town hall)",
	}
	formatLabels = map[model.Format]string{model.InPerson: "In person", model.Hybrid: "Hybrid", model.Virtual: "Virtual"}
	monthNames   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	weekLabels   = []string{"1st week", "2nd week", "3rd week", "4th week", "Last week"}
)

func labelsOf[T ~string](all []T, names map[T]string) (values, labels []string) {
	for _, v := range all {
		values = append(values, string(v))
		labels = append(labels, names[v])
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
	ws       *Workspace
	loading  bool
	banner   *fyne.Container
	sections []*section
	tabs     *container.AppTabs
	content  fyne.CanvasObject

	body, block int // selected body and block
	bodyList    *widget.List
	blockList   *widget.List
	onDuplicate func()
}

func newEditorScreen(ws *Workspace, onDuplicate func()) *editorScreen {
	ed := &editorScreen{ws: ws, onDuplicate: onDuplicate}
	ed.sections = []*section{
		{name: "Scenario", key: func(d *Document) string { return "" }, build: ed.buildScenario},
		{name: "Bodies", key: func(d *Document) string {
			return fmt.Sprint(len(d.Scenario.Bodies), ed.body)
		}, build: ed.buildBodies},
		{name: "Blocks", key: func(d *Document) string {
			s := d.Scenario
			n := -1
			if ed.block < len(s.Blocks) {
				n = len(s.Blocks[ed.block].Sessions)
			}
			values, labels := bodyChoices(s)
			return fmt.Sprint(len(s.Blocks), ed.block, n, values, labels)
		}, build: ed.buildBlocks},
		{name: "Rotations", key: func(d *Document) string { return strconv.Itoa(len(d.Scenario.Rotations)) }, build: ed.buildRotations},
		{name: "Assumptions", key: func(d *Document) string { return strconv.Itoa(len(d.Scenario.Assumptions)) }, build: ed.buildAssumptions},
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
	ed.banner.RemoveAll()
	if d == nil {
		ed.banner.Add(widget.NewLabel("Open a scenario from the library, or start a new one (File ▸ New)."))
		for _, s := range ed.sections {
			s.holder.RemoveAll()
			s.lastKey = ""
		}
		return
	}
	if d.ReadOnly() {
		ed.banner.Add(container.NewBorder(nil, nil, nil,
			widget.NewButtonWithIcon("Duplicate to edit", theme.ContentCopyIcon(), ed.onDuplicate),
			widget.NewLabel("Built-in scenarios are read-only. Duplicate this one to change it.")))
	}
	// The banner's height changed; the border must lay out again.
	ed.content.Refresh()
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
		fs.text("Name", "name", false, func(s *model.Scenario) string { return s.Name }, func(s *model.Scenario, v string) { s.Name = v }),
		fs.text("Id (file-safe)", "id", false, func(s *model.Scenario) string { return s.ID }, func(s *model.Scenario, v string) { s.ID = v }),
		fs.text("Proponent", "proponent", false, func(s *model.Scenario) string { return s.Proponent }, func(s *model.Scenario, v string) { s.Proponent = v }),
		fs.text("Description", "description", true, func(s *model.Scenario) string { return s.Description }, func(s *model.Scenario, v string) { s.Description = v }),
		fs.text("Horizon starts (YYYY-MM-DD)", "horizon.start", false, func(s *model.Scenario) string { return s.Horizon.Start }, func(s *model.Scenario, v string) { s.Horizon.Start = v }),
		fs.integer("Horizon (years)", "horizon.years", fmt.Sprintf("1–%d years", model.MaxHorizonYears),
			func(s *model.Scenario) int { return s.Horizon.Years }, func(s *model.Scenario, v int) { s.Horizon.Years = v }, nil),
		fs.integer("Cycle (years)", "cycle_years", fmt.Sprintf("1–%d years, at most the horizon", model.MaxCycleYears),
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
		return container.NewHSplit(list, widget.NewLabel("No bodies: add one with +."))
	}
	kinds, kindNames := labelsOf(model.BodyKinds, kindLabels)
	formats, formatNames := labelsOf(model.Formats, formatLabels)
	body := func(s *model.Scenario) *model.Body { return ed.bodyAt(s) }
	form := container.NewVBox(
		fs.text("Name", p+".name", false, func(s *model.Scenario) string { return body(s).Name }, func(s *model.Scenario, v string) { body(s).Name = v }),
		fs.text("Id", p+".id", false, func(s *model.Scenario) string { return body(s).ID }, func(s *model.Scenario, v string) { renameBody(s, body(s).ID, v) }),
		fs.choice("Kind", p+".kind", kinds, kindNames, func(s *model.Scenario) string { return string(body(s).Kind) }, func(s *model.Scenario, v string) { body(s).Kind = model.BodyKind(v) }),
		fs.text("Topic", p+".topic", false, func(s *model.Scenario) string { return body(s).Topic }, func(s *model.Scenario, v string) { body(s).Topic = v }),
		fs.integer("Meetings per session", p+".meetings", fmt.Sprintf("1–%d meetings of 3 hours", model.MaxMeetings),
			func(s *model.Scenario) int { return body(s).Meetings }, func(s *model.Scenario, v int) { body(s).Meetings = v }, func(s *model.Scenario) string { return sessionDays(body(s)) }),
		fs.choice("Meetings a day", p+".meetings_per_day", []string{"2", "1"}, []string{"Two (10:00–13:00, 15:00–18:00)", "One"},
			func(s *model.Scenario) string { return strconv.Itoa(body(s).PerDay()) },
			func(s *model.Scenario, v string) { body(s).MeetingsPerDay, _ = strconv.Atoi(v) }),
		fs.choice("Format", p+".format", formats, formatNames, func(s *model.Scenario) string { return string(body(s).Format) }, func(s *model.Scenario, v string) { body(s).Format = model.Format(v) }),
		fs.check("Interpretation into the six official languages", p+".interpretation", func(s *model.Scenario) bool { return body(s).Interpretation }, func(s *model.Scenario, v bool) { body(s).Interpretation = v }),
		fs.check("Webcast", p+".webcast", func(s *model.Scenario) bool { return body(s).Webcast }, func(s *model.Scenario, v bool) { body(s).Webcast = v }),
		fs.check("Informal", p+".informal", func(s *model.Scenario) bool { return body(s).Informal }, func(s *model.Scenario, v bool) { body(s).Informal = v }),
		fs.check("Ad hoc (time-bound group)", p+".ad_hoc", func(s *model.Scenario) bool { return body(s).AdHoc }, func(s *model.Scenario, v bool) { body(s).AdHoc = v }),
		fs.list("Start times (venue time, rotating)", p+".start_times", "e.g. 10:00, 07:00 — blank: the venue's hours",
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
	unit := " days"
	if days == 1 {
		unit = " day"
	}
	return "= " + strconv.FormatFloat(days, 'f', -1, 64) + unit
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
		b := model.Body{ID: id, Name: "New thematic group", Kind: model.ThematicGroup, Meetings: 6, Format: model.InPerson, Interpretation: true}
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
		labels = append(labels, "Rotation "+r.ID+" ("+strings.Join(r.Bodies, ", ")+")")
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
		return container.NewHSplit(list, widget.NewLabel("No blocks: add one with +."))
	}
	p := fmt.Sprintf("blocks[%d]", ed.block)
	blk := func(s *model.Scenario) *model.Block { return ed.blockAt(s) }
	venues := ed.ws.Ref.VenueCodes()
	var venueLabels []string
	for _, c := range venues {
		v, _ := ed.ws.Ref.Venue(c)
		venueLabels = append(venueLabels, v.City+" ("+c+")")
	}
	months := []string{"0"}
	monthLabels := []string{"— (dates only)"}
	for m, n := range monthNames {
		months = append(months, strconv.Itoa(m+1))
		monthLabels = append(monthLabels, n)
	}
	weeks := []string{"1", "2", "3", "4", "5"}
	form := container.NewVBox(
		fs.text("Name", p+".name", false, func(s *model.Scenario) string { return blk(s).Name }, func(s *model.Scenario, v string) { blk(s).Name = v }),
		fs.text("Id", p+".id", false, func(s *model.Scenario) string { return blk(s).ID }, func(s *model.Scenario, v string) { blk(s).ID = v }),
		fs.choice("Venue", p+".venue", venues, venueLabels, func(s *model.Scenario) string { return blk(s).Venue }, func(s *model.Scenario, v string) { blk(s).Venue = v; blk(s).Venues = nil }),
		fs.list("Or rotate venues", p+".venues", "e.g. NYC, GVA, NBO — replaces the venue",
			func(s *model.Scenario) []string { return blk(s).Venues }, func(s *model.Scenario, v []string) {
				blk(s).Venues = v
				if len(v) > 0 {
					blk(s).Venue = ""
				}
			}),
		fs.choice("Month", p+".month", months, monthLabels, func(s *model.Scenario) string { return strconv.Itoa(blk(s).Month) },
			func(s *model.Scenario, v string) { blk(s).Month, _ = strconv.Atoi(v) }),
		fs.choice("Week of the month", p+".week", weeks, weekLabels, func(s *model.Scenario) string { return strconv.Itoa(blk(s).Week) },
			func(s *model.Scenario, v string) { blk(s).Week, _ = strconv.Atoi(v) }),
		fs.list("Or start dates", p+".dates", "YYYY-MM-DD, … — a date replaces the month for its year",
			func(s *model.Scenario) []string { return blk(s).Dates }, func(s *model.Scenario, v []string) { blk(s).Dates = v }),
		fs.intList("Years of the cycle", p+".years", "e.g. 1 or 1, 2 — years 1 to the cycle length; blank: every year",
			func(s *model.Scenario) []int { return blk(s).Years }, func(s *model.Scenario, v []int) { blk(s).Years = v }),
		fs.integer("Only every N years", p+".every_years", fmt.Sprintf("1–%d years; blank: every year", model.MaxHorizonYears),
			func(s *model.Scenario) int { return blk(s).EveryYears }, func(s *model.Scenario, v int) { blk(s).EveryYears = v }, nil),
		fs.integer("Counting from year", p+".from_year", fmt.Sprintf("%d–%d; blank: the horizon's first year", model.MinYear, model.MaxYear),
			func(s *model.Scenario) int { return blk(s).FromYear }, func(s *model.Scenario, v int) { blk(s).FromYear = v }, nil),
		fs.choice("Sessions run", p+".arrangement", []string{string(model.Consecutive), string(model.Parallel)},
			[]string{"Consecutively (one room)", "In parallel (one room each)"},
			func(s *model.Scenario) string { return string(blk(s).Arrangement) }, func(s *model.Scenario, v string) { blk(s).Arrangement = model.Arrangement(v) }),
		widget.NewLabelWithStyle("Sessions in this block", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
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
	formatNames := []string{"As the body"}
	for _, f := range model.Formats {
		formats = append(formats, string(f))
		formatNames = append(formatNames, formatLabels[f])
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
		meetings := fs.integer("Meetings", q+".meetings", fmt.Sprintf("blank: the body's; 1–%d", model.MaxMeetings),
			func(s *model.Scenario) int { return ss(s).Meetings }, func(s *model.Scenario, v int) { ss(s).Meetings = v }, nil)
		format := fs.choice("Format", q+".format", formats, formatNames, func(s *model.Scenario) string { return string(ss(s).Format) },
			func(s *model.Scenario, v string) { ss(s).Format = model.Format(v) })
		take := fs.integer("Take", q+".take", "rotation only: bodies taken each time (blank: 1)",
			func(s *model.Scenario) int { return ss(s).Take }, func(s *model.Scenario, v int) { ss(s).Take = v }, nil)
		remove := fs.button("Remove", theme.DeleteIcon(), func() { ed.RemoveSession(j) })
		box.Add(container.NewVBox(what, container.NewGridWithColumns(3, meetings, format, take), container.NewHBox(remove), widget.NewSeparator()))
	}
	box.Add(container.NewHBox(fs.button("Add a session", theme.ContentAddIcon(), ed.AddSession)))
	return box
}

// AddBlock adds a block after the selected one, holding the first body.
func (ed *editorScreen) AddBlock() {
	ed.ws.Edit("", func(s *model.Scenario) {
		id := uniqueID("block", func(id string) bool {
			return slices.ContainsFunc(s.Blocks, func(b model.Block) bool { return b.ID == id })
		})
		b := model.Block{ID: id, Name: "New block", Venue: "NYC", Month: 10, Week: 2, Arrangement: model.Consecutive}
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
	box := container.NewVBox(widget.NewLabel("An agenda rotation: blocks that name it take the next bodies of its list, in calendar order, so not every group meets every time."))
	for i := range s.Rotations {
		p := fmt.Sprintf("rotations[%d]", i)
		rot := func(s *model.Scenario) *model.Rotation {
			if i < len(s.Rotations) {
				return &s.Rotations[i]
			}
			return &model.Rotation{}
		}
		box.Add(fs.text("Id", p+".id", false, func(s *model.Scenario) string { return rot(s).ID }, func(s *model.Scenario, v string) { rot(s).ID = v }))
		box.Add(fs.list("Bodies in turn", p+".bodies", "body ids, e.g. tg-1, tg-2, tg-3",
			func(s *model.Scenario) []string { return rot(s).Bodies }, func(s *model.Scenario, v []string) { rot(s).Bodies = v }))
		box.Add(container.NewHBox(fs.button("Remove rotation", theme.DeleteIcon(), func() {
			ed.ws.Edit("", func(s *model.Scenario) {
				if i < len(s.Rotations) {
					s.Rotations = slices.Delete(s.Rotations, i, i+1)
				}
			})
		})))
		box.Add(widget.NewSeparator())
	}
	box.Add(container.NewHBox(fs.button("Add a rotation", theme.ContentAddIcon(), func() {
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
	for _, r := range ref.Rates {
		keys = append(keys, r.Key)
		keyLabels = append(keyLabels, r.Label+" ("+r.Key+")")
	}
	box := container.NewVBox(widget.NewLabel("This scenario's own rates, replacing the defaults. Give each its source and date."))
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
		box.Add(fs.choice("Rate", p+".key", keys, keyLabels, func(s *model.Scenario) string { return ov(s).Key }, func(s *model.Scenario, v string) { ov(s).Key = v }))
		box.Add(def)
		box.Add(fs.number("Value", p+".value", "0 to 1e12, in the rate's unit", func(s *model.Scenario) float64 { return ov(s).Value }, func(s *model.Scenario, v float64) { ov(s).Value = v }))
		box.Add(fs.text("Source", p+".source", false, func(s *model.Scenario) string { return ov(s).Source }, func(s *model.Scenario, v string) { ov(s).Source = v }))
		box.Add(fs.text("As of (date)", p+".as_of", false, func(s *model.Scenario) string { return ov(s).AsOf }, func(s *model.Scenario, v string) { ov(s).AsOf = v }))
		box.Add(container.NewHBox(fs.button("Remove", theme.DeleteIcon(), func() {
			ed.ws.Edit("", func(s *model.Scenario) {
				if i < len(s.Assumptions) {
					s.Assumptions = slices.Delete(s.Assumptions, i, i+1)
				}
			})
		})))
		box.Add(widget.NewSeparator())
	}
	box.Add(container.NewHBox(fs.button("Override a rate", theme.ContentAddIcon(), func() {
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
func defaultRate(ed *editorScreen, key string) string {
	r, ok := ed.ws.Ref.Rate(key)
	if !ok {
		return "Unknown rate."
	}
	text := fmt.Sprintf("Default: %s %s; source: %s, as of %s", strconv.FormatFloat(r.Value, 'f', -1, 64), r.Unit, r.Source, r.AsOf)
	if r.Placeholder {
		text += " (PLACEHOLDER: no published figure confirms it)"
	}
	return text
}
