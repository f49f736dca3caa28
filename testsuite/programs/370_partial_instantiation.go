// Generic calls with the leading type arguments explicit and the rest
// inferred.
package main

import "fmt"

func conv[T, U ~int | ~float64](x U) T { return T(x) }

func pair[A any, B any](a A, b B) string { return fmt.Sprintf("%T %T", a, b) }

type Num interface{ ~int | ~float64 }

func sum[S ~[]E, E Num](s S) E {
	var t E
	for _, v := range s {
		t += v
	}
	return t
}

func main() {
	fmt.Println(conv[float64](3))
	fmt.Println(conv[int, float64](3.5))
	fmt.Println(pair[string]("a", 2))
	f := conv[float64, int]
	fmt.Println(f(4))
	fmt.Println(sum[[]float64]([]float64{1, 2.5}))
}
