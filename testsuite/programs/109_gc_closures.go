// Closures and method values holding the only reference to an object:
// closures capturing pointers, slices, maps and strings; closures capturing
// closures; bound method values with pointer and value receivers; and
// interface method values. They are stored in a []func() and a map and
// called after lots of garbage and several collections.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

type account struct {
	name    string
	history []int
	peer    *account
}

func (a *account) Total() int {
	t := 0
	for _, h := range a.history {
		t += h
	}
	return t
}

func (a account) Describe() string {
	return fmt.Sprintf("%s:%d:%s", a.name, len(a.history), a.peer.name)
}

type shaper interface{ Area() int }

type rect struct {
	w, h  int
	label *string
}

func (r *rect) Area() int { return r.w * r.h * len(*r.label) }

func newAccount(i int) *account {
	a := &account{name: fmt.Sprint("acct", i), peer: &account{name: fmt.Sprint("peer", i)}}
	for j := 0; j < 100+i; j++ {
		a.history = append(a.history, j*i%97)
	}
	return a
}

func makeCounter(start int) func() int {
	n := new(int)
	*n = start
	return func() int {
		*n++
		return *n
	}
}

func compose(f, g func() int) func() int {
	return func() int { return f()*1000 + g() }
}

func mapClosure() func() string {
	m := map[string]int{}
	for i := 0; i < 500; i++ {
		m[fmt.Sprint("key", i)] = i * i
	}
	return func() string { return fmt.Sprint("map ", len(m), " ", m["key7"], " ", m["key499"]) }
}

func counterClosure() func() string {
	counter := makeCounter(41)
	pair := compose(makeCounter(1), makeCounter(100))
	return func() string { return fmt.Sprint("counters ", counter(), " ", pair(), " ", pair()) }
}

var sink []byte
var sinkA *account

func churn(rounds int) {
	for r := 0; r < rounds; r++ {
		for k := 0; k < 64; k++ {
			sink = make([]byte, 16<<10)
			sinkA = newAccount(k) // same shapes as the captured data
		}
		if r%50 == 0 {
			runtime.GC()
		}
	}
	sink, sinkA = nil, nil
}

func main() {
	var fs []func() string
	for i := 0; i < 20; i++ {
		data := make([]int, 1000)
		for j := range data {
			data[j] = i * j
		}
		fs = append(fs, func() string {
			s := 0
			for _, x := range data {
				s += x
			}
			return fmt.Sprint("slice ", s)
		})
	}
	fs = append(fs, mapClosure())

	words := strings.Repeat("closure ", 10000)[8*5000:] // keeps half of a big string
	fs = append(fs, func() string { return fmt.Sprint("string ", len(words), strings.Count(words, "c")) })

	fs = append(fs, counterClosure())

	// method values: pointer receiver (binds the pointer), value receiver
	// (binds a copy taken now), through an interface
	for i := 1; i <= 5; i++ {
		a := newAccount(i)
		total := a.Total
		desc := a.Describe
		a.name = "renamed" // seen by Total's receiver, not by Describe's copy
		label := strings.Repeat("x", i)
		var s shaper = &rect{w: i, h: i + 1, label: &label}
		area := s.Area
		fs = append(fs, func() string {
			return fmt.Sprint("methods ", total(), " ", desc(), " ", area())
		})
	}
	var bound []func() int
	for i := 0; i < 50; i++ {
		bound = append(bound, newAccount(i).Total)
	}

	churn(160)
	runtime.GC()
	churn(160)
	for _, f := range fs {
		fmt.Println(f())
	}
	churn(160)
	runtime.GC()
	sum := 0
	for _, f := range bound {
		sum += f()
	}
	fmt.Println("bound method values:", sum)
	fmt.Println("again:", fs[0](), fs[22]())

	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("collected:", ms.NumGC > 0, ms.Frees > 0)
	fmt.Println("allocated at least 500 MB:", ms.TotalAlloc >= 500<<20)
	fmt.Println("heap bounded:", ms.HeapAlloc < 64<<20, ms.HeapSys < 256<<20)
}
