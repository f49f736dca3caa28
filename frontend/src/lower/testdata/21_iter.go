package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func Pairs[T any](xs []T) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, x := range xs {
			if !yield(i, x) {
				return
			}
		}
	}
}

func firstOver(limit int) int {
	for v := range Count(100) {
		if v*v > limit {
			return v
		}
	}
	return -1
}

func main() {
	for i := range Count(3) {
		fmt.Print(i, " ")
	}
	fmt.Println()
	for i, s := range Pairs([]string{"a", "b", "c"}) {
		if i == 1 {
			continue
		}
		fmt.Print(i, s, " ")
	}
	fmt.Println()
	fmt.Println(firstOver(50))
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	keys := slices.Sorted(maps.Keys(m))
	fmt.Println(keys)
	total := 0
outer:
	for i := range Count(5) {
		for j := range Count(5) {
			if j > i {
				continue outer
			}
			if i == 4 {
				break outer
			}
			total += j
		}
	}
	fmt.Println(total)
	for range Count(2) {
		fmt.Print("x")
	}
	fmt.Println()
	fmt.Println(slices.Collect(Count(4)))
}
