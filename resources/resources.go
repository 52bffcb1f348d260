// Package resources holds the files embedded in every Mechplan binary:
// reference data (member states, duty stations, default rates) and the
// built-in scenario library. Parsing lives in internal/refdata and
// internal/store; this package only carries the bytes.
package resources

import "embed"

// Data holds the reference tables under data/ (see docs/data-sources.md).
//
//go:embed data
var Data embed.FS

// Scenarios holds the built-in scenario library under scenarios/.
//
//go:embed scenarios
var Scenarios embed.FS
