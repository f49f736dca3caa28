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
//
// As gc's: in normal mode a woken waiter competes with arriving
// goroutines (which may spin briefly on a multiprocessor instead of
// sleeping); a waiter that has waited over 1 ms switches the mutex to
// starvation mode, where Unlock hands it directly to the oldest waiter.
type Mutex struct {
	_ noCopy

	// state: bit 0 locked, bit 1 a waiter is awake, bit 2 starving; the
	// bits above count blocked Lock calls.
	state int32
	sema  uint32
}

const (
	mutexLocked = 1 << iota
	mutexWoken
	mutexStarving
	mutexWaiterShift = iota

	starvationThresholdNs = 1e6
)

//rgo:extern rgo_canspin
func canSpin(iter int) bool

//rgo:extern rgo_procyield
func procYield(n int)

//rgo:extern rgo_nanotime
func nanotime() int64

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
	var waitStart int64
	starving := false
	awoke := false
	iter := 0
	old := atomic.LoadInt32(&m.state)
	for {
		// Spin while the holder may release soon: locked, not starving.
		if old&(mutexLocked|mutexStarving) == mutexLocked && canSpin(iter) {
			// Tell Unlock not to wake anyone while we spin.
			if !awoke && old&mutexWoken == 0 && old>>mutexWaiterShift != 0 &&
				atomic.CompareAndSwapInt32(&m.state, old, old|mutexWoken) {
				awoke = true
			}
			procYield(30)
			iter++
			old = atomic.LoadInt32(&m.state)
			continue
		}
		next := old
		if old&mutexStarving == 0 {
			next |= mutexLocked // starving mutexes go to waiters only
		}
		if old&(mutexLocked|mutexStarving) != 0 {
			next += 1 << mutexWaiterShift
		}
		if starving && old&mutexLocked != 0 {
			next |= mutexStarving
		}
		if awoke {
			next &^= mutexWoken
		}
		if !atomic.CompareAndSwapInt32(&m.state, old, next) {
			old = atomic.LoadInt32(&m.state)
			continue
		}
		if old&(mutexLocked|mutexStarving) == 0 {
			return // locked it
		}
		if waitStart == 0 {
			waitStart = nanotime()
		}
		semacquire(&m.sema, "sync.Mutex.Lock")
		starving = starving || nanotime()-waitStart > starvationThresholdNs
		old = atomic.LoadInt32(&m.state)
		if old&mutexStarving != 0 {
			// Handed over: it is ours, still marked locked.
			delta := int32(mutexLocked - 1<<mutexWaiterShift)
			if !starving || old>>mutexWaiterShift == 1 {
				delta -= mutexStarving // back to normal mode
			}
			atomic.AddInt32(&m.state, delta)
			return
		}
		awoke = true
		iter = 0
	}
}

// TryLock tries to lock m and reports whether it succeeded.
func (m *Mutex) TryLock() bool {
	old := atomic.LoadInt32(&m.state)
	if old&(mutexLocked|mutexStarving) != 0 {
		return false
	}
	return atomic.CompareAndSwapInt32(&m.state, old, old|mutexLocked)
}

// Unlock unlocks m. It is a run-time error if m is not locked on entry to
// Unlock.
func (m *Mutex) Unlock() {
	next := atomic.AddInt32(&m.state, -mutexLocked)
	if next != 0 {
		unlockSlow(m, next)
	}
}

func unlockSlow(m *Mutex, next int32) {
	if (next+mutexLocked)&mutexLocked == 0 {
		fatal("sync: unlock of unlocked mutex")
	}
	if next&mutexStarving != 0 {
		// Hand the mutex to the oldest waiter.
		semrelease(&m.sema)
		return
	}
	old := next
	for {
		// Nobody to wake, or someone already locked it, woke up, or
		// the mutex starves (then the handoff above applies).
		if old>>mutexWaiterShift == 0 || old&(mutexLocked|mutexWoken|mutexStarving) != 0 {
			return
		}
		if atomic.CompareAndSwapInt32(&m.state, old, (old-1<<mutexWaiterShift)|mutexWoken) {
			semrelease(&m.sema)
			return
		}
		old = atomic.LoadInt32(&m.state)
	}
}
