package main

import (
	"fmt"
	"unsafe"
)

type Mixed struct {
	A bool
	B int64
	C uint8
	D int32
	E string
	F []int
	G interface{}
	H [3]uint16
	I *int
	J map[int]int
	K complex128
	L float32
}

type Empty struct{}

type Tail struct {
	N int32
	E Empty
}

func main() {
	var m Mixed
	fmt.Println(unsafe.Sizeof(m), unsafe.Alignof(m))
	fmt.Println(unsafe.Offsetof(m.A), unsafe.Offsetof(m.B), unsafe.Offsetof(m.C), unsafe.Offsetof(m.D))
	fmt.Println(unsafe.Offsetof(m.E), unsafe.Offsetof(m.F), unsafe.Offsetof(m.G), unsafe.Offsetof(m.H))
	fmt.Println(unsafe.Offsetof(m.I), unsafe.Offsetof(m.J), unsafe.Offsetof(m.K), unsafe.Offsetof(m.L))
	fmt.Println(unsafe.Sizeof(Empty{}), unsafe.Sizeof(Tail{}), unsafe.Sizeof([0]int{}))
	fmt.Println(unsafe.Sizeof(int(0)), unsafe.Sizeof(uintptr(0)), unsafe.Sizeof(""), unsafe.Sizeof([]byte{}))
	fmt.Println(unsafe.Alignof(m.C), unsafe.Alignof(m.K), unsafe.Alignof(m.H))
	arr := [4]int32{10, 20, 30, 40}
	p := unsafe.Pointer(&arr[0])
	third := (*int32)(unsafe.Add(p, 2*unsafe.Sizeof(arr[0])))
	fmt.Println(*third)
	s := unsafe.Slice(&arr[1], 2)
	fmt.Println(s, len(s))
	b := []byte("bytes")
	fmt.Println(unsafe.String(&b[0], 3))
}
