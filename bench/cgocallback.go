// Two million calls from Go into C that call back into an exported Go
// function: the cost of a round trip Go -> C -> Go -> C -> Go.
package main

/*
extern int goInc(int);
static int viaGo(int x) { return goInc(x); }
*/
import "C"
import "fmt"

//export goInc
func goInc(x C.int) C.int { return x + 1 }

func main() {
	x := C.int(0)
	for i := 0; i < 2_000_000; i++ {
		x = C.viaGo(x)
	}
	fmt.Println(x)
}
