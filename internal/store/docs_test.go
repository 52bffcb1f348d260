package store

import (
	"os"
	"strings"
	"testing"

	"mechplan/internal/model"
)

// The complete example in docs/scenario-format.md must stay a valid file.
func TestDocumentedExampleDecodes(t *testing.T) {
	doc, err := os.ReadFile("../../docs/scenario-format.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "## A complete example\n\n```json\n")
	example, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("example not found in docs/scenario-format.md")
	}
	s, err := Decode([]byte(example))
	if err != nil {
		t.Fatal(err)
	}
	if ps := s.Validate([]string{"NYC", "GVA", "VIE", "NBO"}); len(ps) > 0 {
		t.Fatal(ps)
	}
	if s.Version != model.FormatVersion {
		t.Fatal("version")
	}
}
