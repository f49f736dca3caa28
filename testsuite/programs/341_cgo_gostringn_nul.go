// C.GoStringN keeps bytes past a NUL; C.GoString stops at it.
package main

/*
static const char data[] = "abc\0def\0ghi";
static const char *get(void) { return data; }
*/
import "C"
import "fmt"

func main() {
	p := C.get()
	fmt.Printf("%q\n", C.GoString(p))
	fmt.Printf("%q\n", C.GoStringN(p, 11))
	fmt.Printf("%q\n", C.GoStringN(p, 0))
	fmt.Printf("%q\n", C.GoString(nil))
}
