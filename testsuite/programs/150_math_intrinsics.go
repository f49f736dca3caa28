// math and math/bits functions that compile to single instructions.
package main

import (
	"fmt"
	"math"
	"math/bits"
)

func main() {
	for _, x := range []float64{2, 0.5, -1, 0, math.Inf(1), 1e300, -2.5, 2.5} {
		fmt.Println(math.Sqrt(x), math.Floor(x), math.Ceil(x), math.Trunc(x), math.Abs(x), math.FMA(x, 2, 1))
	}
	for _, v := range []uint64{0, 1, 255, 1 << 63, 0xF0F0} {
		fmt.Println(bits.LeadingZeros64(v), bits.TrailingZeros64(v), bits.OnesCount64(v), bits.LeadingZeros32(uint32(v)), bits.TrailingZeros32(uint32(v)), bits.OnesCount32(uint32(v)))
	}
	fmt.Println(math.Sqrt(-0.0), math.Floor(-0.0), math.Abs(math.NaN()))
}
