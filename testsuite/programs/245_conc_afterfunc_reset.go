// Timer.Reset on an AfterFunc timer: moves a pending one (true), reschedules
// one that ran (false); Stop after Reset cancels the run.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

func main() {
	var runs atomic.Int32
	fired := make(chan int32, 10)
	t := time.AfterFunc(time.Hour, func() {
		fired <- runs.Add(1)
	})
	start := time.Now()
	fmt.Println("Reset pending timer:", t.Reset(20*time.Millisecond))
	fmt.Println("run", <-fired, "elapsed >= 20ms:", time.Since(start) >= 20*time.Millisecond)

	fmt.Println("Reset after it ran:", t.Reset(10*time.Millisecond))
	fmt.Println("run", <-fired)

	fmt.Println("Reset again:", t.Reset(30*time.Millisecond))
	fmt.Println("Stop after Reset:", t.Stop())
	time.Sleep(60 * time.Millisecond)
	fmt.Println("runs:", runs.Load(), "pending:", len(fired))

	// Resetting repeatedly before it fires: it runs once, for the last
	// deadline.
	start = time.Now()
	for i := 0; i < 5; i++ {
		t.Reset(time.Duration(10+10*i) * time.Millisecond)
	}
	fmt.Println("run", <-fired, "elapsed >= 50ms:", time.Since(start) >= 50*time.Millisecond)
	time.Sleep(30 * time.Millisecond)
	fmt.Println("runs:", runs.Load())

	// Reset from inside the callback makes it periodic.
	var ticks atomic.Int32
	done := make(chan struct{})
	var self *time.Timer
	self = time.AfterFunc(time.Hour, func() {
		if ticks.Add(1) < 4 {
			self.Reset(5 * time.Millisecond)
			return
		}
		close(done)
	})
	self.Reset(5 * time.Millisecond)
	<-done
	fmt.Println("self-resetting callback ran:", ticks.Load())
}
