// Values in flight in a panic: a freshly allocated *struct, an error
// wrapping a struct, a built string and a slice are panicked with, and
// the deferred function collects (after churning garbage) before it
// recovers, so the panic value is the only reference to them. Also a panic
// replaced by another inside a deferred call, and a recovered value passed
// up through a re-panic.
package main

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
)

type payload struct {
	id    int
	items []*int
	note  string
	inner *payload
}

type wrapped struct {
	code int
	data []byte
}

func (w *wrapped) Error() string { return fmt.Sprintf("wrapped %d/%d", w.code, len(w.data)) }

func newPayload(id int) *payload {
	p := &payload{id: id, note: fmt.Sprint("note-", id), inner: &payload{id: -id}}
	for i := 0; i < 200; i++ {
		v := i * id
		p.items = append(p.items, &v)
	}
	return p
}

func payloadOK(p *payload, id int) bool {
	if p.id != id || p.note != fmt.Sprint("note-", id) || p.inner.id != -id || len(p.items) != 200 {
		return false
	}
	for i, v := range p.items {
		if *v != i*id {
			return false
		}
	}
	return true
}

var sink []byte
var sinkP *payload

func churn(mb int) {
	for i := 0; i < mb; i++ {
		for k := 0; k < 8; k++ {
			sink = make([]byte, 128<<10)
		}
		sinkP = newPayload(i) // same shapes as the panic values
		if i%20 == 0 {
			runtime.GC()
		}
	}
	sink, sinkP = nil, nil
	runtime.GC()
}

func panicStruct(id int) (ok bool) {
	defer func() {
		churn(25)
		r := recover()
		p, isP := r.(*payload)
		ok = isP && payloadOK(p, id)
	}()
	panic(newPayload(id))
}

func panicError(code int) (msg string) {
	defer func() {
		churn(25)
		err := recover().(error)
		var w *wrapped
		if errors.As(err, &w) {
			sum := 0
			for _, b := range w.data {
				sum += int(b)
			}
			msg = fmt.Sprint(err, " ", w.code, " ", sum)
		}
	}()
	data := make([]byte, 50000)
	for i := range data {
		data[i] = byte(i % 7)
	}
	panic(fmt.Errorf("outer: %w", &wrapped{code: code, data: data}))
}

func panicString(n int) (s string) {
	defer func() {
		churn(25)
		s = recover().(string)
	}()
	panic(strings.Repeat("ab", n) + fmt.Sprint(n))
}

func panicSlice() (sum int) {
	defer func() {
		churn(25)
		for _, p := range recover().([]*payload) {
			if payloadOK(p, p.id) {
				sum += p.id
			}
		}
	}()
	var ps []*payload
	for i := 1; i <= 30; i++ {
		ps = append(ps, newPayload(i))
	}
	panic(ps)
}

// The first panic value is replaced by a second one, raised inside a
// deferred call while the first is in flight; the recovered value must be
// the second, intact.
func replaced() (ok bool) {
	defer func() {
		churn(25)
		p, isP := recover().(*payload)
		ok = isP && payloadOK(p, 77)
	}()
	defer func() {
		churn(25)
		panic(newPayload(77))
	}()
	panic(newPayload(66))
}

// A recovered value is re-panicked and recovered one level up.
func repanic() (ok bool) {
	defer func() {
		churn(25)
		p, isP := recover().(*payload)
		ok = isP && payloadOK(p, 88)
	}()
	func() {
		defer func() {
			r := recover()
			churn(25)
			panic(r)
		}()
		panic(newPayload(88))
	}()
	return false
}

func main() {
	fmt.Println("struct:", panicStruct(5))
	fmt.Println("error:", panicError(42))
	s := panicString(1000)
	fmt.Println("string:", len(s), s[:6], s[len(s)-6:])
	fmt.Println("slice:", panicSlice())
	fmt.Println("replaced:", replaced())
	fmt.Println("re-panicked:", repanic())
	churn(400)

	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("collected:", m.NumGC > 0, m.Frees > 0)
	fmt.Println("allocated at least 500 MB:", m.TotalAlloc >= 500<<20)
	fmt.Println("heap bounded:", m.HeapAlloc < 64<<20, m.HeapSys < 256<<20)
}
