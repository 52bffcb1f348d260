package resources

import _ "embed"

// UserGuide is the user guide the Help menu shows: a copy of
// docs/user-guide.md, which stays the one to edit (a test fails when the
// two differ; `cp docs/user-guide*.md resources/guide/` brings the copies
// up to date). go:embed cannot reach docs/ from here.
//
//go:embed guide/user-guide.md
var UserGuide string

// The guide in French and Spanish: copies of docs/user-guide.fr.md and
// docs/user-guide.es.md.
var (
	//go:embed guide/user-guide.fr.md
	userGuideFR string
	//go:embed guide/user-guide.es.md
	userGuideES string
)

// GuideIn returns the user guide in a language (its BCP 47 code) and the
// language it is written in: French and Spanish have theirs, every other
// language gets the English guide.
func GuideIn(lang string) (guide, written string) {
	switch lang {
	case "fr":
		return userGuideFR, "fr"
	case "es":
		return userGuideES, "es"
	}
	return UserGuide, "en"
}
