// Package fmt implements formatted I/O with functions analogous to C's
// printf and scanf (rgo overlay: the formatting itself is done by the
// runtime's engine, which walks values through their type descriptors
// exactly as the standard package walks them with reflection).
package fmt

import (
	"errors"
	"io"
	"os"
	"strconv"
	"unicode/utf8"
	"unsafe"
)

//rgo:extern rgo_fmt_sprint
func sprint(a []any) string

//rgo:extern rgo_fmt_sprintln
func sprintln(a []any) string

//rgo:extern rgo_fmt_sprintf
func sprintf(format string, a []any) string

//rgo:extern rgo_fmt_errorf
func errorf(format string, a []any, wrapped *[]int) string

// Stringer is implemented by any value that has a String method, which
// defines the “native” format for that value.
type Stringer interface {
	String() string
}

// GoStringer is implemented by any value that has a GoString method, which
// defines the Go syntax for that value (%#v).
type GoStringer interface {
	GoString() string
}

// State represents the printer state passed to custom formatters.
type State interface {
	Write(b []byte) (n int, err error)
	Width() (wid int, ok bool)
	Precision() (prec int, ok bool)
	Flag(c int) bool
}

// Formatter is implemented by any value that has a Format method. The
// implementation controls how State and rune are interpreted, and may call
// Sprint or Fprint(f) etc. to generate its output.
type Formatter interface {
	Format(f State, verb rune)
}

// state is the State given to Format methods: the runtime's printer.
type state struct {
	p unsafe.Pointer
}

//rgo:extern rgo_fmt_register_state
func registerState(s State)

//rgo:extern rgo_fmt_state_write
func stateWrite(p unsafe.Pointer, b []byte)

//rgo:extern rgo_fmt_state_width
func stateWidth(p unsafe.Pointer) int

//rgo:extern rgo_fmt_state_precision
func statePrecision(p unsafe.Pointer) int

//rgo:extern rgo_fmt_state_flag
func stateFlag(p unsafe.Pointer, c int) bool

func init() {
	registerState(&state{})
	registerCaller(callMethod)
}

// A methodCall is a call of a String, Error, GoString or Format method
// that the runtime's engine makes through callMethod (the runtime has the
// same layout).
type methodCall struct {
	fn       unsafe.Pointer // a closure object with the method's code
	recv     unsafe.Pointer // the receiver's interface data word
	st       State          // for Format
	result   string
	value    any // what the method panicked with
	verb     rune
	format   bool
	panicked bool
}

//rgo:extern rgo_fmt_register_caller
func registerCaller(f func(*methodCall))

// callMethod makes the call c describes, catching a panic in it (the
// engine then prints it as the standard package's catchPanic does).
func callMethod(c *methodCall) {
	defer func() {
		if r := recover(); c.panicked {
			c.value = r
		}
	}()
	c.panicked = true
	if c.format {
		f := *(*func(unsafe.Pointer, State, rune))(unsafe.Pointer(&c.fn))
		f(c.recv, c.st, c.verb)
	} else {
		f := *(*func(unsafe.Pointer) string)(unsafe.Pointer(&c.fn))
		c.result = f(c.recv)
	}
	c.panicked = false
}

func (s *state) Write(b []byte) (n int, err error) {
	stateWrite(s.p, b)
	return len(b), nil
}

func (s *state) WriteString(str string) (n int, err error) {
	stateWrite(s.p, unsafe.Slice(unsafe.StringData(str), len(str)))
	return len(str), nil
}

func (s *state) Width() (wid int, ok bool) {
	w := stateWidth(s.p)
	if w < 0 {
		return 0, false
	}
	return w, true
}

func (s *state) Precision() (prec int, ok bool) {
	p := statePrecision(s.p)
	if p < 0 {
		return 0, false
	}
	return p, true
}

func (s *state) Flag(c int) bool {
	return stateFlag(s.p, c)
}

// FormatString returns a string representing the fully qualified
// formatting directive captured by the State, followed by the argument
// verb.
func FormatString(state State, verb rune) string {
	var tmp [16]byte
	b := append(tmp[:0], '%')
	for _, c := range " +-#0" {
		if state.Flag(int(c)) {
			b = append(b, byte(c))
		}
	}
	if w, ok := state.Width(); ok {
		b = strconv.AppendInt(b, int64(w), 10)
	}
	if p, ok := state.Precision(); ok {
		b = append(b, '.')
		b = strconv.AppendInt(b, int64(p), 10)
	}
	b = utf8.AppendRune(b, verb)
	return string(b)
}

// Sprint formats using the default formats for its operands and returns
// the resulting string. Spaces are added between operands when neither is
// a string.
func Sprint(a ...any) string {
	return sprint(a)
}

// Sprintln formats using the default formats for its operands and returns
// the resulting string. Spaces are always added between operands and a
// newline is appended.
func Sprintln(a ...any) string {
	return sprintln(a)
}

// Sprintf formats according to a format specifier and returns the
// resulting string.
func Sprintf(format string, a ...any) string {
	return sprintf(format, a)
}

// Print formats using the default formats for its operands and writes to
// standard output.
func Print(a ...any) (n int, err error) {
	return os.Stdout.WriteString(sprint(a))
}

// Println formats using the default formats for its operands and writes
// to standard output, with spaces between operands and a final newline.
func Println(a ...any) (n int, err error) {
	return os.Stdout.WriteString(sprintln(a))
}

// Printf formats according to a format specifier and writes to standard
// output.
func Printf(format string, a ...any) (n int, err error) {
	return os.Stdout.WriteString(sprintf(format, a))
}

// Fprint formats using the default formats for its operands and writes
// to w.
func Fprint(w io.Writer, a ...any) (n int, err error) {
	return w.Write([]byte(sprint(a)))
}

// Fprintln formats using the default formats for its operands and writes
// to w, with spaces between operands and a final newline.
func Fprintln(w io.Writer, a ...any) (n int, err error) {
	return w.Write([]byte(sprintln(a)))
}

// Fprintf formats according to a format specifier and writes to w.
func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	return w.Write([]byte(sprintf(format, a)))
}

// Append formats using the default formats for its operands, appends the
// result to the byte slice, and returns the updated slice.
func Append(b []byte, a ...any) []byte {
	return append(b, sprint(a)...)
}

// Appendln is Append with spaces between operands and a final newline.
func Appendln(b []byte, a ...any) []byte {
	return append(b, sprintln(a)...)
}

// Appendf formats according to a format specifier, appends the result to
// the byte slice, and returns the updated slice.
func Appendf(b []byte, format string, a ...any) []byte {
	return append(b, sprintf(format, a)...)
}

// Errorf formats according to a format specifier and returns the string as
// a value that satisfies error. An operand of the %w verb, which must be
// an error, is wrapped: the result has an Unwrap method returning it (or,
// with several %w, an Unwrap method returning them all).
func Errorf(format string, a ...any) error {
	var wrapped []int
	s := errorf(format, a, &wrapped)
	switch len(wrapped) {
	case 0:
		return errors.New(s)
	case 1:
		w := &wrapError{msg: s}
		w.err, _ = a[wrapped[0]].(error)
		return w
	}
	var errs []error
	for i, argNum := range wrapped {
		if i > 0 && wrapped[i-1] == argNum {
			continue
		}
		if e, ok := a[argNum].(error); ok {
			errs = append(errs, e)
		}
	}
	return &wrapErrors{s, errs}
}

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string {
	return e.msg
}

func (e *wrapError) Unwrap() error {
	return e.err
}

type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string {
	return e.msg
}

func (e *wrapErrors) Unwrap() []error {
	return e.errs
}
