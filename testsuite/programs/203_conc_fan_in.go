// Fan-in: several producers each send on their own channel; one goroutine
// per input forwards into a single channel that is closed when all are done.
package main

import (
	"fmt"
	"slices"
	"sync"
)

func producer(name string, n int) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			out <- fmt.Sprintf("%s-%d", name, i)
		}
	}()
	return out
}

func merge(inputs ...<-chan string) <-chan string {
	out := make(chan string)
	var wg sync.WaitGroup
	for _, in := range inputs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range in {
				out <- v
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	merged := merge(producer("a", 3), producer("b", 5), producer("c", 2), producer("d", 0))
	var got []string
	perSource := map[byte][]string{}
	for v := range merged {
		got = append(got, v)
		perSource[v[0]] = append(perSource[v[0]], v)
	}
	// Each source's values arrive in the order it sent them.
	for _, src := range []byte("abcd") {
		fmt.Printf("%c in order: %v\n", src, slices.IsSorted(perSource[src]))
	}
	slices.Sort(got)
	fmt.Println(len(got), got)
}
