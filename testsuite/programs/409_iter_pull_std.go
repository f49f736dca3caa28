package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

// iter.Pull over the standard library's iterators, and sequences built
// back from pull functions.

// merge yields the values of two sorted sequences in order.
func merge[T any](a, b iter.Seq[T], less func(T, T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		na, sa := iter.Pull(a)
		defer sa()
		nb, sb := iter.Pull(b)
		defer sb()
		x, okx := na()
		y, oky := nb()
		for okx || oky {
			if okx && (!oky || less(x, y)) {
				if !yield(x) {
					return
				}
				x, okx = na()
			} else {
				if !yield(y) {
					return
				}
				y, oky = nb()
			}
		}
	}
}

func pairwise[K comparable, V any](s iter.Seq2[K, V]) iter.Seq2[[2]K, [2]V] {
	return func(yield func([2]K, [2]V) bool) {
		next, stop := iter.Pull2(s)
		defer stop()
		pk, pv, ok := next()
		if !ok {
			return
		}
		for {
			k, v, ok := next()
			if !ok {
				return
			}
			if !yield([2]K{pk, k}, [2]V{pv, v}) {
				return
			}
			pk, pv = k, v
		}
	}
}

func main() {
	a := slices.Values([]int{1, 4, 6, 9})
	b := slices.Values([]int{2, 3, 7, 10, 11})
	less := func(x, y int) bool { return x < y }
	fmt.Println(slices.Collect(merge(a, b, less)))
	for v := range merge(a, b, less) {
		if v > 6 {
			break
		}
		defer fmt.Println("deferred", v)
	}
	words := strings.Fields("the quick brown fox jumps")
	for ks, vs := range pairwise(slices.All(words)) {
		fmt.Println(ks, vs)
	}
	m := map[string]int{"x": 1, "y": 2, "z": 3}
	keys := slices.Sorted(maps.Keys(m))
	next, stop := iter.Pull(slices.Values(keys))
	defer stop()
	for {
		k, ok := next()
		if !ok {
			break
		}
		fmt.Println(k, m[k])
	}
	nb, sb := iter.Pull2(slices.Backward(words))
	_ = nb
	fmt.Println(nb())
	sb()
	fmt.Println(nb())
}
