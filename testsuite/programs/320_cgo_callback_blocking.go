// A Go callback called from C blocks on channels served by other
// goroutines; the C caller waits meanwhile, and nothing deadlocks.
package main

/*
extern int goAsk(int);
static int ask_three(void) {
	int t = 0;
	for (int i = 1; i <= 3; i++) t += goAsk(i);
	return t;
}
*/
import "C"
import "fmt"

var (
	requests = make(chan int)
	replies  = make(chan int)
)

//export goAsk
func goAsk(x C.int) C.int {
	requests <- int(x)
	return C.int(<-replies)
}

func main() {
	go func() {
		for x := range requests {
			fmt.Println("server got", x)
			replies <- x * x
		}
	}()
	fmt.Println("total", C.ask_three())
}
