// Enums: constants, the enum types, anonymous enums, negative values.
package main

/*
enum color { RED, GREEN = 5, BLUE };
enum { ANON_A = 100, ANON_B };
typedef enum { LOW = -1, HIGH = 1 } level;
static const char *name(enum color c) {
	switch (c) { case RED: return "red"; case GREEN: return "green"; case BLUE: return "blue"; }
	return "?";
}
static level flip(level l) { return l == LOW ? HIGH : LOW; }
*/
import "C"
import "fmt"

func main() {
	fmt.Println(C.RED, C.GREEN, C.BLUE, C.ANON_A, C.ANON_B, C.LOW, C.HIGH)
	var c C.enum_color = C.BLUE
	fmt.Println(C.GoString(C.name(c)), C.GoString(C.name(C.GREEN)))
	fmt.Println(C.flip(C.LOW), C.flip(C.HIGH))
	fmt.Printf("%T %T\n", c, C.flip(C.LOW))
	fmt.Println(C.sizeof_enum_color, C.sizeof_level)
}
