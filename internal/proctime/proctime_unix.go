//go:build unix

// Package proctime reads the processor time the process has used, which
// the benchmarks report beside the wall-clock time.
package proctime

import (
	"syscall"
	"time"
)

// Used is the processor time (user + system, all threads) the process
// has used: beside the wall-clock time of a benchmark on a shared
// machine, the figure other work inflates least.
func Used() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
