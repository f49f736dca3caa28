// Package runtime contains operations that interact with Go's runtime
// system (rgo overlay: the runtime proper is the Rust `rt` crate; this
// package exposes its statistics and controls to Go code).
package runtime

// GOOS is the running program's operating system target.
const GOOS = "linux"

// GOARCH is the running program's architecture target.
const GOARCH = "amd64"

// Compiler is the name of the toolchain whose behaviour the program
// follows.
const Compiler = "gc"

// Version returns the Go tree's version string.
func Version() string {
	return "go1.27.3"
}

// Error identifies a run time error.
type Error interface {
	error
	RuntimeError()
}

//rgo:extern rgo_readmemstats
func readMemStats(m *MemStats)

//rgo:extern rgo_ncpu
func ncpu() int

//rgo:extern rgo_gc
func gc()

//rgo:extern rgo_goexit
func goexit()

// GC runs a garbage collection.
func GC() {
	gc()
}

// Goexit terminates the goroutine that calls it.
func Goexit() {
	goexit()
}

// Gosched yields the processor, allowing other goroutines to run.
func Gosched() {}

// NumGoroutine returns the number of goroutines that currently exist.
func NumGoroutine() int {
	return 1
}

// NumCPU returns the number of logical CPUs usable by the current process.
func NumCPU() int {
	return ncpu()
}

var gomaxprocs = 0

// GOMAXPROCS sets the maximum number of CPUs that can be executing
// simultaneously and returns the previous setting. If n < 1, it does not
// change the current setting.
func GOMAXPROCS(n int) int {
	if gomaxprocs == 0 {
		gomaxprocs = ncpu()
	}
	prev := gomaxprocs
	if n > 0 {
		gomaxprocs = n
	}
	return prev
}

// KeepAlive marks its argument as currently reachable.
func KeepAlive(x any) {}

// SetFinalizer sets the finalizer associated with obj. (Finalizers are not
// run yet.)
func SetFinalizer(obj any, finalizer any) {}

// Caller reports file and line number information about function
// invocations on the calling goroutine's stack (not available yet).
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	return 0, "", 0, false
}

// NumCgoCall returns the number of cgo calls made by the current process.
func NumCgoCall() int64 {
	return 0
}

// A MemStats records statistics about the memory allocator.
type MemStats struct {
	Alloc         uint64
	TotalAlloc    uint64
	Sys           uint64
	Lookups       uint64
	Mallocs       uint64
	Frees         uint64
	HeapAlloc     uint64
	HeapSys       uint64
	HeapIdle      uint64
	HeapInuse     uint64
	HeapReleased  uint64
	HeapObjects   uint64
	StackInuse    uint64
	StackSys      uint64
	MSpanInuse    uint64
	MSpanSys      uint64
	MCacheInuse   uint64
	MCacheSys     uint64
	BuckHashSys   uint64
	GCSys         uint64
	OtherSys      uint64
	NextGC        uint64
	LastGC        uint64
	PauseTotalNs  uint64
	PauseNs       [256]uint64
	PauseEnd      [256]uint64
	NumGC         uint32
	NumForcedGC   uint32
	GCCPUFraction float64
	EnableGC      bool
	DebugGC       bool
	BySize        [61]struct {
		Size    uint32
		Mallocs uint64
		Frees   uint64
	}
}

// ReadMemStats populates m with memory allocator statistics.
func ReadMemStats(m *MemStats) {
	readMemStats(m)
}
