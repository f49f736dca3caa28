// 1,000,000 round trips between two goroutines over unbuffered channels:
// main sends a number, the other goroutine answers with a function of it.
// Measures the cost of a blocking hand-off and the goroutine switch it
// forces. Prints a checksum of the answers.
package main

import "fmt"

const trips = 1000000

func main() {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v*3 + 1
		}
		close(pong)
	}()
	sum := 0
	for i := 0; i < trips; i++ {
		ping <- i
		sum += <-pong
	}
	close(ping)
	_, ok := <-pong
	fmt.Println(trips, sum, ok)
}
