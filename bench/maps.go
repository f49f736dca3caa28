// Map inserts, lookups and deletes with int and string keys, growing maps
// from empty. Prints a checksum.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	const n = 1000000
	m := make(map[int]int)
	for i := 0; i < n; i++ {
		m[i*7919%n] = i
	}
	sum := 0
	for i := 0; i < n; i += 3 {
		sum += m[i]
	}
	for i := 0; i < n; i += 2 {
		delete(m, i)
	}
	keys := make([]string, 200000)
	for i := range keys {
		keys[i] = "key" + strconv.Itoa(i)
	}
	sm := map[string]int{}
	for round := 0; round < 5; round++ {
		for i, k := range keys {
			sm[k] += i + round
		}
	}
	for _, k := range keys[:1000] {
		sum += sm[k]
	}
	fmt.Println(len(m), len(sm), sum)
}
