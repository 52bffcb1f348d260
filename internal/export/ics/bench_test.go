package ics

import (
	"testing"

	"mechplan/internal/export/exporttest"
)

// BenchmarkEncodeAllBuiltIns writes the calendar of every built-in scenario.
func BenchmarkEncodeAllBuiltIns(b *testing.B) {
	c := exporttest.BuiltIns(b)
	b.ReportAllocs()
	for b.Loop() {
		Encode(c)
	}
}
