// r, err := C.f(): errno as a syscall.Errno, nil when C leaves it 0.
package main

/*
#include <errno.h>
#include <math.h>
#include <stdlib.h>
static int fails(int code) { errno = code; return -1; }
static int works(void) { return 7; }
static void vfail(void) { errno = ENOENT; }
*/
import "C"
import (
	"errors"
	"fmt"
	"syscall"
)

func main() {
	r, err := C.fails(C.EINVAL)
	fmt.Println(r, err, errors.Is(err, syscall.EINVAL))
	r, err = C.works()
	fmt.Println(r, err)
	_, err = C.vfail()
	fmt.Println(err, err == syscall.ENOENT)
	var e syscall.Errno
	fmt.Println(errors.As(err, &e), int(e))
	n, err := C.strtol(C.CString("99999999999999999999"), nil, 10)
	fmt.Println(n, err)
}
