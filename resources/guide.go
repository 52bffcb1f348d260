package resources

import _ "embed"

// UserGuide is the user guide the Help menu shows: a copy of
// docs/user-guide.md, which stays the one to edit (a test in internal/ui
// fails when the two differ; `cp docs/user-guide.md resources/guide/`
// brings the copy up to date). go:embed cannot reach docs/ from here.
//
//go:embed guide/user-guide.md
var UserGuide string
