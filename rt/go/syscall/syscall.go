// Package syscall contains an interface to the low-level operating system
// primitives (rgo overlay: linux/amd64 system calls made through one
// runtime entry point, the environment through the C library's; the
// commonly used part of the standard package's API, with its behaviour).
package syscall

import (
	"errors"
	"internal/oserror"
	"unsafe"
)

//rgo:extern rgo_syscall6
func syscall6(trap, a1, a2, a3, a4, a5, a6 uintptr) (r1, r2 uintptr, err Errno)

//rgo:extern rgo_strerror
func strerror(e int) string

//rgo:extern rgo_strsignal
func strsignal(s int) string

// Syscall makes system call trap with three arguments: results, and the
// error number (0 on success).
func Syscall(trap, a1, a2, a3 uintptr) (r1, r2 uintptr, err Errno) {
	return syscall6(trap, a1, a2, a3, 0, 0, 0)
}

// Syscall6 is Syscall with six arguments.
func Syscall6(trap, a1, a2, a3, a4, a5, a6 uintptr) (r1, r2 uintptr, err Errno) {
	return syscall6(trap, a1, a2, a3, a4, a5, a6)
}

// RawSyscall is Syscall without telling the scheduler.
func RawSyscall(trap, a1, a2, a3 uintptr) (r1, r2 uintptr, err Errno) {
	return syscall6(trap, a1, a2, a3, 0, 0, 0)
}

// RawSyscall6 is Syscall6 without telling the scheduler.
func RawSyscall6(trap, a1, a2, a3, a4, a5, a6 uintptr) (r1, r2 uintptr, err Errno) {
	return syscall6(trap, a1, a2, a3, a4, a5, a6)
}

// An Errno is an unsigned number describing an error condition. It
// implements the error interface. The zero Errno is by convention a
// non-error, so code to convert from Errno to error should use:
//
//	err = nil
//	if errno != 0 {
//		err = errno
//	}
type Errno uintptr

func (e Errno) Error() string {
	return strerror(int(e))
}

func (e Errno) Is(target error) bool {
	switch target {
	case oserror.ErrPermission:
		return e == EACCES || e == EPERM
	case oserror.ErrExist:
		return e == EEXIST || e == ENOTEMPTY
	case oserror.ErrNotExist:
		return e == ENOENT
	case errors.ErrUnsupported:
		return e == ENOSYS || e == ENOTSUP || e == EOPNOTSUPP
	}
	return false
}

func (e Errno) Temporary() bool {
	return e == EINTR || e == EMFILE || e == ENFILE || e.Timeout()
}

func (e Errno) Timeout() bool {
	return e == EAGAIN || e == EWOULDBLOCK || e == ETIMEDOUT
}

// Boxed common errors, so returning them does not allocate.
var (
	errEAGAIN error = EAGAIN
	errEINVAL error = EINVAL
	errENOENT error = ENOENT
)

// errnoErr returns e as an error: nil for 0.
func errnoErr(e Errno) error {
	switch e {
	case 0:
		return nil
	case EAGAIN:
		return errEAGAIN
	case EINVAL:
		return errEINVAL
	case ENOENT:
		return errENOENT
	}
	return e
}

// A Signal is a number describing a process signal. It implements the
// os.Signal interface.
type Signal int

func (s Signal) Signal() {}

func (s Signal) String() string {
	return strsignal(int(s))
}

// Stdin, Stdout and Stderr are the standard file descriptors.
var (
	Stdin  = 0
	Stdout = 1
	Stderr = 2
)

const (
	ImplementsGetwd = true
	PathMax         = 0x1000
)

const atFDCWD = -0x64

// ByteSliceFromString returns a NUL-terminated slice containing the bytes
// of s. If s contains a NUL byte, it returns (nil, EINVAL).
func ByteSliceFromString(s string) ([]byte, error) {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return nil, EINVAL
		}
	}
	a := make([]byte, len(s)+1)
	copy(a, s)
	return a, nil
}

// BytePtrFromString returns a pointer to a NUL-terminated array of bytes
// containing the text of s. If s contains a NUL byte, it returns (nil,
// EINVAL).
func BytePtrFromString(s string) (*byte, error) {
	a, err := ByteSliceFromString(s)
	if err != nil {
		return nil, err
	}
	return &a[0], nil
}

// StringBytePtr returns a pointer to a NUL-terminated array of bytes. If s
// contains a NUL byte this function panics instead of returning an error.
func StringBytePtr(s string) *byte {
	a, err := ByteSliceFromString(s)
	if err != nil {
		panic("syscall: string with NUL passed to StringByteSlice")
	}
	return &a[0]
}

func ptr(p *byte) uintptr { return uintptr(unsafe.Pointer(p)) }

// bufPtr is the address of b's first byte, or of a dummy byte if b is
// empty (the kernel ignores it then).
func bufPtr(b []byte) uintptr {
	if len(b) == 0 {
		return uintptr(unsafe.Pointer(&zero))
	}
	return uintptr(unsafe.Pointer(&b[0]))
}

var zero byte

// A Timespec is a time in seconds and nanoseconds.
type Timespec struct {
	Sec  int64
	Nsec int64
}

// Unix returns the time stored in ts as seconds plus nanoseconds.
func (ts *Timespec) Unix() (sec int64, nsec int64) { return ts.Sec, ts.Nsec }

// Nano returns the time stored in ts as nanoseconds.
func (ts *Timespec) Nano() int64 { return ts.Sec*1e9 + ts.Nsec }

// NsecToTimespec converts a number of nanoseconds into a Timespec.
func NsecToTimespec(nsec int64) Timespec {
	sec := nsec / 1e9
	nsec = nsec % 1e9
	if nsec < 0 {
		nsec += 1e9
		sec--
	}
	return Timespec{Sec: sec, Nsec: nsec}
}

// TimespecToNsec returns the time stored in ts as nanoseconds.
func TimespecToNsec(ts Timespec) int64 { return ts.Nano() }

// A Timeval is a time in seconds and microseconds.
type Timeval struct {
	Sec  int64
	Usec int64
}

// Unix returns the time stored in tv as seconds plus nanoseconds.
func (tv *Timeval) Unix() (sec int64, nsec int64) { return tv.Sec, tv.Usec * 1000 }

// Nano returns the time stored in tv as nanoseconds.
func (tv *Timeval) Nano() int64 { return tv.Sec*1e9 + tv.Usec*1000 }

// NsecToTimeval converts a number of nanoseconds into a Timeval.
func NsecToTimeval(nsec int64) Timeval {
	nsec += 999 // round up to microsecond
	usec := nsec % 1e9 / 1e3
	sec := nsec / 1e9
	if usec < 0 {
		usec += 1e6
		sec--
	}
	return Timeval{Sec: sec, Usec: usec}
}

// Stat_t is the result of stat(2) on linux/amd64.
type Stat_t struct {
	Dev       uint64
	Ino       uint64
	Nlink     uint64
	Mode      uint32
	Uid       uint32
	Gid       uint32
	X__pad0   int32
	Rdev      uint64
	Size      int64
	Blksize   int64
	Blocks    int64
	Atim      Timespec
	Mtim      Timespec
	Ctim      Timespec
	X__unused [3]int64
}

// Utsname is the result of uname(2).
type Utsname struct {
	Sysname    [65]int8
	Nodename   [65]int8
	Release    [65]int8
	Version    [65]int8
	Machine    [65]int8
	Domainname [65]int8
}

// Rlimit is a resource limit.
type Rlimit struct {
	Cur uint64
	Max uint64
}

// WaitStatus is the status of a process as wait4(2) reports it.
type WaitStatus uint32

const (
	waitMask    = 0x7F
	waitCore    = 0x80
	waitExited  = 0x00
	waitStopped = 0x7F
	waitShift   = 8
)

func (w WaitStatus) Exited() bool { return w&waitMask == waitExited }

func (w WaitStatus) Signaled() bool { return w&waitMask != waitStopped && w&waitMask != waitExited }

func (w WaitStatus) Stopped() bool { return w&0xFF == waitStopped }

func (w WaitStatus) Continued() bool { return w == 0xFFFF }

func (w WaitStatus) CoreDump() bool { return w.Signaled() && w&waitCore != 0 }

func (w WaitStatus) ExitStatus() int {
	if !w.Exited() {
		return -1
	}
	return int(w>>waitShift) & 0xFF
}

func (w WaitStatus) Signal() Signal {
	if !w.Signaled() {
		return -1
	}
	return Signal(w & waitMask)
}

func (w WaitStatus) StopSignal() Signal {
	if !w.Stopped() {
		return -1
	}
	return Signal(w>>waitShift) & 0xFF
}

func (w WaitStatus) TrapCause() int {
	if w.StopSignal() != SIGTRAP {
		return -1
	}
	return int(w>>waitShift) >> 8
}

// Rusage is the resource usage getrusage(2) and wait4(2) report.
type Rusage struct {
	Utime    Timeval
	Stime    Timeval
	Maxrss   int64
	Ixrss    int64
	Idrss    int64
	Isrss    int64
	Minflt   int64
	Majflt   int64
	Nswap    int64
	Inblock  int64
	Oublock  int64
	Msgsnd   int64
	Msgrcv   int64
	Nsignals int64
	Nvcsw    int64
	Nivcsw   int64
}
