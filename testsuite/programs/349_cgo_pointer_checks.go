// gc's cgocheck: a Go pointer to memory holding Go pointers may not be
// passed to C, and an exported function may not return a Go pointer.
package main

/*
#include <stdio.h>
extern int *goPtr(void);
extern void goArgs(int*);
static void callPtr(void) { goPtr(); }
static void takeP(void *p) {}
typedef struct { int *p; } holder;
static void takeH(holder *h) {}
*/
import "C"
import (
	"fmt"
	"unsafe"
)

//export goPtr
func goPtr() *C.int { return new(C.int) }

func main() {
	defer func() { fmt.Println(recover()) ; rest()}()
	C.callPtr()
}

func rest() {
	defer func() { fmt.Println(recover()) }()
	x := new(int)
	C.takeP(unsafe.Pointer(x))
	fmt.Println("plain pointer ok")
	h := &C.holder{p: (*C.int)(unsafe.Pointer(new(int)))}
	_ = h
	s := []*int{new(int)}
	C.takeP(unsafe.Pointer(&s[0]))
}
