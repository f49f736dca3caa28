// main parks in an empty select after all other goroutines have finished:
// nothing can ever wake it, so gc reports a deadlock, exit 2.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("workers finished; main selects forever")
	select {}
}
