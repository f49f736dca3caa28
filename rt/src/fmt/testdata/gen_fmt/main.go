// Formats the operands described in cases.txt with the official toolchain:
// the table behind rt's fmt tests. Regenerate (from rt/src/fmt/testdata):
// go run gen_fmt/main.go gen_fmt/cases.txt > fmt.txt
package main

import (
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
)

type P struct{ X, Y int }
type Q struct {
	a int
	B string
}
type St struct{ A int }

func (s St) String() string { return "St<" + strconv.Itoa(s.A) + ">" }

type Pt struct{ A int }

func (p *Pt) String() string { return "Pt<" + strconv.Itoa(p.A) + ">" }

type E struct{ msg string }

func (e *E) Error() string {
	if e == nil {
		return "nilE"
	}
	return e.msg
}

type D int64

func (d D) String() string { return "D(" + strconv.Itoa(int(d)) + ")" }

type G struct{ A int }

func (g G) GoString() string { return "G!" }

type MyInt int
type MyStr string
type W struct {
	St
	I any
	p *int
	Q Q
}
type In struct {
	V any
	S fmt.Stringer
	e error
}

func parse(tok string) any {
	k, v, _ := strings.Cut(tok, ":")
	atoi := func(s string) int { n, err := strconv.Atoi(s); if err != nil { panic(err) }; return n }
	switch k {
	case "i":
		return atoi(v)
	case "i8":
		return int8(atoi(v))
	case "i32":
		return int32(atoi(v))
	case "i64":
		n, _ := strconv.ParseInt(v, 10, 64)
		return n
	case "u":
		n, _ := strconv.ParseUint(v, 10, 64)
		return uint(n)
	case "u8":
		return uint8(atoi(v))
	case "u16":
		return uint16(atoi(v))
	case "u64":
		n, _ := strconv.ParseUint(v, 10, 64)
		return n
	case "up":
		return uintptr(atoi(v))
	case "f":
		f, _ := strconv.ParseFloat(v, 64)
		return f
	case "f32":
		f, _ := strconv.ParseFloat(v, 32)
		return float32(f)
	case "c", "c64":
		re, im, _ := strings.Cut(v, ":")
		r, _ := strconv.ParseFloat(re, 64)
		i, _ := strconv.ParseFloat(im, 64)
		if k == "c64" {
			return complex64(complex(r, i))
		}
		return complex(r, i)
	case "b":
		return v == "true"
	case "s":
		s, err := strconv.Unquote(v)
		if err != nil {
			panic(tok)
		}
		return s
	case "nil":
		return nil
	case "P":
		x, y, _ := strings.Cut(v, ":")
		return P{atoi(x), atoi(y)}
	case "PP":
		x, y, _ := strings.Cut(v, ":")
		return &P{atoi(x), atoi(y)}
	case "Q":
		x, y, _ := strings.Cut(v, ":")
		return Q{atoi(x), y}
	case "St":
		return St{atoi(v)}
	case "StP":
		return &St{atoi(v)}
	case "NilStP":
		return (*St)(nil)
	case "Pt":
		return Pt{atoi(v)}
	case "PtP":
		return &Pt{atoi(v)}
	case "E":
		return &E{v}
	case "NilE":
		return (*E)(nil)
	case "D":
		return D(atoi(v))
	case "G":
		return G{atoi(v)}
	case "MyInt":
		return MyInt(atoi(v))
	case "MyStr":
		return MyStr(v)
	case "sl":
		var s []int
		for _, x := range strings.Split(v, ",") {
			s = append(s, atoi(x))
		}
		return s
	case "nilsl":
		return []int(nil)
	case "emptysl":
		return []int{}
	case "bs":
		s, _ := strconv.Unquote(v)
		return []byte(s)
	case "nilbs":
		return []byte(nil)
	case "ss":
		return strings.Split(v, ",")
	case "arr":
		var a [3]int
		for i, x := range strings.Split(v, ",") {
			a[i] = atoi(x)
		}
		return a
	case "barr":
		var a [3]byte
		for i, x := range strings.Split(v, ",") {
			a[i] = byte(atoi(x))
		}
		return a
	case "m":
		m := map[string]int{}
		for _, kv := range strings.Split(v, ",") {
			a, b, _ := strings.Cut(kv, "=")
			m[a] = atoi(b)
		}
		return m
	case "nilm":
		return map[string]int(nil)
	case "mi":
		m := map[int]string{}
		for _, kv := range strings.Split(v, ",") {
			a, b, _ := strings.Cut(kv, "=")
			m[atoi(a)] = b
		}
		return m
	case "mf":
		m := map[float64]int{}
		for _, kv := range strings.Split(v, ",") {
			a, b, _ := strings.Cut(kv, "=")
			f, _ := strconv.ParseFloat(a, 64)
			m[f] = atoi(b)
		}
		return m
	case "mst":
		return map[St]int{{3}: 1, {1}: 2}
	case "many":
		return map[any]int{"b": 1, 2: 2, "a": 3, 1: 4, nil: 5}
	case "anys":
		return []any{1, "a", nil, 2.5, St{4}}
	case "W":
		return W{St: St{1}, I: P{1, 2}, Q: Q{3, "q"}}
	case "WP":
		return &W{St: St{1}, I: nil}
	case "In":
		return In{V: 5, S: St{2}}
	case "InNil":
		return In{}
	case "nilp":
		return (*int)(nil)
	case "nilfn":
		return (func())(nil)
	case "Ds":
		return []D{1, 2}
	case "Sts":
		return []St{{1}, {2}}
	case "Pts":
		return []Pt{{1}, {2}}
	case "PtPs":
		return []*Pt{{1}, {2}}
	case "mD":
		return map[D]D{2: 3, 1: 4}
	case "inf":
		return math.Inf(1)
	}
	panic("bad token " + tok)
}

func main() {
	data, _ := os.ReadFile(os.Args[1])
	fmt.Println("# fmt.Sprintf results from go1.27.3: format, args..., =>, result (tab-separated, Go-quoted)")
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		format, err := strconv.Unquote(fields[0])
		if err != nil {
			panic(line)
		}
		var args []any
		for _, t := range fields[1:] {
			args = append(args, parse(t))
		}
		var got string
		switch format {
		case "PRINT":
			got = fmt.Sprint(args...)
		case "PRINTLN":
			got = fmt.Sprintln(args...)
		default:
			got = fmt.Sprintf(format, args...)
		}
		fmt.Printf("%s\t=>\t%s\n", line, strconv.Quote(got))
	}
}
