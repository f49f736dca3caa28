package syscall

import "unsafe"

// Open opens path (relative to the working directory) with the given
// flags and permission bits.
func Open(path string, mode int, perm uint32) (fd int, err error) {
	return Openat(atFDCWD, path, mode|O_LARGEFILE, perm)
}

// Openat opens path relative to the directory dirfd.
func Openat(dirfd int, path string, flags int, mode uint32) (fd int, err error) {
	p, err := BytePtrFromString(path)
	if err != nil {
		return -1, err
	}
	r, _, e := Syscall6(SYS_OPENAT, uintptr(dirfd), ptr(p), uintptr(flags), uintptr(mode), 0, 0)
	if e != 0 {
		return -1, errnoErr(e)
	}
	return int(r), nil
}

// Close closes a file descriptor.
func Close(fd int) (err error) {
	_, _, e := Syscall(SYS_CLOSE, uintptr(fd), 0, 0)
	return errnoErr(e)
}

// Read reads up to len(p) bytes from fd.
func Read(fd int, p []byte) (n int, err error) {
	r, _, e := Syscall(SYS_READ, uintptr(fd), bufPtr(p), uintptr(len(p)))
	if e != 0 {
		return -1, errnoErr(e)
	}
	return int(r), nil
}

// Write writes p to fd.
func Write(fd int, p []byte) (n int, err error) {
	r, _, e := Syscall(SYS_WRITE, uintptr(fd), bufPtr(p), uintptr(len(p)))
	if e != 0 {
		return -1, errnoErr(e)
	}
	return int(r), nil
}

// Pread reads from fd at offset without moving the file offset.
func Pread(fd int, p []byte, offset int64) (n int, err error) {
	r, _, e := Syscall6(SYS_PREAD64, uintptr(fd), bufPtr(p), uintptr(len(p)), uintptr(offset), 0, 0)
	if e != 0 {
		return -1, errnoErr(e)
	}
	return int(r), nil
}

// Pwrite writes to fd at offset without moving the file offset.
func Pwrite(fd int, p []byte, offset int64) (n int, err error) {
	r, _, e := Syscall6(SYS_PWRITE64, uintptr(fd), bufPtr(p), uintptr(len(p)), uintptr(offset), 0, 0)
	if e != 0 {
		return -1, errnoErr(e)
	}
	return int(r), nil
}

// Seek sets the offset for the next Read or Write on fd.
func Seek(fd int, offset int64, whence int) (off int64, err error) {
	r, _, e := Syscall(SYS_LSEEK, uintptr(fd), uintptr(offset), uintptr(whence))
	if e != 0 {
		return -1, errnoErr(e)
	}
	return int64(r), nil
}

// Fsync flushes fd's data to storage.
func Fsync(fd int) (err error) {
	_, _, e := Syscall(SYS_FSYNC, uintptr(fd), 0, 0)
	return errnoErr(e)
}

// Ftruncate changes the size of the file fd.
func Ftruncate(fd int, length int64) (err error) {
	_, _, e := Syscall(SYS_FTRUNCATE, uintptr(fd), uintptr(length), 0)
	return errnoErr(e)
}

// Truncate changes the size of the named file.
func Truncate(path string, length int64) (err error) {
	return pathCall(SYS_TRUNCATE, path, uintptr(length), 0)
}

// Dup returns a new descriptor for the file of oldfd.
func Dup(oldfd int) (fd int, err error) {
	r, _, e := Syscall(SYS_DUP, uintptr(oldfd), 0, 0)
	if e != 0 {
		return -1, errnoErr(e)
	}
	return int(r), nil
}

// Dup2 makes newfd a copy of oldfd.
func Dup2(oldfd, newfd int) (err error) {
	_, _, e := Syscall(SYS_DUP2, uintptr(oldfd), uintptr(newfd), 0)
	return errnoErr(e)
}

// Pipe2 creates a pipe: p[0] for reading, p[1] for writing.
func Pipe2(p []int, flags int) error {
	if len(p) != 2 {
		return EINVAL
	}
	var pp [2]int32
	_, _, e := Syscall(SYS_PIPE2, uintptr(unsafe.Pointer(&pp)), uintptr(flags), 0)
	if e != 0 {
		return errnoErr(e)
	}
	p[0], p[1] = int(pp[0]), int(pp[1])
	return nil
}

// Pipe is Pipe2 without flags.
func Pipe(p []int) error {
	return Pipe2(p, 0)
}

// pathCall makes a system call whose first argument is a path.
func pathCall(trap uintptr, path string, a2, a3 uintptr) error {
	p, err := BytePtrFromString(path)
	if err != nil {
		return err
	}
	_, _, e := Syscall(trap, ptr(p), a2, a3)
	return errnoErr(e)
}

// pathCall2 makes a system call whose first two arguments are paths.
func pathCall2(trap uintptr, from, to string) error {
	p, err := BytePtrFromString(from)
	if err != nil {
		return err
	}
	q, err := BytePtrFromString(to)
	if err != nil {
		return err
	}
	_, _, e := Syscall(trap, ptr(p), ptr(q), 0)
	return errnoErr(e)
}

// Stat fills stat with the status of the named file, following symbolic
// links.
func Stat(path string, stat *Stat_t) (err error) {
	return pathCall(SYS_STAT, path, uintptr(unsafe.Pointer(stat)), 0)
}

// Lstat is Stat without following a final symbolic link.
func Lstat(path string, stat *Stat_t) (err error) {
	return pathCall(SYS_LSTAT, path, uintptr(unsafe.Pointer(stat)), 0)
}

// Fstat fills stat with the status of the open file fd.
func Fstat(fd int, stat *Stat_t) (err error) {
	_, _, e := Syscall(SYS_FSTAT, uintptr(fd), uintptr(unsafe.Pointer(stat)), 0)
	return errnoErr(e)
}

// Mkdir creates a directory.
func Mkdir(path string, mode uint32) (err error) {
	return pathCall(SYS_MKDIR, path, uintptr(mode), 0)
}

// Rmdir removes an empty directory.
func Rmdir(path string) error {
	return pathCall(SYS_RMDIR, path, 0, 0)
}

// Unlink removes a name from the file system.
func Unlink(path string) error {
	return pathCall(SYS_UNLINK, path, 0, 0)
}

// Rename renames a file.
func Rename(oldpath, newpath string) (err error) {
	return pathCall2(SYS_RENAME, oldpath, newpath)
}

// Link creates a hard link.
func Link(oldpath, newpath string) (err error) {
	return pathCall2(SYS_LINK, oldpath, newpath)
}

// Symlink creates a symbolic link newpath pointing to oldpath.
func Symlink(oldpath, newpath string) (err error) {
	return pathCall2(SYS_SYMLINK, oldpath, newpath)
}

// Chmod changes the mode of the named file.
func Chmod(path string, mode uint32) (err error) {
	return pathCall(SYS_CHMOD, path, uintptr(mode), 0)
}

// Fchmod changes the mode of the open file fd.
func Fchmod(fd int, mode uint32) (err error) {
	_, _, e := Syscall(SYS_FCHMOD, uintptr(fd), uintptr(mode), 0)
	return errnoErr(e)
}

// Chown changes the owner of the named file.
func Chown(path string, uid int, gid int) (err error) {
	return pathCall(SYS_CHOWN, path, uintptr(uid), uintptr(gid))
}

// Lchown is Chown without following a final symbolic link.
func Lchown(path string, uid int, gid int) (err error) {
	return pathCall(SYS_LCHOWN, path, uintptr(uid), uintptr(gid))
}

// Chdir changes the working directory.
func Chdir(path string) (err error) {
	return pathCall(SYS_CHDIR, path, 0, 0)
}

// Fchdir changes the working directory to the open directory fd.
func Fchdir(fd int) (err error) {
	_, _, e := Syscall(SYS_FCHDIR, uintptr(fd), 0, 0)
	return errnoErr(e)
}

// Readlink reads the target of a symbolic link into buf.
func Readlink(path string, buf []byte) (n int, err error) {
	p, err := BytePtrFromString(path)
	if err != nil {
		return -1, err
	}
	r, _, e := Syscall(SYS_READLINK, ptr(p), bufPtr(buf), uintptr(len(buf)))
	if e != 0 {
		return -1, errnoErr(e)
	}
	return int(r), nil
}

// Access checks the calling process's permissions for a file.
func Access(path string, mode uint32) (err error) {
	return pathCall(SYS_ACCESS, path, uintptr(mode), 0)
}

// Getcwd writes the working directory, NUL-terminated, into buf.
func Getcwd(buf []byte) (n int, err error) {
	r, _, e := Syscall(SYS_GETCWD, bufPtr(buf), uintptr(len(buf)), 0)
	if e != 0 {
		return 0, errnoErr(e)
	}
	return int(r), nil
}

// Getwd returns the working directory.
func Getwd() (wd string, err error) {
	var buf [PathMax]byte
	n, err := Getcwd(buf[0:])
	if err != nil {
		return "", err
	}
	// Getcwd returns the number of bytes written to buf, including the
	// NUL.
	if n < 1 || n > len(buf) || buf[n-1] != 0 {
		return "", EINVAL
	}
	// Linux reports an unreachable directory with a leading "(".
	if buf[0] != '/' {
		return "", ENOENT
	}
	return string(buf[0 : n-1]), nil
}

// Getdents reads directory entries (struct linux_dirent64) into buf.
func Getdents(fd int, buf []byte) (n int, err error) {
	r, _, e := Syscall(SYS_GETDENTS64, uintptr(fd), bufPtr(buf), uintptr(len(buf)))
	if e != 0 {
		return -1, errnoErr(e)
	}
	return int(r), nil
}

// ReadDirent reads directory entries from fd into buf.
func ReadDirent(fd int, buf []byte) (n int, err error) {
	return Getdents(fd, buf)
}

// ParseDirent parses up to max directory entries in buf, appending their
// names (except "." and "..") to names. It returns the number of bytes
// consumed from buf, the number of entries added, and the new names.
func ParseDirent(buf []byte, max int, names []string) (consumed int, count int, newnames []string) {
	origlen := len(buf)
	count = 0
	for max != 0 && len(buf) >= 19 {
		// struct linux_dirent64: ino u64, off i64, reclen u16, type u8,
		// name (NUL-terminated).
		reclen := int(buf[16]) | int(buf[17])<<8
		if reclen < 19 || reclen > len(buf) {
			break
		}
		rec := buf[:reclen]
		buf = buf[reclen:]
		ino := uint64(0)
		for i := 7; i >= 0; i-- {
			ino = ino<<8 | uint64(rec[i])
		}
		if ino == 0 {
			continue
		}
		name := rec[19:]
		for i, c := range name {
			if c == 0 {
				name = name[:i]
				break
			}
		}
		if string(name) == "." || string(name) == ".." {
			continue
		}
		max--
		count++
		names = append(names, string(name))
	}
	return origlen - len(buf), count, names
}

// Getpid returns the process id.
func Getpid() (pid int) { return rawInt(SYS_GETPID) }

// Getppid returns the parent's process id.
func Getppid() (ppid int) { return rawInt(SYS_GETPPID) }

// Getuid returns the real user id.
func Getuid() (uid int) { return rawInt(SYS_GETUID) }

// Geteuid returns the effective user id.
func Geteuid() (euid int) { return rawInt(SYS_GETEUID) }

// Getgid returns the real group id.
func Getgid() (gid int) { return rawInt(SYS_GETGID) }

// Getegid returns the effective group id.
func Getegid() (egid int) { return rawInt(SYS_GETEGID) }

// Gettid returns the thread id.
func Gettid() (tid int) { return rawInt(SYS_GETTID) }

func rawInt(trap uintptr) int {
	r, _, _ := RawSyscall(trap, 0, 0, 0)
	return int(r)
}

// Kill sends sig to the process pid.
func Kill(pid int, sig Signal) (err error) {
	_, _, e := RawSyscall(SYS_KILL, uintptr(pid), uintptr(sig), 0)
	return errnoErr(e)
}

// Umask sets the file mode creation mask and returns the previous one.
func Umask(mask int) (oldmask int) {
	r, _, _ := RawSyscall(SYS_UMASK, uintptr(mask), 0, 0)
	return int(r)
}

// Uname fills buf with the system's names.
func Uname(buf *Utsname) (err error) {
	_, _, e := RawSyscall(SYS_UNAME, uintptr(unsafe.Pointer(buf)), 0, 0)
	return errnoErr(e)
}

// Getrlimit reads a resource limit.
func Getrlimit(resource int, rlim *Rlimit) (err error) {
	_, _, e := RawSyscall(SYS_GETRLIMIT, uintptr(resource), uintptr(unsafe.Pointer(rlim)), 0)
	return errnoErr(e)
}

// Gettimeofday reads the wall clock.
func Gettimeofday(tv *Timeval) (err error) {
	_, _, e := RawSyscall(SYS_GETTIMEOFDAY, uintptr(unsafe.Pointer(tv)), 0, 0)
	return errnoErr(e)
}

// Getpagesize returns the memory page size.
func Getpagesize() int { return 4096 }

//rgo:extern rgo_exit
func exit(code int)

// Exit terminates the process with the given status.
func Exit(code int) {
	exit(code)
}

// UtimesNano sets the access and modification times of a file (ts[0] and
// ts[1]).
func UtimesNano(path string, ts []Timespec) (err error) {
	if len(ts) != 2 {
		return EINVAL
	}
	p, err := BytePtrFromString(path)
	if err != nil {
		return err
	}
	dirfd := atFDCWD
	_, _, e := Syscall6(SYS_UTIMENSAT, uintptr(dirfd), ptr(p), uintptr(unsafe.Pointer(&ts[0])), 0, 0, 0)
	return errnoErr(e)
}

const (
	sysFaccessat2     = 439
	atSymlinkNofollow = 0x100
)

// Faccessat checks the calling process's permissions for the file path,
// relative to the directory dirfd.
func Faccessat(dirfd int, path string, mode uint32, flags int) (err error) {
	p, err := BytePtrFromString(path)
	if err != nil {
		return err
	}
	if flags == 0 {
		_, _, e := Syscall(SYS_FACCESSAT, uintptr(dirfd), ptr(p), uintptr(mode))
		return errnoErr(e)
	}
	_, _, e := Syscall6(sysFaccessat2, uintptr(dirfd), ptr(p), uintptr(mode), uintptr(flags), 0, 0)
	return errnoErr(e)
}

// Fchmodat changes the mode of the file path, relative to the directory
// dirfd. Linux cannot change a symbolic link's mode.
func Fchmodat(dirfd int, path string, mode uint32, flags int) (err error) {
	if flags&^atSymlinkNofollow != 0 {
		return EINVAL
	} else if flags&atSymlinkNofollow != 0 {
		return EOPNOTSUPP
	}
	p, err := BytePtrFromString(path)
	if err != nil {
		return err
	}
	_, _, e := Syscall(SYS_FCHMODAT, uintptr(dirfd), ptr(p), uintptr(mode))
	return errnoErr(e)
}

// SockaddrInet4 is an IPv4 socket address.
type SockaddrInet4 struct {
	Port int
	Addr [4]byte
}

// SockaddrInet6 is an IPv6 socket address.
type SockaddrInet6 struct {
	Port   int
	ZoneId uint32
	Addr   [16]byte
}
