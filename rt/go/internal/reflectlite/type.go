// Package reflectlite implements a lightweight version of reflect, not
// using any package except for "runtime", "unsafe", and "internal/abi"
// (rgo overlay: the same API, over rgo's type descriptors as rt/ABI.md
// lays them out).
package reflectlite

import (
	"internal/abi"
	"unsafe"
)

// Type is the representation of a Go type.
type Type interface {
	// Name returns the type's name within its package for a defined type.
	// For other (non-defined) types it returns the empty string.
	Name() string

	// PkgPath returns a defined type's package path.
	PkgPath() string

	// Size returns the number of bytes needed to store a value of the
	// given type.
	Size() uintptr

	// Kind returns the specific kind of this type.
	Kind() Kind

	// Implements reports whether the type implements the interface type u.
	Implements(u Type) bool

	// AssignableTo reports whether a value of the type is assignable to
	// type u.
	AssignableTo(u Type) bool

	// Comparable reports whether values of this type are comparable.
	Comparable() bool

	// String returns a string representation of the type.
	String() string

	// Elem returns a type's element type.
	Elem() Type

	common() *rtype
}

// A Kind represents the specific kind of type that a Type represents.
type Kind = abi.Kind

const Ptr = abi.Pointer

const (
	Interface = abi.Interface
	Slice     = abi.Slice
	String    = abi.String
	Struct    = abi.Struct
)

// rtype is a type descriptor as codegen emits it (rt/ABI.md, "Type
// descriptors").
type rtype struct {
	size       uintptr
	ptrBytes   uintptr
	hash       uint32
	tflag      uint8
	align      uint8
	fieldAlign uint8
	kind       uint8
	equal      unsafe.Pointer
	gcData     *byte
	name       string
	elem       *rtype
	key        *rtype
	len        uintptr
	fields     unsafe.Pointer
	methods    unsafe.Pointer
	numMethods uintptr
	pkgPath    string
	ptrToThis  *rtype
	extra      uintptr
}

const (
	tflagNamed       = 2
	tflagDirectIface = 32
	tflagComparable  = 64
)

// structField is a struct descriptor's field record.
type structField struct {
	name     string
	typ      *rtype
	offset   uintptr
	embedded bool
}

// imethod is an interface descriptor's method record.
type imethod struct {
	name string
	typ  *rtype
}

//rgo:extern rgo_implements
func implements(inter, typ *rtype) bool

//rgo:extern rgo_getitab
func getitab(inter, typ *rtype, canFail bool) unsafe.Pointer

//rgo:extern rgo_typedmemmove
func typedmemmove(t *rtype, dst, src unsafe.Pointer)

//rgo:extern rgo_alloc
func mallocgc(size uintptr, t *rtype) unsafe.Pointer

//rgo:extern rgo_maplen
func maplen(m unsafe.Pointer) int

//rgo:extern rgo_chanlen
func chanlen(c unsafe.Pointer) int

func (t *rtype) common() *rtype { return t }

func (t *rtype) Kind() Kind { return Kind(t.kind) }

func (t *rtype) Size() uintptr { return t.size }

func (t *rtype) String() string { return t.name }

func (t *rtype) PkgPath() string {
	if t.tflag&tflagNamed == 0 {
		return ""
	}
	return t.pkgPath
}

func (t *rtype) Name() string {
	s := t.name
	if t.tflag&tflagNamed == 0 {
		// Predeclared types (int, string, error...) have names too.
		for i := 0; i < len(s); i++ {
			c := s[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
				return ""
			}
		}
		return s
	}
	// Drop the package qualifier, which may be followed by type arguments
	// that themselves contain dots.
	end := len(s)
	for i := 0; i < len(s); i++ {
		if s[i] == '[' {
			end = i
			break
		}
	}
	for i := end - 1; i >= 0; i-- {
		if s[i] == '.' {
			return s[i+1:]
		}
	}
	return s
}

func (t *rtype) Comparable() bool { return t.tflag&tflagComparable != 0 }

func (t *rtype) Elem() Type {
	switch t.Kind() {
	case abi.Array, abi.Chan, abi.Map, abi.Pointer, abi.Slice:
		return toType(t.elem)
	}
	panic("reflect: Elem of invalid type " + t.String())
}

func (t *rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return implements(u.common(), t)
}

func (t *rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	uu := u.common()
	return directlyAssignable(uu, t) || (uu.Kind() == Interface && implements(uu, t))
}

// directlyAssignable reports whether a value of type v can be assigned
// directly to a variable of type t without conversion to an interface.
func directlyAssignable(t, v *rtype) bool {
	if t == v {
		return true
	}
	// Otherwise one of them must be unnamed, with identical underlying
	// types.
	if t.tflag&tflagNamed != 0 && v.tflag&tflagNamed != 0 || t.Kind() != v.Kind() {
		return false
	}
	if t.Kind() == abi.Chan && t.name != v.name {
		// A bidirectional channel is assignable to a directional one of
		// the same element type.
		if v.name != "chan "+v.elem.name || t.elem != v.elem {
			return false
		}
		return true
	}
	return identicalUnderlying(t, v)
}

// identicalUnderlying reports whether t and v, of the same kind, have
// identical underlying types (descriptors of identical types are the same
// descriptor, so components compare by address).
func identicalUnderlying(t, v *rtype) bool {
	switch t.Kind() {
	case abi.Array:
		return t.len == v.len && t.elem == v.elem
	case abi.Chan:
		return t.elem == v.elem && chanDir(t) == chanDir(v)
	case abi.Pointer, abi.Slice:
		return t.elem == v.elem
	case abi.Map:
		return t.key == v.key && t.elem == v.elem
	case abi.Func:
		if t.len != v.len || t.extra != v.extra || isVariadic(t) != isVariadic(v) {
			return false
		}
		tp := unsafe.Slice((**rtype)(t.fields), t.len+t.extra)
		vp := unsafe.Slice((**rtype)(v.fields), v.len+v.extra)
		for i := range tp {
			if tp[i] != vp[i] {
				return false
			}
		}
		return true
	case abi.Interface:
		if t.len != v.len {
			return false
		}
		tm := unsafe.Slice((*imethod)(t.fields), t.len)
		vm := unsafe.Slice((*imethod)(v.fields), v.len)
		for i := range tm {
			if tm[i].name != vm[i].name || tm[i].typ != vm[i].typ {
				return false
			}
		}
		return true
	case abi.Struct:
		if t.len != v.len {
			return false
		}
		tf := unsafe.Slice((*structField)(t.fields), t.len)
		vf := unsafe.Slice((*structField)(v.fields), v.len)
		for i := range tf {
			if tf[i].name != vf[i].name || tf[i].typ != vf[i].typ ||
				tf[i].offset != vf[i].offset || tf[i].embedded != vf[i].embedded {
				return false
			}
		}
		// Unexported field names are only identical within one package.
		return t.pkgPath == v.pkgPath || t.tflag&tflagNamed != 0 || v.tflag&tflagNamed != 0
	}
	// Basic kinds: same kind is enough.
	return true
}

// chanDir is a channel type's direction as its spelling shows it.
func chanDir(t *rtype) int {
	s := t.name
	if len(s) >= 2 && s[:2] == "<-" {
		return 1 // receive-only
	}
	if len(s) >= 6 && s[:6] == "chan<-" {
		return 2 // send-only
	}
	return 3
}

// isVariadic reports whether a func type's spelling ends its parameter
// list with "...".
func isVariadic(t *rtype) bool {
	s := t.name
	depth := 0
	for i := 0; i+3 <= len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return false
			}
		case '.':
			if depth == 1 && s[i:i+3] == "..." {
				return true
			}
		}
	}
	return false
}

// toType converts a descriptor to a Type, keeping a nil descriptor a nil
// interface.
func toType(t *rtype) Type {
	if t == nil {
		return nil
	}
	return t
}

// eface is the layout of an interface{} value.
type eface struct {
	typ  *rtype
	data unsafe.Pointer
}

// TypeOf returns the reflection Type that represents the dynamic type of
// i. If i is a nil interface value, TypeOf returns nil.
func TypeOf(i any) Type {
	return toType((*eface)(unsafe.Pointer(&i)).typ)
}
