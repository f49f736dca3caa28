// Map keys holding floats compare by value: +0 and -0 are one key, NaN
// never equals itself; clear removes NaN keys too; struct and interface
// keys hash by value.
package main

import (
	"fmt"
	"math"
)

type K struct {
	s string
	f float64
	i any
	b byte
	n int64
}

func main() {
	m := map[K]int{}
	m[K{"a", 0.0, 1, 1, 2}] = 1
	m[K{"a", math.Copysign(0, -1), 1, 1, 2}]++
	m[K{"a", math.NaN(), "x", 1, 2}] = 5
	m[K{"a", math.NaN(), "x", 1, 2}] = 6
	fmt.Println(len(m), m[K{"a", 0, 1, 1, 2}])
	mf := map[float64]int{math.NaN(): 1, math.NaN(): 2, 1: 3}
	mf[math.NaN()] = 4
	fmt.Println(len(mf))
	delete(mf, math.NaN())
	fmt.Println(len(mf))
	clear(mf)
	fmt.Println(len(mf))
	mi := map[any]int{}
	mi[1] = 1
	mi[int64(1)] = 2
	mi["s"] = 3
	mi[[2]int{1, 2}] = 4
	mi[struct{ a, b int }{1, 2}] = 5
	mi[0.0] = 6
	mi[math.Copysign(0, -1)] = 7
	fmt.Println(len(mi), mi[[2]int{1, 2}], mi[struct{ a, b int }{1, 2}], mi[0.0])
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		mi[[]int{1}] = 1
	}()
	mc := map[complex128]int{complex(math.NaN(), 0): 1}
	mc[complex(math.NaN(), 0)] = 2
	fmt.Println(len(mc))
	clear(mc)
	fmt.Println(len(mc))
}
