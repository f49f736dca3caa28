// Eight C threads (pthread_create) call an exported Go function 100
// times each: each call runs on a goroutine of its own, allocates, takes
// a mutex, sends on a channel and sometimes forces a collection.
package main

/*
#cgo LDFLAGS: -lpthread
#include <pthread.h>
#include <stdint.h>

extern void goWork(int id, int n);

static void *worker(void *arg) {
	int id = (int)(intptr_t)arg;
	for (int i = 0; i < 100; i++) goWork(id, i);
	return 0;
}

static void runThreads(int n) {
	pthread_t th[16];
	for (int i = 0; i < n; i++) pthread_create(&th[i], 0, worker, (void *)(intptr_t)i);
	for (int i = 0; i < n; i++) pthread_join(th[i], 0);
}
*/
import "C"

import (
	"fmt"
	"runtime"
	"sync"
)

var (
	mu     sync.Mutex
	counts = map[int]int{}
	ch     = make(chan int, 1000)
	keep   [][]byte
)

//export goWork
func goWork(id, n C.int) {
	b := make([]byte, 1024)
	b[0] = byte(n)
	mu.Lock()
	counts[int(id)] += int(n)
	keep = append(keep, b)
	if len(keep) > 50 {
		keep = keep[:0]
	}
	mu.Unlock()
	if n%10 == 0 {
		runtime.GC()
	}
	ch <- int(id)
}

func main() {
	done := make(chan bool)
	go func() {
		total := 0
		for range ch {
			total++
			if total == 800 {
				break
			}
		}
		done <- true
	}()
	C.runThreads(8)
	<-done
	for i := 0; i < 8; i++ {
		fmt.Println(i, counts[i])
	}
}
