// sync.Cond with Signal: a bounded queue whose producers wait while it is
// full and whose consumers wait while it is empty.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type queue struct {
	mu       sync.Mutex
	notFull  *sync.Cond
	notEmpty *sync.Cond
	items    []int
	capacity int
	maxLen   int
}

func newQueue(capacity int) *queue {
	q := &queue{capacity: capacity}
	q.notFull = sync.NewCond(&q.mu)
	q.notEmpty = sync.NewCond(&q.mu)
	return q
}

func (q *queue) put(v int) {
	q.mu.Lock()
	for len(q.items) == q.capacity {
		q.notFull.Wait()
	}
	q.items = append(q.items, v)
	if len(q.items) > q.maxLen {
		q.maxLen = len(q.items)
	}
	q.notEmpty.Signal()
	q.mu.Unlock()
}

func (q *queue) get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.notEmpty.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	q.notFull.Signal()
	return v
}

func main() {
	q := newQueue(3)
	const producers, perProducer, consumers = 3, 40, 4
	total := producers * perProducer
	var wg sync.WaitGroup
	for p := 0; p < producers; p++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < perProducer; i++ {
				q.put(p*1000 + i)
			}
		}()
	}
	got := make(chan int, total)
	var cwg sync.WaitGroup
	for c := 0; c < consumers; c++ {
		cwg.Add(1)
		go func() {
			defer cwg.Done()
			for i := 0; i < total/consumers; i++ {
				got <- q.get()
			}
		}()
	}
	wg.Wait()
	cwg.Wait()
	close(got)
	var all []int
	for v := range got {
		all = append(all, v)
	}
	sort.Ints(all)
	fmt.Println("received:", len(all))
	fmt.Println("first:", all[:5], "last:", all[len(all)-3:])
	fmt.Println("queue never over capacity:", q.maxLen <= q.capacity)
	fmt.Println("left in queue:", len(q.items))

	// Signal with no waiters is a no-op.
	q.notEmpty.Signal()
	fmt.Println("signal without waiters: ok")
}
