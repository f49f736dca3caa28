// time.Ticker: ticks arrive repeatedly until Stop, no tick arrives after
// Stop, and Reset changes the period.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	tk := time.NewTicker(10 * time.Millisecond)
	n := 0
	var last time.Time
	increasing := true
	for t := range tk.C {
		if !last.IsZero() && !t.After(last) {
			increasing = false
		}
		last = t
		n++
		if n == 5 {
			tk.Stop()
			break
		}
	}
	fmt.Println("ticks:", n, "increasing times:", increasing)
	fmt.Println("elapsed >= 50ms:", time.Since(start) >= 50*time.Millisecond)

	// After Stop nothing more arrives.
	select {
	case <-tk.C:
		fmt.Println("tick after Stop?!")
	case <-time.After(40 * time.Millisecond):
		fmt.Println("no tick after Stop")
	}

	// Reset restarts a stopped ticker with a new period.
	start = time.Now()
	tk.Reset(20 * time.Millisecond)
	<-tk.C
	<-tk.C
	tk.Stop()
	fmt.Println("two ticks after Reset(20ms), elapsed >= 40ms:", time.Since(start) >= 40*time.Millisecond)

	// A ticker in a select loop alongside a done channel.
	done := make(chan struct{})
	go func() {
		time.Sleep(75 * time.Millisecond)
		close(done)
	}()
	loopStart := time.Now()
	tk2 := time.NewTicker(5 * time.Millisecond)
	defer tk2.Stop()
	ticks := 0
loop:
	for {
		select {
		case <-tk2.C:
			ticks++
		case <-done:
			break loop
		}
	}
	// A ticker drops ticks for slow receivers; it never sends more than
	// one per period.
	maxTicks := int(time.Since(loopStart)/(5*time.Millisecond)) + 1
	fmt.Println("some ticks before done, at most one per period:", ticks >= 1 && ticks <= maxTicks)

	// time.Tick returns a channel of a ticker that is never stopped.
	c := time.Tick(time.Millisecond)
	<-c
	<-c
	fmt.Println("time.Tick delivered twice")

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		time.NewTicker(0)
	}()
}
