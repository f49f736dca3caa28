// Conversions of nil to interface types, multi-value calls into variadic
// and built-in calls, shift counts as untyped constants, zero-size values.
package main

import "fmt"

type J interface{ f() }

func two() (int, int)       { return 1, 2 }
func three() ([]int, int, int) { return []int{0}, 5, 6 }
func cp() ([]int, []int)    { return make([]int, 2), []int{7, 8, 9} }
func v(xs ...int) int       { return len(xs) }
func _()                    {}

func main() {
	e := error(nil)
	fmt.Println(e == nil)
	j := (interface{ f() })(nil)
	fmt.Println(j == nil)
	var k J = J(nil)
	fmt.Println(k == nil)
	println(two())
	fmt.Println(append(three()))
	fmt.Println(copy(cp()))
	fmt.Println(v(two()))
	x := 1 << 0i
	fmt.Println(x)
	var s uint = 2
	fmt.Println(1<<s)
	type Z struct{}
	mz := map[int]Z{1: {}}
	fmt.Println(mz[1], len(mz))
	var arr [0]int
	fmt.Println(arr, len(arr))
	zf := func() (struct{}, [0]int, int) { return struct{}{}, [0]int{}, 3 }
	a, b, c := zf()
	fmt.Println(a, b, c)
}
