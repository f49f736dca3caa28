// Package crc32 implements the 32-bit cyclic redundancy check, or CRC-32,
// checksum (rgo overlay: the standard package's API and results, computed
// in portable Go with slicing-by-8 tables in place of gc's assembly).
package crc32

import (
	"errors"
	"hash"
	"sync"
)

// The size of a CRC-32 checksum in bytes.
const Size = 4

// Predefined polynomials.
const (
	// IEEE is by far and away the most common CRC-32 polynomial. Used by
	// ethernet (IEEE 802.3), v.42, fddi, gzip, zip, png, ...
	IEEE = 0xedb88320

	// Castagnoli's polynomial, used in iSCSI. Has better error detection
	// characteristics than IEEE.
	Castagnoli = 0x82f63b78

	// Koopman's polynomial. Also has better error detection
	// characteristics than IEEE.
	Koopman = 0xeb31d82e
)

// Table is a 256-word table representing the polynomial for efficient
// processing.
type Table [256]uint32

// IEEETable is the table for the IEEE polynomial.
var IEEETable = simpleTable(IEEE)

// slicing8 holds, for a polynomial, the tables that process eight bytes
// at a time: t[0] is the simple table, t[k][b] the CRC of byte b followed
// by k zero bytes.
type slicing8 [8]Table

var (
	slicingMu    sync.Mutex
	slicingCache = map[*Table]*slicing8{}

	castagnoliOnce  sync.Once
	castagnoliTable *Table
)

// simpleTable builds the byte-at-a-time table of a (reversed)
// polynomial.
func simpleTable(poly uint32) *Table {
	t := new(Table)
	for i := range t {
		crc := uint32(i)
		for j := 0; j < 8; j++ {
			if crc&1 == 1 {
				crc = crc>>1 ^ poly
			} else {
				crc >>= 1
			}
		}
		t[i] = crc
	}
	return t
}

// slicingFor returns the slicing-by-8 tables of tab.
func slicingFor(tab *Table) *slicing8 {
	slicingMu.Lock()
	defer slicingMu.Unlock()
	if s, ok := slicingCache[tab]; ok {
		return s
	}
	s := new(slicing8)
	s[0] = *tab
	for i := 0; i < 256; i++ {
		crc := tab[i]
		for k := 1; k < 8; k++ {
			crc = tab[crc&0xff] ^ crc>>8
			s[k][i] = crc
		}
	}
	slicingCache[tab] = s
	return s
}

// MakeTable returns a Table constructed from the specified polynomial. The
// contents of this Table must not be modified.
func MakeTable(poly uint32) *Table {
	switch poly {
	case IEEE:
		return IEEETable
	case Castagnoli:
		castagnoliOnce.Do(func() { castagnoliTable = simpleTable(Castagnoli) })
		return castagnoliTable
	}
	return simpleTable(poly)
}

// update computes the CRC of p continuing from crc (not inverted).
func update(crc uint32, tab *Table, p []byte) uint32 {
	crc = ^crc
	if len(p) >= 16 {
		s := slicingFor(tab)
		for len(p) > 8 {
			crc ^= uint32(p[0]) | uint32(p[1])<<8 | uint32(p[2])<<16 | uint32(p[3])<<24
			crc = s[0][p[7]] ^ s[1][p[6]] ^ s[2][p[5]] ^ s[3][p[4]] ^
				s[4][crc>>24] ^ s[5][(crc>>16)&0xff] ^
				s[6][(crc>>8)&0xff] ^ s[7][crc&0xff]
			p = p[8:]
		}
	}
	for _, v := range p {
		crc = tab[byte(crc)^v] ^ (crc >> 8)
	}
	return ^crc
}

// Update returns the result of adding the bytes in p to the crc.
func Update(crc uint32, tab *Table, p []byte) uint32 {
	return update(crc, tab, p)
}

// Checksum returns the CRC-32 checksum of data using the polynomial
// represented by the Table.
func Checksum(data []byte, tab *Table) uint32 { return Update(0, tab, data) }

// ChecksumIEEE returns the CRC-32 checksum of data using the IEEE
// polynomial.
func ChecksumIEEE(data []byte) uint32 { return update(0, IEEETable, data) }

// digest represents the partial evaluation of a checksum.
type digest struct {
	crc uint32
	tab *Table
}

// New creates a new hash.Hash32 computing the CRC-32 checksum using the
// polynomial represented by the Table. Its Sum method will lay the value
// out in big-endian byte order. The returned Hash32 also implements
// encoding.BinaryMarshaler and encoding.BinaryUnmarshaler to marshal and
// unmarshal the internal state of the hash.
func New(tab *Table) hash.Hash32 {
	return &digest{0, tab}
}

// NewIEEE creates a new hash.Hash32 computing the CRC-32 checksum using
// the IEEE polynomial.
func NewIEEE() hash.Hash32 { return New(IEEETable) }

func (d *digest) Size() int { return Size }

func (d *digest) BlockSize() int { return 1 }

func (d *digest) Reset() { d.crc = 0 }

const (
	magic         = "crc\x01"
	marshaledSize = len(magic) + 4 + 4
)

func appendUint32(b []byte, x uint32) []byte {
	return append(b, byte(x>>24), byte(x>>16), byte(x>>8), byte(x))
}

func readUint32(b []byte) uint32 {
	return uint32(b[3]) | uint32(b[2])<<8 | uint32(b[1])<<16 | uint32(b[0])<<24
}

func (d *digest) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, magic...)
	b = appendUint32(b, tableSum(d.tab))
	b = appendUint32(b, d.crc)
	return b, nil
}

func (d *digest) MarshalBinary() ([]byte, error) {
	return d.AppendBinary(make([]byte, 0, marshaledSize))
}

func (d *digest) UnmarshalBinary(b []byte) error {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return errors.New("hash/crc32: invalid hash state identifier")
	}
	if len(b) != marshaledSize {
		return errors.New("hash/crc32: invalid hash state size")
	}
	if tableSum(d.tab) != readUint32(b[4:]) {
		return errors.New("hash/crc32: tables do not match")
	}
	d.crc = readUint32(b[8:])
	return nil
}

func (d *digest) Write(p []byte) (n int, err error) {
	d.crc = update(d.crc, d.tab, p)
	return len(p), nil
}

func (d *digest) Sum32() uint32 { return d.crc }

func (d *digest) Sum(in []byte) []byte {
	return appendUint32(in, d.crc)
}

// tableSum returns the IEEE checksum of table t (its words big-endian),
// which identifies the table in marshaled state.
func tableSum(t *Table) uint32 {
	var a [1024]byte
	b := a[:0]
	if t != nil {
		for _, x := range t {
			b = appendUint32(b, x)
		}
	}
	return ChecksumIEEE(b)
}
