// C that does not compile, in the preamble.
package main

// static int broken(void) { return undeclared_identifier; }
import "C"
import "fmt"

func main() {
	fmt.Println(C.broken())
}
