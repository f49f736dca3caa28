// Go calls C, which calls Go, which calls C again, which calls Go: the
// calls nest on one goroutine.
package main

/*
extern int goLevel(int);
static int c_level(int n) { return n <= 0 ? 0 : 10 + goLevel(n - 1); }
*/
import "C"
import "fmt"

//export goLevel
func goLevel(n C.int) C.int {
	if n <= 0 {
		return 1
	}
	return 100 + C.c_level(n-1)
}

func main() {
	for n := 0; n < 6; n++ {
		fmt.Println(n, C.c_level(C.int(n)))
	}
}
