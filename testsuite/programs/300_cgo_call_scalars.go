// Calls into C with each family of scalar arguments and results.
package main

/*
#include <stdint.h>
static int add(int a, int b) { return a + b; }
static long long mul64(long long a, long long b) { return a * b; }
static unsigned char wrap(unsigned char x) { return x + 200; }
static signed char neg(signed char x) { return -x; }
static short sh(short x) { return x * 2; }
static unsigned int umax(void) { return 0xffffffffu; }
static double hyp(double a, float b) { return a * a + b * b; }
static float half(float x) { return x / 2; }
static _Bool odd(int x) { return x & 1; }
static uint64_t big(uint32_t x) { return (uint64_t)x << 32; }
static int8_t i8(int16_t x) { return (int8_t)x; }
static size_t len3(void) { return 3; }
static void nothing(void) {}
*/
import "C"
import "fmt"

func main() {
	fmt.Println(C.add(2, 40), C.add(-7, 3))
	fmt.Println(C.mul64(1<<31, 6))
	fmt.Println(C.wrap(100), C.neg(-128), C.sh(-300), C.umax())
	fmt.Println(C.hyp(3, 4), C.half(5))
	fmt.Println(C.odd(3), C.odd(4))
	fmt.Println(C.big(7), C.i8(300), C.len3())
	C.nothing()
	var x C.int = 5
	y := C.add(x, C.int(len("abc")))
	fmt.Printf("%T %v\n", y, y)
	fmt.Printf("%T %T %T %T\n", C.hyp(1, 1), C.odd(1), C.big(1), C.len3())
}
