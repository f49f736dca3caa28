// Package weak provides ways to safely reference memory weakly (rgo
// overlay: the collector does not reclaim objects yet, so a weak pointer
// simply holds its object).
package weak

import "unsafe"

// Pointer is a weak pointer to a value of type T. Two Pointer values
// compare equal if and only if the pointers from which they were created
// compare equal.
type Pointer[T any] struct {
	_ [0]*T
	u unsafe.Pointer
}

// Make creates a weak pointer from a pointer to some value of type T.
func Make[T any](ptr *T) Pointer[T] {
	return Pointer[T]{u: unsafe.Pointer(ptr)}
}

// Value returns the original pointer used to create the weak pointer. It
// returns nil if the value pointed to by the original pointer was
// reclaimed by the garbage collector (which does not happen yet).
func (p Pointer[T]) Value() *T {
	return (*T)(p.u)
}
