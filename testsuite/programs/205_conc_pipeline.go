// A pipeline of stages connected by small buffered channels: generate,
// square, keep the odd ones, format. One goroutine per stage keeps order.
package main

import (
	"fmt"
	"strings"
)

func generate(n int) <-chan int {
	out := make(chan int, 2)
	go func() {
		for i := 1; i <= n; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int, 2)
	go func() {
		for v := range in {
			out <- v * v
		}
		close(out)
	}()
	return out
}

func odd(in <-chan int) <-chan int {
	out := make(chan int, 3)
	go func() {
		defer close(out)
		for v := range in {
			if v%2 == 1 {
				out <- v
			}
		}
	}()
	return out
}

func format(in <-chan int) <-chan string {
	out := make(chan string, 1)
	go func() {
		defer close(out)
		for v := range in {
			out <- fmt.Sprintf("<%d>", v)
		}
	}()
	return out
}

func main() {
	var parts []string
	for s := range format(odd(square(generate(15)))) {
		parts = append(parts, s)
	}
	fmt.Println(strings.Join(parts, " "))

	// A longer pipeline built in a loop: 20 increment stages.
	var c <-chan int = generate(5)
	for i := 0; i < 20; i++ {
		in := c
		out := make(chan int, 1)
		go func() {
			defer close(out)
			for v := range in {
				out <- v + 1
			}
		}()
		c = out
	}
	var final []int
	for v := range c {
		final = append(final, v)
	}
	fmt.Println(final)
}
