// char is signed on amd64; signed char and unsigned char are distinct.
package main

/*
static char c_char(void) { return (char)200; }
static signed char c_schar(void) { return -100; }
static unsigned char c_uchar(void) { return 250; }
static int widen(char c) { return c; }
static int uwiden(unsigned char c) { return c; }
*/
import "C"
import "fmt"

func main() {
	fmt.Println(C.c_char(), C.c_schar(), C.c_uchar())
	fmt.Println(C.widen(-1), C.uwiden(255))
	fmt.Printf("%T %T %T\n", C.c_char(), C.c_schar(), C.c_uchar())
}
