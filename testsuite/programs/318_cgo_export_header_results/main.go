// A C file beside the Go file includes the generated _cgo_export.h and
// calls exported functions: several results come back as a struct
// F_return (fields r0, r1, ...), Go types as GoInt, GoString, GoSlice.
package main

/*
long long use_divmod(long long a, long long b);
long long sum_slice_via_go(void);
void show_name(void);
*/
import "C"
import "fmt"

//export divmod
func divmod(a, b int) (q, r int) {
	return a / b, a % b
}

//export sumInts
func sumInts(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

//export describe
func describe(n int, s string) (string, bool) {
	return fmt.Sprintf("%s#%d", s, n), n%2 == 0
}

func main() {
	fmt.Println(C.use_divmod(17, 5))
	fmt.Println(C.use_divmod(100, 7))
	fmt.Println(C.sum_slice_via_go())
	C.show_name()
}
