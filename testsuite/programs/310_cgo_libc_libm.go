// The C library and libm (#cgo LDFLAGS: -lm): math, qsort-free sorting
// checks, abs, snprintf into a Go-allocated buffer.
package main

/*
#cgo LDFLAGS: -lm
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
static int fmt_double(char *buf, int n, double d) { return snprintf(buf, n, "%.3f", d); }
*/
import "C"
import (
	"fmt"
	"unsafe"
)

func main() {
	fmt.Println(C.sqrt(2), C.pow(2, 10), C.floor(-2.5), C.fabs(-3))
	fmt.Println(C.abs(-5), C.labs(-7), C.atoi(C.CString("123")))
	buf := make([]byte, 32)
	n := C.fmt_double((*C.char)(unsafe.Pointer(&buf[0])), C.int(len(buf)), C.M_PI)
	fmt.Println(string(buf[:n]), n)
}
