package main

import (
	"fmt"
	"maps"
	"slices"
)

type Tree struct {
	Left, Right *Tree
	Val         int
}

func (t *Tree) All(yield func(int) bool) bool {
	if t == nil {
		return true
	}
	return t.Left.All(yield) && yield(t.Val) && t.Right.All(yield)
}

func (t *Tree) Walk() func(func(int) bool) {
	return func(yield func(int) bool) { t.All(yield) }
}

func find(t *Tree, want int) (idx int, ok bool) {
	defer func() { idx *= 10 }()
	i := 0
	for v := range t.Walk() {
		if v == want {
			return i, true
		}
		i++
	}
	return
}

func firstBig(xs []int) (r int) {
	for _, x := range slices.All(xs) {
		if x > 10 {
			r = x
			return
		}
	}
	return -1
}

func main() {
	t := &Tree{&Tree{nil, nil, 1}, &Tree{&Tree{nil, nil, 3}, nil, 4}, 2}
	for v := range t.Walk() {
		fmt.Print(v, " ")
	}
	fmt.Println()
	fmt.Println(find(t, 3))
	fmt.Println(find(t, 9))
	fmt.Println(firstBig([]int{1, 20, 30}), firstBig(nil))
	var fs []func() int
	for v := range t.Walk() {
		fs = append(fs, func() int { return v })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	for i, v := range slices.Backward([]string{"a", "b", "c"}) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	m := map[string]int{"x": 1, "y": 2}
	sum := 0
	for k, v := range maps.All(m) {
		sum += v
		_ = k
	}
	fmt.Println(sum, slices.Sorted(maps.Values(m)))
	count := 0
	for range t.Walk() {
		count++
	}
	fmt.Println(count)
	var k string
	var v int
	for k, v = range maps.All(map[string]int{"only": 7}) {
	}
	fmt.Println(k, v)
	total := 0
	for x := range t.Walk() {
		switch {
		case x == 2:
			continue
		case x == 4:
			break
		}
		total += x
	}
	fmt.Println(total)
}
