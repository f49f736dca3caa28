// runtime.Goexit in main: main's defers run, other goroutines run to the end,
// then gc's "no goroutines" fatal error with exit code 2.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	go func() {
		time.Sleep(20 * time.Millisecond)
		fmt.Println("other goroutine finished after main's Goexit")
	}()
	defer fmt.Println("main's deferred call")
	runtime.Goexit()
	fmt.Println("not reached")
}
