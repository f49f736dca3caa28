// Package os provides a platform-independent interface to operating system
// functionality (rgo overlay: arguments, environment, exit, and the
// standard files for writing).
package os

import (
	"errors"
	"io"
)

// Args hold the command-line arguments, starting with the program name.
var Args []string

func init() {
	Args = runtimeArgs()
}

//rgo:extern rgo_args
func runtimeArgs() []string

//rgo:extern rgo_environ
func runtimeEnviron() []string

//rgo:extern rgo_getenv
func lookupEnv(key string) (string, bool)

//rgo:extern rgo_write
func write(fd int, p *byte, n int) int

//rgo:extern rgo_write
func writeString(fd int, s string) int

//rgo:extern rgo_read
func read(fd int, p *byte, n int) int

// Exit causes the current program to exit with the given status code.
// The program terminates immediately; deferred functions are not run.
//
//rgo:extern rgo_exit
func Exit(code int)

// Getenv retrieves the value of the environment variable named by the key.
// It returns the value, which will be empty if the variable is not present.
func Getenv(key string) string {
	v, _ := lookupEnv(key)
	return v
}

// LookupEnv retrieves the value of the environment variable named by the
// key and reports whether it is present.
func LookupEnv(key string) (string, bool) {
	return lookupEnv(key)
}

// Environ returns a copy of strings representing the environment, in the
// form "key=value".
func Environ() []string {
	return runtimeEnviron()
}

var (
	ErrInvalid    = errors.New("invalid argument")
	ErrPermission = errors.New("permission denied")
	ErrExist      = errors.New("file already exists")
	ErrNotExist   = errors.New("file does not exist")
	ErrClosed     = errors.New("file already closed")
)

// PathError records an error and the operation and file path that caused
// it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string {
	return e.Op + " " + e.Path + ": " + e.Err.Error()
}

func (e *PathError) Unwrap() error {
	return e.Err
}

// errno is a system error number, printed as Go's syscall package does.
type errno int

func (e errno) Error() string {
	switch e {
	case 1:
		return "operation not permitted"
	case 2:
		return "no such file or directory"
	case 5:
		return "input/output error"
	case 9:
		return "bad file descriptor"
	case 11:
		return "resource temporarily unavailable"
	case 13:
		return "permission denied"
	case 22:
		return "invalid argument"
	case 28:
		return "no space left on device"
	case 32:
		return "broken pipe"
	}
	return "errno " + itoa(int(e))
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// File represents an open file descriptor.
type File struct {
	fd     int
	name   string
	closed bool
}

var (
	Stdin  = NewFile(0, "/dev/stdin")
	Stdout = NewFile(1, "/dev/stdout")
	Stderr = NewFile(2, "/dev/stderr")
)

// NewFile returns a new File with the given file descriptor and name.
func NewFile(fd uintptr, name string) *File {
	return &File{fd: int(fd), name: name}
}

// Name returns the name of the file as presented to NewFile.
func (f *File) Name() string {
	return f.name
}

// Fd returns the integer Unix file descriptor referencing the open file.
func (f *File) Fd() uintptr {
	if f == nil {
		return ^uintptr(0)
	}
	return uintptr(f.fd)
}

func (f *File) checkValid(op string) error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: op, Path: f.name, Err: ErrClosed}
	}
	return nil
}

// Read reads up to len(b) bytes from the File and stores them in b. It
// returns the number of bytes read and any error encountered. At end of
// file, Read returns 0, io.EOF.
func (f *File) Read(b []byte) (n int, err error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	if len(b) == 0 {
		return 0, nil
	}
	r := read(f.fd, &b[0], len(b))
	if r < 0 {
		return 0, &PathError{Op: "read", Path: f.name, Err: errno(-r)}
	}
	if r == 0 {
		return 0, io.EOF
	}
	return r, nil
}

// Write writes len(b) bytes from b to the File. It returns the number of
// bytes written and an error, if any.
func (f *File) Write(b []byte) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	if len(b) == 0 {
		return 0, nil
	}
	r := write(f.fd, &b[0], len(b))
	if r < 0 {
		return 0, &PathError{Op: "write", Path: f.name, Err: errno(-r)}
	}
	return r, nil
}

// WriteString is like Write, but writes the contents of string s rather
// than a slice of bytes.
func (f *File) WriteString(s string) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	if len(s) == 0 {
		return 0, nil
	}
	r := writeString(f.fd, s)
	if r < 0 {
		return 0, &PathError{Op: "write", Path: f.name, Err: errno(-r)}
	}
	return r, nil
}

// Close closes the File (the standard files stay open underneath, as the
// runtime may still write to them).
func (f *File) Close() error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: "close", Path: f.name, Err: ErrClosed}
	}
	f.closed = true
	return nil
}
