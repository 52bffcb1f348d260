//go:build unix

package plan

import (
	"syscall"
	"time"
)

// cpuTime is the processor time (user + system, all threads) the test
// process has used: beside the wall-clock time of a benchmark on a
// shared machine, the figure other work inflates least.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
