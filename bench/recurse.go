// Deep recursion: a small non-tail-recursive function called to a depth of
// 1,000,000, repeated 50 times. Measures call overhead and the cost of a
// deep stack (under gc, a goroutine stack grown and copied up to tens of
// MB). Prints the results.
package main

import "fmt"

const (
	depth  = 1000000
	rounds = 50
)

func down(n int, x uint64) uint64 {
	if n == 0 {
		return x
	}
	r := down(n-1, x*31+uint64(n))
	return r ^ (r >> 7) + uint64(n&15)
}

func main() {
	var total uint64
	for r := 0; r < rounds; r++ {
		v := down(depth, uint64(r))
		if r == 0 {
			fmt.Println(v)
		}
		total ^= v
	}
	fmt.Println(total)
}
