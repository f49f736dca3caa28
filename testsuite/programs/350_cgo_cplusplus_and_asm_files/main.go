// A package with a C++ file (compiled with CXX, CXXFLAGS) and an
// assembly file (.S, preprocessed by the C compiler) beside the Go file.
package main

/*
#cgo CXXFLAGS: -std=c++17
#cgo CPPFLAGS: -DSCALE=3
int cpp_sum_sorted(int *xs, int n, int *out_max);
long asm_add(long a, long b);
*/
import "C"
import "fmt"

func main() {
	xs := []C.int{5, 3, 9, 1, 7}
	var max C.int
	sum := C.cpp_sum_sorted(&xs[0], C.int(len(xs)), &max)
	fmt.Println(sum, max, xs)
	fmt.Println(C.asm_add(40, 2))
}
