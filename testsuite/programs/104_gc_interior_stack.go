// Interior pointers held only by the stack: &arr[500] into a large array,
// &s.field into a small struct, a pointer to the last element, a subslice
// and a slice-to-array-pointer conversion, in the main goroutine, in deep
// recursion and in another goroutine. The objects they point into must
// survive collections while lots of garbage is churned (and, when freed
// memory is reused or poisoned, a wrong checksum shows a premature free).
package main

import (
	"fmt"
	"runtime"
)

const bigLen = 1 << 15 // 256 KiB of int64: a large object

type big struct {
	head int64
	arr  [bigLen]int64
	tail int64
}

func newBig(seed int64) *big {
	b := &big{head: seed, tail: -seed}
	for i := range b.arr {
		b.arr[i] = seed*1000003 + int64(i)
	}
	return b
}

func want(seed int64, i int) int64 { return seed*1000003 + int64(i) }

type small struct {
	a    int32
	b    [6]int32
	name string
	c    float64
}

func newSmall(seed int) *small {
	s := &small{a: int32(seed), name: fmt.Sprintf("small-%d", seed), c: float64(seed) / 4}
	for i := range s.b {
		s.b[i] = int32(seed + i)
	}
	return s
}

var sink []byte
var sinkP *big

// churn allocates about mb megabytes of short-lived data, pointer-free and
// pointerful, collecting now and then.
func churn(mb int) int {
	sum := 0
	for i := 0; i < mb; i++ {
		for k := 0; k < 16; k++ {
			b := make([]byte, 64<<10)
			b[k] = byte(i)
			sum += int(b[k])
			sink = b
		}
		if i%40 == 0 {
			sinkP = newBig(int64(i)) // the same size class as the live ones
			runtime.GC()
		}
		sinkP = nil
	}
	sink = nil
	return sum
}

// recurse keeps one interior pointer per frame, into an object nothing else
// references, collects at the bottom, and checks every one on the way up.
func recurse(depth int) bool {
	if depth == 0 {
		churn(8)
		return true
	}
	p := &newBig(int64(depth + 100)).arr[depth*97]
	q := &newSmall(depth).b[depth%6]
	ok := recurse(depth - 1)
	return ok && *p == want(int64(depth+100), depth*97) && *q == int32(depth+depth%6)
}

func main() {
	p := &newBig(7).arr[500]
	last := &newBig(8).arr[bigLen-1]
	tailp := &newBig(9).tail
	sub := newBig(10).arr[1000:1010]
	win := (*[100]int64)(newBig(11).arr[2000:2100])
	q := &newSmall(3).b[4]
	name := &newSmall(4).name
	fp := &newSmall(5).c

	done := make(chan bool)
	go func() {
		gp := &newBig(12).arr[bigLen/2]
		gq := &newSmall(6).b[1]
		churn(40)
		done <- *gp == want(12, bigLen/2) && *gq == 7
	}()

	churn(250)
	deepOK := recurse(60)
	goOK := <-done
	churn(250)
	runtime.GC()

	fmt.Println("&arr[500]:", *p == want(7, 500))
	fmt.Println("&arr[last]:", *last == want(8, bigLen-1))
	fmt.Println("&tail:", *tailp == -9)
	subOK := len(sub) == 10 && cap(sub) == bigLen-1000
	for i, x := range sub {
		subOK = subOK && x == want(10, 1000+i)
	}
	fmt.Println("subslice:", subOK)
	winOK := true
	for i, x := range win {
		winOK = winOK && x == want(11, 2000+i)
	}
	fmt.Println("array pointer window:", winOK)
	fmt.Println("&s.b[4]:", *q == 7)
	fmt.Println("&s.name:", *name == "small-4")
	fmt.Println("&s.c:", *fp == 1.25)
	fmt.Println("deep recursion:", deepOK)
	fmt.Println("other goroutine:", goOK)

	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("collected:", m.NumGC > 0, m.Frees > 0)
	fmt.Println("allocated at least 500 MB:", m.TotalAlloc >= 500<<20)
	fmt.Println("heap bounded:", m.HeapAlloc < 64<<20, m.HeapSys < 256<<20)
}
