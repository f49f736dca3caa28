// Package bytealg holds the byte-search and comparison primitives under
// bytes and strings (rgo overlay: portable Go plus a few runtime calls in
// place of gc's assembly; same API and results).
package bytealg

import "unsafe"

// MaxBruteForce is the length of s below which bytes.Index and
// strings.Index use Index directly.
const MaxBruteForce = 64

// MaxLen is the maximum length of the string to be searched for (argument
// b) in Index.
var MaxLen = 63

// PrimeRK is the prime base used in the Rabin-Karp algorithm.
const PrimeRK = 16777619

//rgo:extern rgo_cmpstring
func cmpstring(a, b string) int

//rgo:extern rgo_eqstring
func eqstring(a, b string) bool

//rgo:extern rgo_indexbyte
func indexbyte(p *byte, n int, c byte) int

//rgo:extern rgo_makenozero
func makeNoZero(n int) []byte

// view is the string sharing b's bytes (b must not change while the
// string is in use).
func view(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// Compare returns -1, 0 or +1 as a is less than, equal to or greater than
// b, byte-wise.
func Compare(a, b []byte) int {
	return cmpstring(view(a), view(b))
}

// CompareString is Compare for strings.
func CompareString(a, b string) int {
	return cmpstring(a, b)
}

// Equal reports whether a and b are the same length and contain the same
// bytes. A nil argument is equivalent to an empty slice.
func Equal(a, b []byte) bool {
	return eqstring(view(a), view(b))
}

// Count returns the number of bytes equal to c in b.
func Count(b []byte, c byte) int {
	n := 0
	for _, x := range b {
		if x == c {
			n++
		}
	}
	return n
}

// CountString returns the number of bytes equal to c in s.
func CountString(s string, c byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}

// IndexByte returns the index of the first byte equal to c in b, or -1.
func IndexByte(b []byte, c byte) int {
	if len(b) == 0 {
		return -1
	}
	return indexbyte(&b[0], len(b), c)
}

// IndexByteString returns the index of the first byte equal to c in s, or
// -1.
func IndexByteString(s string, c byte) int {
	if len(s) == 0 {
		return -1
	}
	return indexbyte(unsafe.StringData(s), len(s), c)
}

// LastIndexByte returns the index of the last byte equal to c in s, or -1.
func LastIndexByte(s []byte, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// LastIndexByteString returns the index of the last byte equal to c in s,
// or -1.
func LastIndexByteString(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// Index returns the index of the first instance of b in a, or -1 if b is
// not present in a.
func Index(a, b []byte) int {
	return IndexString(view(a), view(b))
}

// IndexString returns the index of the first instance of b in a, or -1 if
// b is not present in a.
func IndexString(a, b string) int {
	n := len(b)
	if n == 0 {
		return 0
	}
	first := b[0]
	for i := 0; i+n <= len(a); {
		j := IndexByteString(a[i:len(a)-n+1], first)
		if j < 0 {
			return -1
		}
		i += j
		if a[i:i+n] == b {
			return i
		}
		i++
	}
	return -1
}

// Cutover reports the number of failures of IndexByte to tolerate before
// switching over to Index (bytes.Index and strings.Index).
func Cutover(n int) int {
	// One failure per eight bytes, plus some slack to start with.
	return (n + 16) / 8
}

// hashStr returns the Rabin-Karp hash of sep and the factor PrimeRK to the
// power len(sep), with which the hash of a window is rolled on.
func hashStr[T string | []byte](sep T) (uint32, uint32) {
	h := uint32(0)
	for i := 0; i < len(sep); i++ {
		h = h*PrimeRK + uint32(sep[i])
	}
	return h, pow(len(sep))
}

// hashStrRev is hashStr of sep read backwards.
func hashStrRev[T string | []byte](sep T) (uint32, uint32) {
	h := uint32(0)
	for i := len(sep) - 1; i >= 0; i-- {
		h = h*PrimeRK + uint32(sep[i])
	}
	return h, pow(len(sep))
}

// pow returns PrimeRK to the power n (mod 2^32).
func pow(n int) uint32 {
	p, sq := uint32(1), uint32(PrimeRK)
	for ; n > 0; n >>= 1 {
		if n&1 != 0 {
			p *= sq
		}
		sq *= sq
	}
	return p
}

// IndexRabinKarp uses the Rabin-Karp search algorithm to return the index
// of the first occurrence of sep in s, or -1 if not present.
func IndexRabinKarp[T string | []byte](s, sep T) int {
	n := len(sep)
	if n > len(s) {
		return -1
	}
	want, pn := hashStr(sep)
	var h uint32
	for i := 0; i < n; i++ {
		h = h*PrimeRK + uint32(s[i])
	}
	for i := 0; ; i++ {
		if h == want && string(s[i:i+n]) == string(sep) {
			return i
		}
		if i+n >= len(s) {
			return -1
		}
		h = h*PrimeRK + uint32(s[i+n]) - pn*uint32(s[i])
	}
}

// LastIndexRabinKarp uses the Rabin-Karp search algorithm to return the
// index of the last occurrence of sep in s, or -1 if not present.
func LastIndexRabinKarp[T string | []byte](s, sep T) int {
	n := len(sep)
	if n > len(s) {
		return -1
	}
	want, pn := hashStrRev(sep)
	last := len(s) - n
	var h uint32
	for i := len(s) - 1; i >= last; i-- {
		h = h*PrimeRK + uint32(s[i])
	}
	for i := last; ; i-- {
		if h == want && string(s[i:i+n]) == string(sep) {
			return i
		}
		if i == 0 {
			return -1
		}
		h = h*PrimeRK + uint32(s[i-1]) - pn*uint32(s[i+n-1])
	}
}

// MakeNoZero makes a slice of length n and capacity of at least n bytes
// (the allocation's size class), like make([]byte, n).
func MakeNoZero(n int) []byte {
	return makeNoZero(n)
}
