// context.WithTimeout and WithDeadline: a select on ctx.Done() against
// slow work, ctx.Err() before and after expiry, and work that beats it.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func slowOp(ctx context.Context, d time.Duration) (string, error) {
	select {
	case <-time.After(d):
		return fmt.Sprintf("finished %v of work", d), nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func main() {
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	deadline, ok := ctx.Deadline()
	fmt.Println("has deadline:", ok, "in the future:", time.Until(deadline) > 0)
	fmt.Println("err before expiry:", ctx.Err())
	res, err := slowOp(ctx, time.Second)
	fmt.Printf("result %q, err: %v\n", res, err)
	fmt.Println("is DeadlineExceeded:", errors.Is(err, context.DeadlineExceeded))
	fmt.Println("elapsed >= 50ms:", time.Since(start) >= 50*time.Millisecond)
	fmt.Println("err after expiry:", ctx.Err(), "cause:", context.Cause(ctx))

	// Work that finishes first; cancel afterwards gives Canceled.
	ctx2, cancel2 := context.WithTimeout(context.Background(), 5*time.Second)
	res, err = slowOp(ctx2, 10*time.Millisecond)
	fmt.Printf("result %q, err: %v\n", res, err)
	cancel2()
	fmt.Println("after cancel:", ctx2.Err())

	// A deadline already in the past: Done is closed at once.
	past, cancel3 := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel3()
	select {
	case <-past.Done():
		fmt.Println("past deadline:", past.Err())
	default:
		fmt.Println("past deadline not done?!")
	}

	// A child cannot extend its parent's deadline.
	parent, cancelP := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancelP()
	child, cancelC := context.WithTimeout(parent, time.Hour)
	defer cancelC()
	pd, _ := parent.Deadline()
	cd, _ := child.Deadline()
	fmt.Println("child deadline is the parent's:", cd.Equal(pd))
	<-child.Done()
	fmt.Println("child:", child.Err(), "parent:", parent.Err())

	// WithTimeoutCause reports the custom cause.
	ctx4, cancel4 := context.WithTimeoutCause(context.Background(), 10*time.Millisecond, errors.New("too slow"))
	defer cancel4()
	<-ctx4.Done()
	fmt.Println("err:", ctx4.Err(), "cause:", context.Cause(ctx4))

	// Goroutines stopped by a shared timeout.
	ctx5, cancel5 := context.WithTimeout(context.Background(), 40*time.Millisecond)
	defer cancel5()
	stopped := make(chan error, 3)
	for i := 0; i < 3; i++ {
		go func() {
			<-ctx5.Done()
			stopped <- ctx5.Err()
		}()
	}
	for i := 0; i < 3; i++ {
		fmt.Println("worker stopped:", <-stopped)
	}
}
