// Strings and bytes across the boundary: CString, GoString, GoStringN,
// GoBytes, CBytes, and C's string functions on Go-made C strings.
package main

/*
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
static void upcase(char *s) { for (; *s; s++) *s = toupper((unsigned char)*s); }
static const char *greeting(void) { return "hello from C"; }
static char *joined(const char *a, const char *b) {
	char *r = malloc(strlen(a) + strlen(b) + 2);
	strcpy(r, a); strcat(r, "+"); strcat(r, b);
	return r;
}
*/
import "C"
import (
	"fmt"
	"unsafe"
)

func main() {
	cs := C.CString("gopher")
	defer C.free(unsafe.Pointer(cs))
	C.upcase(cs)
	fmt.Println(C.GoString(cs), C.strlen(cs))
	fmt.Println(C.GoString(C.greeting()))
	fmt.Println(C.GoStringN(C.greeting(), 5))
	fmt.Printf("%q\n", C.GoBytes(unsafe.Pointer(C.greeting()), 4))
	fmt.Println(C.GoString(nil) == "")
	a, b := C.CString("left"), C.CString("right")
	j := C.joined(a, b)
	fmt.Println(C.GoString(j))
	C.free(unsafe.Pointer(a))
	C.free(unsafe.Pointer(b))
	C.free(unsafe.Pointer(j))
	p := C.CBytes([]byte{1, 2, 3, 250})
	fmt.Println(C.GoBytes(p, 4))
	C.free(p)
	empty := C.CString("")
	fmt.Println(C.strlen(empty), len(C.GoString(empty)))
	C.free(unsafe.Pointer(empty))
}
