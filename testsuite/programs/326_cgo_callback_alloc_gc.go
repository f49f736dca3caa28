// Callbacks from C allocate a lot and keep some of it in Go structures;
// collections run during them and nothing reachable is lost.
package main

/*
extern void goBuild(int);
static void build_many(int n) { for (int i = 0; i < n; i++) goBuild(i); }
*/
import "C"
import (
	"fmt"
	"runtime"
	"strconv"
)

type node struct {
	id   int
	name string
	next *node
}

var head *node

//export goBuild
func goBuild(i C.int) {
	for j := 0; j < 50; j++ {
		_ = make([]byte, 4096)
	}
	head = &node{id: int(i), name: "n" + strconv.Itoa(int(i)), next: head}
	if i%100 == 0 {
		runtime.GC()
	}
}

func main() {
	C.build_many(1000)
	n, sum := 0, 0
	for p := head; p != nil; p = p.next {
		n++
		sum += p.id
		if p.name != "n"+strconv.Itoa(p.id) {
			panic("corrupted")
		}
	}
	fmt.Println(n, sum)
}
