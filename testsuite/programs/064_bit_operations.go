package main

import (
	"fmt"
	"math/bits"
)

func main() {
	a, b := 0b1100, 0b1010
	fmt.Println(a&b, a|b, a^b, a&^b, ^a)
	fmt.Printf("%04b %04b %04b %04b\n", a&b, a|b, a^b, a&^b)
	x := -16
	fmt.Println(x>>2, x<<2, uint8(x)>>2)
	var u uint8 = 0x81
	fmt.Println(u<<1, u>>1, ^u)
	shift := 70
	fmt.Println(1<<shift == 0, uint64(1)<<63, int64(-1)>>shift)
	fmt.Println(bits.OnesCount(255), bits.LeadingZeros64(1), bits.TrailingZeros(8), bits.Len(1023))
	fmt.Println(bits.RotateLeft8(0x81, 1), bits.Reverse8(1), bits.ReverseBytes16(0x1234) == 0x3412)
	hi, lo := bits.Mul64(1<<63, 4)
	fmt.Println(hi, lo)
	var flags uint
	flags |= 1 << 3
	flags |= 1 << 0
	fmt.Println(flags, flags&(1<<3) != 0, flags&(1<<2) != 0)
}
