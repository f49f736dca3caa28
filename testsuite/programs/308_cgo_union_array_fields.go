// Unions as byte arrays, arrays inside structs, nested structs, padding.
package main

/*
#include <string.h>
union num { int i; double d; char bytes[8]; };
struct rec { char tag; int vals[3]; struct { short a; short b; } pair; double w; };
static void setrec(struct rec *r) { r->tag = 'r'; r->vals[0] = 1; r->vals[1] = 2; r->vals[2] = 3; r->pair.a = 7; r->pair.b = 8; r->w = 0.5; }
static int first(union num *u) { return u->i; }
*/
import "C"
import (
	"fmt"
	"unsafe"
)

func main() {
	var u C.union_num
	fmt.Printf("%T %d\n", u, len(u))
	*(*int32)(unsafe.Pointer(&u[0])) = 12345
	fmt.Println(C.first(&u))
	var r C.struct_rec
	C.setrec(&r)
	fmt.Println(string(rune(r.tag)), r.vals, r.pair.a, r.pair.b, r.w)
	fmt.Println(unsafe.Sizeof(r), unsafe.Offsetof(r.vals), unsafe.Offsetof(r.pair), unsafe.Offsetof(r.w), C.sizeof_struct_rec)
}
