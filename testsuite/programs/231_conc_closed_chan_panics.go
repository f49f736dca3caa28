// Channel misuse panics with a recoverable runtime.Error: send on closed (also
// a blocked sender), close of closed, close of nil; receiving does not panic.
package main

import (
	"fmt"
	"runtime"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Printf("%s: %v (runtime.Error: %v)\n", name, r, isRuntime)
	}()
	f()
}

func main() {
	c := make(chan int, 1)
	close(c)
	try("send on closed", func() { c <- 1 })
	try("close of closed", func() { close(c) })
	var nilCh chan int
	try("close of nil", func() { close(nilCh) })
	try("receive from closed", func() {
		v, ok := <-c
		fmt.Println("  received", v, ok)
	})

	// A sender blocked on a full channel panics when it is closed. (The
	// race detector calls a send racing with close a race; the runtime
	// defines the outcome either way: the send panics.)
	full := make(chan int, 1)
	full <- 0
	result := make(chan string)
	go func() {
		defer func() { result <- fmt.Sprint("blocked sender: ", recover()) }()
		full <- 1
	}()
	// Give the sender a chance to block first; whether it has or not when
	// close runs, its send panics.
	runtime.Gosched()
	close(full)
	fmt.Println(<-result)
	v, ok := <-full
	fmt.Println("buffered value survives close:", v, ok)

	// Select with a send case on a closed channel also panics.
	try("select send on closed", func() {
		select {
		case c <- 2:
		default:
		}
	})

	// Recovering leaves the program fully usable.
	fresh := make(chan string, 1)
	fresh <- "still works"
	fmt.Println(<-fresh)
}
