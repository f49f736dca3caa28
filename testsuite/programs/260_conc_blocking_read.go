// rgo:env GOMAXPROCS=1
// A goroutine blocked reading a pipe does not stop the others: with one
// processor, the reader's system call hands the processor on, other
// goroutines keep printing, and the reader gets the data written later.
package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	r, w, err := os.Pipe()
	if err != nil {
		fmt.Println(err)
		return
	}
	got := make(chan string)
	go func() {
		buf := make([]byte, 64)
		n, err := r.Read(buf)
		if err != nil {
			got <- err.Error()
			return
		}
		got <- string(buf[:n])
	}()
	ticks := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			time.Sleep(20 * time.Millisecond)
			ticks <- i
		}
		close(ticks)
	}()
	for i := range ticks {
		fmt.Println("tick", i, "while the reader waits")
	}
	w.Write([]byte("hello through the pipe"))
	fmt.Println("reader got:", <-got)
	w.Close()
	n, err := r.Read(make([]byte, 8))
	fmt.Println("after close:", n, err)
}
