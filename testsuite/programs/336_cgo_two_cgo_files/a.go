// Two cgo files in one package, each with its own preamble.
package main

/*
static int from_a(void) { return 1; }
*/
import "C"
import "fmt"

func main() {
	fmt.Println(C.from_a(), fromB(), C.from_a()+1)
}
