// Package weak provides ways to safely reference memory weakly (rgo
// overlay: a weak pointer refers to a runtime handle, an 8-byte object
// holding the pointer that the collector clears when the object it
// points into is reclaimed).
package weak

import "unsafe"

// Pointer is a weak pointer to a value of type T. Two Pointer values
// compare equal if and only if the pointers from which they were created
// compare equal.
type Pointer[T any] struct {
	_ [0]*T
	h *uintptr
}

//rgo:extern rgo_weak_make
func runtimeMake(p unsafe.Pointer) *uintptr

// Make creates a weak pointer from a pointer to some value of type T.
func Make[T any](ptr *T) Pointer[T] {
	return Pointer[T]{h: runtimeMake(unsafe.Pointer(ptr))}
}

// Value returns the original pointer used to create the weak pointer. It
// returns nil if the value pointed to by the original pointer was
// reclaimed by the garbage collector.
func (p Pointer[T]) Value() *T {
	if p.h == nil {
		return nil
	}
	return (*T)(unsafe.Pointer(*p.h))
}
