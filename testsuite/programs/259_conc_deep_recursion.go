// Deep recursion (depth 1,000,000 with a small frame) on main's stack and
// on a goroutine's stack, which must grow far beyond its initial size.
package main

import "fmt"

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func sumTo(n int64, acc *int64) {
	if n == 0 {
		return
	}
	*acc += n
	sumTo(n-1, acc)
}

func main() {
	fmt.Println("main:", depth(1_000_000))

	res := make(chan int)
	go func() { res <- depth(1_000_000) }()
	fmt.Println("goroutine:", <-res)

	// Several goroutines recursing deeply at the same time.
	sums := make(chan int64, 4)
	for g := 1; g <= 4; g++ {
		go func() {
			var acc int64
			sumTo(int64(g)*250_000, &acc)
			sums <- acc
		}()
	}
	var total int64
	for g := 0; g < 4; g++ {
		total += <-sums
	}
	fmt.Println("sum of sums:", total)
}
