// main blocked in a select with no ready case while the other goroutines
// are blocked sending on channels nobody receives: a deadlock, exit 2.
package main

import "fmt"

func main() {
	a, b := make(chan int), make(chan string)
	other := make(chan int)
	ready := make(chan bool)
	for i := 0; i < 2; i++ {
		go func() {
			ready <- true
			other <- i
		}()
	}
	<-ready
	<-ready
	fmt.Println("entering select")
	select {
	case v := <-a:
		fmt.Println(v)
	case b <- "x":
		fmt.Println("sent")
	}
}
