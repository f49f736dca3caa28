package main

import "fmt"

func main() {
	f := 3.99
	fmt.Println(int(f), int(-f))
	i := 7
	fmt.Println(float64(i)/2, i/2)
	var big int64 = 1<<53 + 1
	fmt.Println(float64(big), int64(float64(big)))
	var f32 float32 = 16777217
	fmt.Println(f32, float64(f32))
	u := uint8(int(f) * 50)
	fmt.Println(u)
	fmt.Println(int64(1e18), uint64(1.5e19))
	x := 0.1
	fmt.Println(float32(x), float64(float32(x)))
	n := -3
	fmt.Println(uint32(n), uint64(n))
}
