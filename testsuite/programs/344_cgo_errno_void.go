// The two-result form of a void C function gives errno as an error.
package main

/*
#include <errno.h>
static void set_err(int e) { errno = e; }
static int ok(void) { errno = 0; return 1; }
*/
import "C"
import (
	"errors"
	"fmt"
	"syscall"
)

func main() {
	_, err := C.set_err(C.int(syscall.ENOENT))
	fmt.Println(err, errors.Is(err, syscall.ENOENT))
	_, err = C.set_err(0)
	fmt.Println(err)
	r, err := C.ok()
	fmt.Println(r, err)
	_, err = C.set_err(C.EACCES)
	fmt.Printf("%T %v\n", err, err)
}
