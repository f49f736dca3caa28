// context.WithCancel: workers stop when the context is cancelled; children
// are cancelled with their parent; Err, Cause and AfterFunc report it.
package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
)

type key struct{}

func worker(ctx context.Context, id int, ticks <-chan int, out chan<- string) {
	for {
		select {
		case <-ctx.Done():
			out <- fmt.Sprintf("worker %d stopped: %v", id, ctx.Err())
			return
		case <-ticks:
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	fmt.Println("before cancel:", ctx.Err())
	_, hasDeadline := ctx.Deadline()
	fmt.Println("has deadline:", hasDeadline)

	ticks := make(chan int)
	out := make(chan string, 3)
	for id := 1; id <= 3; id++ {
		go worker(ctx, id, ticks, out)
	}
	// Every worker gets work only while the context is live.
	for i := 0; i < 3; i++ {
		ticks <- i
	}
	cancel()
	var lines []string
	for i := 0; i < 3; i++ {
		lines = append(lines, <-out)
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
	fmt.Println("after cancel:", ctx.Err(), errors.Is(ctx.Err(), context.Canceled))
	cancel() // a second cancel is harmless
	fmt.Println("after second cancel:", ctx.Err())

	// Children are cancelled with the parent, not the other way round.
	parent, cancelParent := context.WithCancel(context.Background())
	child, cancelChild := context.WithCancel(parent)
	grandchild, cancelGrandchild := context.WithCancel(child)
	defer cancelGrandchild()
	sibling, cancelSibling := context.WithCancel(parent)
	cancelChild()
	fmt.Println("child cancelled:", child.Err(), "grandchild:", grandchild.Err(), "parent:", parent.Err(), "sibling:", sibling.Err())
	cancelParent()
	<-sibling.Done()
	fmt.Println("after parent cancel, sibling:", sibling.Err())
	cancelSibling()

	// WithCancelCause and AfterFunc.
	cctx, cancelCause := context.WithCancelCause(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	stop := context.AfterFunc(cctx, func() {
		defer wg.Done()
		fmt.Println("AfterFunc ran, cause:", context.Cause(cctx))
	})
	cancelCause(errors.New("shutting down"))
	wg.Wait()
	fmt.Println("stop after it ran:", stop())
	fmt.Println("err:", cctx.Err(), "cause:", context.Cause(cctx))

	ctx2, cancel2 := context.WithCancel(context.Background())
	stop2 := context.AfterFunc(ctx2, func() { fmt.Println("never printed") })
	fmt.Println("stop before cancel:", stop2())
	cancel2()
	fmt.Println("value through cancel ctx:", context.WithValue(ctx2, key{}, "v").Value(key{}))
}
