// #define constants of each kind, as untyped Go constants.
package main

/*
#define ANSWER 42
#define BIG 0x7fffffffffffffffLL
#define NEG (-17)
#define RATIO 2.5
#define TINY 1e-3f
#define NAME "gopher"
#define EXPR (ANSWER * 2 + 1)
#define SHIFT (1 << 10)
#define CH 'x'
*/
import "C"
import "fmt"

func main() {
	fmt.Println(C.ANSWER, C.BIG, C.NEG, C.RATIO, C.TINY, C.NAME)
	fmt.Println(C.EXPR, C.SHIFT, C.CH)
	var f float32 = C.RATIO
	var b byte = C.ANSWER
	fmt.Println(f, b, C.NAME+"!", len(C.NAME))
	fmt.Printf("%T %T %T\n", C.ANSWER, C.RATIO, C.NAME)
}
