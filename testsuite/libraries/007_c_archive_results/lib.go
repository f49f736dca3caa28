// A static archive's exports: several results, slices and strings from C,
// a callback into Go that starts goroutines.
package main

import "C"

import (
	"sort"
	"sync"
)

//export DivMod
func DivMod(a, b int) (q, r int) {
	return a / b, a % b
}

//export SortInts
func SortInts(xs []int32) {
	sort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] })
}

//export CountVowels
func CountVowels(s string) int {
	n := 0
	for _, c := range s {
		switch c {
		case 'a', 'e', 'i', 'o', 'u':
			n++
		}
	}
	return n
}

//export ParallelSum
func ParallelSum(n int) int {
	var wg sync.WaitGroup
	parts := make([]int, 4)
	for w := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += 4 {
				parts[w] += i
			}
		}()
	}
	wg.Wait()
	return parts[0] + parts[1] + parts[2] + parts[3]
}

func main() {}
