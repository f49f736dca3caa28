// Many goroutines call C at once, and C calls back into Go on each.
package main

/*
extern long long goWeight(int);
static long long weigh(int n) {
	long long t = 0;
	for (int i = 0; i < n; i++) t += goWeight(i);
	return t;
}
*/
import "C"
import (
	"fmt"
	"sync"
	"sync/atomic"
)

var calls atomic.Int64

//export goWeight
func goWeight(i C.int) C.longlong {
	calls.Add(1)
	s := make([]int, int(i)%16+1)
	return C.longlong(len(s))
}

func main() {
	var wg sync.WaitGroup
	results := make([]int64, 16)
	for g := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[g] = int64(C.weigh(C.int(100 + g)))
		}()
	}
	wg.Wait()
	fmt.Println(results, calls.Load())
}
