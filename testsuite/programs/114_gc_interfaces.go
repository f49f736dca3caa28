// Interface values as the only references: interface{} holding structs
// with pointers (boxed copies), pointers, slices, maps, funcs, strings and
// nested interfaces, in a []interface{}, in struct fields of interface
// type, and behind error and fmt.Stringer. Checked with type switches
// after garbage has been churned and collections run.
package main

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
)

type point struct {
	x, y int
	name *string
	tags []string
}

type box struct {
	inner interface{}
	label string
}

type named struct {
	first, last string
	friends     []*named
}

func (n *named) String() string {
	return fmt.Sprintf("%s %s (%d)", n.first, n.last, len(n.friends))
}

type codeErr struct {
	code  int
	cause error
}

func (e codeErr) Error() string { return fmt.Sprintf("code %d: %v", e.code, e.cause) }
func (e codeErr) Unwrap() error { return e.cause }

func makeValue(i int) interface{} {
	switch i % 9 {
	case 0:
		name := fmt.Sprint("p", i)
		return point{x: i, y: -i, name: &name, tags: []string{"a" + fmt.Sprint(i), "b"}}
	case 1:
		name := fmt.Sprint("q", i)
		return &point{x: i * 2, name: &name}
	case 2:
		s := make([]int, 50)
		for k := range s {
			s[k] = i + k
		}
		return s
	case 3:
		return map[string]int{"i": i, "sq": i * i}
	case 4:
		v := i
		return func() int { return v * 3 }
	case 5:
		return strings.Repeat("s", i%40) + fmt.Sprint(i)
	case 6:
		return box{inner: box{inner: &point{x: i}, label: "in"}, label: fmt.Sprint("out", i)}
	case 7:
		var e error = codeErr{code: i, cause: errors.New(fmt.Sprint("cause", i))}
		return e
	default:
		n := &named{first: fmt.Sprint("f", i), last: "l"}
		n.friends = []*named{{first: "x"}, n}
		var s fmt.Stringer = n
		return s
	}
}

// check recomputes the value for i and compares it field by field.
func check(v interface{}, i int) bool {
	switch v := v.(type) {
	case point:
		return i%9 == 0 && v.x == i && v.y == -i && *v.name == fmt.Sprint("p", i) &&
			len(v.tags) == 2 && v.tags[0] == "a"+fmt.Sprint(i) && v.tags[1] == "b"
	case *point:
		return i%9 == 1 && v.x == 2*i && *v.name == fmt.Sprint("q", i)
	case []int:
		if i%9 != 2 || len(v) != 50 {
			return false
		}
		for k, x := range v {
			if x != i+k {
				return false
			}
		}
		return true
	case map[string]int:
		return i%9 == 3 && len(v) == 2 && v["i"] == i && v["sq"] == i*i
	case func() int:
		return i%9 == 4 && v() == 3*i
	case string:
		return i%9 == 5 && v == strings.Repeat("s", i%40)+fmt.Sprint(i)
	case box:
		in, ok := v.inner.(box)
		if !ok {
			return false
		}
		p, ok := in.inner.(*point)
		return i%9 == 6 && ok && p.x == i && in.label == "in" && v.label == fmt.Sprint("out", i)
	case error:
		var ce codeErr
		return i%9 == 7 && errors.As(v, &ce) && ce.code == i && v.Error() == fmt.Sprintf("code %d: cause%d", i, i)
	case fmt.Stringer:
		n, ok := v.(*named)
		return i%9 == 8 && ok && v.String() == fmt.Sprint("f", i)+" l (2)" && n.friends[1] == n && n.friends[0].first == "x"
	}
	return false
}

var sink interface{}

func churn(rounds int) {
	for r := 0; r < rounds; r++ {
		for k := 0; k < 16; k++ {
			sink = make([]byte, 64<<10)
		}
		for k := 0; k < 18; k++ {
			sink = makeValue(r*18 + k) // same shapes as the kept values
		}
		if r%25 == 0 {
			runtime.GC()
		}
	}
	sink = nil
	runtime.GC()
}

type holder struct {
	a, b interface{}
	err  error
	str  fmt.Stringer
}

func main() {
	const n = 900
	vals := make([]interface{}, n)
	for i := range vals {
		vals[i] = makeValue(i)
	}
	var hs []holder
	for i := 0; i < 90; i++ {
		h := holder{a: makeValue(9 * i), b: makeValue(9*i + 2)}
		h.err, _ = makeValue(9*i + 7).(error)
		h.str, _ = makeValue(9*i + 8).(fmt.Stringer)
		hs = append(hs, h)
	}
	m := map[interface{}]interface{}{}
	for i := 0; i < 100; i++ {
		m[fmt.Sprint("k", i)] = makeValue(i)
		m[i] = makeValue(i + 1000)
	}

	churn(600)

	okVals, counts := true, map[string]int{}
	for i, v := range vals {
		okVals = okVals && check(v, i)
		counts[fmt.Sprintf("%T", v)]++
	}
	fmt.Println("[]interface{}:", okVals)
	fmt.Println("dynamic types:", counts)
	okH := true
	for i, h := range hs {
		okH = okH && check(h.a, 9*i) && check(h.b, 9*i+2) && check(h.err, 9*i+7) && check(h.str, 9*i+8)
	}
	fmt.Println("interface fields:", okH, hs[3].err, hs[4].str)
	okM := len(m) == 200
	for i := 0; i < 100; i++ {
		okM = okM && check(m[fmt.Sprint("k", i)], i) && check(m[i], i+1000)
	}
	fmt.Println("map of interfaces:", okM)

	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("collected:", ms.NumGC > 0, ms.Frees > 0)
	fmt.Println("allocated at least 500 MB:", ms.TotalAlloc >= 500<<20)
	fmt.Println("heap bounded:", ms.HeapAlloc < 64<<20, ms.HeapSys < 256<<20)
}
