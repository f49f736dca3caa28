// Deadlock: main waits on a channel receive while every other goroutine is
// blocked on a channel too; gc reports it and exits with code 2.
package main

import "fmt"

func main() {
	never := make(chan int)
	ready := make(chan bool)
	for i := 0; i < 3; i++ {
		go func() {
			ready <- true
			<-never
		}()
	}
	for i := 0; i < 3; i++ {
		<-ready
	}
	fmt.Println("all helpers are blocked; main blocks too")
	results := make(chan int)
	fmt.Println(<-results)
}
