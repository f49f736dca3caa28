// runtime.Goexit ends only its goroutine: deferred calls run in order (recover
// returns nil in them), code after it does not run, other goroutines go on.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func inner(log *[]string) {
	defer func() { *log = append(*log, "inner deferred") }()
	*log = append(*log, "inner before Goexit")
	runtime.Goexit()
	*log = append(*log, "inner after Goexit")
}

func outer(log *[]string) {
	defer func() { *log = append(*log, "outer deferred") }()
	defer func() {
		r := recover()
		*log = append(*log, fmt.Sprintf("recover in Goexit defer: %v", r))
	}()
	inner(log)
	*log = append(*log, "outer after inner")
}

func main() {
	var log []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		outer(&log)
	}()
	<-done
	for _, l := range log {
		fmt.Println(l)
	}

	// Goexit inside a deferred call during a panic: the panic is
	// abandoned and the goroutine ends quietly.
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer runtime.Goexit()
		panic("abandoned")
	}()
	wg.Wait()
	fmt.Println("goroutine with abandoned panic ended")

	// Deferred functions can still use channels while exiting.
	results := make(chan string, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { results <- fmt.Sprintf("worker %d exited", i) }()
			if i != 1 {
				runtime.Goexit()
			}
		}()
	}
	wg.Wait()
	close(results)
	got := make([]string, 3)
	for r := range results {
		got[r[7]-'0'] = r
	}
	fmt.Println(got)
}
