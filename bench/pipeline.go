// A 4-stage pipeline of goroutines joined by buffered channels (capacity
// 64) passing 1,000,000 ints: a source, two stages that each transform
// every value, and a final stage that sums them. Measures channel
// throughput when neither side usually has to wait. Prints the sum.
package main

import "fmt"

const (
	count = 1000000
	depth = 64
)

func source(out chan<- int) {
	for i := 0; i < count; i++ {
		out <- i
	}
	close(out)
}

func stage(in <-chan int, out chan<- int, f func(int) int) {
	for v := range in {
		out <- f(v)
	}
	close(out)
}

func main() {
	a := make(chan int, depth)
	b := make(chan int, depth)
	c := make(chan int, depth)
	go source(a)
	go stage(a, b, func(v int) int { return v*7 + 3 })
	go stage(b, c, func(v int) int { return v ^ (v >> 3) })
	sum, n := 0, 0
	for v := range c {
		sum += v % 1000003
		n++
	}
	fmt.Println(n, sum)
}
