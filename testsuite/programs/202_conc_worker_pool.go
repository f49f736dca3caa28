// A worker pool: four workers take jobs from a buffered channel and send
// results on another; results are ordered by job number before printing.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type result struct {
	job    int
	worker int
	value  int
}

func collatzSteps(n int) int {
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	return steps
}

func main() {
	const workers = 4
	const njobs = 30
	jobs := make(chan int, 5)
	results := make(chan result, 5)

	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- result{job: j, worker: w, value: collatzSteps(j)}
			}
		}()
	}
	go func() {
		for j := 1; j <= njobs; j++ {
			jobs <- j
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	var all []result
	perWorker := make([]int, workers)
	for r := range results {
		all = append(all, r)
		perWorker[r.worker]++
	}
	sort.Slice(all, func(a, b int) bool { return all[a].job < all[b].job })
	for _, r := range all {
		fmt.Printf("collatz(%d) = %d\n", r.job, r.value)
	}
	total := 0
	for _, n := range perWorker {
		total += n
	}
	fmt.Println("results:", len(all), "sum over workers:", total)
}
