// Package fmt implements formatted I/O with functions analogous to C's
// printf and scanf (rgo overlay: the formatting itself is done by the
// runtime's engine, which walks values through their type descriptors
// exactly as the standard package walks them with reflection).
package fmt

import (
	"errors"
	"io"
	"os"
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

// Formatter is implemented by any value that has a Format method.
// (Custom formatters are not called by this implementation yet.)
type Formatter interface {
	Format(f State, verb rune)
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
