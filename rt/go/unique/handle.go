// Package unique provides facilities for canonicalizing ("interning")
// comparable values (rgo overlay: one table of all canonical values; they
// are kept for the life of the program).
package unique

import "sync"

// Handle is a globally unique identity for some value of type T. Two
// handles compare equal exactly if the two values used to create the
// handles would have also compared equal.
type Handle[T comparable] struct {
	value *T
}

// Value returns a shallow copy of the T value that produced the Handle.
func (h Handle[T]) Value() T {
	return *h.value
}

var (
	mu        sync.Mutex
	canonical = map[any]any{} // value → *T holding it
)

// Make returns a globally unique handle for a value of type T. Handles are
// equal if and only if the values used to produce them are equal.
func Make[T comparable](value T) Handle[T] {
	mu.Lock()
	defer mu.Unlock()
	if p, ok := canonical[value]; ok {
		return Handle[T]{p.(*T)}
	}
	p := new(T)
	*p = value
	canonical[value] = p
	return Handle[T]{p}
}
