// C's arithmetic types as Go sees them: sizes, names and conversions.
package main

/*
#include <stdint.h>
#include <stddef.h>
*/
import "C"
import (
	"fmt"
	"unsafe"
)

func main() {
	var (
		c   C.char
		sc  C.schar
		uc  C.uchar
		s   C.short
		us  C.ushort
		i   C.int
		ui  C.uint
		l   C.long
		ul  C.ulong
		ll  C.longlong
		ull C.ulonglong
		f   C.float
		d   C.double
		sz  C.size_t
		i32 C.int32_t
		u16 C.uint16_t
		cf  C.complexfloat
		cd  C.complexdouble
	)
	fmt.Println(unsafe.Sizeof(c), unsafe.Sizeof(sc), unsafe.Sizeof(uc), unsafe.Sizeof(s), unsafe.Sizeof(us))
	fmt.Println(unsafe.Sizeof(i), unsafe.Sizeof(ui), unsafe.Sizeof(l), unsafe.Sizeof(ul), unsafe.Sizeof(ll), unsafe.Sizeof(ull))
	fmt.Println(unsafe.Sizeof(f), unsafe.Sizeof(d), unsafe.Sizeof(sz), unsafe.Sizeof(i32), unsafe.Sizeof(u16))
	fmt.Println(unsafe.Sizeof(cf), unsafe.Sizeof(cd))
	fmt.Printf("%T %T %T %T %T %T\n", c, sc, uc, s, us, i)
	fmt.Printf("%T %T %T %T %T\n", ui, l, ul, ll, ull)
	fmt.Printf("%T %T %T %T %T\n", f, d, sz, i32, u16)
	fmt.Printf("%T %T\n", cf, cd)
	uc = 255
	uc++
	i = C.int(int64(1)<<31 - 1)
	i++
	fmt.Println(uc, i, C.sizeof_int, C.sizeof_long, C.sizeof_double)
}
