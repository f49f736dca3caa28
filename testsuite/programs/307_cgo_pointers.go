// Pointers: C fills Go memory, Go reads C memory through unsafe.Slice,
// pointer arithmetic in C over a Go array, NULL as nil.
package main

/*
#include <stdlib.h>
static void fill(int *a, int n) { for (int i = 0; i < n; i++) a[i] = i * i; }
static long total(const long *a, int n) { long s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
static double *make(int n) { double *d = malloc(n * sizeof *d); for (int i = 0; i < n; i++) d[i] = i / 2.0; return d; }
static int isnull(void *p) { return p == NULL; }
static void swap(int *a, int *b) { int t = *a; *a = *b; *b = t; }
*/
import "C"
import (
	"fmt"
	"unsafe"
)

func main() {
	var a [6]C.int
	C.fill(&a[0], C.int(len(a)))
	fmt.Println(a)
	xs := []C.long{1, 2, 3, 4, 5}
	fmt.Println(C.total(&xs[0], C.int(len(xs))))
	d := C.make(4)
	fmt.Println(unsafe.Slice(d, 4))
	C.free(unsafe.Pointer(d))
	fmt.Println(C.isnull(nil), C.isnull(unsafe.Pointer(&a)))
	x, y := C.int(1), C.int(2)
	C.swap(&x, &y)
	fmt.Println(x, y)
}
