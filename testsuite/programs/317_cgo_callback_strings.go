// Strings cross into an exported Go function as _GoString_/GoString.
package main

/*
#include <stdlib.h>
#include <string.h>
extern void goGreet(_GoString_ name, int times);
static void greet_from_c(const char *who) {
	_GoString_ s = { who, (ptrdiff_t)strlen(who) };
	goGreet(s, 2);
}
static size_t c_strlen_of(_GoString_ s) { return _GoStringLen(s); }
*/
import "C"
import (
	"fmt"
	"strings"
	"unsafe"
)

//export goGreet
func goGreet(name string, times C.int) {
	fmt.Println(strings.Repeat("hello "+name+"! ", int(times)))
}

func main() {
	cs := C.CString("gopher")
	C.greet_from_c(cs)
	C.free(unsafe.Pointer(cs))
	fmt.Println(C.c_strlen_of("a Go string"))
}

