package os

import (
	"io"
	"io/fs"
	"slices"
	"syscall"
)

// A DirEntry is an entry read from a directory (using the ReadDir
// function or a File.ReadDir method).
type DirEntry = fs.DirEntry

// dirInfo is the state of a directory being read: a buffer of raw
// entries.
type dirInfo struct {
	buf  []byte
	nbuf int // bytes of buf filled by the last read
	bufp int // bytes of buf consumed
}

const blockSize = 8192

// readdirMode says what each entry read becomes.
type readdirMode int

const (
	readdirName readdirMode = iota
	readdirDirEntry
	readdirFileInfo
)

// unixDirent is the DirEntry of a directory listing.
type unixDirent struct {
	parent string
	name   string
	typ    FileMode
	info   FileInfo
}

func (d *unixDirent) Name() string   { return d.name }
func (d *unixDirent) IsDir() bool    { return d.typ.IsDir() }
func (d *unixDirent) Type() FileMode { return d.typ }

func (d *unixDirent) Info() (FileInfo, error) {
	if d.info != nil {
		return d.info, nil
	}
	return Lstat(d.parent + "/" + d.name)
}

func (d *unixDirent) String() string {
	return fs.FormatDirEntry(d)
}

func newUnixDirent(parent, name string, typ FileMode) (DirEntry, error) {
	ude := &unixDirent{parent: parent, name: name, typ: typ}
	if typ != ^FileMode(0) {
		return ude, nil
	}
	// The kernel did not say the type: ask.
	info, err := Lstat(parent + "/" + name)
	if err != nil {
		return nil, err
	}
	ude.typ = info.Mode().Type()
	ude.info = info
	return ude, nil
}

// direntType converts a linux_dirent64 d_type to a FileMode type (^0:
// unknown).
func direntType(t byte) FileMode {
	switch t {
	case syscall.DT_BLK:
		return ModeDevice
	case syscall.DT_CHR:
		return ModeDevice | ModeCharDevice
	case syscall.DT_DIR:
		return ModeDir
	case syscall.DT_FIFO:
		return ModeNamedPipe
	case syscall.DT_LNK:
		return ModeSymlink
	case syscall.DT_REG:
		return 0
	case syscall.DT_SOCK:
		return ModeSocket
	}
	return ^FileMode(0)
}

// readdir reads up to n entries (all if n <= 0) in the form mode asks
// for.
func (f *File) readdir(n int, mode readdirMode) (names []string, dirents []DirEntry, infos []FileInfo, err error) {
	if f.dirinfo == nil {
		f.dirinfo = &dirInfo{buf: make([]byte, blockSize)}
	}
	d := f.dirinfo
	if n == 0 {
		n = -1
	}
	for n != 0 {
		if d.bufp >= d.nbuf {
			d.bufp = 0
			var errno error
			d.nbuf, errno = syscall.Getdents(f.fd, d.buf)
			if errno == syscall.EINTR {
				continue
			}
			if errno != nil {
				return names, dirents, infos, &PathError{Op: "readdirent", Path: f.name, Err: errno}
			}
			if d.nbuf <= 0 {
				break // EOF
			}
		}
		// One linux_dirent64: ino u64, off i64, reclen u16, type u8,
		// NUL-terminated name.
		rec := d.buf[d.bufp:d.nbuf]
		if len(rec) < 19 {
			break
		}
		reclen := int(rec[16]) | int(rec[17])<<8
		if reclen < 19 || reclen > len(rec) {
			break
		}
		rec = rec[:reclen]
		d.bufp += reclen
		ino := uint64(0)
		for i := 7; i >= 0; i-- {
			ino = ino<<8 | uint64(rec[i])
		}
		if ino == 0 {
			continue
		}
		nameb := rec[19:]
		for i, c := range nameb {
			if c == 0 {
				nameb = nameb[:i]
				break
			}
		}
		if string(nameb) == "." || string(nameb) == ".." {
			continue
		}
		if n > 0 {
			n--
		}
		name := string(nameb)
		switch mode {
		case readdirName:
			names = append(names, name)
		case readdirDirEntry:
			de, err := newUnixDirent(f.name, name, direntType(rec[18]))
			if IsNotExist(err) {
				// The entry went away after the directory was read.
				continue
			}
			if err != nil {
				return nil, dirents, nil, err
			}
			dirents = append(dirents, de)
		case readdirFileInfo:
			info, err := Lstat(f.name + "/" + name)
			if IsNotExist(err) {
				continue
			}
			if err != nil {
				return nil, nil, infos, err
			}
			infos = append(infos, info)
		}
	}
	if n > 0 && len(names)+len(dirents)+len(infos) == 0 {
		return nil, nil, nil, io.EOF
	}
	return names, dirents, infos, nil
}

// Readdir reads the contents of the directory associated with file and
// returns a slice of up to n FileInfo values, as would be returned by
// Lstat, in directory order.
func (f *File) Readdir(n int) ([]FileInfo, error) {
	if f == nil {
		return nil, ErrInvalid
	}
	_, _, infos, err := f.readdir(n, readdirFileInfo)
	if infos == nil {
		// Readdir has historically always returned a non-nil empty slice,
		// never nil, even on error.
		infos = []FileInfo{}
	}
	return infos, err
}

// Readdirnames reads the contents of the directory associated with file
// and returns a slice of up to n names of files in the directory, in
// directory order.
func (f *File) Readdirnames(n int) (names []string, err error) {
	if f == nil {
		return nil, ErrInvalid
	}
	names, _, _, err = f.readdir(n, readdirName)
	if names == nil {
		names = []string{}
	}
	return names, err
}

// ReadDir reads the contents of the directory associated with the file f
// and returns a slice of DirEntry values in directory order.
func (f *File) ReadDir(n int) ([]DirEntry, error) {
	if f == nil {
		return nil, ErrInvalid
	}
	_, dirents, _, err := f.readdir(n, readdirDirEntry)
	if dirents == nil {
		dirents = []DirEntry{}
	}
	return dirents, err
}

// ReadDir reads the named directory, returning all its directory entries
// sorted by filename. If an error occurs reading the directory, ReadDir
// returns the entries it was able to read before the error, along with
// the error.
func ReadDir(name string) ([]DirEntry, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()

	dirs, err := f.ReadDir(-1)
	slices.SortFunc(dirs, func(a, b DirEntry) int {
		an, bn := a.Name(), b.Name()
		switch {
		case an < bn:
			return -1
		case an > bn:
			return 1
		}
		return 0
	})
	return dirs, err
}
