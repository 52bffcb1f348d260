package resources

import (
	"os"
	"testing"
)

// TestUserGuideCopyIsCurrent: the guide the Help menu shows is the one in
// docs/, word for word.
func TestUserGuideCopyIsCurrent(t *testing.T) {
	want, err := os.ReadFile("../docs/user-guide.md")
	if err != nil {
		t.Fatal(err)
	}
	if UserGuide != string(want) {
		t.Error("resources/guide/user-guide.md differs from docs/user-guide.md: run cp docs/user-guide.md resources/guide/")
	}
}
