package main

import (
	"flag"
	"fmt"
	"strings"

	"mechplan/internal/refdata"
)

func cmdData(c *cli, args []string) int {
	fs := flag.NewFlagSet("data", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, ok := c.flags(fs, args)
	if !ok || len(pos) != 1 {
		fmt.Fprintln(c.stderr, c.usageLine(synopsis("data")))
		return exitUsage
	}
	ref, err := c.refdata()
	if err != nil {
		return c.fail(err)
	}
	switch pos[0] {
	case "states":
		return c.dataStates(ref, *asJSON)
	case "venues":
		return c.dataVenues(ref, *asJSON)
	case "rates":
		return c.dataRates(ref, *asJSON)
	}
	fmt.Fprintln(c.stderr, c.say("cli.err.data_table", "mechplan-cli data: unknown table {{.Name}}; use states, venues or rates", "Name", fmt.Sprintf("%q", pos[0])))
	return exitUsage
}

type stateJSON struct {
	ISO3            string            `json:"iso3"`
	Name            string            `json:"name"`
	Names           map[string]string `json:"names"`
	Capital         string            `json:"capital"`
	CityNote        string            `json:"city_note,omitempty"`
	Lat             float64           `json:"lat"`
	Lon             float64           `json:"lon"`
	TZ              string            `json:"tz"`
	TZNote          string            `json:"tz_note,omitempty"`
	Group           string            `json:"group"`
	GroupNote       string            `json:"group_note,omitempty"`
	LDC             bool              `json:"ldc"`
	LLDC            bool              `json:"lldc"`
	SIDS            bool              `json:"sids"`
	Missions        map[string]bool   `json:"missions"`
	MissionsAssumed bool              `json:"missions_assumed"`
}

func (c *cli) dataStates(ref *refdata.Data, asJSON bool) int {
	rows := make([]stateJSON, len(ref.States))
	for i, s := range ref.States {
		rows[i] = stateJSON{s.ISO3, s.Name, s.Names, s.Capital, s.CityNote, s.Lat, s.Lon, s.TZ, s.TZNote, s.Group, s.GroupNote,
			s.LDC, s.LLDC, s.SIDS, s.Missions, s.MissionsAssumed}
	}
	if asJSON {
		return c.json(map[string]any{"states": rows})
	}
	t := c.table("ISO3", "NAME", "CITY", "ZONE", "GROUP", "STATUS", "MISSIONS")
	for _, s := range rows {
		var status []string
		for _, f := range []struct {
			on   bool
			name string
		}{{s.LDC, "LDC"}, {s.LLDC, "LLDC"}, {s.SIDS, "SIDS"}} {
			if f.on {
				status = append(status, f.name)
			}
		}
		var missions []string
		for _, v := range sortedKeys(s.Missions) {
			if s.Missions[v] {
				missions = append(missions, v)
			}
		}
		m := strings.Join(missions, " ")
		if s.MissionsAssumed {
			m += " " + c.say("cli.msg.assumed", "(assumed)")
		}
		t.row(s.ISO3, c.stateName(s.ISO3, s.Name), s.Capital, s.TZ, c.groupName(s.Group), strings.Join(status, " "), m)
	}
	t.flush()
	fmt.Fprintln(c.stdout, c.say("cli.msg.member_states", "{{.Count}} member states", "Count", len(rows)))
	return exitOK
}

type venueJSON struct {
	Code          string            `json:"code"`
	Name          string            `json:"name"`
	City          string            `json:"city"`
	Country       string            `json:"country"`
	TZ            string            `json:"tz"`
	Lat           float64           `json:"lat"`
	Lon           float64           `json:"lon"`
	Slots         []refdata.Slot    `json:"slots"`
	Holidays      []refdata.Holiday `json:"holidays"`
	HolidaySource string            `json:"holiday_source"`
}

func (c *cli) dataVenues(ref *refdata.Data, asJSON bool) int {
	rows := make([]venueJSON, len(ref.Venues))
	for i, v := range ref.Venues {
		rows[i] = venueJSON{v.Code, v.Name, v.City, v.Country, v.TZ, v.Lat, v.Lon, v.Slots, v.Holidays, v.HolidaySource}
	}
	if asJSON {
		return c.json(map[string]any{"venues": rows})
	}
	t := c.table("CODE", "NAME", "ZONE", "MEETING HOURS", "HOLIDAYS")
	for _, v := range rows {
		var hours []string
		for _, s := range v.Slots {
			hours = append(hours, s.Start+"–"+s.End)
		}
		t.row(v.Code, v.Name, v.TZ, strings.Join(hours, ", "), c.count(len(v.Holidays)))
	}
	t.flush()
	return exitOK
}

type rateJSON struct {
	Key         string  `json:"key"`
	Label       string  `json:"label"`
	Value       float64 `json:"value"`
	Unit        string  `json:"unit"`
	Currency    string  `json:"currency,omitempty"`
	PriceYear   int     `json:"price_year,omitempty"`
	Source      string  `json:"source"`
	AsOf        string  `json:"as_of,omitempty"`
	Placeholder bool    `json:"placeholder"`
	Note        string  `json:"note,omitempty"`
}

func (c *cli) dataRates(ref *refdata.Data, asJSON bool) int {
	rows := make([]rateJSON, len(ref.Rates))
	for i, r := range ref.Rates {
		rows[i] = rateJSON{r.Key, r.Label, r.Value, r.Unit, r.Currency, r.PriceYear, r.Source, r.AsOf, r.Placeholder, r.Note}
	}
	if asJSON {
		return c.json(map[string]any{"rates": rows})
	}
	t := c.table("KEY", "VALUE", "UNIT", "AS OF", "SOURCE")
	for i, r := range rows {
		src := r.Source
		if r.Placeholder {
			src = c.say("export.placeholder", "PLACEHOLDER") + ": " + ref.Rates[i].SourceAfterMark()
		}
		if len(src) > 70 {
			src = src[:67] + "..."
		}
		t.row(r.Key, c.decimal(r.Value), r.Unit, r.AsOf, src)
	}
	t.flush()
	if cur := ref.FXCurrencies(); len(cur) > 0 {
		keys := make([]string, len(cur))
		for i, x := range cur {
			keys[i] = refdata.FXKey(x)
		}
		// One of them per currency.
		fmt.Fprintln(c.stdout, c.say("cli.msg.fx_every_year", "To override a currency's exchange rate for every year, a scenario sets {{.Keys}}; otherwise an estimate converts at the average of its price year (cost.price_year), else of the latest year before it.", "Keys", strings.Join(keys, ", ")))
	}
	return exitOK
}
