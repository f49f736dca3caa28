// Channel buffers holding the only references: buffered channels of *T,
// []byte, interface{} and structs with pointers are filled, the senders'
// references dropped, garbage churned and collections run, then drained
// and checked. Also a channel of channels, and a value held by a sender
// blocked on a full channel.
package main

import (
	"fmt"
	"runtime"
)

type T struct {
	id    int
	name  string
	next  *T
	bytes []byte
}

func newT(id int) *T {
	t := &T{id: id, name: fmt.Sprint("t", id), next: &T{id: -id}, bytes: make([]byte, 100+id%50)}
	for i := range t.bytes {
		t.bytes[i] = byte(id * i)
	}
	return t
}

func tOK(t *T, id int) bool {
	if t == nil || t.id != id || t.name != fmt.Sprint("t", id) || t.next.id != -id || len(t.bytes) != 100+id%50 {
		return false
	}
	for i, b := range t.bytes {
		if b != byte(id*i) {
			return false
		}
	}
	return true
}

type msg struct {
	seq  int
	body *[64]int
	tag  string
}

var sink []byte
var sinkT *T

func churn(mb int) {
	for i := 0; i < mb; i++ {
		for k := 0; k < 16; k++ {
			sink = make([]byte, 64<<10)
		}
		for k := 0; k < 10; k++ {
			sinkT = newT(k) // same shapes as the buffered values
		}
		if i%25 == 0 {
			runtime.GC()
		}
	}
	sink, sinkT = nil, nil
	runtime.GC()
}

func main() {
	cp := make(chan *T, 1000)
	cb := make(chan []byte, 100)
	ci := make(chan interface{}, 300)
	cm := make(chan msg, 200)
	cc := make(chan chan *T, 10)
	for i := 0; i < 1000; i++ {
		cp <- newT(i)
	}
	for i := 0; i < 100; i++ {
		b := make([]byte, 1000+i)
		for j := range b {
			b[j] = byte(i + j)
		}
		cb <- b
	}
	for i := 0; i < 300; i++ {
		switch i % 3 {
		case 0:
			ci <- newT(i)
		case 1:
			ci <- fmt.Sprint("str", i)
		default:
			ci <- []*T{newT(i), newT(i + 1)}
		}
	}
	for i := 0; i < 200; i++ {
		body := new([64]int)
		for j := range body {
			body[j] = i * j
		}
		cm <- msg{seq: i, body: body, tag: fmt.Sprint("m", i)}
	}
	for i := 0; i < 10; i++ {
		inner := make(chan *T, 5)
		for j := 0; j < 5; j++ {
			inner <- newT(i*10 + j)
		}
		cc <- inner
	}
	// a sender blocked on a full channel, holding the value to be sent
	full := make(chan *T, 1)
	full <- newT(5000)
	go func() {
		full <- newT(5001)
	}()

	churn(300)
	churn(300)

	okP := true
	for i := 0; i < 1000; i++ {
		okP = okP && tOK(<-cp, i)
	}
	fmt.Println("chan *T:", okP, len(cp))
	okB := true
	for i := 0; i < 100; i++ {
		b := <-cb
		okB = okB && len(b) == 1000+i
		for j, c := range b {
			okB = okB && c == byte(i+j)
		}
	}
	fmt.Println("chan []byte:", okB)
	okI := true
	for i := 0; i < 300; i++ {
		switch v := (<-ci).(type) {
		case *T:
			okI = okI && i%3 == 0 && tOK(v, i)
		case string:
			okI = okI && i%3 == 1 && v == fmt.Sprint("str", i)
		case []*T:
			okI = okI && i%3 == 2 && tOK(v[0], i) && tOK(v[1], i+1)
		}
	}
	fmt.Println("chan interface{}:", okI)
	okM := true
	for i := 0; i < 200; i++ {
		m := <-cm
		okM = okM && m.seq == i && m.tag == fmt.Sprint("m", i)
		for j, x := range m.body {
			okM = okM && x == i*j
		}
	}
	fmt.Println("chan struct:", okM)
	okC := true
	for i := 0; i < 10; i++ {
		inner := <-cc
		for j := 0; j < 5; j++ {
			okC = okC && tOK(<-inner, i*10+j)
		}
	}
	fmt.Println("chan of chans:", okC)
	fmt.Println("blocked sender:", tOK(<-full, 5000), tOK(<-full, 5001))

	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("collected:", m.NumGC > 0, m.Frees > 0)
	fmt.Println("allocated at least 500 MB:", m.TotalAlloc >= 500<<20)
	fmt.Println("heap bounded:", m.HeapAlloc < 64<<20, m.HeapSys < 256<<20)
}
