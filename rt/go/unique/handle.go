// Package unique provides facilities for canonicalizing ("interning")
// comparable values (rgo overlay: one table of canonical values, held
// weakly; an entry goes when no Handle refers to its value any more).
package unique

import (
	"runtime"
	"sync"
	"weak"
)

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
	mu sync.Mutex
	// value → weak.Pointer[T] to the canonical copy.
	canonical = map[any]any{}
)

// Make returns a globally unique handle for a value of type T.
func Make[T comparable](value T) Handle[T] {
	mu.Lock()
	defer mu.Unlock()
	if w, ok := canonical[value]; ok {
		if p := w.(weak.Pointer[T]).Value(); p != nil {
			return Handle[T]{p}
		}
	}
	p := new(T)
	*p = value
	wp := weak.Make(p)
	canonical[value] = wp
	runtime.AddCleanup(p, func(key any) {
		mu.Lock()
		if w, ok := canonical[key]; ok && w.(weak.Pointer[T]) == wp {
			delete(canonical, key)
		}
		mu.Unlock()
	}, any(value))
	return Handle[T]{p}
}
