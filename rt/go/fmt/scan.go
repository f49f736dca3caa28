package fmt

import (
	"errors"
	"io"
	"math"
	"os"
	"strconv"
	"unicode/utf8"
	"unsafe"
)

// ScanState represents the scanner state passed to custom scanners.
type ScanState interface {
	// ReadRune reads the next rune (Unicode code point) from the input.
	ReadRune() (r rune, size int, err error)
	// UnreadRune causes the next call to ReadRune to return the same rune.
	UnreadRune() error
	// SkipSpace skips space in the input.
	SkipSpace()
	// Token skips space in the input if skipSpace is true, then returns
	// the run of Unicode code points c satisfying f(c).
	Token(skipSpace bool, f func(rune) bool) (token []byte, err error)
	// Width returns the value of the width option and whether it has been
	// set.
	Width() (wid int, ok bool)
	// Read should not be called by the scanning routines.
	Read(buf []byte) (n int, err error)
}

// Scanner is implemented by any value that has a Scan method, which scans
// the input for the representation of a value and stores the result in
// the receiver, which must be a pointer to be useful.
type Scanner interface {
	Scan(state ScanState, verb rune) error
}

// Scan scans text read from standard input, storing successive
// space-separated values into successive arguments. Newlines count as
// space. It returns the number of items successfully scanned.
func Scan(a ...any) (n int, err error) {
	return Fscan(os.Stdin, a...)
}

// Scanln is similar to Scan, but stops scanning at a newline and after the
// final item there must be a newline or EOF.
func Scanln(a ...any) (n int, err error) {
	return Fscanln(os.Stdin, a...)
}

// Scanf scans text read from standard input, storing successive
// space-separated values into successive arguments as determined by the
// format.
func Scanf(format string, a ...any) (n int, err error) {
	return Fscanf(os.Stdin, format, a...)
}

// stringReader reads a string (for the Sscan functions).
type stringReader string

func (r *stringReader) Read(b []byte) (n int, err error) {
	n = copy(b, *r)
	*r = (*r)[n:]
	if n == 0 {
		err = io.EOF
	}
	return
}

// Sscan scans the argument string, storing successive space-separated
// values into successive arguments. Newlines count as space.
func Sscan(str string, a ...any) (n int, err error) {
	return Fscan((*stringReader)(&str), a...)
}

// Sscanln is similar to Sscan, but stops scanning at a newline and after
// the final item there must be a newline or EOF.
func Sscanln(str string, a ...any) (n int, err error) {
	return Fscanln((*stringReader)(&str), a...)
}

// Sscanf scans the argument string, storing successive space-separated
// values into successive arguments as determined by the format.
func Sscanf(str string, format string, a ...any) (n int, err error) {
	return Fscanf((*stringReader)(&str), format, a...)
}

// Fscan scans text read from r, storing successive space-separated values
// into successive arguments. Newlines count as space.
func Fscan(r io.Reader, a ...any) (n int, err error) {
	return newScanState(r, true, false).doScan(a)
}

// Fscanln is similar to Fscan, but stops scanning at a newline and after
// the final item there must be a newline or EOF.
func Fscanln(r io.Reader, a ...any) (n int, err error) {
	return newScanState(r, false, true).doScan(a)
}

// Fscanf scans text read from r, storing successive space-separated values
// into successive arguments as determined by the format.
func Fscanf(r io.Reader, format string, a ...any) (n int, err error) {
	return newScanState(r, false, false).doScanf(format, a)
}

// eof is returned by getRune at the end of the input.
const eof = -1

const hugeWid = 1 << 30

// ss is the scanner's state, the ScanState given to custom scanners.
//
// Errors travel as return values; the error of the underlying reader
// (other than io.EOF) is kept in readErr, the input then looks exhausted,
// and it is what the scan reports. An error raised by SkipSpace, which
// has no result, is kept in skipErr.
type ss struct {
	rs        io.RuneScanner
	buf       []byte // the token being read
	count     int    // runes consumed so far
	atEOF     bool
	nlIsEnd   bool // a newline ends the scan
	nlIsSpace bool // a newline counts as space
	argLimit  int  // maximum count for this operand
	limit     int  // maximum count
	maxWid    int  // width of this operand
	readErr   error
	skipErr   error
}

func newScanState(r io.Reader, nlIsSpace, nlIsEnd bool) *ss {
	s := &ss{nlIsSpace: nlIsSpace, nlIsEnd: nlIsEnd, limit: hugeWid, argLimit: hugeWid, maxWid: hugeWid}
	if rs, ok := r.(io.RuneScanner); ok {
		s.rs = rs
	} else {
		s.rs = &readRune{reader: r, peekRune: -1}
	}
	return s
}

// Read is not for scanners: they read runes.
func (s *ss) Read(buf []byte) (n int, err error) {
	return 0, errors.New("ScanState's Read should not be called. Use ReadRune")
}

func (s *ss) ReadRune() (r rune, size int, err error) {
	if s.atEOF || s.count >= s.argLimit {
		err = io.EOF
		return
	}
	r, size, err = s.rs.ReadRune()
	if err == nil {
		s.count++
		if s.nlIsEnd && r == '\n' {
			s.atEOF = true
		}
	} else if err == io.EOF {
		s.atEOF = true
	}
	return
}

func (s *ss) Width() (wid int, ok bool) {
	if s.maxWid == hugeWid {
		return 0, false
	}
	return s.maxWid, true
}

// getRune reads the next rune, eof at the end of the input (or after a
// read error, which is recorded).
func (s *ss) getRune() rune {
	r, _, err := s.ReadRune()
	if err != nil {
		if err != io.EOF && s.readErr == nil {
			s.readErr = err
			s.atEOF = true
		}
		return eof
	}
	return r
}

// mustReadRune reads the next rune; the end of input is an error.
func (s *ss) mustReadRune() (rune, error) {
	r := s.getRune()
	if r == eof {
		return eof, io.ErrUnexpectedEOF
	}
	return r, nil
}

func (s *ss) UnreadRune() error {
	s.rs.UnreadRune()
	s.atEOF = false
	s.count--
	return nil
}

// SkipSpace skips space in the input (a newline, where it may not appear,
// is an error for the operation in progress).
func (s *ss) SkipSpace() {
	if err := s.skipSpace(); err != nil && s.skipErr == nil {
		s.skipErr = err
	}
}

func (s *ss) skipSpace() error {
	for {
		r := s.getRune()
		if r == eof {
			return nil
		}
		if r == '\r' && s.peek("\n") {
			continue
		}
		if r == '\n' {
			if s.nlIsSpace {
				continue
			}
			return errors.New("unexpected newline")
		}
		if !isSpace(r) {
			s.UnreadRune()
			return nil
		}
	}
}

func (s *ss) Token(skipSpace bool, f func(rune) bool) (tok []byte, err error) {
	if f == nil {
		f = notSpace
	}
	s.buf = s.buf[:0]
	return s.token(skipSpace, f)
}

// token returns the run of runes satisfying f, after space if skipSpace.
func (s *ss) token(skipSpace bool, f func(rune) bool) ([]byte, error) {
	if skipSpace {
		if err := s.skipSpace(); err != nil {
			return nil, err
		}
	}
	for {
		r := s.getRune()
		if r == eof {
			break
		}
		if !f(r) {
			s.UnreadRune()
			break
		}
		s.buf = utf8.AppendRune(s.buf, r)
	}
	return s.buf, nil
}

// isSpace reports whether r is space as the scanner sees it (Unicode
// White_Space, without the mongolian vowel separator).
func isSpace(r rune) bool {
	switch {
	case r >= 0x0009 && r <= 0x000d, r == 0x0020, r == 0x0085, r == 0x00a0, r == 0x1680,
		r >= 0x2000 && r <= 0x200a, r == 0x2028, r == 0x2029, r == 0x202f, r == 0x205f, r == 0x3000:
		return true
	}
	return false
}

func notSpace(r rune) bool {
	return !isSpace(r)
}

// readRune reads runes from an io.Reader byte by byte (so that it never
// reads past the runes it returns), with one rune of push-back.
type readRune struct {
	reader   io.Reader
	buf      [utf8.UTFMax]byte
	pending  int               // bytes in pendBuf (left from bad UTF-8)
	pendBuf  [utf8.UTFMax]byte // bytes left over
	peekRune rune              // if >= 0 the next rune; when < 0, ^(previous rune)
}

func (r *readRune) readByte() (b byte, err error) {
	if r.pending > 0 {
		b = r.pendBuf[0]
		copy(r.pendBuf[0:], r.pendBuf[1:])
		r.pending--
		return
	}
	n, err := io.ReadFull(r.reader, r.pendBuf[:1])
	if n != 1 {
		return 0, err
	}
	return r.pendBuf[0], err
}

func (r *readRune) ReadRune() (rr rune, size int, err error) {
	if r.peekRune >= 0 {
		rr = r.peekRune
		r.peekRune = ^r.peekRune
		size = utf8.RuneLen(rr)
		return
	}
	r.buf[0], err = r.readByte()
	if err != nil {
		return
	}
	if r.buf[0] < utf8.RuneSelf {
		rr = rune(r.buf[0])
		size = 1
		r.peekRune = ^rr
		return
	}
	var n int
	for n = 1; !utf8.FullRune(r.buf[:n]); n++ {
		r.buf[n], err = r.readByte()
		if err != nil {
			if err == io.EOF {
				err = nil
				break
			}
			return
		}
	}
	rr, size = utf8.DecodeRune(r.buf[:n])
	if size < n { // keep the bytes of a bad encoding for the next read
		copy(r.pendBuf[r.pending:], r.buf[size:n])
		r.pending += n - size
	}
	r.peekRune = ^rr
	return
}

func (r *readRune) UnreadRune() error {
	if r.peekRune >= 0 {
		return errors.New("fmt: scanning called UnreadRune with no rune available")
	}
	r.peekRune = ^r.peekRune
	return nil
}

var (
	errComplex = errors.New("syntax error scanning complex number")
	errBool    = errors.New("syntax error scanning boolean")
)

func indexRune(s string, r rune) int {
	for i, c := range s {
		if c == r {
			return i
		}
	}
	return -1
}

// consume reads the next rune; if it is in ok it is taken (and added to
// the token if accept), otherwise put back (when accept).
func (s *ss) consume(ok string, accept bool) bool {
	r := s.getRune()
	if r == eof {
		return false
	}
	if indexRune(ok, r) >= 0 {
		if accept {
			s.buf = utf8.AppendRune(s.buf, r)
		}
		return true
	}
	if accept {
		s.UnreadRune()
	}
	return false
}

// peek reports whether the next rune is in ok, leaving it unread.
func (s *ss) peek(ok string) bool {
	r := s.getRune()
	if r != eof {
		s.UnreadRune()
	}
	return indexRune(ok, r) >= 0
}

// notEOF returns io.EOF at the end of the input.
func (s *ss) notEOF() error {
	if r := s.getRune(); r == eof {
		return io.EOF
	}
	s.UnreadRune()
	return nil
}

func (s *ss) accept(ok string) bool {
	return s.consume(ok, true)
}

func (s *ss) okVerb(verb rune, okVerbs, typ string) error {
	for _, v := range okVerbs {
		if v == verb {
			return nil
		}
	}
	return errors.New("bad verb '%" + string(verb) + "' for " + typ)
}

// skipToValue skips space and checks there is input left.
func (s *ss) skipToValue() error {
	if err := s.skipSpace(); err != nil {
		return err
	}
	return s.notEOF()
}

func (s *ss) scanBool(verb rune) (bool, error) {
	if err := s.skipToValue(); err != nil {
		return false, err
	}
	if err := s.okVerb(verb, "tv", "boolean"); err != nil {
		return false, err
	}
	switch s.getRune() {
	case '0':
		return false, nil
	case '1':
		return true, nil
	case 't', 'T':
		if s.accept("rR") && (!s.accept("uU") || !s.accept("eE")) {
			return false, errBool
		}
		return true, nil
	case 'f', 'F':
		if s.accept("aA") && (!s.accept("lL") || !s.accept("sS") || !s.accept("eE")) {
			return false, errBool
		}
		return false, nil
	}
	return false, nil
}

const (
	binaryDigits      = "01"
	octalDigits       = "01234567"
	decimalDigits     = "0123456789"
	hexadecimalDigits = "0123456789aAbBcCdDeEfF"
	sign              = "+-"
	period            = "."
	exponent          = "eEpP"
)

// getBase returns the base of an integer verb and its digits.
func (s *ss) getBase(verb rune) (base int, digits string, err error) {
	err = s.okVerb(verb, "bdoUxXv", "integer")
	base = 10
	digits = decimalDigits
	switch verb {
	case 'b':
		base = 2
		digits = binaryDigits
	case 'o':
		base = 8
		digits = octalDigits
	case 'x', 'X', 'U':
		base = 16
		digits = hexadecimalDigits
	}
	return
}

// scanNumber reads a run of digits (at least one unless haveDigits).
func (s *ss) scanNumber(digits string, haveDigits bool) (string, error) {
	if !haveDigits {
		if err := s.notEOF(); err != nil {
			return "", err
		}
		if !s.accept(digits) {
			return "", errors.New("expected integer")
		}
	}
	for s.accept(digits) {
	}
	return string(s.buf), nil
}

// scanRune reads one rune as an integer of bitSize bits (%c).
func (s *ss) scanRune(bitSize int) (int64, error) {
	if err := s.notEOF(); err != nil {
		return 0, err
	}
	r := s.getRune()
	n := uint(bitSize)
	x := (int64(r) << (64 - n)) >> (64 - n)
	if x != int64(r) {
		return 0, errors.New("overflow on character value " + string(r))
	}
	return int64(r), nil
}

// scanBasePrefix reads a 0b, 0o, 0x or 0 prefix (for %v): base 0 lets
// strconv read the prefix; zeroFound says a digit was already taken.
func (s *ss) scanBasePrefix() (base int, digits string, zeroFound bool) {
	if !s.peek("0") {
		return 0, decimalDigits + "_", false
	}
	s.accept("0")
	switch {
	case s.peek("bB"):
		s.consume("bB", true)
		return 0, binaryDigits + "_", true
	case s.peek("oO"):
		s.consume("oO", true)
		return 0, octalDigits + "_", true
	case s.peek("xX"):
		s.consume("xX", true)
		return 0, hexadecimalDigits + "_", true
	default:
		return 0, octalDigits + "_", true
	}
}

// integerToken reads the token of an integer operand for verb.
func (s *ss) integerToken(verb rune, signed bool) (tok string, base int, err error) {
	if err := s.skipToValue(); err != nil {
		return "", 0, err
	}
	base, digits, err := s.getBase(verb)
	if err != nil {
		return "", 0, err
	}
	haveDigits := false
	if verb == 'U' {
		if !s.consume("U", false) || !s.consume("+", false) {
			return "", 0, errors.New("bad unicode format ")
		}
	} else {
		if signed {
			s.accept(sign) // a sign stays in the token
		}
		if verb == 'v' {
			base, digits, haveDigits = s.scanBasePrefix()
		}
	}
	tok, err = s.scanNumber(digits, haveDigits)
	return tok, base, err
}

// scanInt reads a signed integer of bitSize bits.
func (s *ss) scanInt(verb rune, bitSize int) (int64, error) {
	if verb == 'c' {
		return s.scanRune(bitSize)
	}
	tok, base, err := s.integerToken(verb, true)
	if err != nil {
		return 0, err
	}
	i, err := strconv.ParseInt(tok, base, 64)
	if err != nil {
		return 0, err
	}
	n := uint(bitSize)
	x := (i << (64 - n)) >> (64 - n)
	if x != i {
		return 0, errors.New("integer overflow on token " + tok)
	}
	return i, nil
}

// scanUint reads an unsigned integer of bitSize bits.
func (s *ss) scanUint(verb rune, bitSize int) (uint64, error) {
	if verb == 'c' {
		r, err := s.scanRune(bitSize)
		return uint64(r), err
	}
	tok, base, err := s.integerToken(verb, false)
	if err != nil {
		return 0, err
	}
	i, err := strconv.ParseUint(tok, base, 64)
	if err != nil {
		return 0, err
	}
	n := uint(bitSize)
	x := (i << (64 - n)) >> (64 - n)
	if x != i {
		return 0, errors.New("unsigned integer overflow on token " + tok)
	}
	return i, nil
}

// floatToken reads the text of a floating-point number: NaN, [+-]Inf,
// or digits (decimal or 0x hexadecimal, with underscores) with an
// optional fraction and exponent.
func (s *ss) floatToken() string {
	s.buf = s.buf[:0]
	if s.accept("nN") && s.accept("aA") && s.accept("nN") {
		return string(s.buf)
	}
	s.accept(sign)
	if s.accept("iI") && s.accept("nN") && s.accept("fF") {
		return string(s.buf)
	}
	digits := decimalDigits + "_"
	exp := exponent
	if s.accept("0") && s.accept("xX") {
		digits = hexadecimalDigits + "_"
		exp = "pP"
	}
	for s.accept(digits) {
	}
	if s.accept(period) {
		for s.accept(digits) {
		}
	}
	if s.accept(exp) {
		s.accept(sign)
		for s.accept(decimalDigits + "_") {
		}
	}
	return string(s.buf)
}

// complexTokens reads the two parts of a complex number, N+Ni, possibly
// in parentheses.
func (s *ss) complexTokens() (real, imag string, err error) {
	parens := s.accept("(")
	real = s.floatToken()
	s.buf = s.buf[:0]
	if !s.accept("+-") {
		return "", "", errComplex
	}
	imagSign := string(s.buf)
	imag = s.floatToken()
	if !s.accept("i") {
		return "", "", errComplex
	}
	if parens && !s.accept(")") {
		return "", "", errComplex
	}
	return real, imagSign + imag, nil
}

func hasX(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == 'x' || s[i] == 'X' {
			return true
		}
	}
	return false
}

// convertFloat parses a float token; a decimal mantissa with a binary
// exponent ("1.5p3") is accepted too.
func convertFloat(str string, n int) (float64, error) {
	if p := indexRune(str, 'p'); p >= 0 && !hasX(str) {
		f, err := strconv.ParseFloat(str[:p], n)
		if err != nil {
			if e, ok := err.(*strconv.NumError); ok {
				e.Num = str
			}
			return 0, err
		}
		m, err := strconv.Atoi(str[p+1:])
		if err != nil {
			if e, ok := err.(*strconv.NumError); ok {
				e.Num = str
			}
			return 0, err
		}
		return math.Ldexp(f, m), nil
	}
	return strconv.ParseFloat(str, n)
}

const floatVerbs = "beEfFgGv"

// scanFloat reads a float operand of the given size.
func (s *ss) scanFloat(verb rune, bits int, typ string) (float64, error) {
	if typ != "" {
		if err := s.okVerb(verb, floatVerbs, typ); err != nil {
			return 0, err
		}
	}
	if err := s.skipToValue(); err != nil {
		return 0, err
	}
	return convertFloat(s.floatToken(), bits)
}

// scanComplex reads a complex number of n bits.
func (s *ss) scanComplex(verb rune, n int) (complex128, error) {
	if err := s.okVerb(verb, floatVerbs, "complex"); err != nil {
		return 0, err
	}
	if err := s.skipToValue(); err != nil {
		return 0, err
	}
	sreal, simag, err := s.complexTokens()
	if err != nil {
		return 0, err
	}
	real, err := convertFloat(sreal, n/2)
	if err != nil {
		return 0, err
	}
	imag, err := convertFloat(simag, n/2)
	if err != nil {
		return 0, err
	}
	return complex(real, imag), nil
}

// convertString reads a string operand: a word (%s, %v), a quoted string
// (%q) or hexadecimal bytes (%x).
func (s *ss) convertString(verb rune) (string, error) {
	if err := s.okVerb(verb, "svqxX", "string"); err != nil {
		return "", err
	}
	if err := s.skipToValue(); err != nil {
		return "", err
	}
	switch verb {
	case 'q':
		return s.quotedString()
	case 'x', 'X':
		return s.hexString()
	}
	tok, err := s.token(true, notSpace) // %s and %v: the next word
	return string(tok), err
}

// quotedString reads a Go string literal.
func (s *ss) quotedString() (string, error) {
	if err := s.notEOF(); err != nil {
		return "", err
	}
	quote := s.getRune()
	switch quote {
	case '`':
		// Back-quoted: anything up to the closing quote.
		for {
			r, err := s.mustReadRune()
			if err != nil {
				return "", err
			}
			if r == quote {
				break
			}
			s.buf = utf8.AppendRune(s.buf, r)
		}
		return string(s.buf), nil
	case '"':
		// Double-quoted: include the quotes and let strconv.Unquote do
		// the backslash escapes.
		s.buf = append(s.buf, '"')
		for {
			r, err := s.mustReadRune()
			if err != nil {
				return "", err
			}
			s.buf = utf8.AppendRune(s.buf, r)
			if r == '\\' {
				// The rune after a backslash cannot end the string.
				r, err = s.mustReadRune()
				if err != nil {
					return "", err
				}
				s.buf = utf8.AppendRune(s.buf, r)
			} else if r == '"' {
				break
			}
		}
		return strconv.Unquote(string(s.buf))
	}
	return "", errors.New("expected quoted string")
}

// hexDigit returns the value of a hexadecimal digit.
func hexDigit(d rune) (int, bool) {
	switch {
	case '0' <= d && d <= '9':
		return int(d - '0'), true
	case 'a' <= d && d <= 'f':
		return int(10 + d - 'a'), true
	case 'A' <= d && d <= 'F':
		return int(10 + d - 'A'), true
	}
	return -1, false
}

// hexByte reads two hexadecimal digits; ok is false if there is no
// digit.
func (s *ss) hexByte() (b byte, ok bool, err error) {
	rune1 := s.getRune()
	if rune1 == eof {
		return
	}
	value1, ok := hexDigit(rune1)
	if !ok {
		s.UnreadRune()
		return
	}
	r, err := s.mustReadRune()
	if err != nil {
		return 0, false, err
	}
	value2, ok := hexDigit(r)
	if !ok {
		return 0, false, errors.New("illegal hex digit")
	}
	return byte(value1<<4 | value2), true, nil
}

// hexString reads bytes written as pairs of hexadecimal digits.
func (s *ss) hexString() (string, error) {
	if err := s.notEOF(); err != nil {
		return "", err
	}
	for {
		b, ok, err := s.hexByte()
		if err != nil {
			return "", err
		}
		if !ok {
			break
		}
		s.buf = append(s.buf, b)
	}
	if len(s.buf) == 0 {
		return "", errors.New("no hex data for %x string")
	}
	return string(s.buf), nil
}

// scanPercent reads the percent sign of %%.
func (s *ss) scanPercent() error {
	if err := s.skipToValue(); err != nil {
		return err
	}
	if !s.accept("%") {
		return errors.New("missing literal %")
	}
	return nil
}

// rtype is the prefix of a type descriptor (rt/ABI.md) that scanning into
// pointers to named types needs.
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

// Kinds (gc's numbering).
const tflagNamed = 2

const (
	kindBool       = 1
	kindInt        = 2
	kindInt64      = 6
	kindUint       = 7
	kindUintptr    = 12
	kindFloat32    = 13
	kindFloat64    = 14
	kindComplex64  = 15
	kindComplex128 = 16
	kindPointer    = 22
	kindSlice      = 23
	kindString     = 24
	kindUint8      = 8
)

// scanOne scans one operand, as its type says.
func (s *ss) scanOne(verb rune, arg any) error {
	s.buf = s.buf[:0]
	if v, ok := arg.(Scanner); ok {
		err := v.Scan(s, verb)
		if err == nil {
			err, s.skipErr = s.skipErr, nil
		}
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return err
	}

	// On an error the operand keeps its value.
	var err error
	switch v := arg.(type) {
	case *bool:
		var b bool
		if b, err = s.scanBool(verb); err == nil {
			*v = b
		}
	case *complex64:
		var c complex128
		if c, err = s.scanComplex(verb, 64); err == nil {
			*v = complex64(c)
		}
	case *complex128:
		var c complex128
		if c, err = s.scanComplex(verb, 128); err == nil {
			*v = c
		}
	case *int, *int8, *int16, *int32, *int64, *uint, *uint8, *uint16, *uint32, *uint64, *uintptr,
		*float32, *float64, *string, *[]byte:
		// Pointers to these basic types share the path of named types.
		err = s.scanByKind(verb, arg)
	default:
		err = s.scanByKind(verb, arg)
	}
	return err
}

// scanByKind scans into a pointer to a named type, by its underlying
// kind (what gc does through reflection).
func (s *ss) scanByKind(verb rune, arg any) error {
	e := (*struct {
		typ  *rtype
		data unsafe.Pointer
	})(unsafe.Pointer(&arg))
	if e.typ == nil || e.typ.kind != kindPointer {
		name := "<nil>"
		if e.typ != nil {
			name = e.typ.name
		}
		return errors.New("type not a pointer: " + name)
	}
	t, p := e.typ.elem, e.data
	// Unnamed float32 and float64 check the verb; named ones do not (as
	// under gc, where those take different paths).
	floatType := ""
	if t.tflag&tflagNamed == 0 {
		floatType = t.name
	}
	switch k := t.kind; {
	case k == kindBool:
		b, err := s.scanBool(verb)
		if err == nil {
			*(*bool)(p) = b
		}
		return err
	case kindInt <= k && k <= kindInt64:
		i, err := s.scanInt(verb, int(t.size*8))
		if err == nil {
			setInt(p, t.size, uint64(i))
		}
		return err
	case kindUint <= k && k <= kindUintptr:
		u, err := s.scanUint(verb, int(t.size*8))
		if err == nil {
			setInt(p, t.size, u)
		}
		return err
	case k == kindString:
		str, err := s.convertString(verb)
		if err == nil {
			*(*string)(p) = str
		}
		return err
	case k == kindSlice:
		if t.elem.kind != kindUint8 {
			return errors.New("can't scan type: " + e.typ.name)
		}
		str, err := s.convertString(verb)
		if err == nil {
			*(*[]byte)(p) = []byte(str)
		}
		return err
	case k == kindFloat32 || k == kindFloat64:
		f, err := s.scanFloat(verb, int(t.size*8), floatType)
		if err != nil {
			return err
		}
		if k == kindFloat32 {
			*(*float32)(p) = float32(f)
		} else {
			*(*float64)(p) = f
		}
		return nil
	case k == kindComplex64 || k == kindComplex128:
		c, err := s.scanComplex(verb, int(t.size*8))
		if err != nil {
			return err
		}
		if k == kindComplex64 {
			*(*complex64)(p) = complex64(c)
		} else {
			*(*complex128)(p) = c
		}
		return nil
	}
	return errors.New("can't scan type: " + e.typ.name)
}

// setInt stores the low size bytes of v at p.
func setInt(p unsafe.Pointer, size uintptr, v uint64) {
	switch size {
	case 1:
		*(*uint8)(p) = uint8(v)
	case 2:
		*(*uint16)(p) = uint16(v)
	case 4:
		*(*uint32)(p) = uint32(v)
	default:
		*(*uint64)(p) = v
	}
}

// finish picks the error a scan reports: a read error first, io.EOF as is.
func (s *ss) finish(n int, err error) (int, error) {
	if s.readErr != nil {
		return n, s.readErr
	}
	return n, err
}

// doScan scans the operands, each a space-separated value.
func (s *ss) doScan(a []any) (numProcessed int, err error) {
	for _, arg := range a {
		if err := s.scanOne('v', arg); err != nil {
			return s.finish(numProcessed, err)
		}
		numProcessed++
	}
	// Scanln: only space may follow, up to a newline or the end.
	if s.nlIsEnd {
		for {
			r := s.getRune()
			if r == '\n' || r == eof {
				break
			}
			if !isSpace(r) {
				return s.finish(numProcessed, errors.New("expected newline"))
			}
		}
	}
	return s.finish(numProcessed, nil)
}

// advance matches the literal text at the start of format (up to a verb)
// against the input and returns how many bytes of format it used: 0 when
// format starts with a verb or the input has ended, -1 when the input
// differs. A run of spaces matches a run of spaces; newlines must match
// newlines; "%%" matches "%".
func (s *ss) advance(format string) (i int, err error) {
	for i < len(format) {
		fmtc, w := utf8.DecodeRuneInString(format[i:])

		// Space processing: the run of space in the format, newlines
		// counted; each newline must match one in the input (spaces
		// around it optional); trailing space matches any space but a
		// newline.
		if isSpace(fmtc) {
			newlines := 0
			trailingSpace := false
			for isSpace(fmtc) && i < len(format) {
				if fmtc == '\n' {
					newlines++
					trailingSpace = false
				} else {
					trailingSpace = true
				}
				i += w
				fmtc, w = utf8.DecodeRuneInString(format[i:])
			}
			for j := 0; j < newlines; j++ {
				inputc := s.getRune()
				for isSpace(inputc) && inputc != '\n' {
					inputc = s.getRune()
				}
				if inputc != '\n' && inputc != eof {
					return i, errors.New("newline in format does not match input")
				}
			}
			if trailingSpace {
				inputc := s.getRune()
				if newlines == 0 {
					// No newlines: the space must match at least one
					// space in the input, and not a newline.
					if !isSpace(inputc) && inputc != eof {
						return i, errors.New("expected space in input to match format")
					}
					if inputc == '\n' {
						return i, errors.New("newline in input does not match format")
					}
				}
				for isSpace(inputc) && inputc != '\n' {
					inputc = s.getRune()
				}
				if inputc != eof {
					s.UnreadRune()
				}
			}
			continue
		}

		if fmtc == '%' {
			if i+w == len(format) {
				return i, errors.New("missing verb: % at end of format string")
			}
			nextc, _ := utf8.DecodeRuneInString(format[i+w:])
			if nextc != '%' {
				return i, nil
			}
			i += w // "%%": match one percent sign
		}

		inputc, err := s.mustReadRune()
		if err != nil {
			return i, err
		}
		if fmtc != inputc {
			s.UnreadRune()
			return -1, nil
		}
		i += w
	}
	return i, nil
}

// doScanf scans the operands as the format says.
func (s *ss) doScanf(format string, a []any) (numProcessed int, err error) {
	end := len(format) - 1
	for i := 0; i <= end; {
		w, err := s.advance(format[i:])
		if err != nil {
			return s.finish(numProcessed, err)
		}
		if w > 0 {
			i += w
			continue
		}
		// A verb, a mismatch, or the end of the input.
		if format[i] != '%' {
			if w < 0 {
				return s.finish(numProcessed, errors.New("input does not match format"))
			}
			// The end of the input: operands left are reported below.
			break
		}
		i++ // % is one byte

		// An optional width.
		var widPresent bool
		s.maxWid, widPresent, i = parsenum(format, i, end)
		if !widPresent {
			s.maxWid = hugeWid
		}

		c, w := utf8.DecodeRuneInString(format[i:])
		i += w

		if c != 'c' {
			if err := s.skipSpace(); err != nil {
				return s.finish(numProcessed, err)
			}
		}
		if c == '%' {
			if err := s.scanPercent(); err != nil {
				return s.finish(numProcessed, err)
			}
			continue // Do not consume an argument.
		}
		s.argLimit = s.limit
		if f := s.count + s.maxWid; f < s.argLimit {
			s.argLimit = f
		}

		if numProcessed >= len(a) { // out of operands
			return s.finish(numProcessed, errors.New("too few operands for format '%"+format[i-w:]+"'"))
		}
		arg := a[numProcessed]

		if err := s.scanOne(c, arg); err != nil {
			return s.finish(numProcessed, err)
		}
		numProcessed++
		s.argLimit = s.limit
	}
	if numProcessed < len(a) {
		return s.finish(numProcessed, errors.New("too many operands"))
	}
	return s.finish(numProcessed, nil)
}

// parsenum reads a decimal number at s[start:end]; isnum is false if
// there is none (or it is absurdly large).
func parsenum(s string, start, end int) (num int, isnum bool, newi int) {
	if start >= end {
		return 0, false, end
	}
	for newi = start; newi < end && '0' <= s[newi] && s[newi] <= '9'; newi++ {
		if num > 1e6 || num < -1e6 {
			return 0, false, end
		}
		num = num*10 + int(s[newi]-'0')
		isnum = true
	}
	return
}
