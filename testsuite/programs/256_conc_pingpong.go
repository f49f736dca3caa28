// A ping-pong of 100000 round trips over unbuffered channels between two
// goroutines; the final count shows no message was lost.
package main

import "fmt"

func main() {
	const rounds = 100000
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	n := 0
	for i := 0; i < rounds; i++ {
		ping <- n
		n = <-pong
	}
	close(ping)
	_, ok := <-pong
	fmt.Println("round trips:", n, "pong closed:", !ok)

	// A ring of 10 goroutines passing a token around 10000 times.
	const ringSize, laps = 10, 10000
	first := make(chan int)
	in := first
	for i := 0; i < ringSize-1; i++ {
		out := make(chan int)
		go func(in <-chan int, out chan<- int) {
			for v := range in {
				out <- v + 1
			}
			close(out)
		}(in, out)
		in = out
	}
	last := in
	token := 0
	for lap := 0; lap < laps; lap++ {
		first <- token
		token = <-last + 1
	}
	close(first)
	fmt.Println("ring hops:", token)
}
