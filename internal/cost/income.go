package cost

// DefaultEligible is the sponsorship fund's default policy: the least
// developed countries, the landlocked developing countries and the small
// island developing States, high-income states left out.
var DefaultEligible = []string{"LDC", "LLDC", "SIDS"}

// IncomeSource dates the high-income list.
const IncomeSource = "World Bank country classifications by income level for fiscal year 2026, effective 1 July 2025 (World Bank Data Help Desk, 'World Bank Country and Lending Groups'): the 64 member states classed as high income (GNI per capita, Atlas method, above USD 13,935 in 2024). Checked against the Bank's CLASS.xlsx for fiscal year 2025 (1 July 2024) and the one change into the high-income group the Bank announced for fiscal year 2026, Costa Rica (World Bank Blogs, 'Understanding country income: World Bank Group income classifications for FY26', 1 July 2025). Revise each 1 July."

// IncomeAsOf is the date of the classification.
const IncomeAsOf = "2025-07-01"

// highIncome are the UN member states of the World Bank's high-income
// group (IncomeSource), by ISO3 code.
var highIncome = map[string]bool{
	"AND": true, "ARE": true, "ATG": true, "AUS": true, "AUT": true, "BEL": true, "BGR": true, "BHR": true,
	"BHS": true, "BRB": true, "BRN": true, "CAN": true, "CHE": true, "CHL": true, "CRI": true, "CYP": true,
	"CZE": true, "DEU": true, "DNK": true, "ESP": true, "EST": true, "FIN": true, "FRA": true, "GBR": true,
	"GRC": true, "GUY": true, "HRV": true, "HUN": true, "IRL": true, "ISL": true, "ISR": true, "ITA": true, "JPN": true,
	"KNA": true, "KOR": true, "KWT": true, "LIE": true, "LTU": true, "LUX": true, "LVA": true, "MCO": true,
	"MLT": true, "NLD": true, "NOR": true, "NRU": true, "NZL": true, "OMN": true, "PAN": true, "PLW": true,
	"POL": true, "PRT": true, "QAT": true, "ROU": true, "RUS": true, "SAU": true, "SGP": true, "SMR": true,
	"SVK": true, "SVN": true, "SWE": true, "SYC": true, "TTO": true, "URY": true, "USA": true,
}

// HighIncome reports whether the World Bank classes the member state as
// high income (IncomeSource).
func HighIncome(iso3 string) bool { return highIncome[iso3] }
