// A panic in a Go callback unwinds through the C frames to the Go
// function that called C, where recover stops it; calls work after.
package main

/*
extern void goMaybePanic(int);
static int call_go(int x) { goMaybePanic(x); return x * 2; }
*/
import "C"
import "fmt"

//export goMaybePanic
func goMaybePanic(x C.int) {
	if x > 0 {
		panic(fmt.Sprintf("boom %d", x))
	}
}

func try(x int) (r int, err any) {
	defer func() { err = recover() }()
	return int(C.call_go(C.int(x))), nil
}

func main() {
	fmt.Println(try(0))
	fmt.Println(try(3))
	fmt.Println(try(-4))
	fmt.Println(try(5))
	fmt.Println(try(-1))
}
