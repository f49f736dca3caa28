// A C name the preamble does not declare.
package main

// static int known(void) { return 1; }
import "C"
import "fmt"

func main() {
	fmt.Println(C.known(), C.unknown_thing)
}
