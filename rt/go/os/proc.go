// Package os provides a platform-independent interface to operating system
// functionality (rgo overlay: files, directories, the environment and the
// process's identity, on the overlay syscall package; processes and
// signals are not provided yet).
package os

import "syscall"

// Args hold the command-line arguments, starting with the program name.
var Args []string

func init() {
	Args = runtimeArgs()
}

//rgo:extern rgo_args
func runtimeArgs() []string

// Exit causes the current program to exit with the given status code.
// Conventionally, code zero indicates success, non-zero an error. The
// program terminates immediately; deferred functions are not run.
func Exit(code int) {
	syscall.Exit(code)
}

// Getpid returns the process id of the caller.
func Getpid() int { return syscall.Getpid() }

// Getppid returns the process id of the caller's parent.
func Getppid() int { return syscall.Getppid() }

// Getuid returns the numeric user id of the caller.
func Getuid() int { return syscall.Getuid() }

// Geteuid returns the numeric effective user id of the caller.
func Geteuid() int { return syscall.Geteuid() }

// Getgid returns the numeric group id of the caller.
func Getgid() int { return syscall.Getgid() }

// Getegid returns the numeric effective group id of the caller.
func Getegid() int { return syscall.Getegid() }

// Getpagesize returns the underlying system's memory page size.
func Getpagesize() int { return syscall.Getpagesize() }

// A Signal represents an operating system signal.
type Signal interface {
	String() string
	Signal() // to distinguish from other Stringers
}

// The only signal values guaranteed to be present in the os package on
// all systems are os.Interrupt (send the process an interrupt) and os.Kill
// (force the process to exit).
var (
	Interrupt Signal = syscall.SIGINT
	Kill      Signal = syscall.SIGKILL
)

// Hostname returns the host name reported by the kernel.
func Hostname() (name string, err error) {
	f, err := Open("/proc/sys/kernel/hostname")
	if err == nil {
		defer f.Close()
		var buf [512]byte
		n, err := f.Read(buf[:])
		if err == nil && n > 0 {
			if buf[n-1] == '\n' {
				n--
			}
			return string(buf[:n]), nil
		}
	}
	var un syscall.Utsname
	if err := syscall.Uname(&un); err != nil {
		return "", NewSyscallError("uname", err)
	}
	var b []byte
	for _, c := range un.Nodename {
		if c == 0 {
			break
		}
		b = append(b, byte(c))
	}
	return string(b), nil
}

// Executable returns the path name for the executable that started the
// current process.
func Executable() (string, error) {
	p, err := Readlink("/proc/self/exe")
	if err != nil {
		return "", err
	}
	// The kernel appends " (deleted)" when the file is gone.
	const deleted = " (deleted)"
	if len(p) > len(deleted) && p[len(p)-len(deleted):] == deleted {
		p = p[:len(p)-len(deleted)]
	}
	return p, nil
}
