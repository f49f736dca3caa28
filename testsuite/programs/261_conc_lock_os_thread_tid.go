// A goroutine locked with runtime.LockOSThread keeps its thread across
// blocking, sleeping, yielding and busy neighbours; main locked in init
// runs main.main on the process's main thread.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"syscall"
	"time"
)

func init() {
	runtime.LockOSThread()
}

func main() {
	fmt.Println("main on the main thread:", syscall.Gettid() == syscall.Getpid())

	var busy sync.WaitGroup
	stop := make(chan struct{})
	for i := 0; i < 4; i++ {
		busy.Add(1)
		go func() {
			defer busy.Done()
			for {
				select {
				case <-stop:
					return
				default:
					runtime.Gosched()
				}
			}
		}()
	}

	ping := make(chan int)
	result := make(chan bool)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		tid := syscall.Gettid()
		same := true
		for i := 0; i < 200; i++ {
			<-ping
			if i%50 == 0 {
				time.Sleep(time.Millisecond)
			}
			runtime.Gosched()
			if syscall.Gettid() != tid {
				same = false
			}
		}
		result <- same
	}()
	for i := 0; i < 200; i++ {
		ping <- i
	}
	fmt.Println("locked goroutine kept its thread:", <-result)
	close(stop)
	busy.Wait()
	fmt.Println("main still on the main thread:", syscall.Gettid() == syscall.Getpid())
}
