// rgo:env GOMAXPROCS=1
// An unrecovered panic in a non-main goroutine ends the program with exit 2;
// main's defers do not run. (GOMAXPROCS=1 keeps gc's goroutine ids stable.)
package main

import (
	"fmt"
	"sync"
)

func work(n int) int {
	if n == 3 {
		panic(fmt.Sprintf("worker failed on item %d", n))
	}
	return n * n
}

func main() {
	defer fmt.Println("main's deferred call must not run")
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer fmt.Println("worker's deferred call runs")
		for i := 0; i < 5; i++ {
			fmt.Println("item", i, "->", work(i))
		}
	}()
	wg.Wait()
	fmt.Println("not reached")
}
