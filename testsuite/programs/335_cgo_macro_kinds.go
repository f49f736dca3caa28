// #define constants: integer, negative, hex, char, float, string, and
// expressions over other macros and enum constants.
package main

/*
#define KB 1024
#define MB (KB * KB)
#define NEG -42
#define MASK 0xff00
#define LETTER 'A'
#define PI 3.14159
#define HALF (1.0 / 2)
#define NAME "rgo"
#define BIG 10000000000LL
#define UBIG 18446744073709551615ULL
enum { RED = 1, GREEN = 2 };
#define BOTH (RED | GREEN)
*/
import "C"
import "fmt"

func main() {
	fmt.Println(C.KB, C.MB, C.NEG, C.MASK, C.LETTER)
	fmt.Println(C.PI, C.HALF, C.NAME, len(C.NAME))
	fmt.Println(C.BIG, uint64(C.UBIG), C.BOTH)
	var x int8 = C.LETTER
	fmt.Println(x)
}
