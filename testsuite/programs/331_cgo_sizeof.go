// C.sizeof_T for arithmetic types, structs, unions and typedefs.
package main

/*
#include <stdint.h>
struct rec { char c; double d; int i; };
union u { int i; double d; char s[12]; };
typedef struct rec rec_t;
*/
import "C"
import (
	"fmt"
	"unsafe"
)

func main() {
	fmt.Println(C.sizeof_char, C.sizeof_short, C.sizeof_int, C.sizeof_long, C.sizeof_longlong)
	fmt.Println(C.sizeof_float, C.sizeof_double)
	fmt.Println(C.sizeof_struct_rec, C.sizeof_union_u, C.sizeof_rec_t, C.sizeof_int64_t)
	var r C.struct_rec
	fmt.Println(unsafe.Sizeof(r), unsafe.Offsetof(r.d), unsafe.Offsetof(r.i))
}
