// Package refdata parses and validates the reference data embedded under
// resources/data: the 193 UN member states, the duty stations (venues) and
// the default rates and rules. Every row carries its source; rates that no
// published table confirms are marked as placeholders.
package refdata

import (
	"maps"
	"slices"
	"strings"
	"time"

	// Embed the zone database in every binary: Windows has none, and the
	// burden figures must not depend on the host's copy.
	_ "time/tzdata"
)

// Regional groups as the UN uses them for elections.
const (
	GroupAfrican      = "African"
	GroupAsiaPacific  = "Asia-Pacific"
	GroupEastern      = "Eastern European"
	GroupLatinAmerica = "Latin American and Caribbean"
	GroupWEOG         = "Western European and Others"
)

// MemberState is one of the 193 UN member states, as a delegation.
type MemberState struct {
	ISO3 string // ISO 3166-1 alpha-3
	Name string // as the UN writes it, diacritics included
	// Names are the official short names by language (NameLanguages),
	// from member_state_names.csv; see NameIn.
	Names   map[string]string
	Capital string // the city used for time zone and travel
	// CityNote explains the choice of city where the constitutional capital,
	// the seat of government or the usual departure point differ.
	CityNote string
	Lat, Lon float64 // of Capital, decimal degrees
	TZ       string  // IANA zone of Capital
	// TZNote explains the choice for countries spanning several zones.
	TZNote string
	Group  string // one of the Group* constants
	// GroupNote explains special cases (e.g. the United States, Türkiye, Israel, Kiribati).
	GroupNote       string
	LDC, LLDC, SIDS bool
	// Missions says whether the state keeps a permanent mission at a venue,
	// keyed by venue code (NYC, GVA, VIE, NBO).
	Missions map[string]bool
	// MissionsAssumed is true where no source was at hand for Missions.
	MissionsAssumed bool
	// M49Region is the state's region in the UN Statistics Division's
	// M49 standard: the intermediate region where M49 has one (017
	// Middle Africa), else the sub-region (054 Melanesia). Fares from a
	// region with a fare.region_supplement rate carry that supplement.
	M49Region string

	loc *time.Location
}

// Location returns the loaded time zone of the capital.
func (s *MemberState) Location() *time.Location { return s.loc }

// Slot is a standard meeting slot at a venue, in venue local time ("10:00").
type Slot struct {
	Start, End string
}

// Holiday is an official holiday that closes a venue.
type Holiday struct {
	Date string // YYYY-MM-DD
	Name string
}

// Venue is a UN duty station where a mechanism can meet.
type Venue struct {
	Code     string // NYC, GVA, VIE, NBO, BKK, ADD, SCL, BEY
	Name     string // e.g. "United Nations Headquarters, New York"
	City     string
	Country  string // ISO3 of the host country
	TZ       string
	Lat, Lon float64
	Slots    []Slot // standard meeting hours, e.g. 10:00–13:00 and 15:00–18:00
	Holidays []Holiday
	// HolidaySource names where the holiday list comes from and its date.
	HolidaySource string
	// Published maps a year to the source of the closure list the duty
	// station published for it; that list replaces the generated one.
	Published map[int]string
	// Window is the widest day the venue's conference services can staff
	// (calendar.json).
	Window Window

	loc      *time.Location
	holidays map[string]string // date -> name
}

// HolidaySourceFor returns the source of a year's holidays: the published
// list where there is one, otherwise the rules' source.
func (v *Venue) HolidaySourceFor(year int) string {
	if src, ok := v.Published[year]; ok {
		return src
	}
	return v.HolidaySource
}

// Location returns the loaded time zone of the venue.
func (v *Venue) Location() *time.Location { return v.loc }

// HolidayOn returns the holiday's name and true if the venue is closed on
// the given date (YYYY-MM-DD).
func (v *Venue) HolidayOn(date string) (string, bool) {
	n, ok := v.holidays[date]
	return n, ok
}

// Rate is one default rate or rule with its provenance.
type Rate struct {
	Key         string  // stable identifier, e.g. "meeting.interpreted.NYC"
	Label       string  // what it is, in the users' words
	Value       float64 // in Unit
	Unit        string  // e.g. "USD per meeting", "km", "hours"
	Currency    string  // ISO 4217, empty for non-money rules
	PriceYear   int     // price year for money, 0 otherwise
	Source      string  // document, table or URL; for placeholders, the reasoning
	AsOf        string  // date of the source, YYYY-MM-DD or YYYY-MM or YYYY
	Placeholder bool    // true when no published figure confirms the value
	Note        string
}

// SourceAfterMark is the rate's source as a face prints it after its own
// placeholder mark: without the word "Placeholder" the source of a
// placeholder begins with, which would say it twice.
func (r *Rate) SourceAfterMark() string {
	s := r.Source
	if !r.Placeholder {
		return s
	}
	if rest, ok := strings.CutPrefix(s, "Placeholder: "); ok {
		return rest
	}
	if rest, ok := strings.CutPrefix(s, "Placeholder "); ok && rest != "" {
		return strings.ToUpper(rest[:1]) + rest[1:]
	}
	return s
}

// StatusList dates one of the UN country lists behind the LDC, LLDC and
// SIDS flags, so a report can say which version of the list it used.
type StatusList struct {
	List   string // LDC, LLDC or SIDS
	AsOf   string // date the list reflects
	Count  int    // members flagged in member_states.csv
	Title  string
	Source string
}

// Data is the whole reference set, validated.
type Data struct {
	States      []MemberState
	Venues      []Venue
	Rates       []Rate
	StatusLists []StatusList
	// Blackouts are the periods of the calendar of conferences a new body
	// avoids, per venue (calendar.json).
	Blackouts []Blackout
	// EidSource says how the Eid dates behind every venue's holidays were
	// obtained; they are astronomical approximations.
	EidSource string

	stateByISO map[string]int
	venueByKey map[string]int
	rateByKey  map[string]int
	// fxByCurrency lists, per currency, the rows of its yearly exchange
	// rates by year ascending.
	fxByCurrency map[string][]int
}

// State returns the member state with the ISO3 code.
func (d *Data) State(iso3 string) (*MemberState, bool) {
	i, ok := d.stateByISO[iso3]
	if !ok {
		return nil, false
	}
	return &d.States[i], true
}

// Venue returns the venue with the code (NYC, GVA, ...).
func (d *Data) Venue(code string) (*Venue, bool) {
	i, ok := d.venueByKey[code]
	if !ok {
		return nil, false
	}
	return &d.Venues[i], true
}

// Rate returns the default rate with the key.
func (d *Data) Rate(key string) (*Rate, bool) {
	i, ok := d.rateByKey[key]
	if !ok {
		return nil, false
	}
	return &d.Rates[i], true
}

// FXPrefix begins the keys of exchange rates. A currency has one rate
// per calendar year, fx.<currency>.<year> (fx.CHF.2023), in US dollars
// per unit of the currency; FXKey(currency) (fx.CHF) names them all, as
// the one a scenario overrides for every year.
const FXPrefix = "fx."

// FXKey is the key that stands for every yearly exchange rate of a
// currency.
func FXKey(currency string) string { return FXPrefix + currency }

// FXCurrency reports whether a key is a currency's FXKey, and which.
func FXCurrency(key string) (string, bool) {
	c, ok := strings.CutPrefix(key, FXPrefix)
	return c, ok && iso3Pattern.MatchString(c)
}

// ExchangeRates lists a currency's yearly exchange rates, by year
// ascending.
func (d *Data) ExchangeRates(currency string) []*Rate {
	rows := d.fxByCurrency[currency]
	out := make([]*Rate, len(rows))
	for i, r := range rows {
		out[i] = &d.Rates[r]
	}
	return out
}

// FXCurrencies lists the currencies with yearly exchange rates, sorted.
func (d *Data) FXCurrencies() []string { return slices.Sorted(maps.Keys(d.fxByCurrency)) }

// ExchangeRate is a currency's yearly exchange rate in force for a price
// year: that year's average, else the latest year before it, else (for a
// year before the series) the earliest.
func (d *Data) ExchangeRate(currency string, year int) (*Rate, bool) {
	rows := d.fxByCurrency[currency]
	if len(rows) == 0 {
		return nil, false
	}
	in := rows[0]
	for _, r := range rows {
		if d.Rates[r].PriceYear <= year {
			in = r
		}
	}
	return &d.Rates[in], true
}

// VenueCodes lists the codes of all venues, in table order.
func (d *Data) VenueCodes() []string {
	out := make([]string, len(d.Venues))
	for i := range d.Venues {
		out[i] = d.Venues[i].Code
	}
	return out
}

// HasMission reports whether the state keeps a permanent mission at the
// venue (NYC, GVA, VIE, NBO); see MissionsAssumed for how sure that is.
func (s *MemberState) HasMission(venue string) bool { return s.Missions[venue] }

// StatusList returns the dated list (LDC, LLDC, SIDS) with the name.
func (d *Data) StatusList(name string) (*StatusList, bool) {
	for i := range d.StatusLists {
		if d.StatusLists[i].List == name {
			return &d.StatusLists[i], true
		}
	}
	return nil, false
}
