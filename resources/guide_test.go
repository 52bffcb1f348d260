package resources

import (
	"os"
	"strings"
	"testing"
)

// TestUserGuideCopyIsCurrent: the guides the Help menu shows are the ones
// in docs/, word for word.
func TestUserGuideCopyIsCurrent(t *testing.T) {
	for file, got := range map[string]string{"user-guide.md": UserGuide, "user-guide.fr.md": userGuideFR, "user-guide.es.md": userGuideES} {
		want, err := os.ReadFile("../docs/" + file)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("resources/guide/%s differs from docs/%s: run cp docs/user-guide*.md resources/guide/", file, file)
		}
	}
}

// TestGuideInEachLanguage: French and Spanish get their own guide, with
// the same sections as the English one; the others get the English one.
func TestGuideInEachLanguage(t *testing.T) {
	sections := func(md string) int { return strings.Count("\n"+md, "\n## ") }
	for lang, title := range map[string]string{"en": "# Mechplan user guide", "fr": "# Guide de l'utilisateur de Mechplan", "es": "# Guía del usuario de Mechplan", "ru": "# Mechplan user guide", "zh": "# Mechplan user guide"} {
		g, written := GuideIn(lang)
		if !strings.HasPrefix(g, title) {
			t.Errorf("%s: the guide starts %q", lang, g[:min(40, len(g))])
		}
		if (written == lang) != (lang == "en" || lang == "fr" || lang == "es") {
			t.Errorf("%s: written in %s", lang, written)
		}
		if sections(g) != sections(UserGuide) {
			t.Errorf("%s: %d sections, the English guide has %d", lang, sections(g), sections(UserGuide))
		}
	}
}
