// unsafe.Slice views C memory as a Go slice, both ways of writing it.
package main

/*
#include <stdlib.h>
static double *make_series(int n) {
	double *p = malloc(n * sizeof(double));
	for (int i = 0; i < n; i++) p[i] = i * 0.5;
	return p;
}
static double c_sum(double *p, int n) {
	double t = 0;
	for (int i = 0; i < n; i++) t += p[i];
	return t;
}
*/
import "C"
import (
	"fmt"
	"unsafe"
)

func main() {
	const n = 8
	p := C.make_series(n)
	defer C.free(unsafe.Pointer(p))
	s := unsafe.Slice((*float64)(unsafe.Pointer(p)), n)
	fmt.Println(s)
	for i := range s {
		s[i] *= 2
	}
	fmt.Println(C.c_sum(p, n))
	b := unsafe.Slice((*byte)(unsafe.Pointer(p)), 8)
	fmt.Println(len(b), b[7])
}
