// Package strconv implements conversions to and from string
// representations of basic data types (rgo overlay: integers, booleans,
// quoting, and floats through the runtime's float formatting).
package strconv

import "errors"

// IntSize is the size in bits of an int or uint value.
const IntSize = 64

// ErrRange indicates that a value is out of range for the target type.
var ErrRange = errors.New("value out of range")

// ErrSyntax indicates that a value does not have the right syntax for the
// target type.
var ErrSyntax = errors.New("invalid syntax")

// A NumError records a failed conversion.
type NumError struct {
	Func string // the failing function (ParseBool, ParseInt, ParseUint, ParseFloat)
	Num  string // the input
	Err  error  // the reason the conversion failed (ErrRange, ErrSyntax, etc.)
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

func syntaxError(fn, str string) *NumError {
	return &NumError{fn, str, ErrSyntax}
}

func rangeError(fn, str string) *NumError {
	return &NumError{fn, str, ErrRange}
}

func baseError(fn, str string, base int) *NumError {
	return &NumError{fn, str, errors.New("invalid base " + Itoa(base))}
}

func bitSizeError(fn, str string, bitSize int) *NumError {
	return &NumError{fn, str, errors.New("invalid bit size " + Itoa(bitSize))}
}

const digits = "0123456789abcdefghijklmnopqrstuvwxyz"

// FormatUint returns the string representation of i in the given base,
// for 2 <= base <= 36.
func FormatUint(i uint64, base int) string {
	return string(AppendUint(nil, i, base))
}

// FormatInt returns the string representation of i in the given base,
// for 2 <= base <= 36.
func FormatInt(i int64, base int) string {
	return string(AppendInt(nil, i, base))
}

// Itoa is equivalent to FormatInt(int64(i), 10).
func Itoa(i int) string {
	return FormatInt(int64(i), 10)
}

// AppendInt appends the string form of the integer i to dst.
func AppendInt(dst []byte, i int64, base int) []byte {
	if i < 0 {
		dst = append(dst, '-')
		return AppendUint(dst, uint64(-i), base)
	}
	return AppendUint(dst, uint64(i), base)
}

// AppendUint appends the string form of the unsigned integer i to dst.
func AppendUint(dst []byte, i uint64, base int) []byte {
	if base < 2 || base > len(digits) {
		panic("strconv: illegal AppendInt/FormatInt base")
	}
	var a [64]byte
	n := len(a)
	b := uint64(base)
	for i >= b {
		n--
		a[n] = digits[i%b]
		i /= b
	}
	n--
	a[n] = digits[i]
	return append(dst, a[n:]...)
}

// FormatBool returns "true" or "false" according to the value of b.
func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// AppendBool appends "true" or "false" to dst.
func AppendBool(dst []byte, b bool) []byte {
	return append(dst, FormatBool(b)...)
}

// ParseBool returns the boolean value represented by the string.
func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, syntaxError("ParseBool", str)
}

func lower(c byte) byte {
	return c | ('x' - 'X')
}

// underscoreOK reports whether the underscores in s are allowed: only
// between digits or between a base prefix and a digit, and only with a
// base prefix.
func underscoreOK(s string) bool {
	saw := '^'
	i := 0
	if len(s) >= 1 && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	hex := false
	if len(s) >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x') {
		i = 2
		saw = '0'
		hex = lower(s[1]) == 'x'
	}
	for ; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' || hex && 'a' <= lower(s[i]) && lower(s[i]) <= 'f' {
			saw = '0'
			continue
		}
		if s[i] == '_' {
			if saw != '0' {
				return false
			}
			saw = '_'
			continue
		}
		if saw == '_' {
			return false
		}
		saw = '!'
	}
	return saw != '_'
}

// ParseUint is like ParseInt but for unsigned numbers. A sign prefix is
// not permitted.
func ParseUint(s string, base int, bitSize int) (uint64, error) {
	const fnParseUint = "ParseUint"
	if s == "" {
		return 0, syntaxError(fnParseUint, s)
	}
	base0 := base == 0
	s0 := s
	switch {
	case 2 <= base && base <= 36:
	case base == 0:
		base = 10
		if s[0] == '0' {
			switch {
			case len(s) >= 3 && lower(s[1]) == 'b':
				base = 2
				s = s[2:]
			case len(s) >= 3 && lower(s[1]) == 'o':
				base = 8
				s = s[2:]
			case len(s) >= 3 && lower(s[1]) == 'x':
				base = 16
				s = s[2:]
			default:
				base = 8
				s = s[1:]
			}
		}
	default:
		return 0, baseError(fnParseUint, s0, base)
	}
	if bitSize == 0 {
		bitSize = IntSize
	} else if bitSize < 0 || bitSize > 64 {
		return 0, bitSizeError(fnParseUint, s0, bitSize)
	}
	var cutoff uint64
	switch base {
	case 10:
		cutoff = (1<<64-1)/10 + 1
	case 16:
		cutoff = (1<<64-1)/16 + 1
	default:
		cutoff = (1<<64-1)/uint64(base) + 1
	}
	maxVal := uint64(1)<<uint(bitSize) - 1
	underscores := false
	var n uint64
	for _, c := range []byte(s) {
		var d byte
		switch {
		case c == '_' && base0:
			underscores = true
			continue
		case '0' <= c && c <= '9':
			d = c - '0'
		case 'a' <= lower(c) && lower(c) <= 'z':
			d = lower(c) - 'a' + 10
		default:
			return 0, syntaxError(fnParseUint, s0)
		}
		if d >= byte(base) {
			return 0, syntaxError(fnParseUint, s0)
		}
		if n >= cutoff {
			return maxVal, rangeError(fnParseUint, s0)
		}
		n *= uint64(base)
		n1 := n + uint64(d)
		if n1 < n || n1 > maxVal {
			return maxVal, rangeError(fnParseUint, s0)
		}
		n = n1
	}
	if underscores && !underscoreOK(s0) {
		return 0, syntaxError(fnParseUint, s0)
	}
	return n, nil
}

// ParseInt interprets a string s in the given base (0, 2 to 36) and bit
// size (0 to 64) and returns the corresponding value i.
func ParseInt(s string, base int, bitSize int) (i int64, err error) {
	const fnParseInt = "ParseInt"
	if s == "" {
		return 0, syntaxError(fnParseInt, s)
	}
	s0 := s
	neg := false
	if s[0] == '+' {
		s = s[1:]
	} else if s[0] == '-' {
		neg = true
		s = s[1:]
	}
	un, err := ParseUint(s, base, bitSize)
	if err != nil && err.(*NumError).Err != ErrRange {
		err.(*NumError).Func = fnParseInt
		err.(*NumError).Num = s0
		return 0, err
	}
	if bitSize == 0 {
		bitSize = IntSize
	}
	cutoff := uint64(1 << uint(bitSize-1))
	if !neg && un >= cutoff {
		return int64(cutoff - 1), rangeError(fnParseInt, s0)
	}
	if neg && un > cutoff {
		return -int64(cutoff), rangeError(fnParseInt, s0)
	}
	n := int64(un)
	if neg {
		n = -n
	}
	return n, nil
}

// Atoi is equivalent to ParseInt(s, 10, 0), converted to type int.
func Atoi(s string) (int, error) {
	const fnAtoi = "Atoi"
	i64, err := ParseInt(s, 10, 0)
	if nerr, ok := err.(*NumError); ok {
		nerr.Func = fnAtoi
	}
	return int(i64), err
}

//rgo:extern rgo_strconv_formatfloat
func formatFloat(f float64, fmt byte, prec, bitSize int) string

//rgo:extern rgo_strconv_parsefloat
func parseFloat(s string, bitSize int) (float64, int)

//rgo:extern rgo_strconv_quote
func quote(s string, ascii bool) string

//rgo:extern rgo_strconv_quoterune
func quoteRune(r rune, ascii bool) string

//rgo:extern rgo_strconv_isprint
func isPrint(r rune) bool

//rgo:extern rgo_strconv_canbackquote
func canBackquote(s string) bool

// FormatFloat converts the floating-point number f to a string, according
// to the format fmt ('b', 'e', 'E', 'f', 'g', 'G', 'x', 'X') and precision
// prec (-1: the smallest number of digits necessary to represent the value
// uniquely), for a float32 (bitSize 32) or float64 (64).
func FormatFloat(f float64, fmt byte, prec, bitSize int) string {
	return formatFloat(f, fmt, prec, bitSize)
}

// AppendFloat appends the string form of the floating-point number f, as
// generated by FormatFloat, to dst.
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return append(dst, formatFloat(f, fmt, prec, bitSize)...)
}

// ParseFloat converts the string s to a floating-point number with the
// precision specified by bitSize: 32 for float32, or 64 for float64.
func ParseFloat(s string, bitSize int) (float64, error) {
	f, code := parseFloat(s, bitSize)
	switch code {
	case 1:
		return 0, syntaxError("ParseFloat", s)
	case 2:
		return f, rangeError("ParseFloat", s)
	}
	return f, nil
}

// Quote returns a double-quoted Go string literal representing s.
func Quote(s string) string {
	return quote(s, false)
}

// QuoteToASCII returns a double-quoted Go string literal representing s,
// with non-ASCII characters escaped.
func QuoteToASCII(s string) string {
	return quote(s, true)
}

// AppendQuote appends a double-quoted Go string literal representing s to
// dst.
func AppendQuote(dst []byte, s string) []byte {
	return append(dst, quote(s, false)...)
}

// QuoteRune returns a single-quoted Go character literal representing the
// rune.
func QuoteRune(r rune) string {
	return quoteRune(r, false)
}

// QuoteRuneToASCII returns a single-quoted Go character literal
// representing the rune, with non-ASCII characters escaped.
func QuoteRuneToASCII(r rune) string {
	return quoteRune(r, true)
}

// AppendQuoteRune appends a single-quoted Go character literal
// representing the rune to dst.
func AppendQuoteRune(dst []byte, r rune) []byte {
	return append(dst, quoteRune(r, false)...)
}

// IsPrint reports whether the rune is defined as printable by Go.
func IsPrint(r rune) bool {
	return isPrint(r)
}

// CanBackquote reports whether the string s can be represented unchanged
// as a single-line backquoted string.
func CanBackquote(s string) bool {
	return canBackquote(s)
}

// Unquote interprets s as a single-quoted, double-quoted, or backquoted Go
// string literal, returning the string value that s quotes.
func Unquote(s string) (string, error) {
	n := len(s)
	if n < 2 {
		return "", ErrSyntax
	}
	q := s[0]
	if q != s[n-1] {
		return "", ErrSyntax
	}
	body := s[1 : n-1]
	switch q {
	case '`':
		for i := 0; i < len(body); i++ {
			if body[i] == '`' {
				return "", ErrSyntax
			}
		}
		out := make([]byte, 0, len(body))
		for i := 0; i < len(body); i++ {
			if body[i] != '\r' {
				out = append(out, body[i])
			}
		}
		return string(out), nil
	case '"', '\'':
	default:
		return "", ErrSyntax
	}
	var out []byte
	runes := 0
	for len(body) > 0 {
		c := body[0]
		if c == q || c == '\n' {
			return "", ErrSyntax
		}
		if c != '\\' {
			out = append(out, c)
			body = body[1:]
			if c < 0x80 || (c&0xC0) != 0x80 {
				runes++
			}
			continue
		}
		if len(body) < 2 {
			return "", ErrSyntax
		}
		e := body[1]
		body = body[2:]
		runes++
		switch e {
		case 'a':
			out = append(out, 7)
		case 'b':
			out = append(out, 8)
		case 'f':
			out = append(out, 12)
		case 'n':
			out = append(out, 10)
		case 'r':
			out = append(out, 13)
		case 't':
			out = append(out, 9)
		case 'v':
			out = append(out, 11)
		case '\\':
			out = append(out, '\\')
		case '\'', '"':
			if e != q {
				return "", ErrSyntax
			}
			out = append(out, e)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			if len(body) < 2 {
				return "", ErrSyntax
			}
			v := uint64(e - '0')
			for j := 0; j < 2; j++ {
				d := body[j]
				if d < '0' || d > '7' {
					return "", ErrSyntax
				}
				v = v*8 + uint64(d-'0')
			}
			if v > 255 {
				return "", ErrSyntax
			}
			out = append(out, byte(v))
			body = body[2:]
		case 'x', 'u', 'U':
			size := 2
			if e == 'u' {
				size = 4
			} else if e == 'U' {
				size = 8
			}
			if len(body) < size {
				return "", ErrSyntax
			}
			v, err := ParseUint(body[:size], 16, 32)
			if err != nil {
				return "", ErrSyntax
			}
			body = body[size:]
			if e == 'x' {
				out = append(out, byte(v))
				continue
			}
			if v > 0x10FFFF || (v >= 0xD800 && v < 0xE000) {
				return "", ErrSyntax
			}
			out = append(out, string(rune(v))...)
		default:
			return "", ErrSyntax
		}
	}
	if q == '\'' && runes > 1 {
		return "", ErrSyntax
	}
	return string(out), nil
}
