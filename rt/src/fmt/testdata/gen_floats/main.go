// strconv.FormatFloat for many values, formats and precisions: the table
// behind rt's float tests. Regenerate (from rt/src/fmt/testdata):
// go run gen_floats/main.go > floats.txt
package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.2, 0.3, 0.1 + 0.2, 0.5, 1.5, 2.5, 0.125, 0.375, -0.375,
		1e21, 1e20, 1e-7, 1e-5, 1e-4, 123456789, 12345678.9, math.Pi, -math.E, 1.0 / 3, 2.0 / 3, 100, 1e100, 1e-100,
		5e-324, math.MaxFloat64, 2.2250738585072014e-308, 1e23, 9.999999999999999e22, math.NaN(), math.Inf(1), math.Inf(-1),
		0.000123, 123.456, 999999.5, 9.5, 0.05, 1e6, 1e15, 1e16, 1e17, 1234567, 0.999, 99.99, 5, 15, 255.75,
		float64(float32(0.1)), 16777216, 3.4e38, 1e-45, 1.1754944e-38, float64(float32(3.14159))}
	fmt.Println("# strconv.FormatFloat(bits, fmt, prec, bitSize) from go1.27.3: bits fmt prec size result")
	for _, v := range vals {
		b := math.Float64bits(v)
		for _, f := range []byte("eEfgGbxX") {
			fmt.Printf("%016x %c %d %d %s\n", b, f, -1, 64, strconv.FormatFloat(v, f, -1, 64))
		}
		for _, p := range []int{0, 1, 3, 6, 17, 25} {
			for _, f := range []byte("efg") {
				fmt.Printf("%016x %c %d %d %s\n", b, f, p, 64, strconv.FormatFloat(v, f, p, 64))
			}
		}
		for _, p := range []int{0, 3} {
			fmt.Printf("%016x %c %d %d %s\n", b, 'x', p, 64, strconv.FormatFloat(v, 'x', p, 64))
		}
		for _, f := range []byte("efgbx") {
			fmt.Printf("%016x %c %d %d %s\n", b, f, -1, 32, strconv.FormatFloat(v, f, -1, 32))
		}
		for _, p := range []int{0, 3, 8} {
			fmt.Printf("%016x %c %d %d %s\n", b, 'e', p, 32, strconv.FormatFloat(v, 'e', p, 32))
		}
	}
}
