// main blocked in sync.WaitGroup.Wait for a Done that never comes (the
// worker is itself blocked): gc reports a deadlock, exit 2.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(3)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			fmt.Println("worker done")
		}()
	}
	stuck := make(chan int)
	go func() {
		defer wg.Done()
		<-stuck
	}()
	wg.Wait()
	fmt.Println("not reached")
}
