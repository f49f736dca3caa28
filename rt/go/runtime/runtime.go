// Package runtime contains operations that interact with Go's runtime
// system (rgo overlay: the runtime proper is the Rust `rt` crate; this
// package exposes its statistics and controls to Go code).
package runtime

import "unsafe"

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
//
//rgo:extern rgo_gosched
func Gosched()

// NumGoroutine returns the number of goroutines that currently exist.
//
//rgo:extern rgo_numgoroutine
func NumGoroutine() int

// NumCPU returns the number of logical CPUs usable by the current process.
func NumCPU() int {
	return ncpu()
}

// GOMAXPROCS sets the maximum number of CPUs that can be executing
// simultaneously and returns the previous setting. If n < 1, it does not
// change the current setting.
//
//rgo:extern rgo_gomaxprocs
func GOMAXPROCS(n int) int

// KeepAlive marks its argument as currently reachable: the call passes x
// to the runtime, which the optimiser cannot see through, so x is live
// until here.
func KeepAlive(x any) {
	keepAlive(x)
}

//rgo:extern rgo_keepalive
func keepAlive(x any)

// SetFinalizer sets the finalizer associated with obj: when the
// collector finds obj unreachable, it resurrects it and runs
// finalizer(obj) once, on the finalizer goroutine. A nil finalizer
// removes the one set.
func SetFinalizer(obj any, finalizer any) {
	setFinalizer(obj, finalizer)
}

//rgo:extern rgo_setfinalizer
func setFinalizer(obj any, finalizer any)

// Caller reports file and line number information about function
// invocations on the calling goroutine's stack (not available yet).
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	return 0, "", 0, false
}

// Callers fills the slice pc with the return program counters of function
// invocations on the calling goroutine's stack and returns the number of
// entries written (none: stack walking is not available yet).
func Callers(skip int, pc []uintptr) int {
	return 0
}

// Frames may be used to get function/file/line information for a slice of
// PC values returned by Callers.
type Frames struct {
	frames []Frame
}

// Frame is the information returned by Frames for each call frame.
type Frame struct {
	// PC is the program counter for the location in this frame.
	PC uintptr

	// Func is the Func value of this call frame.
	Func *Func

	// Function is the package path-qualified function name of this call
	// frame.
	Function string

	// File and Line are the file name and line number of the location in
	// this frame.
	File string
	Line int

	// Entry point program counter for the function.
	Entry uintptr
}

// CallersFrames takes a slice of PC values returned by Callers and
// prepares to return function/file/line information.
func CallersFrames(callers []uintptr) *Frames {
	return &Frames{}
}

// Next returns a Frame representing the next call frame in the slice of
// PC values, and whether there are more frames after it.
func (ci *Frames) Next() (frame Frame, more bool) {
	if len(ci.frames) == 0 {
		return Frame{}, false
	}
	frame = ci.frames[0]
	ci.frames = ci.frames[1:]
	return frame, len(ci.frames) > 0
}

// A Func represents a Go function in the running binary.
type Func struct {
	name  string
	entry uintptr
}

// FuncForPC returns a *Func describing the function that contains the
// given program counter address, or else nil.
func FuncForPC(pc uintptr) *Func {
	return nil
}

// Name returns the name of the function.
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

// Entry returns the entry address of the function.
func (f *Func) Entry() uintptr {
	if f == nil {
		return 0
	}
	return f.entry
}

// FileLine returns the file name and line number of the source code
// corresponding to the program counter pc.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	return "?", 0
}

// Stack formats a stack trace of the calling goroutine into buf and
// returns the number of bytes written to buf (its header line only, for
// now).
func Stack(buf []byte, all bool) int {
	return copy(buf, "goroutine 1 [running]:\n")
}

// LockOSThread wires the calling goroutine to its current operating
// system thread.
//
//rgo:extern rgo_lockosthread
func LockOSThread()

// UnlockOSThread undoes an earlier call to LockOSThread.
//
//rgo:extern rgo_unlockosthread
func UnlockOSThread()

// Breakpoint executes a breakpoint trap.
func Breakpoint() {
	panic("runtime.Breakpoint is not supported")
}

// GOROOT returns the root of the Go tree used at build time, from
// $GOROOT.
func GOROOT() string {
	return gorootEnv()
}

//rgo:extern rgo_goroot
func gorootEnv() string

// MemProfileRate controls the fraction of memory allocations that are
// recorded and reported in the memory profile.
var MemProfileRate int = 512 * 1024

// SetBlockProfileRate controls the fraction of goroutine blocking events
// that are reported in the blocking profile.
func SetBlockProfileRate(rate int) {}

// SetMutexProfileFraction controls the fraction of mutex contention events
// that are reported in the mutex profile. It returns the previous rate.
func SetMutexProfileFraction(rate int) int { return 0 }

// A TypeAssertionError explains a failed type assertion.
type TypeAssertionError struct {
	_interface    string
	concrete      string
	asserted      string
	missingMethod string
}

func (*TypeAssertionError) RuntimeError() {}

func (e *TypeAssertionError) Error() string {
	inter := "interface"
	if e._interface != "" {
		inter = e._interface
	}
	as := e.asserted
	if e.concrete == "" {
		return "interface conversion: " + inter + " is nil, not " + as
	}
	cs := e.concrete
	if e.missingMethod == "" {
		msg := "interface conversion: " + inter + " is " + cs + ", not " + as
		return msg
	}
	return "interface conversion: " + cs + " is not " + as +
		": missing method " + e.missingMethod
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

// Cleanup is a handle to a cleanup call for a specific object.
type Cleanup struct {
	id uint64
}

// AddCleanup attaches a cleanup function to ptr: some time after ptr
// becomes unreachable, cleanup(arg) runs on the finalizer goroutine.
func AddCleanup[T, S any](ptr *T, cleanup func(S), arg S) Cleanup {
	if ptr == nil {
		panic("runtime.AddCleanup: ptr is nil")
	}
	if p, ok := any(arg).(*T); ok && p == ptr {
		panic("runtime.AddCleanup: ptr is equal to arg, cleanup will never run")
	}
	id := addCleanup(unsafe.Pointer(ptr), func() { cleanup(arg) })
	return Cleanup{id}
}

//rgo:extern rgo_addcleanup
func addCleanup(ptr unsafe.Pointer, f func()) uint64

// Stop cancels the cleanup call.
func (c Cleanup) Stop() {
	if c.id != 0 {
		stopCleanup(c.id)
	}
}

//rgo:extern rgo_stopcleanup
func stopCleanup(id uint64)

// rand returns a uniformly random 64-bit number (the source of the global
// generators of math/rand and math/rand/v2, gc's runtime.rand).
//
//rgo:extern rgo_rand
func rand() uint64
