//go:build !linux

package bench

import "time"

// cpuTime is not measured on this system.
func cpuTime() time.Duration { return 0 }

// peakRSSMB is not measured on this system.
func peakRSSMB() float64 { return 0 }

// threadCPU is not measured on this system.
func threadCPU() time.Duration { return 0 }
