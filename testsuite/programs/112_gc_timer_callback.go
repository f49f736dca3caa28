// Timer callbacks holding the only reference to data: time.AfterFunc
// closures capture freshly built structures; collections run (with garbage
// churned) before they fire; each callback checks its data and reports on
// a channel, then waits (with its data still referenced) until every
// callback has reported. Also a stopped-then-reset timer, and a
// time.NewTimer whose channel is read after collections by a goroutine
// whose data waits on its stack.
package main

import (
	"fmt"
	"runtime"
	"time"
)

type job struct {
	id    int
	parts []*part
	label string
}

type part struct {
	n   int
	raw []byte
}

func newJob(id int) *job {
	j := &job{id: id, label: fmt.Sprint("job", id)}
	for i := 0; i < 50; i++ {
		p := &part{n: i * id, raw: make([]byte, 300)}
		for k := range p.raw {
			p.raw[k] = byte(i + k + id)
		}
		j.parts = append(j.parts, p)
	}
	return j
}

func (j *job) check(id int) bool {
	if j.id != id || j.label != fmt.Sprint("job", id) || len(j.parts) != 50 {
		return false
	}
	for i, p := range j.parts {
		if p.n != i*id || len(p.raw) != 300 {
			return false
		}
		for k, b := range p.raw {
			if b != byte(i+k+id) {
				return false
			}
		}
	}
	return true
}

type result struct {
	id int
	ok bool
}

var sink []byte
var sinkJ *job

func churn(mb int) {
	for i := 0; i < mb; i++ {
		for k := 0; k < 16; k++ {
			sink = make([]byte, 64<<10)
		}
		sinkJ = newJob(i) // same shapes as the timers' data
		if i%25 == 0 {
			runtime.GC()
		}
	}
	sink, sinkJ = nil, nil
	runtime.GC()
}

func schedule(id int, d time.Duration, out chan<- result, release <-chan bool) *time.Timer {
	j := newJob(id)
	return time.AfterFunc(d, func() {
		out <- result{id, j.check(id)}
		<-release
		if !j.check(id) {
			panic("job data changed")
		}
		out <- result{id, true}
	})
}

func main() {
	const n = 40
	out := make(chan result, 2*(n+1))
	release := make(chan bool)
	for i := 0; i < n; i++ {
		schedule(i, 300*time.Millisecond+time.Duration(i)*time.Millisecond, out, release)
	}
	// stopped, then reset: its callback fires later, data still intact
	t := schedule(1000, time.Hour, out, release)
	t.Stop()
	churn(200)
	t.Reset(10 * time.Millisecond)

	// a NewTimer waited on by a goroutine holding data on its stack
	tm := time.NewTimer(200 * time.Millisecond)
	waited := make(chan bool)
	go func() {
		j := newJob(2000)
		<-tm.C
		waited <- j.check(2000)
		<-release
	}()

	churn(400)

	got := make([]bool, n+1)
	count := 0
	for i := 0; i < n+1; i++ {
		r := <-out
		if r.id == 1000 {
			got[n] = r.ok
		} else {
			got[r.id] = r.ok
		}
		count++
	}
	all := true
	for _, ok := range got {
		all = all && ok
	}
	fmt.Println("AfterFunc callbacks:", count, all)
	fmt.Println("reset timer:", got[n])
	fmt.Println("NewTimer waiter:", <-waited)
	churn(10)
	close(release)
	for i := 0; i < n+1; i++ {
		if r := <-out; !r.ok {
			fmt.Println("callback", r.id, "failed")
		}
	}
	fmt.Println("callbacks finished")

	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println("collected:", m.NumGC > 0, m.Frees > 0)
	fmt.Println("allocated at least 500 MB:", m.TotalAlloc >= 500<<20)
	fmt.Println("heap bounded:", m.HeapAlloc < 64<<20, m.HeapSys < 256<<20)
}
