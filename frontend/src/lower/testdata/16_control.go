package main

import "fmt"

type T struct{ n int }

func (t *T) Get() int { return t.n }

func find(grid [][]int, target int) (int, int, bool) {
	for i, row := range grid {
		for j, v := range row {
			if v == target {
				return i, j, true
			}
		}
	}
	return -1, -1, false
}

func named() (x, y int) {
	defer func() { x++ }()
	x, y = 1, 2
	return y, x
}

func main() {
	grid := [][]int{{1, 2}, {3, 4}}
	fmt.Println(find(grid, 4))
	fmt.Println(find(grid, 5))
	fmt.Println(named())
	var fns []func() int
	for i := range 3 {
		fns = append(fns, func() int { return i * i })
	}
	for _, f := range fns {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	m := map[int]bool{1: true, 2: true, 3: true, 4: true}
	n := 0
	for k := range m {
		if k%2 == 0 {
			delete(m, k)
		}
		n++
	}
	fmt.Println(len(m), n <= 4)
	i := 0
	goto check
body:
	fmt.Print("i=", i, " ")
	i++
check:
	if i < 3 {
		goto body
	}
	fmt.Println()
	if x := 5; x > 3 {
		x := x * 2
		fmt.Println("x", x)
	} else if y := x + 1; y > 0 {
		fmt.Println("y", y)
	} else {
		fmt.Println("none", x, y)
	}
	x := 1
	{
		x := 2
		x++
		_ = x
	}
	fmt.Println(x)
	count := 0
outer:
	for a := 0; a < 5; a++ {
		switch {
		case a == 1:
			continue
		case a == 3:
			break outer
		}
		for b := range "ab" {
			if b == 1 {
				continue outer
			}
			count++
		}
	}
	fmt.Println("count", count)
	var sum int
	for i, j := 0, 10; i < j; i, j = i+1, j-1 {
		sum += j - i
	}
	fmt.Println(sum)
	var t *T
	f := func() (r int) {
		defer func() { r = -1 }()
		return 5
	}
	fmt.Println(f(), t == nil)
	k := 0
	for k < 5 {
		k += 2
	}
	fmt.Println(k)
	for {
		k--
		if k < 0 {
			break
		}
	}
	fmt.Println(k)
	sw := "b"
	switch sw {
	case "a", "b":
		fmt.Println("a or b")
	}
	var iface interface{} = 3
	switch v := iface.(type) {
	case int:
		v += 10
		fmt.Println(v)
	}
	arr := [3]int{1, 2, 3}
	for i, v := range arr {
		arr[2] = 100
		if i == 2 {
			fmt.Println(v)
		}
	}
	sl := []int{1, 2, 3}
	for i, v := range sl {
		sl[2] = 100
		if i == 2 {
			fmt.Println(v)
		}
	}
	parr := &[3]int{1, 2, 3}
	for i, v := range parr {
		parr[2] = 100
		if i == 2 {
			fmt.Println(v)
		}
	}
}
