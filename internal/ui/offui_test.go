package ui

// productionOffUI is the window's way of running long work: off the UI
// goroutine. The package's tests run it in line (see offUI), and
// TestCostsShowTheEnginesHybridTradeoff puts this back while it waits.
var productionOffUI = offUI

func init() { offUI = func(work, apply func()) { work(); apply() } }
