// C calls from many goroutines at once; a C call that blocks (usleep)
// does not stop the other goroutines, even with GOMAXPROCS=1.
package main

/*
#include <unistd.h>
static int slow_square(int x) { usleep(20000); return x * x; }
static int fast(int x) { return x + 1; }
*/
import "C"
import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func main() {
	runtime.GOMAXPROCS(1)
	var wg sync.WaitGroup
	res := make([]C.int, 8)
	start := time.Now()
	for i := range res {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res[i] = C.slow_square(C.int(i))
		}()
	}
	// Meanwhile this goroutine keeps running.
	n := C.int(0)
	for i := 0; i < 1000; i++ {
		n = C.fast(n)
	}
	wg.Wait()
	fmt.Println(res, n)
	fmt.Println("overlapped:", time.Since(start) < 8*20*time.Millisecond)
}
