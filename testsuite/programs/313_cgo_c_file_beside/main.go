// A package with a C file and a header beside the Go file: the C file is
// compiled with the package, the header found in the package directory.
package main

// #include "stats.h"
import "C"
import "fmt"

func main() {
	xs := []C.double{3, 1, 4, 1, 5, 9, 2, 6}
	s := C.summarize(&xs[0], C.int(len(xs)))
	fmt.Println(s.min, s.max, s.mean, s.count)
	fmt.Println(C.STATS_VERSION, C.GoString(C.stats_name()))
}
