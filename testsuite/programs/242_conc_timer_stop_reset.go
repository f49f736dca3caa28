// time.Timer Stop/Reset with Go 1.23+ semantics (unbuffered timer channels):
// no stale value after Stop or Reset; Stop reports a prevented delivery.
package main

import (
	"fmt"
	"time"
)

func pending(t *time.Timer) bool {
	select {
	case <-t.C:
		return true
	default:
		return false
	}
}

func main() {
	t := time.NewTimer(time.Hour)
	fmt.Println("len/cap of timer channel:", len(t.C), cap(t.C))
	fmt.Println("Stop active timer:", t.Stop())
	fmt.Println("Stop again:", t.Stop())
	fmt.Println("value after Stop:", pending(t))

	// Fires normally and is received.
	start := time.Now()
	t = time.NewTimer(20 * time.Millisecond)
	fired := <-t.C
	fmt.Println("fired after >= 20ms:", fired.Sub(start) >= 20*time.Millisecond)
	fmt.Println("Stop after receive:", t.Stop())

	// Expired but never received: Stop still reports true (the value will
	// never be delivered) and the channel stays empty.
	t = time.NewTimer(5 * time.Millisecond)
	time.Sleep(30 * time.Millisecond)
	fmt.Println("len after expiry:", len(t.C))
	fmt.Println("Stop after unreceived expiry:", t.Stop())
	fmt.Println("stale value after Stop:", pending(t))

	// Reset of an expired, unreceived timer discards the old value: the
	// next receive comes from the new deadline.
	t = time.NewTimer(5 * time.Millisecond)
	time.Sleep(30 * time.Millisecond)
	resetAt := time.Now()
	fmt.Println("Reset after unreceived expiry:", t.Reset(40*time.Millisecond))
	fmt.Println("stale value right after Reset:", pending(t))
	v := <-t.C
	fmt.Println("value is from the new deadline:", v.Sub(resetAt) >= 40*time.Millisecond)

	// Reset of an active timer moves its deadline.
	t = time.NewTimer(time.Hour)
	start = time.Now()
	fmt.Println("Reset active timer:", t.Reset(10*time.Millisecond))
	<-t.C
	fmt.Println("fired after reset, long before an hour:", time.Since(start) < time.Minute)

	// Reset of a stopped timer restarts it.
	t.Stop()
	fmt.Println("Reset stopped timer:", t.Reset(10*time.Millisecond))
	<-t.C
	fmt.Println("restarted timer fired")

	// A stopped timer never fires.
	t = time.NewTimer(10 * time.Millisecond)
	t.Stop()
	select {
	case <-t.C:
		fmt.Println("stopped timer fired?!")
	case <-time.After(40 * time.Millisecond):
		fmt.Println("stopped timer stayed silent")
	}

	// Stop from another goroutine while one waits on the channel in select.
	t = time.NewTimer(time.Hour)
	stopped := make(chan bool)
	go func() { stopped <- t.Stop() }()
	fmt.Println("stopped by other goroutine:", <-stopped)
}
