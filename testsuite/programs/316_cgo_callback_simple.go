// An //export Go function called back from C code in the preamble.
package main

/*
extern int goAdd(int, int);
static int twice_sum(int a, int b) { return goAdd(a, b) * 2; }
*/
import "C"
import "fmt"

//export goAdd
func goAdd(a, b C.int) C.int {
	fmt.Println("goAdd called with", a, b)
	return a + b
}

func main() {
	fmt.Println(C.twice_sum(3, 4))
	fmt.Println(C.twice_sum(-10, 2))
}
