// Package sync provides basic synchronization primitives such as mutual
// exclusion locks (rgo overlay: the primitives are built on the runtime's
// semaphores and sync/atomic; waiting with no goroutine left to wake the
// waiter is reported as gc reports it, as a deadlock).
package sync

import "sync/atomic"

//rgo:extern rgo_semacquire
func semacquire(addr *uint32, reason string)

//rgo:extern rgo_semrelease
func semrelease(addr *uint32)

//rgo:extern rgo_fatal
func fatal(msg string)

// noCopy may be embedded into structs which must not be copied after the
// first use (`go vet` looks for its Lock and Unlock methods).
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

// A Locker represents an object that can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// A Mutex is a mutual exclusion lock. The zero value for a Mutex is an
// unlocked mutex. A Mutex must not be copied after first use.
type Mutex struct {
	_ noCopy

	// state: bit 0 is the lock, the bits above count blocked Lock calls.
	state int32
	sema  uint32
}

const (
	mutexLocked      = 1
	mutexWaiterShift = 1
)

// Lock locks m. If the lock is already in use, the calling goroutine
// blocks until the mutex is available.
func (m *Mutex) Lock() {
	if atomic.CompareAndSwapInt32(&m.state, 0, mutexLocked) {
		return
	}
	lockSlow(m)
}

// lockSlow waits for the mutex (a function rather than a method: types
// that embed a Mutex get only its exported methods, as with gc's).
func lockSlow(m *Mutex) {
	for {
		old := atomic.LoadInt32(&m.state)
		if old&mutexLocked == 0 {
			if atomic.CompareAndSwapInt32(&m.state, old, old|mutexLocked) {
				return
			}
			continue
		}
		if atomic.CompareAndSwapInt32(&m.state, old, old+1<<mutexWaiterShift) {
			// Unlock hands the mutex over still locked, so the woken
			// waiter owns it.
			semacquire(&m.sema, "sync.Mutex.Lock")
			return
		}
	}
}

// TryLock tries to lock m and reports whether it succeeded.
func (m *Mutex) TryLock() bool {
	old := atomic.LoadInt32(&m.state)
	if old&mutexLocked != 0 {
		return false
	}
	return atomic.CompareAndSwapInt32(&m.state, old, old|mutexLocked)
}

// Unlock unlocks m. It is a run-time error if m is not locked on entry to
// Unlock.
func (m *Mutex) Unlock() {
	if atomic.CompareAndSwapInt32(&m.state, mutexLocked, 0) {
		return
	}
	unlockSlow(m)
}

func unlockSlow(m *Mutex) {
	for {
		old := atomic.LoadInt32(&m.state)
		if old&mutexLocked == 0 {
			fatal("sync: unlock of unlocked mutex")
		}
		if old>>mutexWaiterShift == 0 {
			if atomic.CompareAndSwapInt32(&m.state, old, old&^mutexLocked) {
				return
			}
			continue
		}
		// Hand the lock to one waiter: keep it locked, wake the waiter.
		if atomic.CompareAndSwapInt32(&m.state, old, old-1<<mutexWaiterShift) {
			semrelease(&m.sema)
			return
		}
	}
}
