package sync

import (
	"sync/atomic"
	"unsafe"
)

// Cond implements a condition variable, a rendezvous point for goroutines
// waiting for or announcing the occurrence of an event.
type Cond struct {
	noCopy noCopy

	// L is held while observing or changing the condition.
	L Locker

	mu      Mutex
	waiters uint32
	sema    uint32
	checker copyChecker
}

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

// Wait atomically unlocks c.L and suspends execution of the calling
// goroutine. After later resuming execution, Wait locks c.L before
// returning. Wait cannot return unless awoken by Broadcast or Signal.
func (c *Cond) Wait() {
	c.checker.check()
	c.mu.Lock()
	c.waiters++
	c.mu.Unlock()
	c.L.Unlock()
	semacquire(&c.sema, "sync.Cond.Wait")
	c.L.Lock()
}

// Signal wakes one goroutine waiting on c, if there is any.
func (c *Cond) Signal() {
	c.checker.check()
	c.mu.Lock()
	if c.waiters > 0 {
		c.waiters--
		semrelease(&c.sema)
	}
	c.mu.Unlock()
}

// Broadcast wakes all goroutines waiting on c.
func (c *Cond) Broadcast() {
	c.checker.check()
	c.mu.Lock()
	for ; c.waiters > 0; c.waiters-- {
		semrelease(&c.sema)
	}
	c.mu.Unlock()
}

// copyChecker holds its own address once used, to detect a copied Cond.
type copyChecker uintptr

func (c *copyChecker) check() {
	self := uintptr(unsafe.Pointer(c))
	if uintptr(*c) == self {
		return
	}
	if atomic.CompareAndSwapUintptr((*uintptr)(c), 0, self) || uintptr(*c) == self {
		return
	}
	panic("sync.Cond is copied")
}
