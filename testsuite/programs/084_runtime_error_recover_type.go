package main

import (
	"fmt"
	"runtime"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		if err, ok := r.(runtime.Error); ok {
			fmt.Printf("%s: runtime.Error: %v\n", name, err)
			return
		}
		fmt.Printf("%s: %v\n", name, r)
	}()
	f()
}

func main() {
	try("index", func() {
		s := []int{1}
		i := 3
		_ = s[i]
	})
	try("nil map", func() {
		var m map[int]int
		m[1] = 1
	})
	try("divide", func() {
		z := 0
		_ = 1 / z
	})
	try("nil deref", func() {
		var p *int
		_ = *p
	})
	try("conversion", func() {
		var i interface{} = 1
		_ = i.(string)
	})
	try("slice", func() {
		s := make([]int, 2)
		j := 5
		_ = s[:j]
	})
	try("custom", func() { panic("plain string") })
	try("closed channel", func() {
		c := make(chan int)
		close(c)
		close(c)
	})
}
