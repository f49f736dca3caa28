// C.CBytes copies Go bytes to C memory; C.GoBytes copies back.
package main

/*
#include <stdlib.h>
static void rot13(unsigned char *p, int n) {
	for (int i = 0; i < n; i++) {
		unsigned char c = p[i];
		if (c >= 'a' && c <= 'z') p[i] = 'a' + (c - 'a' + 13) % 26;
		else if (c >= 'A' && c <= 'Z') p[i] = 'A' + (c - 'A' + 13) % 26;
	}
}
*/
import "C"
import (
	"fmt"
	"unsafe"
)

func main() {
	in := []byte("Hello, Gopher! \x00 binary\xff")
	p := C.CBytes(in)
	defer C.free(p)
	C.rot13((*C.uchar)(p), C.int(len(in)))
	out := C.GoBytes(p, C.int(len(in)))
	fmt.Printf("%q\n", out)
	fmt.Printf("%q\n", in)
	fmt.Println(len(C.GoBytes(p, 0)), C.GoBytes(nil, 0) != nil)
	_ = unsafe.Pointer(nil)
}
