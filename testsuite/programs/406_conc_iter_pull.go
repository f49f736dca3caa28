package main

import (
	"fmt"
	"iter"
	"runtime"
	"strings"
	"sync"
)

type node struct {
	val         int
	left, right *node
}

func build(lo, hi int) *node {
	if lo > hi {
		return nil
	}
	mid := (lo + hi) / 2
	return &node{mid, build(lo, mid-1), build(mid+1, hi)}
}

func (n *node) walk(yield func(*node) bool) bool {
	if n == nil {
		return true
	}
	return n.left.walk(yield) && yield(n) && n.right.walk(yield)
}

func (n *node) All() iter.Seq[*node] {
	return func(yield func(*node) bool) { n.walk(yield) }
}

// words yields fresh strings, so the collector has garbage to find while
// values sit only on coroutine stacks.
func words(n int) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i := 0; i < n; i++ {
			s := strings.Repeat(fmt.Sprint(i%10), 1+i%7)
			if i%50 == 0 {
				runtime.GC()
			}
			if !yield(i, s) {
				return
			}
		}
	}
}

func sameTrees(a, b *node) bool {
	na, sa := iter.Pull(a.All())
	defer sa()
	nb, sb := iter.Pull(b.All())
	defer sb()
	for {
		x, ok1 := na()
		y, ok2 := nb()
		if ok1 != ok2 {
			return false
		}
		if !ok1 {
			return true
		}
		if x.val != y.val {
			return false
		}
	}
}

func main() {
	var wg sync.WaitGroup
	results := make([]string, 8)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t1 := build(0, 200+w)
			t2 := build(0, 200+w)
			t3 := build(1, 201+w)
			next, stop := iter.Pull2(words(300 + w))
			defer stop()
			total := 0
			for {
				i, s, ok := next()
				if !ok {
					break
				}
				total += i * len(s)
				if i%100 == 0 {
					runtime.Gosched()
				}
			}
			results[w] = fmt.Sprint(w, sameTrees(t1, t2), sameTrees(t1, t3), total)
		}()
	}
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}
	// A coroutine handed between goroutines: next is called from each in
	// turn.
	next, stop := iter.Pull2(words(40))
	ch := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for k := 0; k < 5; k++ {
				i, s, ok := next()
				fmt.Println("goroutine", g, i, s, ok)
			}
			ch <- true
		}()
		<-ch
	}
	stop()
	fmt.Println(next())
}
