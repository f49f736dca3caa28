// Package cgo is the run-time support cgo programs import for
// cgo.Handle and cgo.Incomplete. rgo's cgo runtime is the rt crate
// (rt/src/cgo.rs); this package holds only the user-facing API.
package cgo

import (
	"sync"
	"sync/atomic"
)

// Incomplete stands for an incomplete C type (a struct declared but not
// defined).
type Incomplete struct {
	_ [0]byte
}

// Handle passes a Go value through C as an integer: C code may keep it,
// Go code turns it back into the value, until Delete.
type Handle uintptr

var (
	handles    sync.Map // Handle -> any
	lastHandle atomic.Uintptr
)

// NewHandle returns a new handle for v, valid until Delete. Each call
// returns a different handle, even for the same value.
func NewHandle(v any) Handle {
	h := lastHandle.Add(1)
	if h == 0 {
		panic("runtime/cgo: ran out of handle space")
	}
	handles.Store(Handle(h), v)
	return Handle(h)
}

// Value returns the value h was made for. It panics if h is not a live
// handle.
func (h Handle) Value() any {
	v, ok := handles.Load(h)
	if !ok {
		panic("runtime/cgo: misuse of an invalid Handle")
	}
	return v
}

// Delete invalidates h. It panics if h is not a live handle.
func (h Handle) Delete() {
	if _, ok := handles.LoadAndDelete(h); !ok {
		panic("runtime/cgo: misuse of an invalid Handle")
	}
}
