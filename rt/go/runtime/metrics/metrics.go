// Package metrics provides a stable interface to implementation-defined
// metrics of the Go runtime (rgo overlay: the collector's, heap and
// scheduler metrics that rgo's runtime keeps, read from
// runtime.ReadMemStats and the collector's settings; other names read as
// KindBad, as unknown names do under gc).
package metrics

import (
	"math"
	"runtime"
	"runtime/debug"
)

// ValueKind is a tag for a metric Value which indicates its type.
type ValueKind int

const (
	// KindBad indicates that the Value has no type and should not be used.
	KindBad ValueKind = iota
	// KindUint64 indicates that the type of the Value is a uint64.
	KindUint64
	// KindFloat64 indicates that the type of the Value is a float64.
	KindFloat64
	// KindFloat64Histogram indicates that the type of the Value is a
	// *Float64Histogram.
	KindFloat64Histogram
)

// Value represents a metric value returned by the runtime.
type Value struct {
	kind   ValueKind
	scalar uint64
	hist   *Float64Histogram
}

// Kind returns the tag representing the kind of value this is.
func (v Value) Kind() ValueKind {
	return v.kind
}

// Uint64 returns the internal uint64 value for the metric.
func (v Value) Uint64() uint64 {
	if v.kind != KindUint64 {
		panic("called Uint64 on non-uint64 metric value")
	}
	return v.scalar
}

// Float64 returns the internal float64 value for the metric.
func (v Value) Float64() float64 {
	if v.kind != KindFloat64 {
		panic("called Float64 on non-float64 metric value")
	}
	return math.Float64frombits(v.scalar)
}

// Float64Histogram returns the internal *Float64Histogram value for the
// metric.
func (v Value) Float64Histogram() *Float64Histogram {
	if v.kind != KindFloat64Histogram {
		panic("called Float64Histogram on non-Float64Histogram metric value")
	}
	return v.hist
}

// Float64Histogram represents a distribution of float64 values.
type Float64Histogram struct {
	Counts  []uint64
	Buckets []float64
}

// Sample captures a single metric sample.
type Sample struct {
	Name  string
	Value Value
}

// Description describes a runtime metric.
type Description struct {
	Name        string
	Description string
	Kind        ValueKind
	Cumulative  bool
}

//rgo:extern rgo_gcpercent
func gcPercent() int64

// reading is what one Read call knows: taken once, shared by its samples.
type reading struct {
	m     runtime.MemStats
	gogc  int
	limit int64
}

type metric struct {
	desc Description
	get  func(r *reading) uint64
}

// The metrics, sorted by name (as All returns them).
var metrics = []metric{
	{Description{"/gc/cycles/automatic:gc-cycles", "Completed collection cycles the runtime started itself.", KindUint64, true},
		func(r *reading) uint64 { return uint64(r.m.NumGC - r.m.NumForcedGC) }},
	{Description{"/gc/cycles/forced:gc-cycles", "Completed collection cycles the program asked for (runtime.GC).", KindUint64, true},
		func(r *reading) uint64 { return uint64(r.m.NumForcedGC) }},
	{Description{"/gc/cycles/total:gc-cycles", "All completed collection cycles.", KindUint64, true},
		func(r *reading) uint64 { return uint64(r.m.NumGC) }},
	{Description{"/gc/gogc:percent", "The GOGC setting (debug.SetGCPercent).", KindUint64, false},
		func(r *reading) uint64 { return uint64(r.gogc) }}, // off: -1, as gc reports it
	{Description{"/gc/gomemlimit:bytes", "The memory limit (GOMEMLIMIT, debug.SetMemoryLimit).", KindUint64, false},
		func(r *reading) uint64 { return uint64(r.limit) }},
	{Description{"/gc/heap/allocs:bytes", "Bytes of heap objects allocated since the program started.", KindUint64, true},
		func(r *reading) uint64 { return r.m.TotalAlloc }},
	{Description{"/gc/heap/allocs:objects", "Heap objects allocated since the program started.", KindUint64, true},
		func(r *reading) uint64 { return r.m.Mallocs }},
	{Description{"/gc/heap/frees:bytes", "Bytes of heap objects the collector freed.", KindUint64, true},
		func(r *reading) uint64 { return r.m.TotalAlloc - r.m.HeapAlloc }},
	{Description{"/gc/heap/frees:objects", "Heap objects the collector freed.", KindUint64, true},
		func(r *reading) uint64 { return r.m.Frees }},
	{Description{"/gc/heap/goal:bytes", "The heap size the next cycle aims to end under.", KindUint64, false},
		func(r *reading) uint64 { return r.m.NextGC }},
	{Description{"/gc/heap/objects:objects", "Heap objects allocated and not yet freed.", KindUint64, false},
		func(r *reading) uint64 { return r.m.HeapObjects }},
	{Description{"/memory/classes/heap/free:bytes", "Free heap memory not yet returned to the operating system.", KindUint64, false},
		func(r *reading) uint64 { return r.m.HeapIdle - r.m.HeapReleased }},
	{Description{"/memory/classes/heap/objects:bytes", "Memory held by heap objects, live or not yet swept.", KindUint64, false},
		func(r *reading) uint64 { return r.m.HeapAlloc }},
	{Description{"/memory/classes/heap/released:bytes", "Free heap memory returned to the operating system.", KindUint64, false},
		func(r *reading) uint64 { return r.m.HeapReleased }},
	{Description{"/memory/classes/heap/stacks:bytes", "Memory used by goroutine stacks.", KindUint64, false},
		func(r *reading) uint64 { return r.m.StackInuse }},
	{Description{"/memory/classes/total:bytes", "All memory the runtime has mapped.", KindUint64, false},
		func(r *reading) uint64 { return r.m.Sys }},
	{Description{"/sched/gomaxprocs:threads", "The GOMAXPROCS setting.", KindUint64, false},
		func(r *reading) uint64 { return uint64(runtime.GOMAXPROCS(0)) }},
	{Description{"/sched/goroutines:goroutines", "Live goroutines.", KindUint64, false},
		func(r *reading) uint64 { return uint64(runtime.NumGoroutine()) }},
}

// All returns a slice of containing metric descriptions for all supported
// metrics, sorted by name.
func All() []Description {
	out := make([]Description, len(metrics))
	for i, m := range metrics {
		out[i] = m.desc
	}
	return out
}

// Read populates each Value field in the given slice of metric samples;
// names it does not know get a KindBad value.
func Read(m []Sample) {
	var r reading
	runtime.ReadMemStats(&r.m)
	r.gogc = int(gcPercent())
	r.limit = debug.SetMemoryLimit(-1) // a negative limit only reads it
	for i := range m {
		m[i].Value = Value{}
		for _, d := range metrics {
			if d.desc.Name == m[i].Name {
				m[i].Value = Value{kind: KindUint64, scalar: d.get(&r)}
				break
			}
		}
	}
}
