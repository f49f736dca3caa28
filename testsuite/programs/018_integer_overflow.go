package main

import (
	"fmt"
	"math"
)

func main() {
	var i8 int8 = 127
	i8++
	fmt.Println(i8)
	var u8 uint8 = 0
	u8--
	fmt.Println(u8)
	var u16 uint16 = 65535
	u16 += 2
	fmt.Println(u16)
	var i32 int32 = math.MaxInt32
	i32 += 1
	fmt.Println(i32)
	var u32 uint32 = 1 << 31
	u32 *= 2
	fmt.Println(u32)
	var i64 int64 = math.MinInt64
	fmt.Println(i64-1, -i64, i64/-1)
	var u64 uint64 = math.MaxUint64
	fmt.Println(u64, u64+1)
	var m int8 = -128
	fmt.Println(m*-1, m/-1)
	x := 200
	y := 70000
	fmt.Println(int8(x), uint8(x+100), int16(y))
}
