// main blocked in sync.Mutex.Lock on a mutex held by a goroutine that is
// itself blocked on a channel: gc reports a deadlock, exit 2.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	locked := make(chan bool)
	never := make(chan bool)
	go func() {
		mu.Lock()
		locked <- true
		<-never
		mu.Unlock()
	}()
	<-locked
	fmt.Println("the other goroutine holds the lock")
	mu.Lock()
	fmt.Println("not reached")
}
