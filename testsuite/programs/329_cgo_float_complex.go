// C float, double and complex types.
package main

/*
#include <complex.h>
static float halve(float x) { return x / 2; }
static double hyp(double a, double b) { return a * a + b * b; }
static double complex cmul(double complex a, double complex b) { return a * b; }
static float complex conj_f(float complex z) { return conjf(z); }
*/
import "C"
import "fmt"

func main() {
	fmt.Println(C.halve(3), C.hyp(3, 4))
	fmt.Println(C.cmul(1+2i, 3-1i))
	fmt.Println(C.conj_f(2 + 5i))
	var f C.float = 0.1
	fmt.Printf("%T %T %v\n", f, C.hyp(1, 1), float64(f))
}
