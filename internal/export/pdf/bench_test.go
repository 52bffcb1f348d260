package pdf

import (
	"testing"

	"mechplan/internal/export/exporttest"
)

// BenchmarkEncodeAllBuiltIns writes the report of the whole built-in comparison.
func BenchmarkEncodeAllBuiltIns(b *testing.B) {
	c := exporttest.BuiltIns(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Encode(c); err != nil {
			b.Fatal(err)
		}
	}
}
