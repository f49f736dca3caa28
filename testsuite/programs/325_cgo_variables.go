// C variables as C.name: read, written, addressed; arrays and structs.
package main

/*
#include <stdio.h>
int counter = 5;
double ratio = 1.5;
int table[4] = {1, 2, 3, 4};
struct pt { int x, y; };
struct pt origin = {3, 4};
const char *greeting = "hi there";
static void bump(void) { counter++; ratio *= 2; table[2] = 30; origin.y = -1; }
static int read_counter(void) { return counter; }
*/
import "C"
import "fmt"

func main() {
	fmt.Println(C.counter, C.ratio, C.table, C.origin.x, C.origin.y)
	C.bump()
	fmt.Println(C.counter, C.ratio, C.table, C.origin)
	C.counter = 42
	p := &C.counter
	*p++
	fmt.Println(C.counter, C.read_counter(), C.GoString(C.greeting))
	C.table[0] = 100
	fmt.Printf("%T %T %v\n", C.counter, C.table, C.table)
	fmt.Println(C.stdout != nil)
}
