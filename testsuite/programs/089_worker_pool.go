package main

import (
	"fmt"
	"sort"
	"sync"
)

type result struct {
	job, worker, value int
}

func worker(id int, jobs <-chan int, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- result{j, id, j * j}
	}
}

type stats struct {
	mu     sync.Mutex
	counts map[int]int
	total  int
}

func (s *stats) add(worker, v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counts[worker]++
	s.total += v
}

func main() {
	jobs := make(chan int, 10)
	results := make(chan result)
	var wg sync.WaitGroup
	for w := 1; w <= 4; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	go func() {
		for j := 1; j <= 40; j++ {
			jobs <- j
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	st := &stats{counts: map[int]int{}}
	var all []int
	var cwg sync.WaitGroup
	var mu sync.Mutex
	for i := 0; i < 3; i++ {
		cwg.Add(1)
		go func() {
			defer cwg.Done()
			for r := range results {
				st.add(r.worker, r.value)
				mu.Lock()
				all = append(all, r.job)
				mu.Unlock()
			}
		}()
	}
	cwg.Wait()
	sort.Ints(all)
	n := 0
	for _, c := range st.counts {
		n += c
	}
	fmt.Println("jobs:", len(all), "first:", all[0], "last:", all[len(all)-1])
	fmt.Println("counted:", n, "total:", st.total)

	// Fan-in of several producers, then a closed-channel drain.
	merged := make(chan string)
	var pwg sync.WaitGroup
	for _, name := range []string{"a", "b", "c"} {
		pwg.Add(1)
		go func() {
			defer pwg.Done()
			for i := 0; i < 3; i++ {
				merged <- fmt.Sprint(name, i)
			}
		}()
	}
	go func() { pwg.Wait(); close(merged) }()
	var got []string
	for s := range merged {
		got = append(got, s)
	}
	sort.Strings(got)
	fmt.Println(got)

	var once sync.Once
	var owg sync.WaitGroup
	for i := 0; i < 5; i++ {
		owg.Add(1)
		go func() {
			defer owg.Done()
			once.Do(func() { fmt.Println("initialised once") })
		}()
	}
	owg.Wait()

	// Everyone blocked: gc's deadlock report.
	var wg2 sync.WaitGroup
	wg2.Add(1)
	wg2.Wait()
}
