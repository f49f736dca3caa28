package sync

import "sync/atomic"

// Once is an object that will perform exactly one action.
type Once struct {
	_ noCopy

	done atomic.Uint32
	m    Mutex
}

// Do calls the function f if and only if Do is being called for the first
// time for this instance of Once. No call to Do returns until the one call
// to f returns; if f panics, Do considers it to have returned.
func (o *Once) Do(f func()) {
	if o.done.Load() == 0 {
		doSlow(o, f)
	}
}

// doSlow runs f once (a function: see lockSlow).
func doSlow(o *Once, f func()) {
	o.m.Lock()
	defer o.m.Unlock()
	if o.done.Load() == 0 {
		defer o.done.Store(1)
		f()
	}
}

// OnceFunc returns a function that invokes f only once. The returned
// function may be called concurrently. If f panics, the returned function
// will panic with the same value on every call.
func OnceFunc(f func()) func() {
	var (
		once     Once
		finished bool
		failure  any
	)
	call := func() {
		defer func() {
			if !finished {
				failure = recover()
				panic(failure)
			}
		}()
		f()
		f = nil
		finished = true
	}
	return func() {
		once.Do(call)
		if !finished {
			panic(failure)
		}
	}
}

// OnceValue returns a function that invokes f only once and returns the
// value returned by f. If f panics, the returned function will panic with
// the same value on every call.
func OnceValue[T any](f func() T) func() T {
	var (
		once     Once
		finished bool
		failure  any
		result   T
	)
	call := func() {
		defer func() {
			if !finished {
				failure = recover()
				panic(failure)
			}
		}()
		result = f()
		f = nil
		finished = true
	}
	return func() T {
		once.Do(call)
		if !finished {
			panic(failure)
		}
		return result
	}
}

// OnceValues returns a function that invokes f only once and returns the
// values returned by f. If f panics, the returned function will panic with
// the same value on every call.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	var (
		once     Once
		finished bool
		failure  any
		r1       T1
		r2       T2
	)
	call := func() {
		defer func() {
			if !finished {
				failure = recover()
				panic(failure)
			}
		}()
		r1, r2 = f()
		f = nil
		finished = true
	}
	return func() (T1, T2) {
		once.Do(call)
		if !finished {
			panic(failure)
		}
		return r1, r2
	}
}
