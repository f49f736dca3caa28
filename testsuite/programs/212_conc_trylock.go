// Mutex.TryLock and RWMutex.TryLock/TryRLock: they never block and report
// whether the lock was taken, also when another goroutine holds it.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var mu sync.Mutex
	fmt.Println("TryLock on free mutex:", mu.TryLock())
	fmt.Println("TryLock on held mutex:", mu.TryLock())

	res := make(chan bool)
	go func() { res <- mu.TryLock() }()
	fmt.Println("TryLock from another goroutine:", <-res)
	mu.Unlock()
	go func() {
		ok := mu.TryLock()
		res <- ok
	}()
	fmt.Println("TryLock from another goroutine after Unlock:", <-res)
	// The other goroutine holds it now; main can unlock it (mutexes are
	// not tied to goroutines).
	fmt.Println("main TryLock while other holds it:", mu.TryLock())
	mu.Unlock()
	fmt.Println("main TryLock after unlocking for it:", mu.TryLock())
	mu.Unlock()

	var rw sync.RWMutex
	fmt.Println("TryRLock #1:", rw.TryRLock())
	fmt.Println("TryRLock #2:", rw.TryRLock())
	fmt.Println("TryLock with readers:", rw.TryLock())
	rw.RUnlock()
	fmt.Println("TryLock with one reader:", rw.TryLock())
	rw.RUnlock()
	fmt.Println("TryLock with no readers:", rw.TryLock())
	fmt.Println("TryRLock with a writer:", rw.TryRLock())
	fmt.Println("TryLock with a writer:", rw.TryLock())
	rw.Unlock()
	fmt.Println("TryRLock after writer:", rw.TryRLock())
	rw.RUnlock()

	// Spinning on TryLock until a holder releases it.
	mu.Lock()
	released := make(chan struct{})
	go func() {
		<-released
		mu.Unlock()
	}()
	attempts := 0
	for !mu.TryLock() {
		attempts++
		if attempts == 1 {
			close(released)
		}
		runtime.Gosched()
	}
	fmt.Println("acquired after failing at least once:", attempts >= 1)
	mu.Unlock()
}
