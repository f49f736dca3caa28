package main

import (
	"fmt"
	"math"
)

// Elementary functions print exactly as gc computes them (math.Exp is an
// assembly routine on amd64, with its own rounding).
func main() {
	xs := []float64{-745.2, -20.5, -1.5, -0.3, 1e-9, 0.7, 1.5, 3, 10.25, 88.7, 709.7, 710}
	for _, x := range xs {
		fmt.Println(x, math.Exp(x), math.Sinh(x), math.Cosh(x), math.Tanh(x))
	}
	for _, x := range []float64{0.001, 0.5, 2, 7.389, 1e10} {
		fmt.Println(x, math.Log(x), math.Log2(x), math.Log10(x), math.Log1p(x), math.Expm1(x/10))
	}
	for _, p := range [][2]float64{{2, 0.5}, {10, -3.3}, {1.0001, 12345}, {-8, 1.0 / 3}, {0.5, 0.25}} {
		fmt.Println(p, math.Pow(p[0], p[1]), math.Hypot(p[0], p[1]), math.Atan2(p[0], p[1]))
	}
	for _, x := range []float64{0.1, 1, 2.5, 4.5, 170.5} {
		lg, sign := math.Lgamma(x)
		fmt.Println(x, math.Gamma(x), lg, sign, math.Erf(x/5), math.Erfc(x/5), math.Cbrt(x))
	}
	sum := 0.0
	for i := 0; i < 1000; i++ {
		sum += math.Exp(-float64(i)/97) * math.Sin(float64(i))
	}
	fmt.Println(sum)
}
