// C's _Bool / bool.
package main

/*
#include <stdbool.h>
static bool is_even(int x) { return x % 2 == 0; }
static int count_true(bool a, bool b, bool c) { return a + b + c; }
*/
import "C"
import "fmt"

func main() {
	fmt.Println(C.is_even(4), C.is_even(7))
	fmt.Println(C.count_true(true, false, true))
	var b C.bool = true
	fmt.Printf("%T %v\n", b, b)
}
