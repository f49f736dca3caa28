// Sieve of Eratosthenes over a []bool, repeated: slice indexing with bounds
// checks in the inner loop. Prints the prime count and a checksum.
package main

import "fmt"

const limit = 20000000

const rounds = 5

func sieve(n int) (count, sum int) {
	composite := make([]bool, n+1)
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		count++
		sum += i
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	return count, sum
}

func main() {
	total := 0
	for r := 0; r < rounds; r++ {
		count, sum := sieve(limit - r)
		total += count
		if r == 0 {
			fmt.Println(count, sum)
		}
	}
	fmt.Println(total)
}
