package main

import (
	"fmt"
	"math"
)

type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
)

const Pi32 float32 = math.Pi
const Greeting = "hello"
const MaxU = ^uint32(0)
const Mask = 1<<8 - 1

func main() {
	fmt.Println(Millisecond, Microsecond*3)
	fmt.Printf("%T %T\n", Millisecond, Mask)
	fmt.Println(Pi32, math.Pi, float64(Pi32))
	fmt.Println(Greeting[1], len(Greeting), MaxU, Mask)
	var f float32 = 1 / 3.0
	var d float64 = 1 / 3.0
	fmt.Println(f, d)
	const c = 'x' - 'a'
	var r rune = c
	var b byte = c
	fmt.Println(c, r, b)
	fmt.Println(math.MaxInt64, math.MinInt64, uint64(math.MaxUint64))
	fmt.Println(5/2*2.0, 5.0/2*2)
}
