// A callback on a thread made by C starts goroutines and waits for
// them; the main goroutine waits for the C thread meanwhile.
package main

/*
#include <pthread.h>
extern int goFanOut(int);
static int result;
static void *thread_main(void *arg) { result = goFanOut(10); return 0; }
static int run_in_thread(void) {
	pthread_t t;
	pthread_create(&t, 0, thread_main, 0);
	pthread_join(t, 0);
	return result;
}
*/
import "C"
import (
	"fmt"
	"sync"
)

//export goFanOut
func goFanOut(n C.int) C.int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 1; i <= int(n); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			total += i * i
			mu.Unlock()
		}()
	}
	wg.Wait()
	return C.int(total)
}

func main() {
	fmt.Println(C.run_in_thread())
	fmt.Println(C.run_in_thread())
}
