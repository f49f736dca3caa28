package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(1e21, 1e20, 123456789.0, 1e-7, 0.000001, 0.0001)
	fmt.Println(0.1+0.2, 1.0, 2.5, 100.0)
	var zero float64
	fmt.Println(math.NaN(), math.Inf(1), math.Inf(-1), -zero, math.Copysign(0, -1))
	fmt.Println(float32(0.1), float32(1)/3, 1.0/3)
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64)
	fmt.Println(math.Pi, math.Sqrt(2), math.Floor(-2.5), math.Round(2.5))
	fmt.Printf("%f %.2f %e %g %G %8.3f|%-8.2f|\n", math.Pi, math.Pi, 123456.789, 1e-10, 1e21, 2.0/3, 1.5)
	fmt.Printf("%v %v\n", 1e6, 1e5)
	fmt.Println(float32(1e21), float32(3.4e38))
}
