// Many C.CString/C.free round trips while the collector runs.
package main

/*
#include <stdlib.h>
#include <string.h>
static size_t c_len(const char *s) { return strlen(s); }
*/
import "C"
import (
	"fmt"
	"runtime"
	"strings"
	"unsafe"
)

func main() {
	total := 0
	for i := 0; i < 20000; i++ {
		s := strings.Repeat("x", i%100)
		cs := C.CString(s)
		total += int(C.c_len(cs))
		C.free(unsafe.Pointer(cs))
		if i%5000 == 0 {
			runtime.GC()
		}
	}
	fmt.Println(total)
}
