package reflectlite

import (
	"internal/abi"
	"unsafe"
)

// Value is the reflection interface to a Go value.
type Value struct {
	typ_ *rtype

	// ptr is the value itself when flagIndir is clear (pointer-shaped
	// types), else a pointer to the value.
	ptr unsafe.Pointer

	flag
}

type flag uintptr

const (
	flagKindWidth      = 5
	flagKindMask  flag = 1<<flagKindWidth - 1
	flagIndir     flag = 1 << 7
	flagAddr      flag = 1 << 8
)

func (f flag) kind() Kind { return Kind(f & flagKindMask) }

func (v Value) typ() *rtype { return v.typ_ }

// pointer returns the underlying pointer represented by v, for kinds that
// are one pointer word.
func (v Value) pointer() unsafe.Pointer {
	if v.flag&flagIndir != 0 {
		return *(*unsafe.Pointer)(v.ptr)
	}
	return v.ptr
}

// packEface converts v to the empty interface.
func packEface(v Value) any {
	t := v.typ()
	var i any
	e := (*eface)(unsafe.Pointer(&i))
	switch {
	case t.tflag&tflagDirectIface != 0:
		e.data = v.pointer()
	case v.flag&flagAddr != 0:
		// The interface gets its own copy: v's variable may change.
		c := mallocgc(t.size, t)
		typedmemmove(t, c, v.ptr)
		e.data = c
	default:
		e.data = v.ptr
	}
	e.typ = t
	return i
}

// unpackEface converts the empty interface i to a Value.
func unpackEface(i any) Value {
	e := (*eface)(unsafe.Pointer(&i))
	t := e.typ
	if t == nil {
		return Value{}
	}
	f := flag(t.Kind())
	if t.tflag&tflagDirectIface == 0 {
		f |= flagIndir
	}
	return Value{t, e.data, f}
}

// A ValueError occurs when a Value method is invoked on a Value that does
// not support it.
type ValueError struct {
	Method string
	Kind   Kind
}

func (e *ValueError) Error() string {
	if e.Kind == 0 {
		return "reflect: call of " + e.Method + " on zero Value"
	}
	return "reflect: call of " + e.Method + " on " + e.Kind.String() + " Value"
}

func (f flag) mustBeAssignable() {
	if f == 0 {
		panic(&ValueError{"reflectlite.Value.Set", abi.Invalid})
	}
	if f&flagAddr == 0 {
		panic("reflect: reflectlite.Value.Set using unaddressable value")
	}
}

// CanSet reports whether the value of v can be changed.
func (v Value) CanSet() bool {
	return v.flag&flagAddr != 0
}

// Elem returns the value that the interface v contains or that the pointer
// v points to. It panics if v's Kind is not Interface or Pointer. It
// returns the zero Value if v is nil.
func (v Value) Elem() Value {
	switch v.kind() {
	case abi.Interface:
		var x any
		if v.typ().len == 0 {
			x = *(*any)(v.ptr)
		} else {
			// A non-empty interface: itab, data. The itab's second word
			// is the dynamic type.
			w := (*[2]unsafe.Pointer)(v.ptr)
			if w[0] != nil {
				e := (*eface)(unsafe.Pointer(&x))
				e.typ = *(**rtype)(unsafe.Add(w[0], unsafe.Sizeof(uintptr(0))))
				e.data = w[1]
			}
		}
		return unpackEface(x)
	case abi.Pointer:
		p := v.pointer()
		if p == nil {
			return Value{}
		}
		t := v.typ().elem
		return Value{t, p, flag(t.Kind()) | flagIndir | flagAddr}
	}
	panic(&ValueError{"reflectlite.Value.Elem", v.kind()})
}

// IsNil reports whether its argument v is nil. The argument must be a
// chan, func, interface, map, pointer, or slice value.
func (v Value) IsNil() bool {
	switch v.kind() {
	case abi.Chan, abi.Func, abi.Map, abi.Pointer, abi.UnsafePointer:
		return v.pointer() == nil
	case abi.Interface, abi.Slice:
		// Both are at least one word, held indirectly; the first word is
		// nil exactly when the value is.
		return *(*unsafe.Pointer)(v.ptr) == nil
	}
	panic(&ValueError{"reflectlite.Value.IsNil", v.kind()})
}

// IsValid reports whether v represents a value.
func (v Value) IsValid() bool {
	return v.flag != 0
}

// Kind returns v's Kind. If v is the zero Value, Kind returns Invalid.
func (v Value) Kind() Kind {
	return v.kind()
}

// Len returns v's length. It panics if v's Kind is not Array, Chan, Map,
// Slice, or String.
func (v Value) Len() int {
	switch v.kind() {
	case abi.Array:
		return int(v.typ().len)
	case abi.Chan:
		return chanlen(v.pointer())
	case abi.Map:
		return maplen(v.pointer())
	case abi.Slice:
		return (*sliceHeader)(v.ptr).len
	case abi.String:
		return (*stringHeader)(v.ptr).len
	}
	panic(&ValueError{"reflectlite.Value.Len", v.kind()})
}

type sliceHeader struct {
	data unsafe.Pointer
	len  int
	cap  int
}

type stringHeader struct {
	data unsafe.Pointer
	len  int
}

// Set assigns x to the value v. It panics if CanSet returns false. As in
// Go, x's value must be assignable to v's type.
func (v Value) Set(x Value) {
	v.mustBeAssignable()
	if x.flag == 0 {
		panic(&ValueError{"reflectlite.Value.Set", abi.Invalid})
	}
	dst, src := v.typ(), x.typ()
	switch {
	case directlyAssignable(dst, src):
		if x.flag&flagIndir != 0 {
			typedmemmove(dst, v.ptr, x.ptr)
		} else {
			*(*unsafe.Pointer)(v.ptr) = x.ptr
		}
	case dst.Kind() == Interface && implements(dst, src):
		i := packEface(x)
		if dst.len == 0 {
			*(*any)(v.ptr) = i
			return
		}
		e := (*eface)(unsafe.Pointer(&i))
		w := (*[2]unsafe.Pointer)(v.ptr)
		w[0] = getitab(dst, src, false)
		w[1] = e.data
	default:
		panic("reflectlite.Set: value of type " + src.String() + " is not assignable to type " + dst.String())
	}
}

// Type returns v's type.
func (v Value) Type() Type {
	if v.flag == 0 {
		panic(&ValueError{"reflectlite.Value.Type", abi.Invalid})
	}
	return v.typ()
}

// ValueOf returns a new Value initialized to the concrete value stored in
// the interface i. ValueOf(nil) returns the zero Value.
func ValueOf(i any) Value {
	if i == nil {
		return Value{}
	}
	return unpackEface(i)
}
