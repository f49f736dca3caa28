// Exported functions called from 8 C threads at once, 100,000 times
// each, with the collector running often (GC percent 5): the Go side
// allocates strings and slices from its arguments and hands C copies.
package main

import "C"

import (
	"runtime/debug"
	"strconv"
	"strings"
	"unsafe"
)

func init() {
	debug.SetGCPercent(5)
}

//export Label
func Label(thread, i C.int) *C.char {
	parts := []string{"t", strconv.Itoa(int(thread)), "i", strconv.Itoa(int(i))}
	return C.CString(strings.Join(parts, "-"))
}

//export Squares
func Squares(n C.int, out *C.longlong) C.longlong {
	s := make([]int64, int(n))
	for i := range s {
		s[i] = int64(i) * int64(i)
	}
	dst := unsafe.Slice((*int64)(unsafe.Pointer(out)), int(n))
	copy(dst, s)
	var t int64
	for _, v := range s {
		t += v
	}
	return C.longlong(t)
}

func main() {}
