// Package debug contains facilities for programs to debug themselves
// while they are running (rgo overlay: the collector's settings live in
// the runtime; stack traces are not available yet).
package debug

import (
	"os"
	"runtime"
	"time"
)

//rgo:extern rgo_setgcpercent
func setGCPercent(int) int

//rgo:extern rgo_setmemorylimit
func setMemoryLimit(int64) int64

// GCStats collect information about recent garbage collections.
type GCStats struct {
	LastGC         time.Time       // time of last collection
	NumGC          int64           // number of garbage collections
	PauseTotal     time.Duration   // total pause for all collections
	Pause          []time.Duration // pause history, most recent first
	PauseEnd       []time.Time     // pause end times history, most recent first
	PauseQuantiles []time.Duration
}

// ReadGCStats reads statistics about garbage collection into stats.
func ReadGCStats(stats *GCStats) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	stats.NumGC = int64(m.NumGC)
	stats.PauseTotal = time.Duration(m.PauseTotalNs)
	if m.LastGC != 0 {
		stats.LastGC = time.Unix(0, int64(m.LastGC))
	} else {
		stats.LastGC = time.Time{}
	}
	n := int(m.NumGC)
	if n > len(m.PauseNs) {
		n = len(m.PauseNs)
	}
	stats.Pause = stats.Pause[:0]
	stats.PauseEnd = stats.PauseEnd[:0]
	for i := 0; i < n; i++ {
		j := (int(m.NumGC) - 1 - i + len(m.PauseNs)) % len(m.PauseNs)
		stats.Pause = append(stats.Pause, time.Duration(m.PauseNs[j]))
		stats.PauseEnd = append(stats.PauseEnd, time.Unix(0, int64(m.PauseEnd[j])))
	}
	if len(stats.PauseQuantiles) > 0 {
		if n == 0 {
			clear(stats.PauseQuantiles)
		} else {
			// Quantiles of the pause history: sort a copy, then pick.
			sorted := append([]time.Duration(nil), stats.Pause...)
			for i := 1; i < len(sorted); i++ {
				for j := i; j > 0 && sorted[j] < sorted[j-1]; j-- {
					sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
				}
			}
			nq := len(stats.PauseQuantiles) - 1
			for i := 0; i < nq; i++ {
				stats.PauseQuantiles[i] = sorted[len(sorted)*i/nq]
			}
			stats.PauseQuantiles[nq] = sorted[len(sorted)-1]
		}
	}
}

// SetGCPercent sets the garbage collection target percentage: a
// collection is triggered when the ratio of freshly allocated data to
// live data remaining after the previous collection reaches this
// percentage. SetGCPercent returns the previous setting. The initial
// setting is the value of the GOGC environment variable at startup, or
// 100 if the variable is not set. A negative percentage disables garbage
// collection.
func SetGCPercent(percent int) int {
	return setGCPercent(percent)
}

// FreeOSMemory forces a garbage collection followed by an attempt to
// return as much memory to the operating system as possible.
func FreeOSMemory() {
	freeOSMemory()
}

//rgo:extern rgo_freeosmemory
func freeOSMemory()

var maxStack = 1000000000
var maxThreads = 10000

// SetMaxStack sets the maximum amount of memory that can be used by a
// single goroutine stack, and returns the previous setting.
func SetMaxStack(bytes int) int {
	old := maxStack
	maxStack = bytes
	return old
}

// SetMaxThreads sets the maximum number of operating system threads that
// the Go program can use, and returns the previous setting.
func SetMaxThreads(threads int) int {
	old := maxThreads
	maxThreads = threads
	return old
}

var panicOnFault bool

// SetPanicOnFault controls the runtime's behavior when a program faults at
// an unexpected (that is, non-nil) address, and returns the previous
// setting.
func SetPanicOnFault(enabled bool) bool {
	old := panicOnFault
	panicOnFault = enabled
	return old
}

// WriteHeapDump writes a description of the heap and the objects in it to
// the given file descriptor (not supported: nothing is written).
func WriteHeapDump(fd uintptr) {}

// SetTraceback sets the amount of detail printed by the runtime in the
// traceback it prints before exiting due to an unrecovered panic or an
// internal runtime error.
func SetTraceback(level string) {}

// SetMemoryLimit provides the runtime with a soft memory limit and
// returns the previously set limit. A negative input does not adjust the
// limit, and allows for retrieval of the currently set memory limit. The
// initial setting is math.MaxInt64 unless the GOMEMLIMIT environment
// variable is set.
func SetMemoryLimit(limit int64) int64 {
	return setMemoryLimit(limit)
}

// PrintStack prints to standard error the stack trace returned by
// runtime.Stack.
func PrintStack() {
	os.Stderr.Write(Stack())
}

// Stack returns a formatted stack trace of the goroutine that calls it
// (only its header line here).
func Stack() []byte {
	buf := make([]byte, 1024)
	for {
		n := runtime.Stack(buf, false)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}

// CrashOptions provides options that control the formatting of the fatal
// crash message.
type CrashOptions struct{}

// SetCrashOutput configures a single additional file where unhandled
// panics and other fatal errors are printed, in addition to standard
// error (accepted; not written yet).
func SetCrashOutput(f *os.File, opts CrashOptions) error {
	return nil
}
