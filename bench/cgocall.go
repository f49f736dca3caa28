// Ten million calls to a trivial C function: the cost of crossing from Go
// into C and back.
package main

// static int inc(int x) { return x + 1; }
import "C"
import "fmt"

func main() {
	x := C.int(0)
	for i := 0; i < 10_000_000; i++ {
		x = C.inc(x)
	}
	fmt.Println(x)
}
