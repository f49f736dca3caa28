// Goroutines blocked with the only reference to their data on their own
// stacks: waiting on a channel receive, in a select, on a sync.Mutex, on a
// sync.WaitGroup and on a send to a full channel, while the main goroutine
// churns garbage and collects. Released, each verifies its data.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

type node struct {
	next *node
	val  int
	blob []byte
}

func newList(seed, n int) *node {
	var head *node
	for i := 0; i < n; i++ {
		b := make([]byte, 64+i%64)
		for k := range b {
			b[k] = byte(seed + i + k)
		}
		head = &node{next: head, val: seed*1000 + i, blob: b}
	}
	return head
}

func listSum(h *node, seed, n int) int {
	sum, count := 0, 0
	for p := h; p != nil; p = p.next {
		i := p.val - seed*1000
		if i < 0 || i >= n || len(p.blob) != 64+i%64 {
			return -1
		}
		for k, c := range p.blob {
			if c != byte(seed+i+k) {
				return -1
			}
		}
		sum += p.val
		count++
	}
	if count != n {
		return -1
	}
	return sum
}

func want(seed, n int) int { return seed*1000*n + n*(n-1)/2 }

var sink []byte
var sinkN *node

func churn(mb int) {
	for i := 0; i < mb; i++ {
		for k := 0; k < 16; k++ {
			sink = make([]byte, 64<<10)
		}
		sinkN = newList(i, 20) // same shapes as the goroutines' data
		if i%25 == 0 {
			runtime.GC()
		}
	}
	sink, sinkN = nil, nil
	runtime.GC()
}

func main() {
	const n = 50
	results := make(chan [2]int, 5*n)
	release := make(chan struct{})
	ready := make(chan bool, 5*n)

	// blocked on a receive
	for g := 0; g < n; g++ {
		go func(seed int) {
			h := newList(seed, 100)
			ready <- true
			<-release
			results <- [2]int{seed, listSum(h, seed, 100)}
		}(g)
	}
	// blocked in a select with two cases
	never := make(chan int)
	for g := n; g < 2*n; g++ {
		go func(seed int) {
			h := newList(seed, 100)
			ready <- true
			select {
			case <-release:
			case <-never:
			}
			results <- [2]int{seed, listSum(h, seed, 100)}
		}(g)
	}
	// blocked on a mutex held by main
	var mu sync.Mutex
	mu.Lock()
	for g := 2 * n; g < 3*n; g++ {
		go func(seed int) {
			h := newList(seed, 100)
			ready <- true
			mu.Lock()
			results <- [2]int{seed, listSum(h, seed, 100)}
			mu.Unlock()
		}(g)
	}
	// blocked on a WaitGroup
	var wg sync.WaitGroup
	wg.Add(1)
	for g := 3 * n; g < 4*n; g++ {
		go func(seed int) {
			h := newList(seed, 100)
			ready <- true
			wg.Wait()
			results <- [2]int{seed, listSum(h, seed, 100)}
		}(g)
	}
	// blocked sending its data on an unbuffered channel
	handoff := make(chan *node)
	for g := 4 * n; g < 5*n; g++ {
		go func(seed int) {
			ready <- true
			handoff <- newList(seed, 100)
		}(g)
	}
	for i := 0; i < 5*n; i++ {
		<-ready
	}

	churn(400)
	close(release)
	mu.Unlock()
	wg.Done()
	// receive the handed-off lists, after more collections
	churn(100)
	var lists []*node
	for i := 0; i < n; i++ {
		lists = append(lists, <-handoff)
	}
	churn(100)

	ok := make([]bool, 5*n)
	for i := 0; i < 4*n; i++ {
		r := <-results
		ok[r[0]] = r[1] == want(r[0], 100)
	}
	for _, h := range lists {
		seed := h.val / 1000
		ok[seed] = listSum(h, seed, 100) == want(seed, 100)
	}
	kinds := []string{"receive", "select", "mutex", "waitgroup", "send"}
	for k, name := range kinds {
		all := true
		for g := k * n; g < (k+1)*n; g++ {
			all = all && ok[g]
		}
		fmt.Println(name+":", all)
	}
	runtime.GC()

	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("collected:", m.NumGC > 0, m.Frees > 0)
	fmt.Println("allocated at least 500 MB:", m.TotalAlloc >= 500<<20)
	fmt.Println("heap bounded:", m.HeapAlloc < 64<<20, m.HeapSys < 256<<20)
}
