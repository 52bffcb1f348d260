package refdata

import "fmt"

// WithSyntheticStates returns a copy of the reference data whose member
// states are the real ones repeated until there are n of them, each copy
// with its own code (e.g. "FRA·2"). It exists to measure how the engine
// scales with the number of delegations; nothing in the product shows it.
func (d *Data) WithSyntheticStates(n int) *Data {
	c := *d
	c.States = make([]MemberState, 0, n)
	for i := 0; len(c.States) < n; i++ {
		s := d.States[i%len(d.States)]
		if copyIndex := i / len(d.States); copyIndex > 0 {
			s.ISO3 = fmt.Sprintf("%s·%d", s.ISO3, copyIndex+1)
			s.Name = fmt.Sprintf("%s (copy %d)", s.Name, copyIndex+1)
		}
		c.States = append(c.States, s)
	}
	c.index()
	return &c
}
