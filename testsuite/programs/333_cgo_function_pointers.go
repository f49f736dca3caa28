// C function pointers travel through Go as *[0]byte and are called by C.
package main

/*
typedef int (*binop)(int, int);
static int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }
static binop pick(int which) { return which ? mul : add; }
static int apply(binop f, int a, int b) { return f(a, b); }
*/
import "C"
import "fmt"

func main() {
	add := C.pick(0)
	mul := C.pick(1)
	fmt.Println(C.apply(add, 6, 7), C.apply(mul, 6, 7))
	fmt.Println(add != mul, add != nil)
	fmt.Printf("%T\n", add)
	var f C.binop = add
	fmt.Println(C.apply(f, 1, 2))
}
