package main

import (
	"fmt"
	"math/cmplx"
)

func main() {
	c := complex(3, 4)
	fmt.Println(c, real(c), imag(c), cmplx.Abs(c))
	d := 1 + 2i
	fmt.Println(c+d, c*d, c/d, c == d)
	var c64 complex64 = complex64(c)
	fmt.Printf("%v %T %.2f\n", c64, c64, c)
	fmt.Println(cmplx.Sqrt(-1), cmplx.Conj(d))
	const k = 2i * 2i
	fmt.Println(k, real(k))
}
