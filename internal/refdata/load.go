package refdata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"mechplan/resources"
)

// File names inside the data directory.
const (
	statesFile      = "member_states.csv"
	statusListsFile = "status_lists.csv"
	venuesFile      = "venues.json"
	ratesFile       = "rates.json"
)

// MemberCount is the number of UN member states since South Sudan joined
// on 14 July 2011.
const MemberCount = 193

// Groups lists the five regional groups in the order the UN usually gives them.
var Groups = []string{GroupAfrican, GroupAsiaPacific, GroupEastern, GroupLatinAmerica, GroupWEOG}

// MissionVenues are the duty stations for which member_states.csv says
// whether a state keeps a permanent mission.
var MissionVenues = []string{"NYC", "GVA", "VIE", "NBO"}

var (
	defaultOnce sync.Once
	defaultData *Data
	defaultErr  error
)

// Default returns the embedded reference data, parsed and validated once
// per process: every caller shares the same read-only value.
func Default() (*Data, error) {
	defaultOnce.Do(func() { defaultData, defaultErr = Load() })
	return defaultData, defaultErr
}

// Load parses and validates the tables embedded in the binary.
func Load() (*Data, error) {
	sub, err := fs.Sub(resources.Data, "data")
	if err != nil {
		return nil, fmt.Errorf("reference data: %w", err)
	}
	return LoadFS(sub)
}

// LoadFS parses and validates the tables found at the root of fsys. It
// returns a *ValidationError listing every problem, with file, row and
// column, when the tables are inconsistent.
func LoadFS(fsys fs.FS) (*Data, error) {
	var ps problems
	d := &Data{}
	d.States = loadStates(fsys, &ps)
	loadNames(fsys, d.States, &ps)
	d.StatusLists = loadStatusLists(fsys, d.States, &ps)
	d.Venues, d.EidSource = loadVenues(fsys, &ps)
	d.Rates = loadRates(fsys, &ps)
	var more []Rate
	d.Blackouts, more = loadCalendar(fsys, d.Venues, &ps)
	d.Rates = append(d.Rates, more...)
	d.index()
	crossCheck(d, &ps)
	if err := ps.err(); err != nil {
		return nil, err
	}
	return d, nil
}

func (d *Data) index() {
	d.stateByISO = make(map[string]int, len(d.States))
	for i, s := range d.States {
		if _, dup := d.stateByISO[s.ISO3]; !dup {
			d.stateByISO[s.ISO3] = i
		}
	}
	d.venueByKey = make(map[string]int, len(d.Venues))
	for i, v := range d.Venues {
		if _, dup := d.venueByKey[v.Code]; !dup {
			d.venueByKey[v.Code] = i
		}
	}
	d.rateByKey = make(map[string]int, len(d.Rates))
	d.fxByCurrency = map[string][]int{}
	for i, r := range d.Rates {
		if _, dup := d.rateByKey[r.Key]; !dup {
			d.rateByKey[r.Key] = i
			if cur, _, ok := FXYearKey(r.Key); ok {
				d.fxByCurrency[cur] = append(d.fxByCurrency[cur], i)
			}
		}
	}
	for _, rows := range d.fxByCurrency {
		sort.SliceStable(rows, func(a, b int) bool { return d.Rates[rows[a]].PriceYear < d.Rates[rows[b]].PriceYear })
	}
}

// fxYearKey splits the key of a yearly exchange rate, fx.CHF.2023, into
// its currency and year.
func FXYearKey(key string) (string, int, bool) {
	rest, ok := strings.CutPrefix(key, FXPrefix)
	cur, y, ok2 := strings.Cut(rest, ".")
	if !ok || !ok2 || !iso3Pattern.MatchString(cur) || len(y) != 4 {
		return "", 0, false
	}
	year, err := strconv.Atoi(y)
	return cur, year, err == nil
}

// csvTable reads a whole CSV file with a header row and gives access to
// each field by column name, remembering its line for problem reports.
type csvTable struct {
	file   string
	header []string
	rows   [][]string
	lines  []int
}

func readCSV(fsys fs.FS, file string, want []string, ps *problems) *csvTable {
	raw, err := fs.ReadFile(fsys, file)
	if err != nil {
		ps.add(file, 0, "", "cannot read: %v", err)
		return nil
	}
	// A byte-order mark from a spreadsheet export would glue itself to the
	// first column name.
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	r := csv.NewReader(bytes.NewReader(raw))
	t := &csvTable{file: file}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			ps.add(file, 0, "", "malformed CSV: %v", err)
			return nil
		}
		line, _ := r.FieldPos(0)
		if t.header == nil {
			t.header = rec
			continue
		}
		t.rows = append(t.rows, rec)
		t.lines = append(t.lines, line)
	}
	for _, c := range want {
		if t.col(c) < 0 {
			ps.add(file, 1, c, "missing column (want %s)", strings.Join(want, ","))
		}
	}
	return t
}

func (t *csvTable) col(name string) int {
	for i, h := range t.header {
		if h == name {
			return i
		}
	}
	return -1
}

func (t *csvTable) get(row int, name string) string {
	i := t.col(name)
	if i < 0 || i >= len(t.rows[row]) {
		return ""
	}
	return strings.TrimSpace(t.rows[row][i])
}

var (
	iso3Pattern   = regexp.MustCompile(`^[A-Z]{3}$`)
	m49Pattern    = regexp.MustCompile(`^\d{3}$`)
	coordPattern  = regexp.MustCompile(`^-?\d{1,3}\.\d{2,4}$`)
	asOfPattern   = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
	clockPattern  = regexp.MustCompile(`^([01]\d|2[0-3]):[0-5]\d$`)
	currencyUnits = regexp.MustCompile(`^([A-Z]{3}) `)
)

var stateColumns = []string{"iso3", "name", "city", "city_note", "lat", "lon", "tz", "tz_note",
	"group", "group_note", "ldc", "lldc", "sids",
	"mission_nyc", "mission_gva", "mission_vie", "mission_nbo", "missions_assumed", "m49_region"}

func loadStates(fsys fs.FS, ps *problems) []MemberState {
	t := readCSV(fsys, statesFile, stateColumns, ps)
	if t == nil {
		return nil
	}
	out := make([]MemberState, 0, len(t.rows))
	seenISO, seenName := map[string]int{}, map[string]int{}
	for i := range t.rows {
		line := t.lines[i]
		bad := func(col, format string, args ...any) { ps.add(statesFile, line, col, format, args...) }
		s := MemberState{
			ISO3:      t.get(i, "iso3"),
			Name:      t.get(i, "name"),
			Capital:   t.get(i, "city"),
			CityNote:  t.get(i, "city_note"),
			TZ:        t.get(i, "tz"),
			TZNote:    t.get(i, "tz_note"),
			Group:     t.get(i, "group"),
			GroupNote: t.get(i, "group_note"),
			M49Region: t.get(i, "m49_region"),
			Missions:  map[string]bool{},
		}
		if !iso3Pattern.MatchString(s.ISO3) {
			bad("iso3", "%q is not an ISO 3166-1 alpha-3 code (three capital letters)", s.ISO3)
		} else if prev, dup := seenISO[s.ISO3]; dup {
			bad("iso3", "%s repeats row %d", s.ISO3, prev)
		} else {
			seenISO[s.ISO3] = line
		}
		if s.Name == "" {
			bad("name", "empty name")
		} else if prev, dup := seenName[s.Name]; dup {
			bad("name", "%q repeats row %d", s.Name, prev)
		} else {
			seenName[s.Name] = line
		}
		if s.Capital == "" {
			bad("city", "empty city")
		}
		s.Lat = parseCoord(t.get(i, "lat"), 90, "lat", bad)
		s.Lon = parseCoord(t.get(i, "lon"), 180, "lon", bad)
		if loc, err := time.LoadLocation(s.TZ); err != nil || s.TZ == "" || s.TZ == "Local" {
			bad("tz", "%q is not an IANA zone that loads: %v", s.TZ, err)
		} else {
			s.loc = loc
		}
		if !isGroup(s.Group) {
			bad("group", "%q is not one of: %s", s.Group, strings.Join(Groups, "; "))
		}
		s.LDC = parseFlag(t.get(i, "ldc"), "ldc", bad)
		s.LLDC = parseFlag(t.get(i, "lldc"), "lldc", bad)
		s.SIDS = parseFlag(t.get(i, "sids"), "sids", bad)
		for _, v := range MissionVenues {
			col := "mission_" + strings.ToLower(v)
			s.Missions[v] = parseFlag(t.get(i, col), col, bad)
		}
		s.MissionsAssumed = parseFlag(t.get(i, "missions_assumed"), "missions_assumed", bad)
		if !m49Pattern.MatchString(s.M49Region) {
			bad("m49_region", "%q is not a three-digit M49 region code (the intermediate region, else the sub-region)", s.M49Region)
		}
		out = append(out, s)
	}
	if len(out) != MemberCount {
		ps.add(statesFile, 0, "", "%d member states; the UN has exactly %d", len(out), MemberCount)
	}
	return out
}

func isGroup(g string) bool {
	for _, x := range Groups {
		if g == x {
			return true
		}
	}
	return false
}

func parseCoord(s string, limit float64, col string, bad func(col, format string, args ...any)) float64 {
	if !coordPattern.MatchString(s) {
		bad(col, "%q is not decimal degrees with 2-4 decimals", s)
		return 0
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < -limit || v > limit {
		bad(col, "%q out of range -%g..%g", s, limit, limit)
	}
	return v
}

func parseFlag(s, col string, bad func(col, format string, args ...any)) bool {
	switch s {
	case "1":
		return true
	case "0":
		return false
	}
	bad(col, "%q is not 1 or 0", s)
	return false
}

func loadStatusLists(fsys fs.FS, states []MemberState, ps *problems) []StatusList {
	t := readCSV(fsys, statusListsFile, []string{"list", "as_of", "count", "title", "source"}, ps)
	if t == nil {
		return nil
	}
	flagged := map[string]int{}
	for _, s := range states {
		if s.LDC {
			flagged["LDC"]++
		}
		if s.LLDC {
			flagged["LLDC"]++
		}
		if s.SIDS {
			flagged["SIDS"]++
		}
	}
	var out []StatusList
	seen := map[string]bool{}
	for i := range t.rows {
		line := t.lines[i]
		l := StatusList{List: t.get(i, "list"), AsOf: t.get(i, "as_of"), Title: t.get(i, "title"), Source: t.get(i, "source")}
		if l.List != "LDC" && l.List != "LLDC" && l.List != "SIDS" {
			ps.add(statusListsFile, line, "list", "%q is not LDC, LLDC or SIDS", l.List)
		}
		seen[l.List] = true
		if !asOfPattern.MatchString(l.AsOf) {
			ps.add(statusListsFile, line, "as_of", "%q is not YYYY, YYYY-MM or YYYY-MM-DD", l.AsOf)
		}
		if l.Source == "" {
			ps.add(statusListsFile, line, "source", "empty source")
		}
		n, err := strconv.Atoi(t.get(i, "count"))
		if err != nil {
			ps.add(statusListsFile, line, "count", "%q is not a whole number", t.get(i, "count"))
		} else if states != nil && n != flagged[l.List] {
			ps.add(statusListsFile, line, "count", "list has %d members but %s flags %d states", n, statesFile, flagged[l.List])
		}
		l.Count = n
		out = append(out, l)
	}
	for _, want := range []string{"LDC", "LLDC", "SIDS"} {
		if !seen[want] {
			ps.add(statusListsFile, 0, "list", "no row for %s", want)
		}
	}
	return out
}

// venueFile is the shape of venues.json.
type venueFile struct {
	Years struct {
		First int `json:"first"`
		Last  int `json:"last"`
	} `json:"years"`
	Eid    eidTable    `json:"eid"`
	Venues []venueJSON `json:"venues"`
}

type venueJSON struct {
	Code          string        `json:"code"`
	Name          string        `json:"name"`
	City          string        `json:"city"`
	Country       string        `json:"country"`
	TZ            string        `json:"tz"`
	Lat           float64       `json:"lat"`
	Lon           float64       `json:"lon"`
	Slots         []Slot        `json:"slots"`
	WeekendRule   string        `json:"weekend_rule"`
	HolidaySource string        `json:"holiday_source"`
	Holidays      []holidayRule `json:"holidays"`
	// Published lists, one per year, replace the generated holidays.
	Published []publishedYear `json:"published,omitempty"`
}

// UnmarshalJSON lets Slot read the lower-case keys of venues.json while
// keeping its exported field names.
func (s *Slot) UnmarshalJSON(b []byte) error {
	var raw struct {
		Start string `json:"start"`
		End   string `json:"end"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	s.Start, s.End = raw.Start, raw.End
	return nil
}

func decodeJSON(fsys fs.FS, file string, v any, ps *problems) bool {
	raw, err := fs.ReadFile(fsys, file)
	if err != nil {
		ps.add(file, 0, "", "cannot read: %v", err)
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	// A misspelt field would otherwise vanish silently.
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		ps.add(file, 0, "", "malformed JSON: %v", err)
		return false
	}
	return true
}

func loadVenues(fsys fs.FS, ps *problems) ([]Venue, string) {
	var f venueFile
	if !decodeJSON(fsys, venuesFile, &f, ps) {
		return nil, ""
	}
	first, last := f.Years.First, f.Years.Last
	if first < 1900 || last > 2099 || first > last {
		ps.add(venuesFile, 0, "years", "%d-%d: want first <= last within 1900-2099 (Orthodox Easter rule)", first, last)
		return nil, ""
	}
	eid := map[string]map[int]time.Time{ruleEidAlFitr: {}, ruleEidAlAdha: {}}
	if f.Eid.Source == "" {
		ps.add(venuesFile, 0, "eid.source", "Eid dates need a source")
	}
	for rule, table := range map[string]map[string]string{ruleEidAlFitr: f.Eid.Fitr, ruleEidAlAdha: f.Eid.Adha} {
		for y := first; y <= last; y++ {
			s, ok := table[strconv.Itoa(y)]
			if !ok {
				ps.add(venuesFile, 0, "eid."+rule, "no date for %d", y)
				continue
			}
			d, err := time.Parse("2006-01-02", s)
			if err != nil || d.Year() != y {
				ps.add(venuesFile, 0, "eid."+rule, "%d: %q is not a YYYY-MM-DD date in that year", y, s)
				continue
			}
			eid[rule][y] = d
		}
	}
	var out []Venue
	seen := map[string]int{}
	for i, vj := range f.Venues {
		row := i + 1
		bad := func(col, format string, args ...any) { ps.add(venuesFile, row, col, format, args...) }
		v := Venue{Code: vj.Code, Name: vj.Name, City: vj.City, Country: vj.Country, TZ: vj.TZ,
			Lat: vj.Lat, Lon: vj.Lon, Slots: vj.Slots, HolidaySource: vj.HolidaySource}
		if !iso3Pattern.MatchString(v.Code) {
			bad("code", "%q is not a three-letter venue code", v.Code)
		} else if prev, dup := seen[v.Code]; dup {
			bad("code", "%s repeats venue %d", v.Code, prev)
		} else {
			seen[v.Code] = row
		}
		if v.Name == "" || v.City == "" {
			bad("name", "venue needs a name and a city")
		}
		if !iso3Pattern.MatchString(v.Country) {
			bad("country", "%q is not an ISO3 code", v.Country)
		}
		if loc, err := time.LoadLocation(v.TZ); err != nil || v.TZ == "" || v.TZ == "Local" {
			bad("tz", "%q is not an IANA zone that loads: %v", v.TZ, err)
		} else {
			v.loc = loc
		}
		if v.Lat < -90 || v.Lat > 90 {
			bad("lat", "%g out of range -90..90", v.Lat)
		}
		if v.Lon < -180 || v.Lon > 180 {
			bad("lon", "%g out of range -180..180", v.Lon)
		}
		if len(v.Slots) == 0 {
			bad("slots", "no meeting slots")
		}
		for j, s := range v.Slots {
			if !clockPattern.MatchString(s.Start) || !clockPattern.MatchString(s.End) || s.Start >= s.End {
				bad(fmt.Sprintf("slots[%d]", j), "%q-%q: want HH:MM with start before end", s.Start, s.End)
			}
		}
		if v.HolidaySource == "" {
			bad("holiday_source", "holidays need a source")
		}
		switch vj.WeekendRule {
		case weekendUSFederal, weekendFollowingMonday, weekendNone:
		default:
			bad("weekend_rule", "%q is not %s, %s or %s", vj.WeekendRule, weekendUSFederal, weekendFollowingMonday, weekendNone)
		}
		rulesOK := true
		for j, r := range vj.Holidays {
			if col, msg := checkRule(r); msg != "" {
				bad(fmt.Sprintf("holidays[%d].%s", j, col), "%s", msg)
				rulesOK = false
			}
		}
		if rulesOK {
			v.Holidays = expandHolidays(vj.Holidays, vj.WeekendRule, first, last, eid)
		}
		v.Holidays, v.Published = applyPublished(v.Holidays, vj.Published, first, last, bad)
		v.holidays = make(map[string]string, len(v.Holidays))
		for _, h := range v.Holidays {
			v.holidays[h.Date] = h.Name
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		ps.add(venuesFile, 0, "venues", "no venues")
	}
	return out, f.Eid.Source
}

// rateJSON mirrors Rate with the lower-case keys of rates.json.
type rateJSON struct {
	Key         string   `json:"key"`
	Label       string   `json:"label"`
	Value       *float64 `json:"value"`
	Unit        string   `json:"unit"`
	Currency    string   `json:"currency"`
	PriceYear   int      `json:"price_year"`
	Source      string   `json:"source"`
	AsOf        string   `json:"as_of"`
	Placeholder bool     `json:"placeholder"`
	Note        string   `json:"note"`
}

func loadRates(fsys fs.FS, ps *problems) []Rate {
	var f struct {
		Rates []rateJSON `json:"rates"`
	}
	if !decodeJSON(fsys, ratesFile, &f, ps) {
		return nil
	}
	return rateRows(ratesFile, f.Rates, ps)
}

// rateRows checks the rows of a rates table (rates.json, or the rates of
// calendar.json).
func rateRows(file string, rows []rateJSON, ps *problems) []Rate {
	var out []Rate
	seen := map[string]int{}
	for i, rj := range rows {
		row := i + 1
		bad := func(col, format string, args ...any) { ps.add(file, row, col, format, args...) }
		r := Rate{Key: rj.Key, Label: rj.Label, Unit: rj.Unit, Currency: rj.Currency, PriceYear: rj.PriceYear,
			Source: rj.Source, AsOf: rj.AsOf, Placeholder: rj.Placeholder, Note: rj.Note}
		if r.Key == "" {
			bad("key", "empty key")
		} else if prev, dup := seen[r.Key]; dup {
			bad("key", "%s repeats rate %d", r.Key, prev)
		} else {
			seen[r.Key] = row
		}
		if rj.Value == nil {
			bad("value", "missing value")
		} else {
			r.Value = *rj.Value
			if r.Value < 0 {
				bad("value", "%g is negative", r.Value)
			}
		}
		if r.Label == "" || r.Unit == "" {
			bad("label", "rate needs a label and a unit")
		}
		// A placeholder still says why its value was chosen; a published
		// figure says where and when it was published.
		if r.Source == "" {
			bad("source", "no source (for a placeholder, give the reasoning)")
		}
		if !r.Placeholder && r.AsOf == "" {
			bad("as_of", "a published figure needs its date, or mark it placeholder")
		}
		if r.AsOf != "" && !asOfPattern.MatchString(r.AsOf) {
			bad("as_of", "%q is not YYYY, YYYY-MM or YYYY-MM-DD", r.AsOf)
		}
		if m := currencyUnits.FindStringSubmatch(r.Unit); m != nil {
			if r.Currency != m[1] {
				bad("currency", "unit %q is money in %s but currency is %q", r.Unit, m[1], r.Currency)
			}
		}
		if r.Currency != "" {
			if !iso3Pattern.MatchString(r.Currency) {
				bad("currency", "%q is not an ISO 4217 code", r.Currency)
			}
			if r.PriceYear < 1945 || r.PriceYear > 2100 {
				bad("price_year", "money needs its price year (got %d)", r.PriceYear)
			}
		}
		checkExchangeRate(r, bad)
		out = append(out, r)
	}
	return out
}

// checkExchangeRate holds a yearly exchange rate to its form: fx.CHF.2023
// is USD per franc, priced in 2023, and no currency has a rate that
// stands for every year.
func checkExchangeRate(r Rate, bad func(col, format string, args ...any)) {
	if !strings.HasPrefix(r.Key, FXPrefix) {
		return
	}
	cur, year, ok := FXYearKey(r.Key)
	if !ok {
		bad("key", "%s: an exchange rate's key is fx.<currency>.<year>, as fx.CHF.2023", r.Key)
		return
	}
	if r.Currency != "USD" || r.Unit != "USD per "+cur {
		bad("unit", "%s is in USD per %s (got %q in %q)", r.Key, cur, r.Unit, r.Currency)
	}
	if r.PriceYear != year {
		bad("price_year", "%s is the average of %d (got price year %d)", r.Key, year, r.PriceYear)
	}
	if r.Value <= 0 {
		bad("value", "%s must be above zero", r.Key)
	}
}

// crossCheck ties the tables together: venues sit in member states, and
// every venue has the rates the cost model looks up.
func crossCheck(d *Data, ps *problems) {
	seen := map[string]bool{}
	for _, r := range d.Rates {
		if seen[r.Key] {
			ps.add(calendarFile, 0, "rates", "rate %s is also in %s", r.Key, ratesFile)
		}
		seen[r.Key] = true
	}
	for i, v := range d.Venues {
		if _, ok := d.stateByISO[v.Country]; !ok && len(d.States) > 0 {
			ps.add(venuesFile, i+1, "country", "%s is not a member state in %s", v.Country, statesFile)
		}
		if d.Rates == nil {
			continue
		}
		for _, prefix := range []string{"meeting.interpreted.", "meeting.uninterpreted.", "dsa."} {
			if _, ok := d.rateByKey[prefix+v.Code]; !ok {
				ps.add(ratesFile, 0, "key", "no rate %s%s for venue %s", prefix, v.Code, v.Code)
			}
		}
	}
}
