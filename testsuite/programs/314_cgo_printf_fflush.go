// C writes to stdout through stdio; with fflush the lines interleave with
// Go's in program order whatever stdout is.
package main

/*
#include <stdio.h>
#include <stdlib.h>
static void say(const char *s, int n) { printf("C says %s %d\n", s, n); fflush(stdout); }
static void warn(void) { fprintf(stderr, "C to stderr\n"); }
*/
import "C"
import (
	"fmt"
	"unsafe"
)

func main() {
	fmt.Println("Go first")
	for i := 0; i < 3; i++ {
		s := C.CString(fmt.Sprint("line", i))
		C.say(s, C.int(i))
		C.free(unsafe.Pointer(s))
		fmt.Println("Go after", i)
	}
	C.warn()
}
