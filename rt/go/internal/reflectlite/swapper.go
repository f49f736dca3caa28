package reflectlite

import (
	"internal/abi"
	"unsafe"
)

// Swapper returns a function that swaps the elements in the provided
// slice. Swapper panics if the provided interface is not a slice.
func Swapper(slice any) func(i, j int) {
	v := ValueOf(slice)
	if v.Kind() != Slice {
		panic(&ValueError{Method: "Swapper", Kind: v.Kind()})
	}
	s := (*sliceHeader)(v.ptr)
	switch s.len {
	case 0:
		return func(i, j int) { panic("reflect: slice index out of range") }
	case 1:
		return func(i, j int) {
			if i != 0 || j != 0 {
				panic("reflect: slice index out of range")
			}
		}
	}
	t := v.typ().elem
	size := t.size
	// Element types of common shapes swap through typed slices of the
	// same layout (index errors are then the usual runtime errors, as
	// with gc's fast paths).
	if t.ptrBytes == 0 {
		switch size {
		case 8:
			is := *(*[]int64)(v.ptr)
			return func(i, j int) { is[i], is[j] = is[j], is[i] }
		case 4:
			is := *(*[]int32)(v.ptr)
			return func(i, j int) { is[i], is[j] = is[j], is[i] }
		case 2:
			is := *(*[]int16)(v.ptr)
			return func(i, j int) { is[i], is[j] = is[j], is[i] }
		case 1:
			is := *(*[]int8)(v.ptr)
			return func(i, j int) { is[i], is[j] = is[j], is[i] }
		}
	} else if t.Kind() == abi.String {
		ss := *(*[]string)(v.ptr)
		return func(i, j int) { ss[i], ss[j] = ss[j], ss[i] }
	} else if size == unsafe.Sizeof(uintptr(0)) {
		ps := *(*[]unsafe.Pointer)(v.ptr)
		return func(i, j int) { ps[i], ps[j] = ps[j], ps[i] }
	}
	tmp := mallocgc(size, t)
	return func(i, j int) {
		if uint(i) >= uint(s.len) || uint(j) >= uint(s.len) {
			panic("reflect: slice index out of range")
		}
		a := unsafe.Add(s.data, uintptr(i)*size)
		b := unsafe.Add(s.data, uintptr(j)*size)
		typedmemmove(t, tmp, a)
		typedmemmove(t, a, b)
		typedmemmove(t, b, tmp)
	}
}
