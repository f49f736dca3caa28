// runtime/cgo.Handle passes Go values through C as integers.
package main

/*
#include <stdint.h>
extern void goVisit(uintptr_t h, int n);
static void visit_n(uintptr_t h, int n) {
	for (int i = 0; i < n; i++) goVisit(h, i);
}
*/
import "C"
import (
	"fmt"
	"runtime/cgo"
)

type counter struct {
	name string
	seen []int
}

//export goVisit
func goVisit(h C.uintptr_t, n C.int) {
	c := cgo.Handle(h).Value().(*counter)
	c.seen = append(c.seen, int(n))
}

func main() {
	c := &counter{name: "visits"}
	h := cgo.NewHandle(c)
	C.visit_n(C.uintptr_t(h), 5)
	fmt.Println(c.name, c.seen)
	h2 := cgo.NewHandle("other")
	fmt.Println(h2 != h, h2.Value())
	h.Delete()
	h2.Delete()
	defer func() { fmt.Println("recovered:", recover()) }()
	h.Value()
}
