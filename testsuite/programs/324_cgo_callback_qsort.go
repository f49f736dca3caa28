// C's qsort with an exported Go function as the comparator.
package main

/*
#include <stdlib.h>
extern int goCompare(void *, void *);
static int cmp(const void *a, const void *b) { return goCompare((void *)a, (void *)b); }
static void sort_ints(int *xs, int n) { qsort(xs, n, sizeof(int), cmp); }
*/
import "C"
import (
	"fmt"
	"unsafe"
)

var calls int

//export goCompare
func goCompare(a, b unsafe.Pointer) C.int {
	calls++
	x, y := *(*C.int)(a), *(*C.int)(b)
	switch {
	case x < y:
		return 1 // descending
	case x > y:
		return -1
	}
	return 0
}

func main() {
	n := 12
	p := (*C.int)(C.malloc(C.size_t(n) * C.sizeof_int))
	defer C.free(unsafe.Pointer(p))
	xs := unsafe.Slice(p, n)
	for i := range xs {
		xs[i] = C.int((i * 7) % 13)
	}
	C.sort_ints(p, C.int(n))
	fmt.Println(xs, calls > 0)
}
