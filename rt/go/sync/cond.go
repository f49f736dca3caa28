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

	notify  notifyList
	checker copyChecker
}

// notifyList is the runtime's ticket-based wait list: a wake-up goes to a
// goroutine that was already waiting, never to one that starts waiting
// later.
type notifyList struct {
	wait   uint32
	notify uint32
}

//rgo:extern rgo_notify_add
func notifyListAdd(l *notifyList) uint32

//rgo:extern rgo_notify_wait
func notifyListWait(l *notifyList, t uint32)

//rgo:extern rgo_notify_all
func notifyListNotifyAll(l *notifyList)

//rgo:extern rgo_notify_one
func notifyListNotifyOne(l *notifyList)

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

// Wait atomically unlocks c.L and suspends execution of the calling
// goroutine. After later resuming execution, Wait locks c.L before
// returning. Wait cannot return unless awoken by Broadcast or Signal.
func (c *Cond) Wait() {
	c.checker.check()
	t := notifyListAdd(&c.notify)
	c.L.Unlock()
	notifyListWait(&c.notify, t)
	c.L.Lock()
}

// Signal wakes one goroutine waiting on c, if there is any.
func (c *Cond) Signal() {
	c.checker.check()
	notifyListNotifyOne(&c.notify)
}

// Broadcast wakes all goroutines waiting on c.
func (c *Cond) Broadcast() {
	c.checker.check()
	notifyListNotifyAll(&c.notify)
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
