// static inline functions and functions taking no arguments (void).
package main

/*
static inline int sq(int x) { return x * x; }
static inline unsigned long long fact(unsigned n) { return n < 2 ? 1 : n * fact(n - 1); }
static int zero(void) { return 0; }
*/
import "C"
import "fmt"

func main() {
	fmt.Println(C.sq(12), C.fact(20), C.zero())
}
