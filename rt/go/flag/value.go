package flag

import (
	"encoding"
	"errors"
	"fmt"
	"strconv"
	"time"
	"unsafe"
)

// errParse is returned by Set if a flag's value fails to parse, such as
// with an invalid integer for Int. It then gets wrapped through failf to
// provide more information.
var errParse = errors.New("parse error")

// errRange is returned by Set if a flag's value is out of range. It then
// gets wrapped through failf to provide more information.
var errRange = errors.New("value out of range")

// numError maps strconv's errors to the flag package's.
func numError(err error) error {
	ne, ok := err.(*strconv.NumError)
	if !ok {
		return err
	}
	switch ne.Err {
	case strconv.ErrSyntax:
		return errParse
	case strconv.ErrRange:
		return errRange
	}
	return err
}

// Value is the interface to the dynamic value stored in a flag. (The
// default value is represented as a string.)
type Value interface {
	String() string
	Set(string) error
}

// Getter is an interface that allows the contents of a Value to be
// retrieved. It wraps the Value interface, rather than being part of it,
// because it appeared after Go 1 and its compatibility rules.
type Getter interface {
	Value
	Get() any
}

// boolFlag is a Value that needs no argument on the command line.
type boolFlag interface {
	Value
	IsBoolFlag() bool
}

type boolValue bool

func (b *boolValue) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		err = errParse
	}
	*b = boolValue(v)
	return err
}

func (b *boolValue) Get() any         { return bool(*b) }
func (b *boolValue) String() string   { return strconv.FormatBool(bool(*b)) }
func (b *boolValue) IsBoolFlag() bool { return true }

type intValue int

func (i *intValue) Set(s string) error {
	v, err := strconv.ParseInt(s, 0, strconv.IntSize)
	if err != nil {
		err = numError(err)
	}
	*i = intValue(v)
	return err
}

func (i *intValue) Get() any       { return int(*i) }
func (i *intValue) String() string { return strconv.Itoa(int(*i)) }

type int64Value int64

func (i *int64Value) Set(s string) error {
	v, err := strconv.ParseInt(s, 0, 64)
	if err != nil {
		err = numError(err)
	}
	*i = int64Value(v)
	return err
}

func (i *int64Value) Get() any       { return int64(*i) }
func (i *int64Value) String() string { return strconv.FormatInt(int64(*i), 10) }

type uintValue uint

func (i *uintValue) Set(s string) error {
	v, err := strconv.ParseUint(s, 0, strconv.IntSize)
	if err != nil {
		err = numError(err)
	}
	*i = uintValue(v)
	return err
}

func (i *uintValue) Get() any       { return uint(*i) }
func (i *uintValue) String() string { return strconv.FormatUint(uint64(*i), 10) }

type uint64Value uint64

func (i *uint64Value) Set(s string) error {
	v, err := strconv.ParseUint(s, 0, 64)
	if err != nil {
		err = numError(err)
	}
	*i = uint64Value(v)
	return err
}

func (i *uint64Value) Get() any       { return uint64(*i) }
func (i *uint64Value) String() string { return strconv.FormatUint(uint64(*i), 10) }

type stringValue string

func (s *stringValue) Set(val string) error {
	*s = stringValue(val)
	return nil
}

func (s *stringValue) Get() any       { return string(*s) }
func (s *stringValue) String() string { return string(*s) }

type float64Value float64

func (f *float64Value) Set(s string) error {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		err = numError(err)
	}
	*f = float64Value(v)
	return err
}

func (f *float64Value) Get() any       { return float64(*f) }
func (f *float64Value) String() string { return strconv.FormatFloat(float64(*f), 'g', -1, 64) }

type durationValue time.Duration

func (d *durationValue) Set(s string) error {
	v, err := time.ParseDuration(s)
	if err != nil {
		err = errParse
	}
	*d = durationValue(v)
	return err
}

func (d *durationValue) Get() any       { return time.Duration(*d) }
func (d *durationValue) String() string { return (*time.Duration)(d).String() }

// textValue adapts an encoding.TextUnmarshaler.
type textValue struct{ p encoding.TextUnmarshaler }

func (v textValue) Set(s string) error {
	return v.p.UnmarshalText([]byte(s))
}

func (v textValue) Get() any {
	return v.p
}

func (v textValue) String() string {
	if m, ok := v.p.(encoding.TextMarshaler); ok {
		if b, err := m.MarshalText(); err == nil {
			return string(b)
		}
	}
	return ""
}

type funcValue func(string) error

func (f funcValue) Set(s string) error { return f(s) }
func (f funcValue) String() string     { return "" }

type boolFuncValue func(string) error

func (f boolFuncValue) Set(s string) error { return f(s) }
func (f boolFuncValue) String() string     { return "" }
func (f boolFuncValue) IsBoolFlag() bool   { return true }

// rtype is the prefix of a type descriptor (rt/ABI.md) that making zero
// values of a flag's value type needs.
type rtype struct {
	size       uintptr
	ptrBytes   uintptr
	hash       uint32
	tflag      uint8
	align      uint8
	fieldAlign uint8
	kind       uint8
	equal      unsafe.Pointer
	gcData     unsafe.Pointer
	name       string
	elem       *rtype
}

const (
	kindPointer      = 22
	tflagDirectIface = 32
)

type eface struct {
	typ  *rtype
	data unsafe.Pointer
}

//rgo:extern rgo_alloc
func mallocgc(size uintptr, t *rtype) unsafe.Pointer

//rgo:extern rgo_typedmemmove
func typedmemmove(t *rtype, dst, src unsafe.Pointer)

// zeroLike returns the zero value of v's dynamic type, or for a pointer
// type, a pointer to a new zero value of its element type.
func zeroLike(v any) any {
	e := (*eface)(unsafe.Pointer(&v))
	var z any
	ze := (*eface)(unsafe.Pointer(&z))
	ze.typ = e.typ
	switch {
	case e.typ.kind == kindPointer:
		ze.data = mallocgc(e.typ.elem.size, e.typ.elem)
	case e.typ.tflag&tflagDirectIface != 0:
		ze.data = nil
	default:
		ze.data = mallocgc(e.typ.size, e.typ)
	}
	return z
}

// typeName is the %v spelling of a type (as reflect.Type prints it).
func typeName(t *rtype) string { return t.name }

// valueTypeName is the name of v's dynamic type, or of its element type
// for a pointer.
func valueTypeName(v any) string {
	t := (*eface)(unsafe.Pointer(&v)).typ
	if t.kind == kindPointer {
		t = t.elem
	}
	return t.name
}

// newTextValue stores val's value in *p (they must be of the same type, or
// val a pointer to it) and adapts p.
func newTextValue(val encoding.TextMarshaler, p encoding.TextUnmarshaler) textValue {
	pe := (*eface)(unsafe.Pointer(&p))
	if pe.typ.kind != kindPointer {
		panic("variable value type must be a pointer")
	}
	ve := (*eface)(unsafe.Pointer(&val))
	src, t := ve.data, ve.typ
	if t.kind == kindPointer {
		t = t.elem
	} else if t.tflag&tflagDirectIface != 0 {
		// The value is the data word itself.
		src = unsafe.Pointer(&ve.data)
	}
	if t != pe.typ.elem {
		panic(fmt.Sprintf("default type does not match variable type: %v != %v", typeName(t), typeName(pe.typ.elem)))
	}
	typedmemmove(t, pe.data, src)
	return textValue{p}
}
