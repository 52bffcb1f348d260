package refdata

import (
	"io/fs"
	"slices"
	"strings"
)

// namesFile holds the member states' official short names in the six
// official languages of the United Nations (docs/data-sources.md).
const namesFile = "member_state_names.csv"

// NameLanguages are the languages of member_state_names.csv, by their
// BCP 47 codes, in the order of its columns.
var NameLanguages = []string{"en", "fr", "es", "ru", "zh", "ar"}

// NamesSource is where member_state_names.csv comes from, and its date.
const NamesSource = "United Nations Statistics Division, Standard country or area codes for statistical use (M49), " +
	"country or area names in Arabic, Chinese, English, French, Russian and Spanish " +
	"(unstats.un.org/unsd/methodology/m49/overview), as downloaded on 25 September 2024"

// NameIn returns the state's official short name in a language of
// NameLanguages; a language without a name (marked in the file's missing
// column) or not in the file gives the English one.
func (s *MemberState) NameIn(lang string) string {
	if n := s.Names[lang]; n != "" {
		return n
	}
	if n := s.Names["en"]; n != "" {
		return n
	}
	return s.Name
}

// StateName returns the official short name of the state with the ISO3
// code in lang (see MemberState.NameIn), or the code itself for a code
// that is not a member state's.
func (d *Data) StateName(iso3, lang string) string {
	s, ok := d.State(iso3)
	if !ok {
		return iso3
	}
	return s.NameIn(lang)
}

// loadNames reads member_state_names.csv into the states' Names. Every
// member state has exactly one row, and every language a name, unless the
// row's missing column lists the language (separated by spaces) and its
// cell is empty: a name that was not sourced is marked, never guessed.
func loadNames(fsys fs.FS, states []MemberState, ps *problems) {
	t := readCSV(fsys, namesFile, append(append([]string{"iso3"}, NameLanguages...), "missing"), ps)
	if t == nil {
		return
	}
	byISO := make(map[string]int, len(states))
	for i, s := range states {
		byISO[s.ISO3] = i
	}
	seen := map[string]int{}
	seenName := map[string]map[string]int{}
	for _, l := range NameLanguages {
		seenName[l] = map[string]int{}
	}
	for i := range t.rows {
		line := t.lines[i]
		iso := t.get(i, "iso3")
		if prev, dup := seen[iso]; dup {
			ps.add(namesFile, line, "iso3", "%s repeats row %d", iso, prev)
			continue
		}
		seen[iso] = line
		si, ok := byISO[iso]
		if !ok {
			ps.add(namesFile, line, "iso3", "%q is not a member state in %s", iso, statesFile)
			continue
		}
		missing := strings.Fields(t.get(i, "missing"))
		for _, m := range missing {
			if !slices.Contains(NameLanguages, m) {
				ps.add(namesFile, line, "missing", "%q is not one of: %s", m, strings.Join(NameLanguages, " "))
			}
		}
		names := make(map[string]string, len(NameLanguages))
		for _, l := range NameLanguages {
			n := t.get(i, l)
			marked := slices.Contains(missing, l)
			switch {
			case n == "" && !marked:
				ps.add(namesFile, line, l, "empty name; write the official short name or list %s in the missing column", l)
			case n != "" && marked:
				ps.add(namesFile, line, l, "%q is given but missing lists %s", n, l)
			case n != "":
				if prev, dup := seenName[l][n]; dup {
					ps.add(namesFile, line, l, "%q repeats row %d", n, prev)
				}
				seenName[l][n] = line
				names[l] = n
			}
		}
		if l := "en"; slices.Contains(missing, l) {
			ps.add(namesFile, line, "missing", "the English name cannot be missing: it is every other language's fallback")
		}
		states[si].Names = names
	}
	if len(states) > 0 {
		for _, s := range states {
			if _, ok := seen[s.ISO3]; !ok && s.ISO3 != "" {
				ps.add(namesFile, 0, "iso3", "no row for %s (%s)", s.ISO3, s.Name)
			}
		}
	}
}

// m49Regions are the English names of the UN Statistics Division's M49
// sub-regions and intermediate regions the member states lie in (the
// m49_region column of member_states.csv), as the M49 list writes them.
var m49Regions = map[string]string{
	"005": "South America", "011": "Western Africa", "013": "Central America", "014": "Eastern Africa",
	"015": "Northern Africa", "017": "Middle Africa", "018": "Southern Africa", "021": "Northern America",
	"029": "Caribbean", "030": "Eastern Asia", "034": "Southern Asia", "035": "South-eastern Asia",
	"039": "Southern Europe", "053": "Australia and New Zealand", "054": "Melanesia", "057": "Micronesia",
	"061": "Polynesia", "143": "Central Asia", "145": "Western Asia", "151": "Eastern Europe",
	"154": "Northern Europe", "155": "Western Europe",
}

// M49RegionName is the English name of an M49 region by its three-digit
// code; an unknown code is returned as "M49 region CODE".
func M49RegionName(code string) string {
	if n, ok := m49Regions[code]; ok {
		return n
	}
	return "M49 region " + code
}
