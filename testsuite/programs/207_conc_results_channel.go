// Results gathered over a channel: each goroutine sends its index with its
// value (or error); main receives exactly as many as it started.
package main

import (
	"errors"
	"fmt"
	"sort"
)

type outcome struct {
	index int
	value int
	err   error
}

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func compute(n int) (int, error) {
	if n%7 == 0 {
		return 0, fmt.Errorf("input %d: %w", n, errNoSevens)
	}
	return fib(n), nil
}

var errNoSevens = errors.New("multiples of seven are not allowed")

func main() {
	inputs := []int{10, 14, 20, 3, 25, 7, 1, 0, 22}
	ch := make(chan outcome) // unbuffered: every sender waits for main
	for i, n := range inputs {
		go func() {
			v, err := compute(n)
			ch <- outcome{i, v, err}
		}()
	}
	values := make([]int, len(inputs))
	var errs []string
	for range inputs {
		o := <-ch
		if o.err != nil {
			errs = append(errs, fmt.Sprintf("#%d %v (is errNoSevens: %v)", o.index, o.err, errors.Is(o.err, errNoSevens)))
			continue
		}
		values[o.index] = o.value
	}
	sort.Strings(errs)
	for i, n := range inputs {
		fmt.Printf("fib(%d) = %d\n", n, values[i])
	}
	for _, e := range errs {
		fmt.Println("error:", e)
	}

	// A channel of channels: each request carries its own reply channel.
	type request struct {
		n     int
		reply chan int
	}
	server := make(chan request)
	go func() {
		for req := range server {
			req.reply <- req.n * 2
		}
	}()
	sum := 0
	for i := 1; i <= 5; i++ {
		r := request{i, make(chan int)}
		server <- r
		sum += <-r.reply
	}
	close(server)
	fmt.Println("sum of doubled:", sum)
}
