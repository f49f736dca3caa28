// C.malloc memory: never nil (even for 0 bytes), written from Go, freed by
// C.free, untouched by the collector while Go allocates heavily.
package main

// #include <stdlib.h>
// #include <string.h>
import "C"
import (
	"fmt"
	"runtime"
	"unsafe"
)

func main() {
	p := C.malloc(C.size_t(64))
	fmt.Println(p != nil, C.malloc(0) != nil)
	b := unsafe.Slice((*byte)(p), 64)
	for i := range b {
		b[i] = byte(i)
	}
	var keep [][]byte
	for i := 0; i < 2000; i++ {
		keep = append(keep, make([]byte, 1000))
		if len(keep) > 100 {
			keep = keep[1:]
		}
	}
	runtime.GC()
	sum := 0
	for _, v := range b {
		sum += int(v)
	}
	fmt.Println(sum, len(keep))
	C.memset(p, 7, 64)
	fmt.Println(b[0], b[63])
	C.free(p)
	fmt.Printf("%T\n", p)
}
